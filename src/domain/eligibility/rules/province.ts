import type { Province, ProvinceRules } from '../../catalogue/schema.ts';
import type { Localized } from '../../shared/localized.ts';
import type {
  NextStep,
  Outcome,
  ProvinceRuleItem,
  ProvinceRulesAssessment,
  Reason,
  RuleAlternative,
} from '../assessment.ts';
import { nextStep, toProvinceRef } from '../reason.ts';
import type { RuleContext } from '../rule-context.ts';

/**
 * The rules of the filing province that matter for this applicant (reference §7), each explained against
 * the profile (age against the minimum age, mobile province against a local-mobile rule …). Where the
 * catalogue keeps another source's value (`alternatives`), the rule is evaluated under every value and a
 * disagreement that could block the applicant turns the answer into a condition.
 */

type Sourced<T> = {
  value: T;
  sources: string[];
  note?: Localized;
  alternatives?: { value: T; sources: string[]; note?: Localized }[];
};

type Topic = ProvinceRuleItem['topic'];

/** How one value of a rule applies to the applicant. */
interface Evaluation {
  ruleId: string;
  outcome: Outcome;
  en: string;
  zh: string;
  params?: Reason['params'];
}

const SEVERITY: Record<Outcome, number> = { pass: 0, info: 1, condition: 2, fail: 3 };

function buildItem<T>(
  topic: Topic,
  rule: Sourced<T>,
  evaluate: (value: T) => Evaluation,
  describe: (value: T) => Localized,
): ProvinceRuleItem {
  const primary = evaluate(rule.value);
  const alternatives: RuleAlternative[] = (rule.alternatives ?? []).map((alt) => ({
    message: describe(alt.value),
    sources: alt.sources,
    ...(alt.note ? { note: alt.note } : {}),
  }));
  const worstAlternative = Math.max(
    -1,
    ...(rule.alternatives ?? []).map((a) => SEVERITY[evaluate(a.value).outcome]),
  );
  const disputed = primary.outcome !== 'fail' && worstAlternative >= SEVERITY.condition;
  const en = disputed
    ? `${primary.en} Sources disagree: ${alternatives.map((a) => a.message.en).join('; ')}.`
    : primary.en;
  const zh = disputed
    ? `${primary.zh}资料说法不一：${alternatives.map((a) => a.message.zh).join('；')}。`
    : primary.zh;
  const params = disputed ? { ...primary.params, sourcesDisagree: true } : primary.params;
  const item: ProvinceRuleItem = {
    topic,
    ruleId: primary.ruleId,
    outcome: disputed ? 'condition' : primary.outcome,
    message: { en, zh },
    sources: [
      ...new Set([...rule.sources, ...(disputed ? (rule.alternatives ?? []).flatMap((a) => a.sources) : [])]),
    ],
    alternatives,
  };
  if (params !== undefined) item.params = params;
  if (rule.note) item.note = rule.note;
  return item;
}

type Residency = ProvinceRules['individualResidency']['value'];

function describeResidency(value: Residency): Localized {
  switch (value) {
    case 'any_province':
      return { en: 'individuals from any province may file', zh: '任何省份的个人均可备案' };
    case 'residence_permit':
      return { en: 'non-locals may file with a local residence permit', zh: '外省人员可凭本地居住证备案' };
    case 'local_id_only':
      return { en: 'only locally issued ID cards are accepted', zh: '只接受本省签发的身份证' };
    case 'unspecified':
      return { en: 'the sources say nothing about residency', zh: '资料未说明户籍要求' };
  }
}

