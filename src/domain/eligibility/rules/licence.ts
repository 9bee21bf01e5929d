import type { Eligibility, NextStep, Reason } from '../assessment.ts';
import { type Activity, describeActivities, isMainlandCompanyKind, type PilotZone } from '../profile.ts';
import { nextStep, outcomeOfPrerequisite, reason } from '../reason.ts';
import type { RuleContext } from '../rule-context.ts';
import type { RuleFindings } from './applicant.ts';

/**
 * The ICP commercial licence and the EDI licence (value-added telecom licences, reference §9): only a
 * company lawfully established in China may hold one (order-42); foreign ownership is capped at 50 %
 * (fite-2022) except for e-commerce platforms (EDI, 100 % since miit-2015-196) and, for some services,
 * in the 2024 pilot zones (miit-2024-107).
 */

/** Province of each pilot zone of miit-2024-107; the company must be registered there. */
export const PILOT_ZONE_PROVINCES: Readonly<Record<PilotZone, string>> = {
  beijing: '11',
  shanghai_lingang_pudong: '31',
  hainan_ftp: '46',
  shenzhen: '44',
};

const PILOT_ZONE_NAMES: Readonly<Record<PilotZone, { en: string; zh: string }>> = {
  beijing: { en: 'Beijing', zh: '北京' },
  shanghai_lingang_pudong: { en: 'Shanghai Lingang New Area and Pudong', zh: '上海临港新片区及浦东' },
  hainan_ftp: { en: 'Hainan Free Trade Port', zh: '海南自由贸易港' },
  shenzhen: { en: 'Shenzhen', zh: '深圳' },
};

/**
 * The pilot excludes online news, online publishing, online audio-visual services and internet culture
 * (miit-2024-107); live streaming is audio-visual, online games are publishing and internet culture.
 */
export const PILOT_EXCLUDED_ACTIVITIES: readonly Activity[] = [
  'news',
  'publishing',
  'audio_video',
  'culture',
  'live_streaming',
  'games',
];

const FOREIGN_OWNERSHIP_CAP_PERCENT = 50;
const CAPITAL_SINGLE_PROVINCE_RMB = 1_000_000;
const CAPITAL_CROSS_REGIONAL_RMB = 10_000_000;

const pilotZoneStep = (): NextStep =>
  nextStep(
    'consider_pilot_zone',
    'Register the company in a 2024 pilot zone (Beijing, Shanghai Lingang New Area and Pudong, Hainan Free Trade Port, Shenzhen): no foreign-ownership cap for certain services, excluding news, publishing, audio-visual and internet culture.',
    '在2024年试点地区（北京、上海临港新片区及浦东、海南自由贸易港、深圳）注册公司：部分业务取消外资股比限制，但不含新闻、出版、视听和网络文化。',
    ['miit-2024-107'],
  );

const reduceOwnershipStep = (): NextStep =>
  nextStep(
    'reduce_foreign_ownership',
    'Reduce foreign ownership to at most 50 % (for example with a Chinese partner in a joint venture).',
    '将外资比例降至不超过50%（例如与中方合作设立合资企业）。',
    ['fite-2022'],
  );

const companySteps = (): NextStep[] => [
  nextStep(
    'set_up_joint_venture',
    'Set up a joint venture in mainland China with at most 50 % foreign ownership: it can hold the ICP commercial licence.',
    '在中国大陆设立外资比例不超过50%的合资企业：可以持有ICP经营许可证。',
    ['fite-2022', 'order-42'],
  ),
  nextStep(
    'set_up_wfoe_for_edi',
    'Set up a wholly foreign-owned enterprise (WFOE): e-commerce platforms (EDI licence) allow 100 % foreign ownership nationwide since 2015.',
    '设立外商独资企业（WFOE）：自2015年起电子商务平台（EDI许可证）全国允许外资100%持股。',
    ['miit-2015-196', 'ref-9-edi'],
  ),
  pilotZoneStep(),
];

