import type { ApplicantProfileInput } from '../../../domain/eligibility/profile.ts';
import type {
  Activity,
  AgentClient,
  ApplicantKind,
  CreateLicenceRequest,
  LicenceFacts,
  LicenceKind,
  LicenceScope,
  PilotZone,
  PrerequisitesRequest,
} from './api.ts';

/**
 * The new-application form as it is held while typed ('' = not answered), and its translation to the
 * bodies of POST /api/licences/prerequisites and POST /api/licences. The form asks for the foreign
 * share of a joint venture, the figure the ownership cap is about (at most 50 % for the ICP licence,
 * fite-2022); the API takes the Chinese share, so the form converts.
 */

/** The applicants the form offers: companies, and the two kinds a licence is most often refused to. */
export const COMPANY_KINDS = [
  'chinese_company',
  'joint_venture',
  'wfoe',
  'foreign_company',
  'representative_office',
] as const satisfies readonly ApplicantKind[];

export const LICENCE_KIND_IDS = ['icp', 'edi'] as const satisfies readonly LicenceKind[];
export const LICENCE_SCOPE_IDS = ['provincial', 'cross_regional'] as const satisfies readonly LicenceScope[];

export interface FactsDraft {
  applicantKind: ApplicantKind | '';
  /** Foreign (including Hong Kong, Macao and Taiwan) share of a joint venture, in percent. */
  foreignSharePercent: number | '';
  registeredCapitalRmb: number | '';
  pilotZone: PilotZone | '';
  icpFilingNumber: string;
  activities: Activity[];
  preApprovals: string[];
}

export interface LicenceDraft {
  kind: LicenceKind | '';
  scope: LicenceScope | '';
  /** The province's two-digit code. */
  province: string;
  companyName: string;
  uscc: string;
  /** The agent's client (GET /api/agent/clients id), or '' for the caller's own company. */
  client: string;
  facts: FactsDraft;
}

export type DraftField =
  | 'kind'
  | 'scope'
  | 'province'
  | 'companyName'
  | 'uscc'
  | 'client'
  | `facts.${keyof FactsDraft}`;

export const FORM_STEPS = ['licence', 'company', 'facts', 'review'] as const;
export type FormStep = (typeof FORM_STEPS)[number];

/** Why a field is not ready: empty where an answer is needed, or outside its range. */
export type DraftProblem = 'required' | 'range';

export function emptyFacts(): FactsDraft {
  return {
    applicantKind: '',
    foreignSharePercent: '',
    registeredCapitalRmb: '',
    pilotZone: '',
    icpFilingNumber: '',
    activities: [],
    preApprovals: [],
  };
}

export function emptyLicenceDraft(prefill: { kind?: LicenceKind; scope?: LicenceScope } = {}): LicenceDraft {
  return {
    kind: prefill.kind ?? '',
    scope: prefill.scope ?? '',
    province: '',
    companyName: '',
    uscc: '',
    client: '',
    facts: emptyFacts(),
  };
}

/** Two decimals at most: 100 − 33.3 is 66.7, not 66.69999999999999. */
function complement(percent: number): number {
  return Math.round((100 - percent) * 100) / 100;
}

function isShareInRange(share: number | ''): share is number {
  return typeof share === 'number' && share > 0 && share < 100;
}

/**
 * The facts as the API takes them, or undefined while they cannot be checked yet: no applicant kind,
 * or a joint venture without its share (the API refuses that as malformed).
 */
export function toLicenceFacts(draft: FactsDraft): LicenceFacts | undefined {
  if (draft.applicantKind === '') return undefined;
  const facts: LicenceFacts = { applicantKind: draft.applicantKind };
  if (draft.applicantKind === 'joint_venture') {
    if (!isShareInRange(draft.foreignSharePercent)) return undefined;
    facts.chineseOwnershipPercent = complement(draft.foreignSharePercent);
  }
  if (typeof draft.registeredCapitalRmb === 'number') facts.registeredCapitalRmb = draft.registeredCapitalRmb;
  if (draft.pilotZone !== '') facts.pilotZone = draft.pilotZone;
  const number = draft.icpFilingNumber.trim();
  if (number !== '') facts.icpFilingNumber = number;
  if (draft.activities.length > 0) facts.activities = [...draft.activities];
  if (draft.preApprovals.length > 0) facts.preApprovals = [...draft.preApprovals];
  return facts;
}

/** The saved facts back in the form's shape (editing an application's facts). */
export function fromLicenceFacts(facts: LicenceFacts): FactsDraft {
  return {
    applicantKind: facts.applicantKind,
    foreignSharePercent:
      facts.applicantKind === 'joint_venture' && facts.chineseOwnershipPercent !== undefined
        ? complement(facts.chineseOwnershipPercent)
        : '',
    registeredCapitalRmb: facts.registeredCapitalRmb ?? '',
    pilotZone: facts.pilotZone ?? '',
    icpFilingNumber: facts.icpFilingNumber ?? '',
    activities: [...(facts.activities ?? [])],
    preApprovals: [...(facts.preApprovals ?? [])],
  };
}

/** The prerequisite check of the draft, once kind, scope, province and the applicant are known. */
export function toPrerequisitesRequest(draft: LicenceDraft): PrerequisitesRequest | undefined {
  const facts = toLicenceFacts(draft.facts);
  if (draft.kind === '' || draft.scope === '' || draft.province === '' || !facts) return undefined;
  const companyName = draft.companyName.trim();
  return {
    kind: draft.kind,
    scope: draft.scope,
    province: draft.province,
    facts,
    ...(companyName === '' ? {} : { companyName }),
  };
}