function evaluateResidency(context: RuleContext, province: Province, value: Residency): Evaluation {
  const { profile } = context;
  const name = { en: province.nameEn, zh: province.nameZh };
  const hasLocalId =
    profile.applicantKind === 'chinese_individual'
      ? context.certificateProvince?.code === province.code
      : false;
  const idUnknown = profile.applicantKind === 'chinese_individual' && !context.certificateProvince;
  if (hasLocalId) {
    return {
      ruleId: 'province.residency.local_id',
      outcome: 'pass',
      en: `Your ID card was issued in ${name.en}.`,
      zh: `您的身份证由${name.zh}签发。`,
    };
  }
  const hasPermit = context.residencePermitProvince?.code === province.code;
  switch (value) {
    case 'any_province':
      return {
        ruleId: 'province.residency.any_province',
        outcome: 'pass',
        en: `${name.en} accepts individuals from any province.`,
        zh: `${name.zh}接受任何省份的个人备案。`,
      };
    case 'residence_permit':
      return hasPermit
        ? {
            ruleId: 'province.residency.residence_permit',
            outcome: 'pass',
            en: `${name.en} accepts non-locals with a local residence permit, which you have.`,
            zh: `${name.zh}接受持本地居住证的外省人员备案，您持有居住证。`,
          }
        : {
            ruleId: 'province.residency.residence_permit',
            outcome: 'condition',
            en: `${name.en} accepts non-locals only with a ${name.en} residence permit${idUnknown ? ' (or a local ID card)' : ''}.`,
            zh: `${name.zh}只接受持本地居住证的外省人员备案${idUnknown ? '（或本省身份证）' : ''}。`,
          };
    case 'local_id_only':
      return idUnknown
        ? {
            ruleId: 'province.residency.local_id_only',
            outcome: 'condition',
            en: `${name.en} accepts only ID cards issued in ${name.en}.`,
            zh: `${name.zh}只接受本省签发的身份证。`,
          }
        : {
            ruleId: 'province.residency.local_id_only',
            outcome: 'fail',
            en: `${name.en} accepts only ID cards issued in ${name.en}; you cannot file there.`,
            zh: `${name.zh}只接受本省签发的身份证，您无法在该省备案。`,
          };
    case 'unspecified':
      return {
        ruleId: 'province.residency.unspecified',
        outcome: 'condition',
        en: `Our sources do not say whether ${name.en} accepts individuals without a local ID card; ask your provider.`,
        zh: `资料未说明${name.zh}是否接受无本省身份证的个人备案，请向接入商确认。`,
      };
  }
}

type Acceptance = 'yes' | 'no' | 'unspecified';

function describeAcceptance(value: Acceptance): Localized {
  switch (value) {
    case 'yes':
      return { en: 'accepted', zh: '受理' };
    case 'no':
      return { en: 'refused', zh: '不受理' };
    case 'unspecified':
      return { en: 'not stated', zh: '未说明' };
  }
}

function evaluateAcceptance(
  province: Province,
  value: Acceptance,
  prefix: 'province.non_chinese' | 'province.hk_mo_tw',
  who: Localized,
): Evaluation {
  switch (value) {
    case 'yes':
      return {
        ruleId: `${prefix}.accepted`,
        outcome: 'pass',
        en: `${province.nameEn} accepts filings by ${who.en}.`,
        zh: `${province.nameZh}受理${who.zh}备案。`,
      };
    case 'no':
      return {
        ruleId: `${prefix}.refused`,
        outcome: 'fail',
        en: `${province.nameEn} refuses filings by ${who.en}.`,
        zh: `${province.nameZh}不受理${who.zh}备案。`,
      };
    case 'unspecified':
      return {
        ruleId: `${prefix}.unspecified`,
        outcome: 'condition',
        en: `Our sources do not say whether ${province.nameEn} accepts ${who.en}; ask your provider before you start.`,
        zh: `资料未说明${province.nameZh}是否受理${who.zh}备案，开始前请向接入商确认。`,
      };
  }
}

type MinimumAge = ProvinceRules['minimumAge']['value'];

function describeMinimumAge(value: MinimumAge): Localized {
  return value.withProofFrom === undefined
    ? { en: `at least ${value.age}`, zh: `年满${value.age}周岁` }
    : {
        en: `at least ${value.age}, or ${value.withProofFrom} with proof of employment or income`,
        zh: `年满${value.age}周岁，或年满${value.withProofFrom}周岁并提供就业或收入证明`,
      };
}

function evaluateMinimumAge(age: number | undefined, value: MinimumAge): Evaluation {
  const rule = describeMinimumAge(value);
  if (age === undefined) {
    return {
      ruleId: 'province.minimum_age.unknown',
      outcome: 'condition',
      en: `The applicant must be ${rule.en}.`,
      zh: `申请人须${rule.zh}。`,
      params: { minimumAge: value.age },
    };
  }
  if (age >= value.age) {
    return {
      ruleId: 'province.minimum_age.met',
      outcome: 'pass',
      en: `At ${age} you meet the minimum age (${rule.en}).`,
      zh: `您${age}岁，符合年龄要求（${rule.zh}）。`,
      params: { age, minimumAge: value.age },
    };
  }
  if (value.withProofFrom !== undefined && age >= value.withProofFrom) {
    return {
      ruleId: 'province.minimum_age.with_proof',
      outcome: 'condition',
      en: `At ${age} you can file only with proof of employment or income (${rule.en}).`,
      zh: `您${age}岁，须提供就业或收入证明方可备案（${rule.zh}）。`,
      params: { age, minimumAge: value.age, withProofFrom: value.withProofFrom },
    };
  }
  return {
    ruleId: 'province.minimum_age.under_age',
    outcome: 'fail',
    en: `At ${age} you are under the minimum age (${rule.en}).`,
    zh: `您${age}岁，未达到年龄要求（${rule.zh}）。`,
    params: { age, minimumAge: value.age },
  };
}

