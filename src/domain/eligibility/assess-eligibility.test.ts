import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { assessEligibility } from './assess-eligibility.ts';
import type {
  Eligibility,
  EligibilityAssessment,
  InstrumentAssessment,
  InstrumentKind,
  Reason,
} from './assessment.ts';
import {
  ACTIVITIES,
  APPLICANT_KINDS,
  type ApplicantProfileInput,
  applicantProfileSchema,
  PILOT_ZONES,
} from './profile.ts';

const profile = (input: ApplicantProfileInput) => applicantProfileSchema.parse(input);
const assess = (input: ApplicantProfileInput, startDate?: string) =>
  assessEligibility(profile(input), startDate === undefined ? {} : { startDate });

function getInstrument(
  assessment: EligibilityAssessment,
  kind: InstrumentKind,
  preApprovalId?: string,
): InstrumentAssessment {
  const found = assessment.instruments.find(
    (i) => i.instrument === kind && (preApprovalId === undefined || i.preApprovalId === preApprovalId),
  );
  if (!found) throw new Error(`no ${kind} ${preApprovalId ?? ''}`);
  return found;
}

function getReason(reasons: readonly Reason[], ruleId: string): Reason {
  const found = reasons.find((r) => r.ruleId === ruleId);
  if (!found) throw new Error(`no reason ${ruleId} in ${reasons.map((r) => r.ruleId).join(', ')}`);
  return found;
}

const ruleIds = (reasons: readonly Reason[]) => reasons.map((r) => r.ruleId);
const stepIds = (i: InstrumentAssessment) => i.nextSteps.map((s) => s.id);

const foreignerOutsideChina: ApplicantProfileInput = {
  applicantKind: 'foreign_individual',
  inChina: false,
  hostingInMainland: true,
  hasMainlandLandline: true,
  hasMainlandMobile: true,
  alipayWithInternationalCard: true,
  hasRepresentativeInChina: true,
  speaksMandarinOrHasAssistant: true,
  activities: ['information_only'],
};

describe('acceptance scenario 1: foreign passport holder outside China, information-only site', () => {
  const result = assess(foreignerOutsideChina);
  const filing = getInstrument(result, 'icp_filing');

  it('is conditional: possible under the article’s rule, doubted by the reference', () => {
    expect(filing.applies).toBe(true);
    expect(filing.eligibility).toBe('conditional');
    const article = getReason(filing.reasons, 'filing.foreigner_outside_china.article');
    expect(article).toMatchObject({ outcome: 'condition', sources: ['sjgrand-6'] });
    for (const condition of [
      'mainland_phones',
      'alipay_international_card',
      'representative_in_china',
      'mandarin',
    ]) {
      expect(getReason(filing.reasons, `filing.foreigner_outside_china.condition.${condition}`).outcome).toBe(
        'pass',
      );
    }
    const reference = getReason(filing.reasons, 'filing.foreigner_outside_china.reference');
    expect(reference.outcome).toBe('condition');
    expect(reference.sources).toContain('ref-8-who');
  });

  it('shows the conflict and names the provinces that refuse foreign individuals', () => {
    const conflict = result.conflicts.find((c) => c.id === 'foreigner_outside_china');
    expect(conflict?.kind).toBe('article_vs_reference');
    const codes = conflict?.provinces.map((p) => p.code) ?? [];
    expect(codes).toEqual(expect.arrayContaining(['13', '36']));
    // Provinces that accept only local ID cards refuse foreigners too.
    const localOnly = defaultCatalogue.provinceRules
      .filter((r) => r.individualResidency.value === 'local_id_only')
      .map((r) => r.province);
    expect(codes).toEqual(expect.arrayContaining(localOnly));
    expect(codes).not.toContain('51');
    expect(conflict?.positions.find((p) => p.stance === 'article')?.sources).toContain('sjgrand-6');
    expect(conflict?.positions.find((p) => p.stance === 'reference')?.sources).toContain('ref-8-who');
    expect(result.conflicts.map((c) => c.id)).toContain('individual_location');
  });

  it('needs only the filing (and the PSB filing after it)', () => {
    expect(result.summary.licenceType).toBe('icp_filing');
    expect(getInstrument(result, 'icp_licence').applies).toBe(false);
    expect(getInstrument(result, 'edi_licence').eligibility).toBe('not_applicable');
    expect(getInstrument(result, 'psb_filing')).toMatchObject({ applies: true, eligibility: 'conditional' });
    expect(result.authority.basis).toBe('unknown');
    expect(result.authority.province).toBeUndefined();
  });

  it.each([
    ['hasMainlandLandline', 'mainland_phones', 'get_mainland_phone_numbers'],
    ['hasMainlandMobile', 'mainland_phones', 'get_mainland_phone_numbers'],
    ['alipayWithInternationalCard', 'alipay_international_card', 'link_alipay_international_card'],
    ['hasRepresentativeInChina', 'representative_in_china', 'appoint_representative_in_china'],
    ['speaksMandarinOrHasAssistant', 'mandarin', 'arrange_mandarin_assistant'],
  ] as const)('without %s it is not eligible even under the article', (field, condition, step) => {
    const missing = assess({ ...foreignerOutsideChina, [field]: false });
    const missingFiling = getInstrument(missing, 'icp_filing');
    expect(missingFiling.eligibility).toBe('not_eligible');
    expect(getReason(missingFiling.reasons, 'filing.foreigner_outside_china.article').outcome).toBe('fail');
    expect(
      getReason(missingFiling.reasons, `filing.foreigner_outside_china.condition.${condition}`).outcome,
    ).toBe('fail');
    expect(stepIds(missingFiling)).toContain(step);
  });

  it.each([
    ['Hebei', 'province.non_chinese.refused'],
    ['Jiangxi', 'province.non_chinese.refused'],
    ['Henan', 'province.residency.local_id_only'],
  ])('is not eligible in %s', (province, ruleId) => {
    const filingThere = getInstrument(
      assess({ ...foreignerOutsideChina, residencePermitProvince: province }),
      'icp_filing',
    );
    expect(filingThere.eligibility).toBe('not_eligible');
    expect(getReason(filingThere.reasons, ruleId).outcome).toBe('fail');
  });
});

