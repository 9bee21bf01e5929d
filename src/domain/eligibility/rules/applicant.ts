import type { NextStep, Reason } from '../assessment.ts';
import { type ApplicantProfile, describeActivities } from '../profile.ts';
import { listProvinceNames, nextStep, reason, toProvinceRefs } from '../reason.ts';
import type { RuleContext } from '../rule-context.ts';

/**
 * Who may file at all, by kind of applicant: the article's list (sjgrand-5, sjgrand-6) next to what
 * providers and regulators say (reference §8). Province-specific checks live in province.ts.
 */

export interface RuleFindings {
  reasons: Reason[];
  nextSteps: NextStep[];
}

/**
 * Provinces that refuse foreign individuals: those that say so, and those that accept only local ID
 * cards, which a foreigner cannot hold (reference §7, §8).
 */
export function findProvincesRefusingForeigners(context: RuleContext): string[] {
  return context.catalogue.provinceRules
    .filter(
      (r) => r.acceptsNonChineseIndividuals.value === 'no' || r.individualResidency.value === 'local_id_only',
    )
    .map((r) => r.province);
}

const setUpCompanySteps = (): NextStep[] => [
  nextStep(
    'set_up_wfoe',
    'Set up a wholly foreign-owned enterprise (WFOE) in mainland China; it can file and, for e-commerce platforms, hold the EDI licence with 100 % foreign ownership.',
    '在中国大陆设立外商独资企业（WFOE）：可以办理备案，经营电子商务平台时可100%外资持有EDI许可证。',
    ['ref-8-who', 'sjgrand-5', 'miit-2015-196'],
  ),
  nextStep(
    'set_up_joint_venture',
    'Set up a joint venture with a Chinese partner; with at most 50 % foreign ownership it can also hold the ICP commercial licence.',
    '与中方合作设立合资企业：外资比例不超过50%时还可以申请ICP经营许可证。',
    ['ref-8-who', 'sjgrand-5', 'fite-2022'],
  ),
];

function assessForeignerOutsideChina(profile: ApplicantProfile): RuleFindings {
  const conditions = [
    {
      id: 'mainland_phones',
      met: profile.hasMainlandLandline === true && profile.hasMainlandMobile === true,
      en: 'a mainland China landline and a mainland China mobile number',
      zh: '中国大陆固定电话和大陆手机号',
      step: nextStep(
        'get_mainland_phone_numbers',
        'Get a mainland China landline and a mainland China mobile number (the MIIT SMS check is sent to a mainland mobile).',
        '办理中国大陆固定电话和大陆手机号（工信部短信核验发送到大陆手机号）。',
        ['sjgrand-6', 'ref-3-sms'],
      ),
    },
    {
      id: 'alipay_international_card',
      met: profile.alipayWithInternationalCard === true,
      en: 'an Alipay account linked to an international card',
      zh: '绑定国际银行卡的支付宝账户',
      step: nextStep(
        'link_alipay_international_card',
        'Open an Alipay account and link an international card (or another payment source).',
        '开通支付宝账户并绑定国际银行卡（或其他支付方式）。',
        ['sjgrand-6'],
      ),
    },
    {
      id: 'representative_in_china',
      met: profile.hasRepresentativeInChina === true,
      en: 'a representative in China who receives mail, materials and responses',
      zh: '在中国接收邮件、材料和回复的代表',
      step: nextStep(
        'appoint_representative_in_china',
        'Appoint a representative in mainland China to receive mail, materials and calls for you.',
        '在中国大陆指定一名代表，代为接收邮件、材料和电话。',
        ['sjgrand-6'],
      ),
    },
    {
      id: 'mandarin',
      met: profile.speaksMandarinOrHasAssistant === true,
      en: 'reading and speaking Mandarin, or someone who does',
      zh: '能读写和说普通话，或有能做到的协助人',
      step: nextStep(
        'arrange_mandarin_assistant',
        'Arrange for someone who reads and speaks Mandarin: provider portals and calls are in Chinese.',
        '安排能读写和说普通话的协助人：接入商系统和电话均为中文。',
        ['sjgrand-6'],
      ),
    },
  ];
  const missing = conditions.filter((c) => !c.met);
  const reasons: Reason[] = [
    missing.length === 0
      ? reason(
          'filing.foreigner_outside_china.article',
          'condition',
          'Under the article’s rule a foreign passport holder outside China can apply when all four conditions are met — and you meet them all.',
          '按文章的说法，身在中国境外的外国护照持有人满足全部四个条件即可申请——您均已满足。',
          ['sjgrand-6'],
        )
      : reason(
          'filing.foreigner_outside_china.article',
          'fail',
          `Even under the article’s rule a foreign passport holder outside China needs all four conditions; missing: ${missing.map((c) => c.en).join('; ')}.`,
          `即使按文章的说法，身在中国境外的外国护照持有人也须满足全部四个条件；尚缺：${missing.map((c) => c.zh).join('；')}。`,
          ['sjgrand-6'],
          { missing: missing.map((c) => c.id).join(',') },
        ),
    ...conditions.map((c) =>
      reason(
        `filing.foreigner_outside_china.condition.${c.id}`,
        c.met ? 'pass' : 'fail',
        `${c.met ? 'Met' : 'Missing'}: ${c.en}.`,
        `${c.met ? '已满足' : '未满足'}：${c.zh}。`,
        ['sjgrand-6'],
      ),
    ),
    reason(
      'filing.foreigner_outside_china.reference',
      'condition',
      'No provider or regulator source found supports filing by a foreigner outside China: it is province-dependent and usually not possible (see the conflicts).',
      '未找到任何接入商或监管来源支持境外外国人个人备案：取决于省份，通常不可行（见冲突说明）。',
      ['ref-8-who'],
    ),
  ];
  const nextSteps = [
    ...missing.map((c) => c.step),
    nextStep(
      'file_while_in_china',
      'Apply while you are in mainland China: the article lists foreign passport holders in China among those who can apply.',
      '在中国大陆境内时申请：文章将在华外国护照持有人列为可申请人。',
      ['sjgrand-5'],
    ),
    ...setUpCompanySteps(),
  ];
  return { reasons, nextSteps };
}

