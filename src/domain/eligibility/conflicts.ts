import type { Localized } from '../shared/localized.ts';
import type { Conflict, ConflictPosition, ProvinceRef, ProvinceRuleItem, Timeline } from './assessment.ts';
import { listProvinceNames, toProvinceRefs } from './reason.ts';
import type { RuleContext } from './rule-context.ts';
import { findProvincesRefusingForeigners } from './rules/applicant.ts';

/**
 * Where the S.J. Grand article (sjgrand-N) and the provider and regulator sources disagree, both are
 * shown: the article is where OpenBeian's requirements started, the stricter sources are what
 * applicants meet in practice. Also lists the filing province's rules on which sources disagree.
 */

const article = (en: string, zh: string, sources: string[]): ConflictPosition => ({
  stance: 'article',
  message: { en, zh },
  sources,
});
const reference = (en: string, zh: string, sources: string[]): ConflictPosition => ({
  stance: 'reference',
  message: { en, zh },
  sources,
});

function conflict(
  id: string,
  topic: Localized,
  positions: ConflictPosition[],
  provinces: ProvinceRef[] = [],
): Conflict {
  return { id, kind: 'article_vs_reference', topic, positions, provinces };
}

function foreignerConflicts(context: RuleContext): Conflict[] {
  const { profile, catalogue } = context;
  if (profile.applicantKind !== 'foreign_individual') return [];
  const refusing = toProvinceRefs(catalogue, findProvincesRefusingForeigners(context));
  const names = listProvinceNames(refusing);
  const refusal = reference(
    `Provinces refuse non-Chinese individuals, or accept only local ID cards that a foreigner cannot hold: ${names.en}. Elsewhere acceptance is mostly not stated.`,
    `以下省份不受理外国籍个人，或只接受外国人无法持有的本省身份证：${names.zh}。其他省份大多未说明。`,
    ['ref-8-who', 'ref-7-jd', 'ref-7-huawei'],
  );
  if (profile.inChina) {
    return [
      conflict(
        'foreigner_in_china',
        { en: 'Foreign passport holders in China', zh: '在华外国护照持有人' },
        [
          article(
            'A foreign passport holder currently in China can apply.',
            '目前在中国境内的外国护照持有人可以申请。',
            ['sjgrand-5'],
          ),
          refusal,
        ],
        refusing,
      ),
    ];
  }
  return [
    conflict(
      'foreigner_outside_china',
      { en: 'Foreign passport holders outside China', zh: '境外外国护照持有人' },
      [
        article(
          'A foreign passport holder outside China can apply with a mainland landline and mobile, Alipay linked to an international card, a representative in China, and Mandarin (or someone who speaks it).',
          '境外外国护照持有人具备大陆固话和手机、绑定国际卡的支付宝、在华代表以及普通话能力（或协助人）即可申请。',
          ['sjgrand-6'],
        ),
        reference(
          'No provider or regulator source found supports a personal filing by a foreigner outside China: it is province-dependent and usually not possible.',
          '未找到任何接入商或监管来源支持境外外国人个人备案：取决于省份，通常不可行。',
          ['ref-8-who'],
        ),
        refusal,
      ],
      refusing,
    ),
  ];
}

function individualLocationConflict(context: RuleContext): Conflict[] {
  if (!context.isIndividual) return [];
  const localOnly = toProvinceRefs(
    context.catalogue,
    context.catalogue.provinceRules
      .filter((r) => r.individualResidency.value === 'local_id_only')
      .map((r) => r.province),
  );
  const names = listProvinceNames(localOnly);
  return [
    conflict(
      'individual_location',
      { en: 'Where individuals file', zh: '个人在何处备案' },
      [
        article('Individuals can register at any location in China.', '个人可在中国任何地方备案。', [
          'sjgrand-8',
        ]),
        reference(
          `Individuals file in the province of their ID card or, where the province allows it, with a local residence permit; these provinces accept only local ID cards: ${names.en}.`,
          `个人在身份证签发省份备案，或在允许的省份凭当地居住证备案；以下省份只接受本省身份证：${names.zh}。`,
          ['ref-8-who', 'ref-7-jd', 'ref-7-huawei'],
        ),
      ],
      localOnly,
    ),
  ];
}