describe('acceptance scenario 2: the same person selling online', () => {
  const result = assess({ ...foreignerOutsideChina, activities: ['online_sales'] });
  const licence = getInstrument(result, 'icp_licence');

  it('cannot get the commercial licence: it needs a mainland company', () => {
    expect(licence).toMatchObject({ applies: true, eligibility: 'not_eligible', order: 2 });
    const company = getReason(licence.reasons, 'licence.company_required');
    expect(company.outcome).toBe('fail');
    expect(company.sources).toContain('order-42');
    expect(result.summary.licenceType).toBe('icp_filing_then_icp_licence');
    expect(result.summary.overall).toBe('not_eligible');
  });

  it('names WFOE/JV and the ownership rules as next steps', () => {
    const steps = Object.fromEntries(licence.nextSteps.map((s) => [s.id, s]));
    expect(steps.set_up_joint_venture?.sources).toContain('fite-2022');
    expect(steps.set_up_joint_venture?.message.en).toContain('50 %');
    expect(steps.set_up_wfoe_for_edi?.sources).toContain('miit-2015-196');
    expect(steps.set_up_wfoe_for_edi?.message.en).toContain('100 %');
    expect(steps.consider_pilot_zone?.sources).toContain('miit-2024-107');
  });

  it('files the personal site for information only', () => {
    const filing = getInstrument(result, 'icp_filing');
    expect(getReason(filing.reasons, 'filing.individual.no_commercial_content')).toMatchObject({
      outcome: 'condition',
      sources: expect.arrayContaining(['ref-4-site-names']),
    });
    expect(result.conflicts.map((c) => c.id)).toContain('licence_ownership');
  });
});

