import type { LicenceKind, LicenceScope } from '../../../domain/licence/licence-kind.ts';
import type { Localized } from '../../../domain/shared/localized.ts';

/**
 * The query of /licences/new: a link (the eligibility result's) may preselect the licence and its
 * scope, and say that the wizard's answers wait in session storage. Anything else is dropped. Kept
 * free of imports with code, since the router (in the first chunk) reads it.
 */
export interface NewLicenceSearch {
  kind?: LicenceKind;
  scope?: LicenceScope;
  fromEligibility?: true;
}

export function parseNewLicenceSearch(search: Record<string, unknown>): NewLicenceSearch {
  const parsed: NewLicenceSearch = {};
  if (search.kind === 'icp' || search.kind === 'edi') parsed.kind = search.kind;
  if (search.scope === 'provincial' || search.scope === 'cross_regional') parsed.scope = search.scope;
  if (search.fromEligibility === true || search.fromEligibility === 'true') parsed.fromEligibility = true;
  return parsed;
}

/** The link to a new application, prefilled (`/licences/new?kind=icp&scope=provincial`). */
export function buildNewLicenceHref(search: NewLicenceSearch): string {
  const params = new URLSearchParams();
  if (search.kind) params.set('kind', search.kind);
  if (search.scope) params.set('scope', search.scope);
  if (search.fromEligibility) params.set('fromEligibility', 'true');
  const query = params.toString();
  return query ? `/licences/new?${query}` : '/licences/new';
}

/**
 * The eligibility result's way into a licence application, for each licence it may call for. The
 * result page ships with the eligibility texts only, so its words live here with the link.
 */
export const START_LICENCE_LABELS: Readonly<Record<LicenceKind, Localized>> = {
  icp: { en: 'Start an ICP licence application', zh: '申请ICP许可证' },
  edi: { en: 'Start an EDI licence application', zh: '申请EDI许可证' },
};

/** The licences an eligibility outcome calls for (its `licenceType`), in the order to apply. */
export function listLicencesNeeded(licenceType: string): LicenceKind[] {
  const kinds: LicenceKind[] = [];
  if (/(^|_)icp_licence/u.test(licenceType)) kinds.push('icp');
  if (/(^|_)edi_licence/u.test(licenceType)) kinds.push('edi');
  return kinds;
}