function ownershipConflicts(context: RuleContext): Conflict[] {
  const { profile, needs } = context;
  const conflicts: Conflict[] = [];
  const foreignKinds: readonly string[] = [
    'wfoe',
    'joint_venture',
    'foreign_company',
    'representative_office',
  ];
  if (needs.icpLicence || needs.ediLicence || foreignKinds.includes(profile.applicantKind)) {
    conflicts.push(
      conflict('licence_ownership', { en: 'Who can hold the commercial licence', zh: '谁能持有经营许可证' }, [
        article(
          'The commercial licence is open to Chinese-owned businesses and joint ventures; joint ventures need more than 50 % Chinese ownership.',
          '经营许可证面向内资企业和合资企业；合资企业须中方持股超过50%。',
          ['sjgrand-4', 'sjgrand-5'],
        ),
        reference(
          'Foreign ownership of value-added telecom services is capped at 50 % (so a 50/50 joint venture qualifies); e-commerce platforms (EDI) allow 100 % foreign ownership since 2015; the 2024 pilot zones (Beijing, Shanghai Lingang and Pudong, Hainan FTP, Shenzhen) lift the cap for certain services, excluding news, publishing, audio-visual and internet culture.',
          '增值电信业务外资比例上限为50%（因此各占50%的合资企业符合要求）；自2015年起电子商务平台（EDI）允许外资100%持股；2024年试点地区（北京、上海临港及浦东、海南自贸港、深圳）对部分业务取消股比限制，但不含新闻、出版、视听和网络文化。',
          ['fite-2022', 'miit-2015-196', 'miit-2024-107'],
        ),
      ]),
    );
  }
  if (
    profile.applicantKind === 'joint_venture' &&
    profile.chineseOwnershipPercent !== undefined &&
    profile.chineseOwnershipPercent <= 50
  ) {
    conflicts.push(
      conflict('joint_venture_filing', { en: 'Joint ventures and the filing', zh: '合资企业与备案' }, [
        article(
          'Joint ventures with more than 50 % Chinese ownership can apply.',
          '中方持股超过50%的合资企业可以申请。',
          ['sjgrand-5'],
        ),
        reference(
          'Any mainland legal entity (WFOE, joint venture or branch) can file; ownership limits concern the commercial licence, not the filing.',
          '任何境内法人主体（外商独资、合资或分支机构）都可以备案；股比限制针对经营许可证，而非备案。',
          ['ref-8-who'],
        ),
      ]),
    );
  }
  return conflicts;
}

function processConflicts(context: RuleContext, timeline: Timeline): Conflict[] {
  const { needs } = context;
  if (!needs.filing) return [];
  const filing = timeline.phases.find((p) => p.instrument === 'icp_filing');
  const work = filing?.total.workingDays ?? { typical: 0, max: 0 };
  const calendar = filing?.total.calendarDays ?? { typical: 0, max: 0 };
  const licence = needs.icpLicence || needs.ediLicence;
  const conflicts: Conflict[] = [
    conflict('processing_time', { en: 'How long it takes', zh: '办理时长' }, [
      article('It takes about ten days to get an ICP licence.', '取得ICP许可证大约需要十天。', [
        'sjgrand-11',
      ]),
      reference(
        `The filing alone takes ${work.typical}–${work.max} working days of provider and authority review plus ${calendar.max} day(s) for the SMS check; the authority’s legal ceiling is 20 working days and rejections restart it.${licence ? ' The commercial licence follows the filing: acceptance within 5 working days, a decision within 60 days and issuance within 10 days.' : ''}`,
        `仅备案就需要接入商和管局审核${work.typical}–${work.max}个工作日，另加短信核验${calendar.max}天；管局法定时限为20个工作日，驳回后重新计算。${licence ? '经营许可证在备案之后办理：5个工作日内受理，60日内作出决定，10日内颁证。' : ''}`,
        dedupeSources(['order-33', 'ref-3-process', 'ref-3-sms', ...(licence ? ['ref-9-licence'] : [])]),
      ),
    ]),
    conflict('shanghai_faster', { en: 'Is Shanghai faster?', zh: '上海更快吗？' }, [
      article('Shanghai is usually much faster than other places.', '上海通常比其他地方快得多。', [
        'sjgrand-11',
      ]),
      reference(
        'No authoritative per-province statistics exist; the only support is the Shanghai authority’s own 2020 statement that its reviews are among the fastest. OpenBeian shows observed durations per province instead.',
        '没有权威的分省统计；唯一依据是上海管局2020年自称审核速度全国领先。OpenBeian改为展示各省实际观测的时长。',
        ['ref-7-review-times', 'ref-3-verification'],
      ),
    ]),
    conflict('photo_backdrop', { en: 'The applicant photo', zh: '申请人照片' }, [
      article(
        'A photo of the applicant is essential; applicants outside China receive an official backdrop (幕布) from Aliyun.',
        '申请人照片必不可少；境外申请人会收到阿里云寄送的幕布作为拍照背景。',
        ['sjgrand-10'],
      ),
      reference(
        'Backdrops were mailed to mainland addresses only and have mostly been replaced by a liveness check in the provider’s app; Shanghai requires the photo to be taken in Shanghai.',
        '幕布仅寄往大陆地址，现在大多已被接入商App中的活体核验取代；上海要求在上海境内拍照。',
        ['ref-3-verification'],
      ),
    ]),
  ];
  if (!licence) {
    conflicts.push(
      conflict('licence_terminology', { en: 'Licence or filing?', zh: '许可证还是备案？' }, [
        article(
          'An ICP licence is needed to run a website hosted in mainland China.',
          '在中国大陆托管网站需要ICP许可证。',
          ['sjgrand-1'],
        ),
        reference(
          'A non-commercial site needs only an ICP filing (备案); the licence is for commercial services.',
          '非经营性网站只需办理ICP备案；许可证针对经营性服务。',
          ['decree-292', 'order-33', 'sjgrand-3'],
        ),
      ]),
    );
  }
  return conflicts;
}