describe('acceptance scenario 3: joint venture, 60 % Chinese, selling online, from 2026-09-28', () => {
  const calendar = createWorkingDayCalendar();

  it.each([
    ['Shanghai', '31'],
    ['Beijing', '11'],
  ])('files first and gets the licence second in %s', (province, code) => {
    const result = assess(
      {
        applicantKind: 'joint_venture',
        chineseOwnershipPercent: 60,
        inChina: true,
        certificateProvince: province,
        hostingInMainland: true,
        activities: ['online_sales'],
      },
      '2026-09-28',
    );
    const filing = getInstrument(result, 'icp_filing');
    const licence = getInstrument(result, 'icp_licence');
    expect(filing.eligibility).toBe('eligible');
    expect(licence.eligibility).toBe('eligible');
    expect(filing.order).toBeLessThan(licence.order);
    expect(result.instruments.indexOf(filing)).toBeLessThan(result.instruments.indexOf(licence));
    expect(getReason(licence.reasons, 'licence.foreign_ownership.within_cap').sources).toContain('fite-2022');
    expect(getReason(licence.reasons, 'licence.requires_filing').outcome).toBe('pass');
    expect(result.authority).toMatchObject({ basis: 'business_licence', province: { code } });
    expect(result.summary).toMatchObject({ licenceType: 'icp_filing_then_icp_licence', overall: 'eligible' });
    // The article agrees that businesses file where their licence is: no conflict about it.
    expect(
      getReason(result.authority.reasons, 'authority.organisation.certificate_province').sources,
    ).toContain('sjgrand-8');

    const phases = Object.fromEntries(result.timeline.phases.map((p) => [p.instrument, p]));
    expect(result.timeline.startDate).toBe('2026-09-28');
    const filingSteps = phases.icp_filing?.steps ?? [];
    expect(filingSteps.map((s) => s.id)).toEqual(['provider_review', 'sms_verification', 'authority_review']);
    expect(filingSteps[0]?.dates?.typical.start).toBe('2026-09-28');
    for (const step of [...filingSteps, ...(phases.icp_licence?.steps ?? [])]) {
      for (const variant of ['typical', 'max'] as const) {
        const span = step.dates?.[variant];
        if (!span) throw new Error(`undated step ${step.id}`);
        if (step.unit === 'working_days' && span.end.startsWith('2026')) {
          expect(calendar.workingDaysBetween(span.start, span.end)).toBe(step.days[variant]);
          expect(calendar.isWorkingDay(span.end)).toBe(true);
        }
      }
    }
    // The authority review runs across the National Day holiday (1–7 October 2026) without counting it.
    const review = filingSteps.find((s) => s.id === 'authority_review');
    const span = review?.dates?.typical;
    expect(span && span.start < '2026-10-01' && span.end > '2026-10-07').toBe(true);
    expect(phases.icp_filing?.completion?.typical).toBe(span?.end);
    expect(phases.icp_licence?.steps[0]?.dates?.typical.start).toBe(span?.end);
    expect(phases.icp_licence?.steps[0]?.dates?.max.start).toBe(phases.icp_filing?.completion?.max);
    const licenceReview = phases.icp_licence?.steps.find((s) => s.id === 'licence_review');
    expect(licenceReview).toMatchObject({ unit: 'calendar_days', days: { typical: 60, max: 60 } });
    expect(licenceReview?.sources).toContain('ref-9-licence');
  });

  it('counts holidays the calendar knows: a Monday–Friday calendar finishes earlier', () => {
    const input = profile({
      applicantKind: 'joint_venture',
      chineseOwnershipPercent: 60,
      inChina: true,
      certificateProvince: 'Shanghai',
      hostingInMainland: true,
      activities: ['online_sales'],
    });
    const withHolidays = assessEligibility(input, { startDate: '2026-09-28' });
    const weekdaysOnly = assessEligibility(input, {
      startDate: '2026-09-28',
      calendar: createWorkingDayCalendar({ overrides: [{ year: 2026, mode: 'replace', entries: [] }] }),
    });
    const end = (a: EligibilityAssessment) =>
      a.timeline.phases.find((p) => p.instrument === 'icp_filing')?.completion?.typical ?? '';
    expect(end(weekdaysOnly) < end(withHolidays)).toBe(true);
  });
});

describe('hosting outside the mainland', () => {
  const result = assess({
    applicantKind: 'chinese_company',
    inChina: true,
    hostingInMainland: false,
    activities: ['online_sales', 'news'],
  });

  it('needs no instrument at all, and says what that costs', () => {
    expect(result.summary).toMatchObject({
      licenceType: 'none_hosted_outside_mainland',
      overall: 'not_applicable',
    });
    for (const i of result.instruments) {
      expect(i.applies).toBe(false);
      expect(i.eligibility).toBe('not_applicable');
    }
    const filing = getInstrument(result, 'icp_filing');
    expect(getReason(filing.reasons, 'hosting.outside_mainland').sources).toEqual(
      expect.arrayContaining(['sjgrand-1', 'ref-5-domains']),
    );
    expect(getReason(filing.reasons, 'hosting.outside_mainland.trade_off').sources).toContain('sjgrand-2');
    expect(getReason(getInstrument(result, 'icp_licence').reasons, 'hosting.outside_mainland').outcome).toBe(
      'info',
    );
    expect(getInstrument(result, 'pre_approval', 'news').applies).toBe(false);
    expect(result.checklist).toEqual([]);
    expect(result.timeline.phases).toEqual([]);
    expect(result.conflicts).toEqual([]);
  });
});