function provinceDependent(context: RuleContext, refusing: string[], ruleId: string): Reason {
  const names = listProvinceNames(toProvinceRefs(context.catalogue, refusing));
  return reason(
    ruleId,
    'condition',
    `Whether you can file depends on the province: ${names.en || 'no province'} refuse${refusing.length === 1 ? 's' : ''} it.`,
    `能否备案取决于省份：${names.zh || '无'}不予受理。`,
    ['ref-8-who', 'ref-7-jd', 'ref-7-huawei'],
    { provinces: refusing.join(',') },
  );
}

function assessIndividualContent(context: RuleContext): RuleFindings {
  const commercial = context.commercialActivities;
  const names = describeActivities(commercial);
  const findings: RuleFindings = { reasons: [], nextSteps: [] };
  if (commercial.length > 0) {
    findings.reasons.push(
      reason(
        'filing.individual.no_commercial_content',
        'condition',
        `A personal filing may carry only non-commercial content: you can file the site for information only, not for ${names.en}.`,
        `个人备案只能承载非经营性内容：网站只能按纯信息类备案，不能用于${names.zh}。`,
        ['ref-4-site-names', 'sjgrand-3'],
        { activities: commercial.join(',') },
      ),
    );
    findings.nextSteps.push(
      nextStep(
        'keep_personal_site_non_commercial',
        'Keep the personal site free of sales, advertising, payments and company content; run commercial services through a company.',
        '个人网站不得包含销售、广告、支付和企业内容；经营性服务须以企业名义开展。',
        ['ref-4-site-names'],
      ),
    );
  }
  if (context.profile.hasMainlandMobile === false && context.profile.inChina) {
    findings.reasons.push(
      reason(
        'filing.individual.mainland_mobile',
        'fail',
        'The MIIT SMS check (from 12381) goes to the applicant’s mainland mobile number; you have none.',
        '工信部短信核验（12381发送）发送到申请人的大陆手机号；您没有大陆手机号。',
        ['ref-3-sms', 'ref-4-people'],
      ),
    );
    findings.nextSteps.push(
      nextStep(
        'get_mainland_mobile',
        'Get a mainland China mobile number in your own name (a local one where the province requires it).',
        '办理本人实名的中国大陆手机号（省份有要求时须为本地号码）。',
        ['ref-3-sms', 'ref-4-people'],
      ),
    );
  }
  return findings;
}