/** The body of POST /api/licences; an agent's client adds the agency and the client. */
export function toCreateRequest(
  draft: LicenceDraft,
  clients: readonly AgentClient[] = [],
): CreateLicenceRequest | undefined {
  const request = toPrerequisitesRequest(draft);
  if (!request) return undefined;
  const client = clients.find((candidate) => candidate.id === draft.client);
  return {
    ...request,
    companyName: draft.companyName.trim(),
    uscc: draft.uscc.trim(),
    ...(client ? { agentOrgId: client.agencyId, clientUserId: client.client.id } : {}),
  };
}

/** The answers a step needs before the next one, by field. */
export function validateLicenceStep(
  step: FormStep,
  draft: LicenceDraft,
): Partial<Record<DraftField, DraftProblem>> {
  const problems: Partial<Record<DraftField, DraftProblem>> = {};
  switch (step) {
    case 'licence':
      if (draft.kind === '') problems.kind = 'required';
      if (draft.scope === '') problems.scope = 'required';
      break;
    case 'company':
      if (draft.companyName.trim() === '') problems.companyName = 'required';
      if (draft.uscc.trim() === '') problems.uscc = 'required';
      if (draft.province === '') problems.province = 'required';
      break;
    case 'facts':
      if (draft.facts.applicantKind === '') problems['facts.applicantKind'] = 'required';
      if (draft.facts.applicantKind === 'joint_venture') {
        if (draft.facts.foreignSharePercent === '') problems['facts.foreignSharePercent'] = 'required';
        else if (!isShareInRange(draft.facts.foreignSharePercent))
          problems['facts.foreignSharePercent'] = 'range';
      }
      break;
    case 'review':
      break;
  }
  return problems;
}

/** The first step with a missing answer, up to (not including) `until`. */
export function findFirstInvalidStep(draft: LicenceDraft, until: FormStep = 'review'): FormStep | undefined {
  for (const step of FORM_STEPS) {
    if (step === until) return undefined;
    if (Object.keys(validateLicenceStep(step, draft)).length > 0) return step;
  }
  return undefined;
}

const FACT_FIELDS: Readonly<Record<string, DraftField>> = {
  applicantKind: 'facts.applicantKind',
  chineseOwnershipPercent: 'facts.foreignSharePercent',
  registeredCapitalRmb: 'facts.registeredCapitalRmb',
  pilotZone: 'facts.pilotZone',
  icpFilingNumber: 'facts.icpFilingNumber',
  activities: 'facts.activities',
  preApprovals: 'facts.preApprovals',
};

const TOP_FIELDS: ReadonlySet<string> = new Set(['kind', 'scope', 'province', 'companyName', 'uscc']);

/**
 * The form field an API field error is about (`body.facts.icpFilingNumber`, `facts.activities.0`,
 * `uscc`, `clientUserId`), or undefined for one the form has no field for.
 */
export function findDraftField(path: string): DraftField | undefined {
  const parts = path.replace(/^body\./u, '').split('.');
  const [head, second] = parts;
  if (head === 'facts') return second === undefined ? undefined : FACT_FIELDS[second];
  if (head === 'agentOrgId' || head === 'clientUserId') return 'client';
  return head !== undefined && TOP_FIELDS.has(head) ? (head as DraftField) : undefined;
}

export function findStepOfField(field: DraftField): FormStep {
  if (field === 'kind' || field === 'scope') return 'licence';
  if (field.startsWith('facts.')) return 'facts';
  return 'company';
}

const MAINLAND_COMPANY_KINDS: ReadonlySet<string> = new Set(['chinese_company', 'wfoe', 'joint_venture']);

/**
 * What the eligibility wizard's answers (saved by its "Start a licence application" button) tell
 * about the company: who applies, the province of its business licence, ownership, capital, pilot
 * zone and activities. The kind comes from the link; the scope from the link, else from the answers.
 */
export function prefillFromEligibility(draft: LicenceDraft, profile: ApplicantProfileInput): LicenceDraft {
  const kind = profile.applicantKind;
  const facts: FactsDraft = { ...draft.facts };
  if (kind && (COMPANY_KINDS as readonly string[]).includes(kind)) facts.applicantKind = kind;
  if (kind === 'joint_venture' && typeof profile.chineseOwnershipPercent === 'number')
    facts.foreignSharePercent = complement(profile.chineseOwnershipPercent);
  if (kind && MAINLAND_COMPANY_KINDS.has(kind)) {
    if (typeof profile.registeredCapitalRmb === 'number')
      facts.registeredCapitalRmb = profile.registeredCapitalRmb;
    if (profile.pilotZone) facts.pilotZone = profile.pilotZone;
  }
  if (profile.activities && profile.activities.length > 0) facts.activities = [...profile.activities];
  const province = profile.certificateProvince;
  return {
    ...draft,
    scope: draft.scope || (profile.crossRegional ? 'cross_regional' : draft.scope),
    // The wizard stores the province's two-digit code (eligibility-profile-storage.ts).
    province: draft.province || (province && /^\d{2}$/u.test(province) ? province : draft.province),
    facts,
  };
}