describe('individuals and province residency', () => {
  it('cannot use a Jiangxi residence permit with an ID from another province', () => {
    const result = assess({
      applicantKind: 'chinese_individual',
      inChina: true,
      certificateProvince: 'Guangdong',
      residencePermitProvince: 'Jiangxi',
      age: 30,
      hostingInMainland: true,
    });
    const refused = getReason(result.authority.reasons, 'authority.individual.residence_permit_refused');
    expect(refused).toMatchObject({ outcome: 'fail', params: { province: '36' } });
    expect(result.authority).toMatchObject({ basis: 'id_card', province: { code: '44' } });
    expect(result.authority.nextSteps.map((s) => s.id)).toContain('file_in_id_province');
    const filing = getInstrument(result, 'icp_filing');
    expect(stepIds(filing)).toContain('file_in_id_province');
    expect(filing.eligibility).toBe('eligible');
    const conflict = result.conflicts.find((c) => c.id === 'individual_location');
    expect(conflict?.positions.find((p) => p.stance === 'article')?.sources).toEqual(['sjgrand-8']);
    expect(conflict?.provinces.map((p) => p.code)).toContain('36');
  });

  it('is not eligible in Jiangxi with an ID from elsewhere when Jiangxi is the only province given', () => {
    const result = assess({
      applicantKind: 'chinese_individual',
      inChina: true,
      residencePermitProvince: 'Jiangxi',
      age: 30,
      hostingInMainland: true,
    });
    expect(result.authority.province?.code).toBe('36');
    const filing = getInstrument(result, 'icp_filing');
    expect(getReason(filing.reasons, 'province.residency.local_id_only').outcome).toBe('condition');
    expect(filing.eligibility).toBe('conditional');
  });

  it('files in the residence-permit province where that province allows it', () => {
    const result = assess({
      applicantKind: 'chinese_individual',
      inChina: true,
      certificateProvince: 'Hunan',
      residencePermitProvince: 'Zhejiang',
      age: 30,
      hostingInMainland: true,
    });
    expect(result.authority).toMatchObject({ basis: 'residence_permit', province: { code: '33' } });
    const filing = getInstrument(result, 'icp_filing');
    expect(getReason(filing.reasons, 'province.residency.residence_permit').outcome).toBe('pass');
    expect(filing.eligibility).toBe('eligible');
    const documents = result.checklist
      .find((c) => c.instrument === 'icp_filing')
      ?.items.flatMap((i) => i.ruleIds);
    expect(documents).toContain('filing-residence-permit');
  });

  it('shows disagreeing sources and turns the answer into a condition', () => {
    const innerMongolia = defaultCatalogue.provinceRules.find((r) => r.province === '15');
    expect(innerMongolia?.individualResidency.alternatives?.length).toBeGreaterThan(0);
    const result = assess({
      applicantKind: 'chinese_individual',
      inChina: true,
      certificateProvince: 'Hebei',
      residencePermitProvince: 'Inner Mongolia',
      age: 30,
      hostingInMainland: true,
    });
    const item = result.provinceRules.items.find((i) => i.topic === 'individual_residency');
    expect(item).toMatchObject({ outcome: 'condition', params: { sourcesDisagree: true } });
    expect(item?.alternatives.length).toBeGreaterThan(0);
    const conflict = result.conflicts.find((c) => c.id === 'province.individual_residency');
    expect(conflict).toMatchObject({ kind: 'sources_disagree', provinces: [{ code: '15' }] });
  });

  it.each([
    ['Guangdong', 15, 'province.minimum_age.under_age', 'not_eligible'],
    ['Guangdong', 17, 'province.minimum_age.with_proof', 'conditional'],
    ['Beijing', 17, 'province.minimum_age.under_age', 'not_eligible'],
    ['Beijing', 18, 'province.minimum_age.met', 'eligible'],
  ] as const)('in %s at %i: %s', (province, age, ruleId, eligibility) => {
    const result = assess({
      applicantKind: 'chinese_individual',
      inChina: true,
      certificateProvince: province,
      age,
      hostingInMainland: true,
    });
    const filing = getInstrument(result, 'icp_filing');
    expect(ruleIds(filing.reasons)).toContain(ruleId);
    expect(filing.eligibility).toBe(eligibility);
    if (eligibility === 'not_eligible') expect(stepIds(filing)).toContain('meet_minimum_age');
    const item = result.provinceRules.items.find((i) => i.topic === 'minimum_age');
    expect(item?.ruleId).toBe(ruleId);
  });

  it.each([
    [{ mobileProvince: 'Tianjin' }, 'province.local_mobile.met', 'eligible'],
    [{ mobileProvince: 'Beijing' }, 'province.local_mobile.missing', 'not_eligible'],
    [{}, 'province.local_mobile.unknown', 'conditional'],
  ] as const)('checks the local-mobile rule of Tianjin (%o)', (extra, ruleId, eligibility) => {
    const filing = getInstrument(
      assess({
        applicantKind: 'chinese_individual',
        inChina: true,
        certificateProvince: 'Tianjin',
        age: 30,
        hostingInMainland: true,
        ...extra,
      }),
      'icp_filing',
    );
    expect(ruleIds(filing.reasons)).toContain(ruleId);
    expect(filing.eligibility).toBe(eligibility);
  });

  it.each([
    ['Sichuan', 'province.hk_mo_tw.accepted', 'eligible'],
    ['Beijing', 'province.hk_mo_tw.unspecified', 'conditional'],
  ])('takes Hong Kong, Macao and Taiwan residents where accepted (%s)', (province, ruleId, eligibility) => {
    const result = assess({
      applicantKind: 'hmt_resident',
      inChina: true,
      residencePermitProvince: province,
      age: 30,
      hostingInMainland: true,
    });
    const filing = getInstrument(result, 'icp_filing');
    expect(ruleIds(filing.reasons)).toContain(ruleId);
    expect(filing.eligibility).toBe(eligibility);
  });

  it('accepts a foreigner in China where the province does (Sichuan)', () => {
    const result = assess({
      applicantKind: 'foreign_individual',
      inChina: true,
      residencePermitProvince: 'Sichuan',
      age: 40,
      hostingInMainland: true,
    });
    const filing = getInstrument(result, 'icp_filing');
    expect(filing.eligibility).toBe('eligible');
    expect(ruleIds(filing.reasons)).toEqual(
      expect.arrayContaining(['filing.applicant.foreigner_in_china', 'province.non_chinese.accepted']),
    );
    expect(
      result.conflicts.find((c) => c.id === 'foreigner_in_china')?.provinces.map((p) => p.code),
    ).toContain('13');
    const documents = result.checklist[0]?.items.flatMap((i) => i.ruleIds) ?? [];
    expect(documents).toContain('filing-passport');
  });
});