function assessByKind(context: RuleContext): RuleFindings {
  const { profile } = context;
  switch (profile.applicantKind) {
    case 'chinese_individual':
      return {
        reasons: [
          reason(
            'filing.applicant.chinese_individual',
            'pass',
            'A Chinese citizen with a resident ID card can file a personal site.',
            '持居民身份证的中国公民可以办理个人网站备案。',
            ['sjgrand-5', 'ref-8-who'],
          ),
        ],
        nextSteps: [],
      };
    case 'foreign_individual': {
      const refusing = findProvincesRefusingForeigners(context);
      const unknownProvince = context.filingProvince
        ? []
        : [provinceDependent(context, refusing, 'filing.foreigner.province_dependent')];
      if (!profile.inChina) {
        const outside = assessForeignerOutsideChina(profile);
        return { reasons: [...outside.reasons, ...unknownProvince], nextSteps: outside.nextSteps };
      }
      return {
        reasons: [
          reason(
            'filing.applicant.foreigner_in_china',
            'pass',
            'The article lists foreign passport holders in China among those who can apply, and providers accept a passport for non-Chinese site owners — but only where the province accepts them.',
            '文章将在华外国护照持有人列为可申请人，接入商也接受非中国籍网站主办者使用护照——但须所在省份受理。',
            ['sjgrand-5', 'ref-8-who'],
          ),
          ...unknownProvince,
        ],
        nextSteps: [],
      };
    }
    case 'hmt_resident': {
      const accepting = context.catalogue.provinceRules
        .filter((r) => r.acceptsHkMoTwResidents.value === 'yes')
        .map((r) => r.province);
      const names = listProvinceNames(toProvinceRefs(context.catalogue, accepting));
      const reasons = [
        reason(
          'filing.applicant.hmt_resident',
          'pass',
          'Hong Kong, Macao and Taiwan residents file with a mainland travel permit or residence permit, where the province accepts them.',
          '港澳台居民凭来往内地（大陆）通行证或居住证备案，须所在省份受理。',
          ['ref-8-who', 'ref-4-certificates'],
        ),
      ];
      if (!context.filingProvince) {
        reasons.push(
          reason(
            'filing.hmt_resident.province_dependent',
            'condition',
            `Not every province accepts Hong Kong, Macao and Taiwan residents; explicitly accepting: ${names.en || 'none in our sources'}.`,
            `并非所有省份都受理港澳台居民；明确受理的有：${names.zh || '资料中暂无'}。`,
            ['ref-8-who'],
            { provinces: accepting.join(',') },
          ),
        );
      }
      return { reasons, nextSteps: [] };
    }
    case 'chinese_company':
    case 'wfoe':
    case 'joint_venture': {
      const reasons = [
        reason(
          'filing.applicant.mainland_company',
          'pass',
          'A company registered in mainland China (Chinese-owned, WFOE or joint venture) files with its business licence.',
          '在中国大陆注册的公司（内资、外商独资或合资）凭营业执照备案。',
          ['sjgrand-5', 'ref-8-who'],
        ),
      ];
      const chinese = profile.chineseOwnershipPercent;
      if (profile.applicantKind === 'joint_venture' && chinese !== undefined && chinese <= 50) {
        reasons.push(
          reason(
            'filing.applicant.joint_venture_minority_chinese',
            'info',
            'The article lists joint ventures with more than 50 % Chinese ownership; provider sources let any mainland entity (WFOE, JV or branch) file — ownership limits concern the commercial licence (see the conflicts).',
            '文章只列出中方持股超过50%的合资企业；接入商资料显示任何境内主体（外商独资、合资或分支机构）都可以备案——持股限制针对的是经营许可证（见冲突说明）。',
            ['sjgrand-5', 'ref-8-who'],
            { chineseOwnershipPercent: chinese },
          ),
        );
      }
      return { reasons, nextSteps: [] };
    }
    case 'foreign_company':
      return {
        reasons: [
          reason(
            'filing.applicant.foreign_company',
            'fail',
            'A foreign company without a mainland entity cannot file: filings are made by a mainland legal entity with a mainland certificate.',
            '没有境内主体的境外公司不能备案：备案须由持有境内证件的境内主体办理。',
            ['ref-8-who'],
          ),
        ],
        nextSteps: [
          ...setUpCompanySteps(),
          nextStep(
            'register_representative_office',
            'Or register a resident representative office: some provinces accept its registration certificate for filing, but it can never obtain a commercial licence.',
            '或登记外国企业常驻代表机构：部分省份接受其登记证备案，但代表机构无法取得经营许可证。',
            ['ref-8-who'],
          ),
        ],
      };
    case 'representative_office':
      return {
        reasons: [
          reason(
            'filing.applicant.representative_office',
            'condition',
            'A foreign enterprise’s resident representative office can file with its registration certificate in some provinces only; ask your provider whether your province accepts it.',
            '外国企业常驻代表机构仅在部分省份可凭登记证备案；请向接入商确认本省是否受理。',
            ['ref-8-who'],
          ),
        ],
        nextSteps: [],
      };
    case 'government':
    case 'public_institution':
    case 'social_organisation': {
      const reasons = [
        reason(
          'filing.applicant.public_body',
          'pass',
          'Government bodies, public institutions and social organisations file with their own registration certificate.',
          '政府机关、事业单位和社会团体凭各自的登记证书备案。',
          ['ref-4-natures'],
        ),
      ];
      if (profile.applicantKind !== 'social_organisation') {
        reasons.push(
          reason(
            'filing.public_body.domain_suffix',
            'info',
            'Party and government bodies use .gov.cn or .政务 domains; several provinces require public institutions to use .cn or .公益.',
            '党政机关使用.gov.cn或.政务域名；多个省份要求事业单位使用.cn或.公益域名。',
            ['ref-4-pre-approvals', 'ref-5-domains'],
          ),
        );
      }
      return { reasons, nextSteps: [] };
    }
  }
}

