import type { Catalogue } from '../catalogue/catalogue.ts';
import type { Province, ProvinceRules } from '../catalogue/schema.ts';
import type { Activity, ApplicantProfile } from './profile.ts';

/**
 * The facts every rule group reads, resolved once: provinces looked up in the catalogue, the filing
 * province chosen, and which instruments the planned site needs.
 */
export interface RuleContext {
  profile: ApplicantProfile;
  catalogue: Catalogue;
  isIndividual: boolean;
  /** Province of the ID card or business licence. */
  certificateProvince?: Province;
  residencePermitProvince?: Province;
  mobileProvince?: Province;
  /** The province whose communications administration reviews the filing, when known. */
  filingProvince?: Province;
  filingRules?: ProvinceRules;
  /** Foreign share in percent; undefined for applicants that are not companies. */
  foreignPercent?: number;
  /** Commercial or platform activities, which personal sites may not carry (ref-4-site-names). */
  commercialActivities: Activity[];
  needs: { filing: boolean; icpLicence: boolean; ediLicence: boolean };
}