describe('companies and the licences', () => {
  it('gives a WFOE running an e-commerce platform the EDI licence with 100 % foreign ownership', () => {
    const result = assess({
      applicantKind: 'wfoe',
      inChina: false,
      certificateProvince: 'Guangdong',
      hostingInMainland: true,
      activities: ['ecommerce_platform'],
    });
    const edi = getInstrument(result, 'edi_licence');
    expect(edi).toMatchObject({ applies: true, eligibility: 'eligible', order: 2 });
    expect(getReason(edi.reasons, 'edi.foreign_ownership.unlimited').sources).toContain('miit-2015-196');
    expect(getInstrument(result, 'icp_licence').applies).toBe(false);
    expect(result.summary.licenceType).toBe('icp_filing_then_edi_licence');
    expect(result.checklist.map((c) => c.instrument)).toEqual(['icp_filing', 'edi_licence']);
    const ediDocs = result.checklist[1]?.items.flatMap((i) => i.ruleIds) ?? [];
    expect(ediDocs).toContain('licence-foreign-investment');
  });

  it.each<[Partial<ApplicantProfileInput>, string, Eligibility]>([
    [{}, 'licence.foreign_ownership.over_cap', 'not_eligible'],
    [{ pilotZone: 'beijing' }, 'licence.foreign_ownership.pilot_zone', 'eligible'],
    [
      { pilotZone: 'beijing', activities: ['online_sales', 'news'] },
      'licence.foreign_ownership.pilot_excluded_activity',
      'not_eligible',
    ],
    [{ pilotZone: 'shenzhen' }, 'licence.foreign_ownership.pilot_zone_registration', 'not_eligible'],
  ])('a 30 %-Chinese joint venture in Beijing selling online (%o)', (extra, ruleId, eligibility) => {
    const licence = getInstrument(
      assess({
        applicantKind: 'joint_venture',
        chineseOwnershipPercent: 30,
        inChina: true,
        certificateProvince: 'Beijing',
        hostingInMainland: true,
        activities: ['online_sales'],
        ...extra,
      }),
      'icp_licence',
    );
    const found = getReason(licence.reasons, ruleId);
    expect(found.sources.some((s) => s === 'fite-2022' || s === 'miit-2024-107')).toBe(true);
    expect(licence.eligibility).toBe(eligibility);
    if (ruleId === 'licence.foreign_ownership.over_cap') {
      expect(stepIds(licence)).toEqual(
        expect.arrayContaining(['reduce_foreign_ownership', 'consider_pilot_zone', 'use_edi_for_platform']),
      );
    }
  });

  it('accepts a 50/50 joint venture (the cap is 50 % foreign; the article says more than 50 % Chinese)', () => {
    const result = assess({
      applicantKind: 'joint_venture',
      chineseOwnershipPercent: 50,
      inChina: true,
      certificateProvince: 'Shanghai',
      hostingInMainland: true,
      activities: ['advertising'],
    });
    expect(getInstrument(result, 'icp_licence').eligibility).toBe('eligible');
    const ids = result.conflicts.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['licence_ownership', 'joint_venture_filing']));
  });

  it.each([
    [{ registeredCapitalRmb: 500_000 }, 'licence.registered_capital.below', 'not_eligible'],
    [{ registeredCapitalRmb: 1_000_000 }, 'licence.registered_capital.met', 'eligible'],
    [
      { registeredCapitalRmb: 5_000_000, crossRegional: true },
      'licence.registered_capital.below',
      'not_eligible',
    ],
    [{ registeredCapitalRmb: 10_000_000, crossRegional: true }, 'licence.registered_capital.met', 'eligible'],
    [{}, 'licence.registered_capital.threshold', 'eligible'],
  ] as const)('checks registered capital (%o)', (extra, ruleId, eligibility) => {
    const licence = getInstrument(
      assess({
        applicantKind: 'chinese_company',
        inChina: true,
        certificateProvince: 'Zhejiang',
        hostingInMainland: true,
        activities: ['online_payments'],
        ...extra,
      }),
      'icp_licence',
    );
    expect(getReason(licence.reasons, ruleId).sources).toContain('ref-9-licence');
    expect(licence.eligibility).toBe(eligibility);
  });

  it('tells a foreign company without a mainland entity to set one up', () => {
    const result = assess({ applicantKind: 'foreign_company', inChina: false, hostingInMainland: true });
    const filing = getInstrument(result, 'icp_filing');
    expect(filing.eligibility).toBe('not_eligible');
    expect(getReason(filing.reasons, 'filing.applicant.foreign_company').sources).toContain('ref-8-who');
    expect(stepIds(filing)).toEqual(
      expect.arrayContaining(['set_up_wfoe', 'set_up_joint_venture', 'register_representative_office']),
    );
    expect(getInstrument(result, 'psb_filing').eligibility).toBe('not_eligible');
    expect(result.checklist).toEqual([]);
  });

  it('lets a representative office file in some provinces but never hold a licence', () => {
    const result = assess({
      applicantKind: 'representative_office',
      inChina: true,
      certificateProvince: 'Shanghai',
      hostingInMainland: true,
      activities: ['online_sales'],
    });
    expect(getInstrument(result, 'icp_filing').eligibility).toBe('conditional');
    const licence = getInstrument(result, 'icp_licence');
    expect(licence.eligibility).toBe('not_eligible');
    expect(getReason(licence.reasons, 'licence.representative_office').sources).toContain('ref-8-who');
  });
});

