import type { EligibilityAssessment, InstrumentKind } from '../../../domain/eligibility/assessment.ts';
import type { ApplicantProfileInput } from '../../../domain/eligibility/profile.ts';

/**
 * Hands the eligibility answers to the order wizard: the wizard's "Turn this into a draft filing"
 * button saves them here, then goes to `/app/orders/new?fromEligibility=true` (through sign-up when
 * nobody is signed in), and the order wizard reads them back to prefill the new order.
 *
 * sessionStorage key `openbeian.eligibilityProfile`, a JSON object of this shape:
 *
 * ```jsonc
 * {
 *   "version": 1,
 *   "savedAt": "2026-09-25T08:30:00.000Z",     // ISO instant of the save
 *   "profile": {                               // exactly the body POSTed to /api/eligibility (no startDate)
 *     "applicantKind": "joint_venture",        // APPLICANT_KINDS in src/domain/eligibility/profile.ts
 *     "chineseOwnershipPercent": 60,           // joint ventures only
 *     "inChina": true,
 *     "certificateProvince": "31",             // province code (GB/T 2260, 2 digits), when given
 *     "residencePermitProvince": "44",         // optional, individuals
 *     "age": 30,                               // optional, individuals
 *     "hasMainlandMobile": true,               // optional booleans: absent = "not sure"
 *     "mobileProvince": "31",
 *     "hasMainlandLandline": true,
 *     "alipayWithInternationalCard": true,
 *     "hasRepresentativeInChina": true,
 *     "speaksMandarinOrHasAssistant": true,
 *     "hostingInMainland": true,
 *     "domain": "example-jv.com.cn",           // optional
 *     "domainAtMainlandRegistrar": true,
 *     "activities": ["online_sales", "online_payments"],   // ACTIVITIES, at least one
 *     "registeredCapitalRmb": 2000000,         // optional, companies
 *     "crossRegional": false,                  // companies
 *     "pilotZone": "shanghai_lingang_pudong"   // optional, companies
 *   },
 *   "result": {                                // the assessment's headline, when one was made
 *     "licenceType": "icp_filing_then_icp_licence",
 *     "overall": "eligible",
 *     "provinceCode": "31",                    // the authority's province, when known
 *     "instruments": ["icp_filing", "icp_licence", "psb_filing"]   // those that apply
 *   }
 * }
 * ```
 */
export const ELIGIBILITY_PROFILE_KEY = 'openbeian.eligibilityProfile';

export interface StoredEligibilityProfile {
  version: 1;
  savedAt: string;
  profile: ApplicantProfileInput;
  result?: {
    licenceType: EligibilityAssessment['summary']['licenceType'];
    overall: EligibilityAssessment['summary']['overall'];
    provinceCode?: string;
    instruments: InstrumentKind[];
  };
}

export function saveEligibilityProfile(
  profile: ApplicantProfileInput,
  assessment?: EligibilityAssessment,
  now = new Date(),
): StoredEligibilityProfile {
  const provinceCode = assessment?.authority.province?.code;
  const stored: StoredEligibilityProfile = {
    version: 1,
    savedAt: now.toISOString(),
    profile,
    ...(assessment
      ? {
          result: {
            licenceType: assessment.summary.licenceType,
            overall: assessment.summary.overall,
            ...(provinceCode ? { provinceCode } : {}),
            instruments: assessment.instruments.filter((i) => i.applies).map((i) => i.instrument),
          },
        }
      : {}),
  };
  try {
    sessionStorage.setItem(ELIGIBILITY_PROFILE_KEY, JSON.stringify(stored));
  } catch {
    // Storage full or disabled (private mode): the order wizard then starts empty.
  }
  return stored;
}

/** The saved answers, or null when there are none (or they are not of this shape). */
export function readEligibilityProfile(): StoredEligibilityProfile | null {
  try {
    const raw = sessionStorage.getItem(ELIGIBILITY_PROFILE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<StoredEligibilityProfile> | null;
    if (
      parsed?.version !== 1 ||
      typeof parsed.profile !== 'object' ||
      parsed.profile === null ||
      typeof parsed.profile.applicantKind !== 'string'
    )
      return null;
    return parsed as StoredEligibilityProfile;
  } catch {
    return null;
  }
}

export function clearEligibilityProfile(): void {
  try {
    sessionStorage.removeItem(ELIGIBILITY_PROFILE_KEY);
  } catch {
    // Nothing to clear.
  }
}