function assessPrerequisite(prefix: string, filing: Eligibility, sources: string[]): Reason {
  const outcome = outcomeOfPrerequisite(filing);
  const state = {
    eligible: { en: 'which you can obtain', zh: '您可以办理' },
    conditional: { en: 'which you can obtain only under conditions', zh: '您须满足条件才能办理' },
    not_eligible: { en: 'which you cannot obtain as things stand', zh: '按目前情况您无法办理' },
    not_applicable: { en: 'which does not apply', zh: '不适用' },
  }[filing];
  return reason(
    `${prefix}.requires_filing`,
    outcome,
    `The site must first have a valid ICP filing number, ${state.en}.`,
    `网站须先取得有效的ICP备案号，${state.zh}。`,
    sources,
    { filing },
  );
}

function assessCompany(context: RuleContext, prefix: string, sources: string[]): RuleFindings {
  const kind = context.profile.applicantKind;
  if (isMainlandCompanyKind(kind)) {
    return {
      reasons: [
        reason(
          `${prefix}.company_required`,
          'pass',
          'The licence holder must be a company lawfully established in China, which you are.',
          '许可证持有人须为依法在中国境内设立的公司，您符合。',
          sources,
        ),
      ],
      nextSteps: [],
    };
  }
  if (kind === 'representative_office') {
    return {
      reasons: [
        reason(
          `${prefix}.representative_office`,
          'fail',
          'A representative office may file but can never obtain a commercial licence: the holder must be a company lawfully established in China.',
          '代表机构可以备案，但不能取得经营许可证：持有人须为依法在中国境内设立的公司。',
          ['ref-8-who', ...sources],
        ),
      ],
      nextSteps: companySteps(),
    };
  }
  const who = context.isIndividual
    ? { en: 'Individuals cannot hold it', zh: '个人不能持有' }
    : kind === 'foreign_company'
      ? {
          en: 'A foreign company without a mainland entity cannot hold it',
          zh: '没有境内主体的境外公司不能持有',
        }
      : { en: 'A non-company organisation cannot hold it', zh: '非公司类单位不能持有' };
  return {
    reasons: [
      reason(
        `${prefix}.company_required`,
        'fail',
        `The licence needs a company lawfully established in mainland China. ${who.en}.`,
        `许可证须由依法在中国大陆设立的公司申请。${who.zh}。`,
        sources,
        { applicantKind: kind },
      ),
    ],
    nextSteps: companySteps(),
  };
}

function assessCapital(context: RuleContext, prefix: string): RuleFindings {
  const { profile } = context;
  const threshold = profile.crossRegional ? CAPITAL_CROSS_REGIONAL_RMB : CAPITAL_SINGLE_PROVINCE_RMB;
  const scope = profile.crossRegional
    ? { en: 'across provinces', zh: '跨地区经营' }
    : { en: 'in one province', zh: '在一个省内经营' };
  // Thousands separators without Intl, so the text never depends on the ICU build.
  const amount = String(threshold).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const capital = profile.registeredCapitalRmb;
  if (capital === undefined) {
    return {
      reasons: [
        reason(
          `${prefix}.registered_capital.threshold`,
          'info',
          `A registered capital of at least RMB ${amount} is expected to operate ${scope.en}.`,
          `${scope.zh}一般要求注册资本不低于人民币${amount}元。`,
          ['ref-9-licence'],
          { thresholdRmb: threshold },
        ),
      ],
      nextSteps: [],
    };
  }
  if (capital >= threshold) {
    return {
      reasons: [
        reason(
          `${prefix}.registered_capital.met`,
          'pass',
          `Your registered capital meets the RMB ${amount} expected to operate ${scope.en}.`,
          `您的注册资本达到${scope.zh}要求的人民币${amount}元。`,
          ['ref-9-licence'],
          { thresholdRmb: threshold, capitalRmb: capital },
        ),
      ],
      nextSteps: [],
    };
  }
  return {
    reasons: [
      reason(
        `${prefix}.registered_capital.below`,
        'fail',
        `Your registered capital is below the RMB ${amount} expected to operate ${scope.en}.`,
        `您的注册资本低于${scope.zh}要求的人民币${amount}元。`,
        ['ref-9-licence'],
        { thresholdRmb: threshold, capitalRmb: capital },
      ),
    ],
    nextSteps: [
      nextStep(
        'increase_registered_capital',
        `Increase the registered capital to at least RMB ${amount}.`,
        `将注册资本增加到不低于人民币${amount}元。`,
        ['ref-9-licence'],
      ),
    ],
  };
}