describe('pre-approvals', () => {
  it('asks for the news pre-approval before the filing', () => {
    const result = assess({
      applicantKind: 'chinese_company',
      inChina: true,
      certificateProvince: 'Beijing',
      hostingInMainland: true,
      activities: ['news'],
    });
    const news = getInstrument(result, 'pre_approval', 'news');
    expect(news).toMatchObject({ applies: true, eligibility: 'conditional', order: 0 });
    expect(getReason(news.reasons, 'pre_approval.required').outcome).toBe('condition');
    expect(stepIds(news)).toContain('obtain_pre_approval.news');
    expect(result.instruments[0]?.instrument).toBe('pre_approval');
    const filing = getInstrument(result, 'icp_filing');
    expect(getReason(filing.reasons, 'filing.pre_approvals_first').sources).toContain('decree-292');
    const filingDocs = result.checklist
      .find((c) => c.instrument === 'icp_filing')
      ?.items.flatMap((i) => i.ruleIds);
    expect(filingDocs).toContain('filing-pre-approval');
    expect(result.timeline.warnings.map((w) => w.code)).toContain('pre_approval_time_not_included');
  });

  it.each([
    ['Zhejiang', true, 'pre_approval.kept_in_province'],
    ['Guangdong', false, 'pre_approval.abolished_in_province'],
    [undefined, true, 'pre_approval.province_dependent'],
  ])('applies education approval only where it was kept (%s)', (province, applies, ruleId) => {
    const result = assess({
      applicantKind: 'chinese_company',
      inChina: true,
      hostingInMainland: true,
      activities: ['education'],
      ...(province === undefined ? {} : { certificateProvince: province }),
    });
    const education = getInstrument(result, 'pre_approval', 'education');
    expect(education.applies).toBe(applies);
    expect(ruleIds(education.reasons)).toContain(ruleId);
  });

  it('drops a pre-approval that was abolished', () => {
    const result = assess({
      applicantKind: 'chinese_company',
      inChina: true,
      certificateProvince: 'Beijing',
      hostingInMainland: true,
      activities: ['forum'],
    });
    const bbs = getInstrument(result, 'pre_approval', 'bbs');
    expect(bbs).toMatchObject({ applies: false, eligibility: 'not_applicable' });
    expect(getInstrument(result, 'icp_filing').eligibility).toBe('eligible');
  });
});