function assessVerification(context: RuleContext): Reason[] {
  const reasons = [
    reason(
      'filing.verification.photo',
      'info',
      'Every filing includes an identity check of the website administrator: today mostly a video/liveness check in the provider’s app; the mailed backdrop (幕布) the article describes is the older practice and was sent to mainland addresses only.',
      '每次备案都要核验网站负责人身份：现在多为接入商App中的人脸/活体核验；文章所说的邮寄幕布是旧做法，且仅寄往大陆地址。',
      ['sjgrand-10', 'ref-3-verification'],
    ),
    reason(
      'filing.consultancy',
      'info',
      'Filing through your hosting provider is free; consultancies can handle it for you (the article’s suggestion), but fee-charging agencies carry risks.',
      '通过接入商办理备案免费；也可委托咨询公司代办（文章的建议），但收费代办存在风险。',
      ['sjgrand-12', 'ref-8-who'],
    ),
  ];
  if (context.filingProvince?.code === '31' && context.isIndividual && !context.profile.inChina) {
    reasons.push(
      reason(
        'filing.verification.shanghai_in_shanghai',
        'condition',
        'Shanghai verifies identity in its own app, and the photo must be taken in Shanghai with the same phone number.',
        '上海通过自有App核验身份，照片须在上海境内、使用同一手机号拍摄。',
        ['ref-3-verification'],
      ),
    );
  }
  return reasons;
}

/** The applicant-kind rules of the ICP filing. */
export function assessApplicant(context: RuleContext): RuleFindings {
  const byKind = assessByKind(context);
  const individual = context.isIndividual ? assessIndividualContent(context) : { reasons: [], nextSteps: [] };
  return {
    reasons: [...byKind.reasons, ...individual.reasons, ...assessVerification(context)],
    nextSteps: [...byKind.nextSteps, ...individual.nextSteps],
  };
}
