import type {
  Activity,
  ApplicantKind,
  ApplicantProfileInput,
  PilotZone,
} from '../../../domain/eligibility/profile.ts';

/**
 * The wizard's answers as the form holds them ('' = not answered, 'unknown' = "not sure"), and their
 * translation to the profile POST /api/eligibility takes. The lists repeat the domain's enums on
 * purpose: importing them would pull zod and the catalogue into this public chunk (the types keep
 * them in step).
 */

export const APPLICANT_GROUPS = {
  individuals: ['chinese_individual', 'foreign_individual', 'hmt_resident'],
  companies: ['chinese_company', 'wfoe', 'joint_venture', 'foreign_company'],
  others: ['representative_office', 'government', 'public_institution', 'social_organisation'],
} as const satisfies Record<string, readonly ApplicantKind[]>;

export const BASIC_ACTIVITIES = [
  'information_only',
  'online_sales',
  'advertising',
  'online_payments',
  'ecommerce_platform',
] as const satisfies readonly Activity[];

export const SECTOR_ACTIVITIES = [
  'news',
  'publishing',
  'audio_video',
  'education',
  'medical',
  'drugs',
  'games',
  'forum',
  'culture',
  'religion',
  'finance',
  'car_hailing',
  'live_streaming',
] as const satisfies readonly Activity[];

export const PILOT_ZONE_IDS = [
  'beijing',
  'shanghai_lingang_pudong',
  'hainan_ftp',
  'shenzhen',
] as const satisfies readonly PilotZone[];

export type YesNo = 'yes' | 'no' | '';
export type TriState = 'yes' | 'no' | 'unknown';

export interface Draft {
  applicantKind: ApplicantKind | '';
  chineseOwnershipPercent: number | '';
  registeredCapitalRmb: number | '';
  pilotZone: PilotZone | '';
  age: number | '';
  inChina: YesNo;
  certificateProvince: string;
  residencePermitProvince: string;
  hasMainlandMobile: TriState;
  mobileProvince: string;
  hasMainlandLandline: TriState;
  alipayWithInternationalCard: TriState;
  hasRepresentativeInChina: TriState;
  speaksMandarinOrHasAssistant: TriState;
  hostingInMainland: YesNo;
  domain: string;
  domainAtMainlandRegistrar: TriState;
  activities: Activity[];
  crossRegional: boolean;
  startDate: string;
}

export type DraftField = keyof Draft;

export function emptyDraft(startDate: string): Draft {
  return {
    applicantKind: '',
    chineseOwnershipPercent: '',
    registeredCapitalRmb: '',
    pilotZone: '',
    age: '',
    inChina: '',
    certificateProvince: '',
    residencePermitProvince: '',
    hasMainlandMobile: 'unknown',
    mobileProvince: '',
    hasMainlandLandline: 'unknown',
    alipayWithInternationalCard: 'unknown',
    hasRepresentativeInChina: 'unknown',
    speaksMandarinOrHasAssistant: 'unknown',
    hostingInMainland: '',
    domain: '',
    domainAtMainlandRegistrar: 'unknown',
    activities: [],
    crossRegional: false,
    startDate,
  };
}

const INDIVIDUALS: readonly string[] = APPLICANT_GROUPS.individuals;
const MAINLAND_COMPANIES: readonly string[] = ['chinese_company', 'wfoe', 'joint_venture'];

export const isIndividual = (draft: Draft) => INDIVIDUALS.includes(draft.applicantKind);
export const isMainlandCompany = (draft: Draft) => MAINLAND_COMPANIES.includes(draft.applicantKind);
/** The article's four extra conditions concern foreign applicants who are not in China. */
export const isApplyingFromAbroad = (draft: Draft) =>
  (draft.applicantKind === 'foreign_individual' || draft.applicantKind === 'hmt_resident') &&
  draft.inChina === 'no';

function tri(value: TriState): boolean | undefined {
  return value === 'unknown' ? undefined : value === 'yes';
}

function fromBool(value: boolean | undefined): TriState {
  return value === undefined ? 'unknown' : value ? 'yes' : 'no';
}