describe('domains', () => {
  const base: ApplicantProfileInput = {
    applicantKind: 'chinese_company',
    inChina: true,
    certificateProvince: 'Guangdong',
    hostingInMainland: true,
  };

  it('blocks the filing for a suffix that cannot be filed, until the domain changes', () => {
    const filing = getInstrument(assess({ ...base, domain: 'example.io' }), 'icp_filing');
    expect(filing.eligibility).toBe('not_eligible');
    expect(getReason(filing.reasons, 'filing.domain.tld_not_fileable').sources).toEqual(
      expect.arrayContaining(['ref-5-tlds', 'ref-5-domains']),
    );
    expect(stepIds(filing)).toContain('use_fileable_tld');
  });

  it('accepts a fileable domain and asks for a transfer from a foreign registrar', () => {
    const filing = getInstrument(
      assess({ ...base, domain: 'https://www.Example.CN/path', domainAtMainlandRegistrar: false }),
      'icp_filing',
    );
    expect(getReason(filing.reasons, 'filing.domain.fileable').params).toMatchObject({
      domain: 'example.cn',
    });
    expect(getReason(filing.reasons, 'filing.domain.foreign_registrar').outcome).toBe('condition');
    expect(stepIds(filing)).toContain('transfer_domain_to_mainland_registrar');
    expect(filing.eligibility).toBe('conditional');
  });

  it('rejects something that is not a domain', () => {
    const filing = getInstrument(assess({ ...base, domain: '127.0.0.1' }), 'icp_filing');
    expect(getReason(filing.reasons, 'filing.domain.invalid').outcome).toBe('fail');
  });

  it('marks a government domain for the checklist', () => {
    const result = assess({ ...base, applicantKind: 'government', domain: 'example.gov.cn' });
    const docs = result.checklist[0]?.items.flatMap((i) => i.ruleIds) ?? [];
    expect(docs).toContain('filing-gov-domain-form');
  });
});

describe('timeline', () => {
  const input: ApplicantProfileInput = {
    applicantKind: 'chinese_company',
    inChina: true,
    certificateProvince: 'Fujian',
    hostingInMainland: true,
    activities: ['online_sales'],
  };

  it('gives durations without dates when no start date is given', () => {
    const { timeline } = assess(input);
    expect(timeline.startDate).toBeUndefined();
    expect(timeline.phases.map((p) => p.instrument)).toEqual(['icp_filing', 'icp_licence', 'psb_filing']);
    const filing = timeline.phases[0];
    expect(filing?.steps.every((s) => s.dates === undefined)).toBe(true);
    expect(filing?.total.calendarDays).toEqual({ typical: 1, max: 1 });
    expect(filing?.steps.find((s) => s.id === 'sms_verification')?.sources).toContain('ref-3-sms');
    expect(filing?.steps.find((s) => s.id === 'authority_review')?.days.max).toBeLessThanOrEqual(20);
  });

  it('warns about an unreadable start date instead of throwing', () => {
    const { timeline } = assess(input, 'next Tuesday');
    expect(timeline.warnings.map((w) => w.code)).toContain('invalid_date');
    expect(timeline.phases[0]?.steps[0]?.dates).toBeUndefined();
  });

  it('warns when a date falls in a year without holiday data', () => {
    const calendar = createWorkingDayCalendar();
    expect(calendar.hasDataFor(2040)).toBe(false);
    const { timeline } = assess(input, '2040-01-06');
    const warning = timeline.warnings.find((w) => w.code === 'calendar_year_without_data');
    expect(warning?.params?.year).toBe(2040);
    expect(warning?.message.zh.length).toBeGreaterThan(0);
  });

  it('accepts the Chinese date notation', () => {
    expect(assess(input, '2026年9月28日').timeline.startDate).toBe('2026-09-28');
  });

  it('assumes the slowest province when the province is unknown', () => {
    const { timeline } = assess({ ...input, certificateProvince: undefined });
    const worst = Math.max(...defaultCatalogue.provinceRules.map((r) => r.authorityReviewDays.value.max));
    const review = timeline.phases[0]?.steps.find((s) => s.id === 'authority_review');
    expect(review?.days.max).toBe(worst);
    expect(review?.note).toBeDefined();
  });

  it('puts the article’s "about ten days" next to the legal ceiling', () => {
    const result = assess(input);
    const conflict = result.conflicts.find((c) => c.id === 'processing_time');
    expect(conflict?.positions.find((p) => p.stance === 'article')?.sources).toEqual(['sjgrand-11']);
    expect(conflict?.positions.find((p) => p.stance === 'reference')?.sources).toEqual(
      expect.arrayContaining(['order-33', 'ref-3-sms', 'ref-9-licence']),
    );
    expect(result.conflicts.map((c) => c.id)).toContain('shanghai_faster');
  });
});

