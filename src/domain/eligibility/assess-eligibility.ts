import { createWorkingDayCalendar, type WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { type Catalogue, findProvince } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import type { Localized } from '../shared/localized.ts';
import type {
  EligibilityAssessment,
  InstrumentAssessment,
  InstrumentKind,
  NextStep,
  Reason,
} from './assessment.ts';
import { collectConflicts } from './conflicts.ts';
import { buildInstrumentChecklists } from './instrument-checklists.ts';
import { type ApplicantProfile, findForeignOwnershipPercent, isIndividualKind } from './profile.ts';
import { deriveEligibility, nextStep, reason } from './reason.ts';
import type { RuleContext } from './rule-context.ts';
import { assessApplicant } from './rules/applicant.ts';
import { resolveAuthority } from './rules/authority.ts';
import { assessDomain } from './rules/domain.ts';
import { assessHosting } from './rules/hosting.ts';
import { assessEdiLicence, assessIcpLicence } from './rules/licence.ts';
import { assessPreApprovals, explainPreApprovalsForFiling } from './rules/pre-approvals.ts';
import { assessProvinceRules } from './rules/province.ts';
import { assessPsbFiling } from './rules/psb.ts';
import { determineNeeds, explainScope, findCommercialActivities } from './rules/scope.ts';
import { summarise } from './summary.ts';
import { buildTimeline } from './timeline.ts';

export interface AssessEligibilityOptions {
  /** 'YYYY-MM-DD' (or any form parseIsoDate accepts): dates the timeline from this day. */
  startDate?: string;
  catalogue?: Catalogue;
  /** A calendar with the admins' overrides; defaults to the seed data. */
  calendar?: WorkingDayCalendar;
}

const NAMES: Record<Exclude<InstrumentKind, 'pre_approval'>, Localized> = {
  icp_filing: { en: 'ICP filing (备案)', zh: 'ICP备案' },
  icp_licence: { en: 'ICP commercial licence (ICP经营许可证)', zh: 'ICP经营许可证' },
  edi_licence: {
    en: 'EDI licence (online data processing and transaction processing)',
    zh: 'EDI许可证（在线数据处理与交易处理业务）',
  },
  psb_filing: { en: 'Public security (PSB) filing', zh: '公安联网备案' },
};

/** Phases: pre-approvals before the filing, then the filing, then what needs its number. */
const ORDER = { pre_approval: 0, icp_filing: 1, icp_licence: 2, edi_licence: 2, psb_filing: 2 } as const;

function uniqueSteps(steps: readonly NextStep[]): NextStep[] {
  const byId = new Map<string, NextStep>();
  for (const step of steps) if (!byId.has(step.id)) byId.set(step.id, step);
  return [...byId.values()];
}

function instrument(
  kind: Exclude<InstrumentKind, 'pre_approval'>,
  applies: boolean,
  reasons: Reason[],
  nextSteps: NextStep[],
): InstrumentAssessment {
  return {
    instrument: kind,
    name: NAMES[kind],
    applies,
    eligibility: deriveEligibility(applies, reasons),
    order: ORDER[kind],
    reasons,
    nextSteps: applies ? uniqueSteps(nextSteps) : [],
  };
}

function buildContext(
  profile: ApplicantProfile,
  catalogue: Catalogue,
): { context: RuleContext; unknownKeys: string[] } {
  const unknownKeys: string[] = [];
  const lookUp = (key: string | undefined) => {
    if (key === undefined) return undefined;
    const province = findProvince(catalogue, key);
    if (!province) unknownKeys.push(key);
    return province;
  };
  const certificateProvince = lookUp(profile.certificateProvince);
  const residencePermitProvince = lookUp(profile.residencePermitProvince);
  const mobileProvince = lookUp(profile.mobileProvince);
  const context: RuleContext = {
    profile,
    catalogue,
    isIndividual: isIndividualKind(profile.applicantKind),
    commercialActivities: findCommercialActivities(profile),
    needs: determineNeeds(profile),
  };
  if (certificateProvince) context.certificateProvince = certificateProvince;
  if (residencePermitProvince) context.residencePermitProvince = residencePermitProvince;
  if (mobileProvince) context.mobileProvince = mobileProvince;
  const foreignPercent = findForeignOwnershipPercent(profile);
  if (foreignPercent !== undefined) context.foreignPercent = foreignPercent;
  return { context, unknownKeys };
}

function explainUnknownKeys(keys: readonly string[]): Reason[] {
  return keys.map((key) =>
    reason(
      'authority.unknown_province_key',
      'info',
      `"${key}" is not a province we know; it was ignored.`,
      `“${key}”不是已知的省份，已忽略。`,
      ['ref-6-4'],
      { key },
    ),
  );
}

function startFilingStep(): NextStep {
  return nextStep(
    'start_filing_with_provider',
    'Rent a mainland server from an access provider (at least 3 months), get its filing service code and submit the filing in the provider’s system; the provider reviews it, then the authority decides.',
    '向接入商购买大陆服务器（至少3个月），获取备案服务码并在接入商系统提交备案；接入商初审后由管局审核。',
    ['sjgrand-7', 'ref-3-process', 'ref-3-instances'],
  );
}

/**
 * Which licence type the planned site needs (none / ICP filing / filing then commercial licence / EDI),
 * whether this applicant can get each instrument and why, where, with which documents and how long.
 * Pure: the profile and options in, a structured answer out; never throws for a schema-valid profile.
 */
export function assessEligibility(
  profile: ApplicantProfile,
  options: AssessEligibilityOptions = {},
): EligibilityAssessment {
  const catalogue = options.catalogue ?? defaultCatalogue;
  const calendar = options.calendar ?? createWorkingDayCalendar();
  const { context, unknownKeys } = buildContext(profile, catalogue);

  const authority = resolveAuthority(profile, catalogue, {
    ...(context.certificateProvince ? { certificate: context.certificateProvince } : {}),
    ...(context.residencePermitProvince ? { permit: context.residencePermitProvince } : {}),
  });
  authority.assessment.reasons.push(...explainUnknownKeys(unknownKeys));
  if (authority.filingProvince) {
    context.filingProvince = authority.filingProvince;
    const rules = catalogue.index.rulesByProvince.get(authority.filingProvince.code);
    if (rules) context.filingRules = rules;
  }

  const hosted = profile.hostingInMainland;
  const hosting = assessHosting(profile);
  const scope = explainScope(context);
  const preApprovals = assessPreApprovals(context);
  const hasPreApprovals = preApprovals.some((f) => f.applies);

  const applicant = hosted ? assessApplicant(context) : { reasons: [], nextSteps: [] };
  const province = hosted
    ? assessProvinceRules(context)
    : { assessment: { items: [] }, filingReasons: [], nextSteps: [] };
  const domain = hosted ? assessDomain(context) : { reasons: [], nextSteps: [], isGovernmentDomain: false };

  const filingReasons = [
    ...hosting,
    ...scope.filing,
    ...authority.assessment.reasons.filter((r) => r.outcome === 'condition'),
    ...applicant.reasons,
    ...province.filingReasons,
    ...domain.reasons,
    ...explainPreApprovalsForFiling(preApprovals),
  ];
  const filingEligibility = deriveEligibility(hosted, filingReasons);
  const filing = instrument('icp_filing', hosted, filingReasons, [
    ...authority.assessment.nextSteps,
    ...applicant.nextSteps,
    ...province.nextSteps,
    ...domain.nextSteps,
    ...(filingEligibility === 'not_eligible' ? [] : [startFilingStep()]),
  ]);

  const outside = hosted ? [] : hosting.slice(0, 1);
  const icp = context.needs.icpLicence
    ? assessIcpLicence(context, filingEligibility)
    : { reasons: [], nextSteps: [] };
  const edi = context.needs.ediLicence
    ? assessEdiLicence(context, filingEligibility)
    : { reasons: [], nextSteps: [] };
  const psb = hosted ? assessPsbFiling(filingEligibility) : { reasons: [], nextSteps: [] };

  const instruments: InstrumentAssessment[] = [
    ...preApprovals.map(
      (finding): InstrumentAssessment => ({
        instrument: 'pre_approval',
        preApprovalId: finding.preApproval.id,
        name: { en: finding.preApproval.nameEn, zh: finding.preApproval.nameZh },
        applies: finding.applies,
        eligibility: deriveEligibility(finding.applies, finding.reasons),
        order: ORDER.pre_approval,
        reasons: finding.reasons,
        nextSteps: finding.applies ? finding.nextSteps : [],
      }),
    ),
    filing,
    instrument(
      'icp_licence',
      context.needs.icpLicence,
      [...outside, ...scope.icpLicence, ...icp.reasons],
      icp.nextSteps,
    ),
    instrument(
      'edi_licence',
      context.needs.ediLicence,
      [...outside, ...scope.ediLicence, ...edi.reasons],
      edi.nextSteps,
    ),
    instrument('psb_filing', hosted, [...outside, ...psb.reasons], psb.nextSteps),
  ].sort((a, b) => a.order - b.order);

  const timeline = buildTimeline(context, {
    calendar,
    hasPreApprovals,
    ...(options.startDate === undefined ? {} : { startDate: options.startDate }),
  });

  return {
    summary: summarise(context, instruments),
    instruments,
    authority: authority.assessment,
    provinceRules: province.assessment,
    conflicts: hosted ? collectConflicts(context, province.assessment.items, timeline) : [],
    checklist: hosted
      ? buildInstrumentChecklists(context, { isGovernmentDomain: domain.isGovernmentDomain, hasPreApprovals })
      : [],
    timeline,
  };
}