function dedupeSources(sources: string[]): string[] {
  return [...new Set(sources)];
}

const TOPIC_LABELS: Record<ProvinceRuleItem['topic'], Localized> = {
  individual_residency: { en: 'residency of individuals', zh: '个人户籍要求' },
  non_chinese_individuals: { en: 'non-Chinese individuals', zh: '外国籍个人' },
  hk_mo_tw_residents: { en: 'Hong Kong, Macao and Taiwan residents', zh: '港澳台居民' },
  minimum_age: { en: 'minimum age', zh: '最低年龄' },
  local_mobile: { en: 'local mobile number', zh: '本地手机号' },
  organisation_leader: { en: 'entity leader', zh: '主体负责人' },
  max_sites_per_order: { en: 'websites per order', zh: '每单网站数量' },
  number_display: { en: 'number display', zh: '备案号展示' },
  shell_entity: { en: 'shell entities', zh: '空壳主体' },
  review_days: { en: 'review times', zh: '审核时长' },
  special_item: { en: 'special rule', zh: '特殊规定' },
};

/** The filing province's rules on which sources disagree (catalogue `alternatives`). */
function provinceConflicts(context: RuleContext, items: readonly ProvinceRuleItem[]): Conflict[] {
  const province = context.filingProvince;
  if (!province) return [];
  const ref = { code: province.code, nameEn: province.nameEn, nameZh: province.nameZh };
  return items
    .filter((item) => item.alternatives.length > 0)
    .map((item) => ({
      id: `province.${item.topic}`,
      kind: 'sources_disagree' as const,
      topic: {
        en: `${province.nameEn}: ${TOPIC_LABELS[item.topic].en}`,
        zh: `${province.nameZh}：${TOPIC_LABELS[item.topic].zh}`,
      },
      positions: [
        { stance: 'catalogue' as const, message: item.message, sources: item.sources },
        ...item.alternatives.map((alt) => ({
          stance: 'alternative' as const,
          message: alt.note
            ? { en: `${alt.message.en} (${alt.note.en})`, zh: `${alt.message.zh}（${alt.note.zh}）` }
            : alt.message,
          sources: alt.sources,
        })),
      ],
      provinces: [ref],
    }));
}

export function collectConflicts(
  context: RuleContext,
  provinceItems: readonly ProvinceRuleItem[],
  timeline: Timeline,
): Conflict[] {
  return [
    ...foreignerConflicts(context),
    ...individualLocationConflict(context),
    ...ownershipConflicts(context),
    ...processConflicts(context, timeline),
    ...provinceConflicts(context, provinceItems),
  ];
}