const provinceKeys = [
  'Beijing',
  '44',
  '粤',
  'Jiangxi',
  'hebei',
  'Sichuan',
  'Inner Mongolia',
  '31',
  'Tianjin',
];

const profileFields = fc.record(
  {
    applicantKind: fc.constantFrom(...APPLICANT_KINDS),
    inChina: fc.boolean(),
    certificateProvince: fc.constantFrom(...provinceKeys),
    residencePermitProvince: fc.constantFrom(...provinceKeys),
    age: fc.integer({ min: 0, max: 120 }),
    hasMainlandMobile: fc.boolean(),
    mobileProvince: fc.constantFrom(...provinceKeys),
    hasMainlandLandline: fc.boolean(),
    alipayWithInternationalCard: fc.boolean(),
    hasRepresentativeInChina: fc.boolean(),
    speaksMandarinOrHasAssistant: fc.boolean(),
    hostingInMainland: fc.boolean(),
    domain: fc.oneof(
      fc.constantFrom(
        'example.cn',
        'example.io',
        'example.gov.cn',
        'ｅｘａｍｐｌｅ．ｃｏｍ',
        '例子.中国',
        'localhost',
      ),
      fc.string({ minLength: 1, maxLength: 40 }),
    ),
    domainAtMainlandRegistrar: fc.boolean(),
    activities: fc.uniqueArray(fc.constantFrom(...ACTIVITIES), { minLength: 1, maxLength: 6 }),
    registeredCapitalRmb: fc.integer({ min: 0, max: 50_000_000 }),
    crossRegional: fc.boolean(),
    pilotZone: fc.constantFrom(...PILOT_ZONES),
  },
  { requiredKeys: ['applicantKind', 'inChina', 'hostingInMainland'] },
);

/** Joint ventures need their ownership; other kinds get one now and then, which the schema may reject. */
const profileInput = fc
  .tuple(profileFields, fc.integer({ min: 0, max: 100 }), fc.boolean())
  .map(([fields, percent, addAnyway]) =>
    fields.applicantKind === 'joint_venture' || addAnyway
      ? { ...fields, chineseOwnershipPercent: percent }
      : fields,
  );

const startDate = fc.oneof(
  fc.constant(undefined),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
    )
    .map(
      ([y, m, d]) =>
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
    ),
  fc.string({ maxLength: 12 }),
);

describe('properties', () => {
  it('never throws for a schema-valid profile, and keeps its invariants', () => {
    fc.assert(
      fc.property(profileInput, startDate, (input, start) => {
        const parsed = applicantProfileSchema.safeParse(input);
        fc.pre(parsed.success);
        if (!parsed.success) return;
        const result = assessEligibility(parsed.data, start === undefined ? {} : { startDate: start });
        const kinds = result.instruments
          .filter((i) => i.instrument !== 'pre_approval')
          .map((i) => i.instrument);
        expect([...kinds].sort()).toEqual(['edi_licence', 'icp_filing', 'icp_licence', 'psb_filing']);
        for (const i of result.instruments) {
          expect(i.eligibility === 'not_applicable').toBe(!i.applies);
          if (!i.applies) expect(i.nextSteps).toEqual([]);
        }
        const orders = result.instruments.map((i) => i.order);
        expect(orders).toEqual([...orders].sort((a, b) => a - b));
        if (!parsed.data.hostingInMainland)
          expect(result.summary.licenceType).toBe('none_hosted_outside_mainland');
        const reasons = [
          ...result.instruments.flatMap((i) => [...i.reasons, ...i.nextSteps]),
          ...result.authority.reasons,
          ...result.provinceRules.items,
          ...result.conflicts.flatMap((c) => c.positions),
        ];
        for (const r of reasons) {
          for (const source of r.sources) expect(defaultCatalogue.index.sourceById.has(source)).toBe(true);
          expect(r.message.en.length).toBeGreaterThan(0);
          expect(r.message.zh.length).toBeGreaterThan(0);
        }
        for (const i of result.instruments)
          for (const r of i.reasons) expect(r.ruleId).toMatch(/^[a-z][a-z0-9_.]*$/);
      }),
      { numRuns: 300 },
    );
  });
});