/** The profile for POST /api/eligibility: only what applies to this applicant, "not sure" left out. */
export function toProfile(draft: Draft): ApplicantProfileInput | undefined {
  if (draft.applicantKind === '' || draft.inChina === '' || draft.hostingInMainland === '') return undefined;
  const profile: ApplicantProfileInput = {
    applicantKind: draft.applicantKind,
    inChina: draft.inChina === 'yes',
    hostingInMainland: draft.hostingInMainland === 'yes',
    activities: draft.activities.length > 0 ? [...draft.activities] : ['information_only'],
  };
  if (draft.applicantKind === 'joint_venture' && draft.chineseOwnershipPercent !== '')
    profile.chineseOwnershipPercent = draft.chineseOwnershipPercent;
  if (isMainlandCompany(draft)) {
    if (draft.registeredCapitalRmb !== '') profile.registeredCapitalRmb = draft.registeredCapitalRmb;
    if (draft.pilotZone !== '') profile.pilotZone = draft.pilotZone;
    profile.crossRegional = draft.crossRegional;
  }
  if (isIndividual(draft)) {
    if (draft.age !== '') profile.age = draft.age;
    if (draft.residencePermitProvince) profile.residencePermitProvince = draft.residencePermitProvince;
  }
  if (draft.certificateProvince) profile.certificateProvince = draft.certificateProvince;
  const mobile = tri(draft.hasMainlandMobile);
  if (mobile !== undefined) profile.hasMainlandMobile = mobile;
  if (mobile === true && draft.mobileProvince) profile.mobileProvince = draft.mobileProvince;
  const landline = tri(draft.hasMainlandLandline);
  if (landline !== undefined) profile.hasMainlandLandline = landline;
  if (isApplyingFromAbroad(draft)) {
    const alipay = tri(draft.alipayWithInternationalCard);
    if (alipay !== undefined) profile.alipayWithInternationalCard = alipay;
    const representative = tri(draft.hasRepresentativeInChina);
    if (representative !== undefined) profile.hasRepresentativeInChina = representative;
    const mandarin = tri(draft.speaksMandarinOrHasAssistant);
    if (mandarin !== undefined) profile.speaksMandarinOrHasAssistant = mandarin;
  }
  const domain = draft.domain.trim();
  if (domain) profile.domain = domain;
  const registrar = tri(draft.domainAtMainlandRegistrar);
  if (registrar !== undefined) profile.domainAtMainlandRegistrar = registrar;
  return profile;
}

/** A saved or example profile back into the form (province names are kept as given: the API accepts them). */
export function fromProfile(profile: ApplicantProfileInput, startDate: string): Draft {
  return {
    ...emptyDraft(startDate),
    applicantKind: profile.applicantKind,
    chineseOwnershipPercent: profile.chineseOwnershipPercent ?? '',
    registeredCapitalRmb: profile.registeredCapitalRmb ?? '',
    pilotZone: profile.pilotZone ?? '',
    age: profile.age ?? '',
    inChina: profile.inChina ? 'yes' : 'no',
    certificateProvince: profile.certificateProvince ?? '',
    residencePermitProvince: profile.residencePermitProvince ?? '',
    hasMainlandMobile: fromBool(profile.hasMainlandMobile),
    mobileProvince: profile.mobileProvince ?? '',
    hasMainlandLandline: fromBool(profile.hasMainlandLandline),
    alipayWithInternationalCard: fromBool(profile.alipayWithInternationalCard),
    hasRepresentativeInChina: fromBool(profile.hasRepresentativeInChina),
    speaksMandarinOrHasAssistant: fromBool(profile.speaksMandarinOrHasAssistant),
    hostingInMainland: profile.hostingInMainland ? 'yes' : 'no',
    domain: profile.domain ?? '',
    domainAtMainlandRegistrar: fromBool(profile.domainAtMainlandRegistrar),
    activities: [...(profile.activities ?? [])],
    crossRegional: profile.crossRegional ?? false,
  };
}

export const FORM_STEPS = ['applicant', 'location', 'site', 'review'] as const;
export type FormStep = (typeof FORM_STEPS)[number];
export type WizardStep = FormStep | 'result';

const WIZARD_STEPS: readonly string[] = [...FORM_STEPS, 'result'];

/**
 * The step a URL hash shows. No hash is the first step; a hash that names no step (an in-page anchor
 * such as #main, followed by the browser or a skip link) leaves the wizard on the step it was on.
 */