function assessIssuer(context: RuleContext, prefix: string, sources: string[]): Reason {
  const province = context.filingProvince;
  if (context.profile.crossRegional) {
    return reason(
      `${prefix}.issuer.miit`,
      'info',
      'A licence covering several provinces is issued by MIIT itself.',
      '跨地区经营的许可证由工业和信息化部颁发。',
      sources,
    );
  }
  return reason(
    `${prefix}.issuer.province`,
    'info',
    `A licence for one province is issued by the provincial communications administration${province ? ` (${province.authority.nameEn})` : ''}.`,
    `单一省份经营的许可证由省通信管理局颁发${province ? `（${province.authority.nameZh}）` : ''}。`,
    sources,
  );
}

function assessPilotZone(context: RuleContext, zone: PilotZone, foreign: number): RuleFindings {
  const excluded = context.profile.activities.filter((a) => PILOT_EXCLUDED_ACTIVITIES.includes(a));
  if (excluded.length > 0) {
    const names = describeActivities(excluded);
    return {
      reasons: [
        reason(
          'licence.foreign_ownership.pilot_excluded_activity',
          'fail',
          `The 2024 pilot lifts the ownership cap but excludes online news, publishing, audio-visual services and internet culture (here: ${names.en}); the 50 % cap applies.`,
          `2024年试点取消外资股比限制，但不含网络新闻、网络出版、网络视听和网络文化（此处为：${names.zh}）；仍适用50%上限。`,
          ['miit-2024-107', 'fite-2022'],
          { activities: excluded.join(','), foreignPercent: foreign, pilotZone: zone },
        ),
      ],
      nextSteps: [reduceOwnershipStep()],
    };
  }
  const zoneProvince = PILOT_ZONE_PROVINCES[zone];
  const certificate = context.certificateProvince;
  if (certificate && certificate.code !== zoneProvince) {
    return {
      reasons: [
        reason(
          'licence.foreign_ownership.pilot_zone_registration',
          'fail',
          `The pilot applies to companies registered in the pilot zone, but your business licence is from ${certificate.nameEn}.`,
          `试点仅适用于在试点地区注册的公司，而您的营业执照属于${certificate.nameZh}。`,
          ['miit-2024-107'],
          { pilotZone: zone, province: certificate.code },
        ),
      ],
      nextSteps: [pilotZoneStep()],
    };
  }
  return {
    reasons: [
      reason(
        'licence.foreign_ownership.pilot_zone',
        certificate ? 'pass' : 'condition',
        `In the 2024 pilot zone (${PILOT_ZONE_NAMES[zone].en}) there is no foreign-ownership cap for these services${certificate ? '' : ', if the company is registered there'}; keep facilities in the pilot area.`,
        `在2024年试点地区（${PILOT_ZONE_NAMES[zone].zh}），这些业务不设外资股比限制${certificate ? '' : '（前提是公司在当地注册）'}；相关设施须位于试点地区。`,
        ['miit-2024-107'],
        { pilotZone: zone, foreignPercent: foreign },
      ),
    ],
    nextSteps: [],
  };
}