function evaluateLocalMobile(context: RuleContext, province: Province, required: boolean): Evaluation {
  if (!required) {
    return {
      ruleId: 'province.local_mobile.not_required',
      outcome: 'info',
      en: `${province.nameEn} does not require a local mobile number.`,
      zh: `${province.nameZh}不要求本地手机号。`,
    };
  }
  if (!context.isIndividual) {
    return {
      ruleId: 'province.local_mobile.organisation',
      outcome: 'info',
      en: `${province.nameEn} requires ${province.nameEn} mobile numbers for the entity leader and the website administrator.`,
      zh: `${province.nameZh}要求主体负责人和网站负责人使用本省手机号。`,
    };
  }
  const { profile } = context;
  const mobile = context.mobileProvince;
  if (mobile?.code === province.code) {
    return {
      ruleId: 'province.local_mobile.met',
      outcome: 'pass',
      en: `${province.nameEn} requires a local mobile number; yours is from ${province.nameEn}.`,
      zh: `${province.nameZh}要求本地手机号；您的手机号属于${province.nameZh}。`,
    };
  }
  if (mobile || profile.hasMainlandMobile === false) {
    return {
      ruleId: 'province.local_mobile.missing',
      outcome: 'fail',
      en: `${province.nameEn} requires a ${province.nameEn} mobile number${mobile ? `; yours is from ${mobile.nameEn}` : ''}.`,
      zh: `${province.nameZh}要求本省手机号${mobile ? `；您的手机号属于${mobile.nameZh}` : ''}。`,
      params: mobile ? { mobileProvince: mobile.code } : {},
    };
  }
  return {
    ruleId: 'province.local_mobile.unknown',
    outcome: 'condition',
    en: `${province.nameEn} requires a ${province.nameEn} mobile number.`,
    zh: `${province.nameZh}要求本省手机号。`,
  };
}