export function stepFromHash(hash: string, current: WizardStep | undefined): WizardStep {
  const name = hash.replace(/^#/u, '');
  if (WIZARD_STEPS.includes(name)) return name as WizardStep;
  return name === '' ? 'applicant' : (current ?? 'applicant');
}

/** Which step asks for each profile field (to send the API's field errors back to their step). */
export const FIELD_STEP: Record<DraftField, FormStep> = {
  applicantKind: 'applicant',
  chineseOwnershipPercent: 'applicant',
  registeredCapitalRmb: 'applicant',
  pilotZone: 'applicant',
  age: 'applicant',
  inChina: 'location',
  certificateProvince: 'location',
  residencePermitProvince: 'location',
  hasMainlandMobile: 'location',
  mobileProvince: 'location',
  hasMainlandLandline: 'location',
  alipayWithInternationalCard: 'location',
  hasRepresentativeInChina: 'location',
  speaksMandarinOrHasAssistant: 'location',
  hostingInMainland: 'site',
  domain: 'site',
  domainAtMainlandRegistrar: 'site',
  activities: 'site',
  crossRegional: 'site',
  startDate: 'review',
};

export type FieldErrors = Partial<Record<DraftField, string>>;

/** The step's own checks (message keys of the eligibility namespace); the API checks the rest. */
export function validateStep(step: FormStep, draft: Draft): Partial<Record<DraftField, string>> {
  const errors: Partial<Record<DraftField, string>> = {};
  if (step === 'applicant') {
    if (draft.applicantKind === '') errors.applicantKind = 'applicant.kindRequired';
    const percent = draft.chineseOwnershipPercent;
    if (draft.applicantKind === 'joint_venture' && (percent === '' || percent <= 0 || percent >= 100))
      errors.chineseOwnershipPercent = 'applicant.ownershipRequired';
  }
  if (step === 'location' && draft.inChina === '') errors.inChina = 'location.inChinaRequired';
  if (step === 'site') {
    if (draft.hostingInMainland === '') errors.hostingInMainland = 'site.hostingRequired';
    if (draft.activities.length === 0) errors.activities = 'site.activitiesRequired';
  }
  return errors;
}

/** The first step (before `until`) whose checks fail, if any. */
export function firstInvalidStep(draft: Draft, until: WizardStep = 'result'): FormStep | undefined {
  for (const step of FORM_STEPS) {
    if (step === until) return undefined;
    if (Object.keys(validateStep(step, draft)).length > 0) return step;
  }
  return undefined;
}

/** The wizard's answers survive a reload (and a trip through sign-up) in this tab. */
const DRAFT_KEY = 'openbeian.eligibilityDraft';

export function loadDraft(): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    return raw ? (JSON.parse(raw) as Draft) : undefined;
  } catch {
    return undefined;
  }
}

export function storeDraft(draft: Draft): void {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Private mode: the answers just do not survive a reload.
  }
}

/** examples/profiles/*.json, the CLI's sample inputs. */
export const EXAMPLE_PROFILES: {
  key: 'foreignInfo' | 'foreignShop' | 'jointVenture';
  profile: ApplicantProfileInput;
}[] = [
  {
    key: 'foreignInfo',
    profile: {
      applicantKind: 'foreign_individual',
      inChina: false,
      hasMainlandMobile: true,
      hasMainlandLandline: true,
      alipayWithInternationalCard: true,
      hasRepresentativeInChina: true,
      speaksMandarinOrHasAssistant: true,
      hostingInMainland: true,
      domain: 'example-travel-notes.com',
      activities: ['information_only'],
    },
  },
  {
    key: 'foreignShop',
    profile: {
      applicantKind: 'foreign_individual',
      inChina: false,
      hasMainlandMobile: true,
      hasMainlandLandline: true,
      alipayWithInternationalCard: true,
      hasRepresentativeInChina: true,
      speaksMandarinOrHasAssistant: true,
      hostingInMainland: true,
      domain: 'example-shop.com',
      activities: ['online_sales'],
    },
  },
  {
    key: 'jointVenture',
    profile: {
      applicantKind: 'joint_venture',
      chineseOwnershipPercent: 60,
      inChina: true,
      certificateProvince: '31',
      hostingInMainland: true,
      domain: 'example-jv.com.cn',
      domainAtMainlandRegistrar: true,
      activities: ['online_sales', 'online_payments'],
      registeredCapitalRmb: 2000000,
    },
  },
];
