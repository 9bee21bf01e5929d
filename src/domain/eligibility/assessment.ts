import type { ChecklistItem } from '../catalogue/checklist.ts';
import type { Issue } from '../shared/issue.ts';
import type { Localized } from '../shared/localized.ts';

/**
 * The structured answer of the eligibility engine. Every statement is a `Reason` with a stable `ruleId`
 * and the ids of the sources (sources.json) it rests on, so clients can localise, link and test by id.
 */

/** pass: the rule is met; fail: it blocks; condition: it holds only if something is true or done; info. */
export type Outcome = 'pass' | 'fail' | 'condition' | 'info';

export interface Reason {
  ruleId: string;
  outcome: Outcome;
  message: Localized;
  sources: string[];
  params?: Record<string, string | number | boolean>;
}

export interface NextStep {
  id: string;
  message: Localized;
  sources: string[];
}

export type InstrumentKind = 'icp_filing' | 'icp_licence' | 'edi_licence' | 'psb_filing' | 'pre_approval';

export type Eligibility = 'eligible' | 'not_eligible' | 'conditional' | 'not_applicable';

export interface InstrumentAssessment {
  instrument: InstrumentKind;
  /** The pre-approval id (pre-approvals.json) when `instrument` is 'pre_approval'. */
  preApprovalId?: string;
  name: Localized;
  /** Whether the planned activities and hosting need this instrument. */
  applies: boolean;
  /** 'not_applicable' exactly when `applies` is false. */
  eligibility: Eligibility;
  /**
   * Phase in which the instrument is obtained: 0 pre-approvals (before the filing), 1 the ICP filing,
   * 2 what needs the filing number (commercial licence, EDI licence, PSB filing).
   */
  order: number;
  reasons: Reason[];
  nextSteps: NextStep[];
}

export interface ProvinceRef {
  code: string;
  nameEn: string;
  nameZh: string;
}

export interface AuthorityProvince extends ProvinceRef {
  authority: { nameEn: string; nameZh: string; portal: string };
}

export type AuthorityBasis = 'business_licence' | 'id_card' | 'residence_permit' | 'unknown';

export interface AuthorityAssessment {
  /** The provincial communications administration that reviews the filing; absent when unknown. */
  province?: AuthorityProvince;
  basis: AuthorityBasis;
  reasons: Reason[];
  nextSteps: NextStep[];
}

/** What another source says about the same rule (a catalogue `alternatives` entry). */
export interface RuleAlternative {
  message: Localized;
  sources: string[];
  note?: Localized;
}

/** One province rule, explained for this applicant (min age against the profile's age, and so on). */
export interface ProvinceRuleItem extends Reason {
  topic:
    | 'individual_residency'
    | 'non_chinese_individuals'
    | 'hk_mo_tw_residents'
    | 'minimum_age'
    | 'local_mobile'
    | 'organisation_leader'
    | 'max_sites_per_order'
    | 'number_display'
    | 'shell_entity'
    | 'review_days'
    | 'special_item';
  note?: Localized;
  alternatives: RuleAlternative[];
}

export interface ProvinceRulesAssessment {
  province?: ProvinceRef;
  items: ProvinceRuleItem[];
}

export interface ConflictPosition {
  /** article: the S.J. Grand article; reference: provider and regulator sources; alternative: another source. */
  stance: 'article' | 'reference' | 'catalogue' | 'alternative';
  message: Localized;
  sources: string[];
}

export interface Conflict {
  id: string;
  kind: 'article_vs_reference' | 'sources_disagree';
  topic: Localized;
  positions: ConflictPosition[];
  /** Provinces the conflict names (e.g. the provinces that refuse foreign individuals). */
  provinces: ProvinceRef[];
}

export interface ChecklistSection {
  instrument: 'icp_filing' | 'icp_licence' | 'edi_licence';
  items: ChecklistItem[];
}

export type DurationUnit = 'working_days' | 'calendar_days';

export interface DateSpan {
  start: string;
  end: string;
}

export type TimelineStepId =
  | 'provider_review'
  | 'sms_verification'
  | 'authority_review'
  | 'licence_acceptance'
  | 'licence_review'
  | 'licence_issuance'
  | 'psb_filing_deadline';

export interface TimelineStep {
  id: TimelineStepId;
  name: Localized;
  unit: DurationUnit;
  days: { typical: number; max: number };
  sources: string[];
  note?: Localized;
  /** Present when a start date was given: the typical and the worst-case dates of the step. */
  dates?: { typical: DateSpan; max: DateSpan };
}

export interface TimelinePhase {
  instrument: 'icp_filing' | 'icp_licence' | 'edi_licence' | 'psb_filing';
  steps: TimelineStep[];
  /** Sum of the steps per unit (working and calendar days do not add up without dates). */
  total: {
    workingDays: { typical: number; max: number };
    calendarDays: { typical: number; max: number };
  };
  /** Present with a start date: when the phase completes, typically and at worst. */
  completion?: { typical: string; max: string };
}

export interface Timeline {
  startDate?: string;
  phases: TimelinePhase[];
  /** E.g. a date falls in a year the working-day calendar has no holiday data for. */
  warnings: Issue[];
}

export type LicenceType =
  | 'none_hosted_outside_mainland'
  | 'icp_filing'
  | 'icp_filing_then_icp_licence'
  | 'icp_filing_then_edi_licence'
  | 'icp_filing_then_icp_licence_and_edi_licence';

export interface EligibilitySummary {
  licenceType: LicenceType;
  /** The worst eligibility among the instruments that apply ('not_applicable' when none applies). */
  overall: Eligibility;
  message: Localized;
}

export interface EligibilityAssessment {
  summary: EligibilitySummary;
  instruments: InstrumentAssessment[];
  authority: AuthorityAssessment;
  provinceRules: ProvinceRulesAssessment;
  conflicts: Conflict[];
  checklist: ChecklistSection[];
  timeline: Timeline;
}