function buildInfoItems(rules: ProvinceRules, province: Province, isIndividual: boolean): ProvinceRuleItem[] {
  const items: ProvinceRuleItem[] = [];
  if (!isIndividual) {
    items.push(
      buildItem(
        'organisation_leader',
        rules.organisationLeader,
        (value) =>
          value === 'legal_rep_only'
            ? {
                ruleId: 'province.organisation_leader.legal_rep_only',
                outcome: 'info',
                en: `In ${province.nameEn} the entity leader must be the legal representative.`,
                zh: `${province.nameZh}要求主体负责人为法定代表人。`,
              }
            : {
                ruleId: 'province.organisation_leader.legal_rep_or_authorised',
                outcome: 'info',
                en: `In ${province.nameEn} the entity leader is the legal representative or a person they authorise in writing.`,
                zh: `${province.nameZh}的主体负责人为法定代表人或其书面授权的人员。`,
              },
        (value) =>
          value === 'legal_rep_only'
            ? { en: 'legal representative only', zh: '仅限法定代表人' }
            : { en: 'legal representative or an authorised person', zh: '法定代表人或授权人员' },
      ),
    );
  }
  items.push(
    buildItem(
      'max_sites_per_order',
      rules.maxSitesPerOrder,
      (value) =>
        value === null
          ? {
              ruleId: 'province.max_sites_per_order.none_stated',
              outcome: 'info',
              en: `No limit on websites per order is stated for ${province.nameEn}.`,
              zh: `资料未说明${province.nameZh}每单网站数量上限。`,
            }
          : {
              ruleId: 'province.max_sites_per_order.limit',
              outcome: 'info',
              en: `${province.nameEn} accepts at most ${value} website(s) or new domain(s) per order.`,
              zh: `${province.nameZh}每单最多${value}个网站（或新增域名）。`,
              params: { maxSitesPerOrder: value },
            },
      (value) =>
        value === null
          ? { en: 'no limit stated', zh: '未说明上限' }
          : { en: `at most ${value}`, zh: `最多${value}个` },
    ),
    buildItem(
      'number_display',
      rules.numberDisplay,
      (value) =>
        value === 'entity'
          ? {
              ruleId: 'province.number_display.entity',
              outcome: 'info',
              en: `Sites filed in ${province.nameEn} show the entity number (…号) in the footer, linked to beian.miit.gov.cn.`,
              zh: `${province.nameZh}备案的网站在页脚展示主体备案号（…号），并链接至beian.miit.gov.cn。`,
            }
          : {
              ruleId: 'province.number_display.service',
              outcome: 'info',
              en: `Sites filed in ${province.nameEn} show the service number (…号-1) in the footer, linked to beian.miit.gov.cn.`,
              zh: `${province.nameZh}备案的网站在页脚展示网站备案号（…号-1），并链接至beian.miit.gov.cn。`,
            },
      (value) =>
        value === 'entity'
          ? { en: 'entity number', zh: '主体备案号' }
          : { en: 'service number', zh: '网站备案号' },
    ),
    buildItem(
      'shell_entity',
      rules.shellEntityCanAddServices,
      (value) =>
        value
          ? {
              ruleId: 'province.shell_entity.can_add_services',
              outcome: 'info',
              en: `In ${province.nameEn} an entity whose services were all cancelled can add services again directly.`,
              zh: `${province.nameZh}允许空壳主体直接新增网站。`,
            }
          : {
              ruleId: 'province.shell_entity.must_refile',
              outcome: 'info',
              en: `In ${province.nameEn} an entity whose services were all cancelled must be cancelled and filed again.`,
              zh: `${province.nameZh}的空壳主体须先注销再重新备案。`,
            },
      (value) =>
        value
          ? { en: 'can add services', zh: '可新增网站' }
          : { en: 'must cancel and refile', zh: '须注销后重新备案' },
    ),
    {
      topic: 'review_days',
      ruleId: 'province.review_days',
      outcome: 'info',
      message: {
        en: `Provider review takes ${rules.providerReviewDays.value.typical}–${rules.providerReviewDays.value.max} working days and the ${province.authority.nameEn} review typically ${rules.authorityReviewDays.value.typical}, at most ${rules.authorityReviewDays.value.max} working days.`,
        zh: `接入商初审${rules.providerReviewDays.value.typical}–${rules.providerReviewDays.value.max}个工作日，${province.authority.nameZh}审核一般${rules.authorityReviewDays.value.typical}个、最长${rules.authorityReviewDays.value.max}个工作日。`,
      },
      sources: [...new Set([...rules.providerReviewDays.sources, ...rules.authorityReviewDays.sources])],
      params: {
        providerTypical: rules.providerReviewDays.value.typical,
        providerMax: rules.providerReviewDays.value.max,
        authorityTypical: rules.authorityReviewDays.value.typical,
        authorityMax: rules.authorityReviewDays.value.max,
      },
      alternatives: [
        ...(rules.providerReviewDays.alternatives ?? []),
        ...(rules.authorityReviewDays.alternatives ?? []),
      ].map((alt) => ({
        message: {
          en: `${alt.value.typical}–${alt.value.max} working days`,
          zh: `${alt.value.typical}–${alt.value.max}个工作日`,
        },
        sources: alt.sources,
        ...(alt.note ? { note: alt.note } : {}),
      })),
    },
    ...rules.specialItems.map(
      (special, index): ProvinceRuleItem => ({
        topic: 'special_item',
        ruleId: 'province.special_item',
        outcome: 'info',
        message: special.text,
        sources: special.sources,
        params: { index },
        alternatives: [],
      }),
    ),
  );
  return items;
}