function assessOwnership(context: RuleContext): RuleFindings {
  const foreign = context.foreignPercent;
  if (foreign === undefined || !isMainlandCompanyKind(context.profile.applicantKind)) {
    return { reasons: [], nextSteps: [] };
  }
  if (foreign === 0) {
    return {
      reasons: [
        reason(
          'licence.foreign_ownership.none',
          'pass',
          'A Chinese-owned company is not limited by the foreign-ownership rules.',
          '内资公司不受外资股比规定限制。',
          ['fite-2022', 'sjgrand-4'],
        ),
      ],
      nextSteps: [],
    };
  }
  const foreignInvested = reason(
    'licence.foreign_ownership.foreign_invested',
    'info',
    'Any foreign (including Hong Kong, Macao and Taiwan) shareholding makes this a foreign-invested application: ownership is traced up the chain.',
    '任何外资（含港澳台）持股都使申请成为外商投资申请：须穿透披露股权结构。',
    ['ref-9-licence', 'fite-2022'],
  );
  if (foreign <= FOREIGN_OWNERSHIP_CAP_PERCENT) {
    return {
      reasons: [
        reason(
          'licence.foreign_ownership.within_cap',
          'pass',
          `Foreign ownership of ${foreign} % is within the 50 % cap for value-added telecom services.`,
          `外资比例${foreign}%，未超过增值电信业务50%的上限。`,
          ['fite-2022'],
          { foreignPercent: foreign },
        ),
        foreignInvested,
      ],
      nextSteps: [],
    };
  }
  const zone = context.profile.pilotZone;
  if (zone) {
    const pilot = assessPilotZone(context, zone, foreign);
    return { reasons: [...pilot.reasons, foreignInvested], nextSteps: pilot.nextSteps };
  }
  const steps = [reduceOwnershipStep(), pilotZoneStep()];
  if (!context.profile.activities.includes('ecommerce_platform')) {
    steps.push(
      nextStep(
        'use_edi_for_platform',
        'If the business is an e-commerce platform, the EDI licence allows 100 % foreign ownership.',
        '如果业务属于电子商务平台，EDI许可证允许外资100%持股。',
        ['miit-2015-196', 'ref-9-edi'],
      ),
    );
  }
  return {
    reasons: [
      reason(
        'licence.foreign_ownership.over_cap',
        'fail',
        `Foreign ownership of ${foreign} % exceeds the 50 % cap for the ICP commercial licence outside the 2024 pilot zones.`,
        `外资比例${foreign}%，超过ICP经营许可证50%的上限（2024年试点地区除外）。`,
        ['fite-2022', 'miit-2024-107'],
        { foreignPercent: foreign },
      ),
      foreignInvested,
    ],
    nextSteps: steps,
  };
}

function combine(...findings: RuleFindings[]): RuleFindings {
  const nextSteps = new Map<string, NextStep>();
  for (const step of findings.flatMap((f) => f.nextSteps))
    nextSteps.set(step.id, nextSteps.get(step.id) ?? step);
  return { reasons: findings.flatMap((f) => f.reasons), nextSteps: [...nextSteps.values()] };
}

export function assessIcpLicence(context: RuleContext, filing: Eligibility): RuleFindings {
  return combine(
    { reasons: [assessPrerequisite('licence', filing, ['ref-9-licence'])], nextSteps: [] },
    assessCompany(context, 'licence', ['order-42', 'ref-9-licence']),
    assessOwnership(context),
    isMainlandCompanyKind(context.profile.applicantKind)
      ? assessCapital(context, 'licence')
      : { reasons: [], nextSteps: [] },
    { reasons: [assessIssuer(context, 'licence', ['ref-9-licence'])], nextSteps: [] },
  );
}

export function assessEdiLicence(context: RuleContext, filing: Eligibility): RuleFindings {
  const foreign = context.foreignPercent;
  const ownership: Reason[] =
    isMainlandCompanyKind(context.profile.applicantKind) && foreign !== undefined && foreign > 0
      ? [
          reason(
            'edi.foreign_ownership.unlimited',
            'pass',
            `E-commerce platforms (EDI) allow up to 100 % foreign ownership nationwide since 2015; your ${foreign} % is fine.`,
            `自2015年起电子商务平台（EDI）全国允许外资最高100%持股；您的${foreign}%符合要求。`,
            ['miit-2015-196', 'ref-9-edi'],
            { foreignPercent: foreign },
          ),
        ]
      : [];
  return combine(
    { reasons: [assessPrerequisite('edi', filing, ['decree-292', 'ref-5-domains'])], nextSteps: [] },
    assessCompany(context, 'edi', ['order-42', 'ref-9-edi']),
    { reasons: ownership, nextSteps: [] },
    isMainlandCompanyKind(context.profile.applicantKind)
      ? assessCapital(context, 'edi')
      : { reasons: [], nextSteps: [] },
    { reasons: [assessIssuer(context, 'edi', ['ref-9-edi', 'ref-9-licence'])], nextSteps: [] },
  );
}