function buildApplicantItems(
  context: RuleContext,
  rules: ProvinceRules,
  province: Province,
): ProvinceRuleItem[] {
  const { profile } = context;
  const items: ProvinceRuleItem[] = [];
  if (context.isIndividual) {
    items.push(
      buildItem(
        'individual_residency',
        rules.individualResidency,
        (value) => evaluateResidency(context, province, value),
        describeResidency,
      ),
    );
  }
  if (profile.applicantKind === 'foreign_individual') {
    items.push(
      buildItem(
        'non_chinese_individuals',
        rules.acceptsNonChineseIndividuals,
        (value) =>
          evaluateAcceptance(province, value, 'province.non_chinese', {
            en: 'non-Chinese individuals',
            zh: '外国籍个人',
          }),
        describeAcceptance,
      ),
    );
  }
  if (profile.applicantKind === 'hmt_resident') {
    items.push(
      buildItem(
        'hk_mo_tw_residents',
        rules.acceptsHkMoTwResidents,
        (value) =>
          evaluateAcceptance(province, value, 'province.hk_mo_tw', {
            en: 'Hong Kong, Macao and Taiwan residents',
            zh: '港澳台居民',
          }),
        describeAcceptance,
      ),
    );
  }
  if (context.isIndividual) {
    items.push(
      buildItem(
        'minimum_age',
        rules.minimumAge,
        (value) => evaluateMinimumAge(profile.age, value),
        describeMinimumAge,
      ),
    );
  }
  items.push(
    buildItem(
      'local_mobile',
      rules.localMobileRequired,
      (value) => evaluateLocalMobile(context, province, value),
      (value) =>
        value ? { en: 'local mobile required', zh: '须本地手机号' } : { en: 'not required', zh: '不要求' },
    ),
  );
  return items;
}

/** Steps that turn a failed or conditional province rule into something the applicant can do. */
function buildNextSteps(items: readonly ProvinceRuleItem[], province: Province): NextStep[] {
  const steps: NextStep[] = [];
  for (const item of items) {
    if (item.outcome !== 'fail' && item.outcome !== 'condition') continue;
    switch (item.ruleId) {
      case 'province.residency.residence_permit':
        steps.push(
          nextStep(
            'get_residence_permit',
            `Get a ${province.nameEn} residence permit (居住证), or file in the province of your ID card.`,
            `办理${province.nameZh}居住证，或在身份证签发省份备案。`,
            item.sources,
          ),
        );
        break;
      case 'province.residency.local_id_only':
      case 'province.non_chinese.refused':
      case 'province.hk_mo_tw.refused':
        steps.push(
          nextStep(
            'file_in_another_province',
            `You cannot file as an individual in ${province.nameEn}: file where your ID card was issued or where the province accepts you, or file through a company.`,
            `您不能以个人身份在${province.nameZh}备案：请在身份证签发地或受理您的省份备案，或以企业名义备案。`,
            item.sources,
          ),
        );
        break;
      case 'province.minimum_age.under_age':
      case 'province.minimum_age.with_proof':
        steps.push(
          nextStep(
            'meet_minimum_age',
            'File when you reach the minimum age, bring the proof the province asks for, or let an adult (or a company) file the site.',
            '待达到年龄要求后备案，或提供该省要求的证明，或由成年人（或企业）备案。',
            item.sources,
          ),
        );
        break;
      case 'province.local_mobile.missing':
      case 'province.local_mobile.unknown':
        steps.push(
          nextStep(
            'get_local_mobile',
            `Get a ${province.nameEn} mobile number in your own name.`,
            `办理本人实名的${province.nameZh}手机号。`,
            item.sources,
          ),
        );
        break;
      default:
        break;
    }
  }
  return steps;
}

export interface ProvinceFindings {
  assessment: ProvinceRulesAssessment;
  /** The applicant-specific checks (residency, acceptance, age, mobile) as reasons of the filing. */
  filingReasons: Reason[];
  nextSteps: NextStep[];
}

const APPLICANT_TOPICS: ReadonlySet<Topic> = new Set([
  'individual_residency',
  'non_chinese_individuals',
  'hk_mo_tw_residents',
  'minimum_age',
  'local_mobile',
]);

export function assessProvinceRules(context: RuleContext): ProvinceFindings {
  const province = context.filingProvince;
  const rules = context.filingRules;
  if (!province || !rules) {
    return { assessment: { items: [] }, filingReasons: [], nextSteps: [] };
  }
  const applicantItems = buildApplicantItems(context, rules, province);
  const items = [...applicantItems, ...buildInfoItems(rules, province, context.isIndividual)];
  const filingReasons = applicantItems
    .filter((item) => APPLICANT_TOPICS.has(item.topic) && item.outcome !== 'info')
    .map(({ ruleId, outcome, message, sources, params }) =>
      params === undefined
        ? { ruleId, outcome, message, sources }
        : { ruleId, outcome, message, sources, params },
    );
  return {
    assessment: { province: toProvinceRef(province), items },
    filingReasons,
    nextSteps: buildNextSteps(applicantItems, province),
  };
}
