import type { Clock } from '../ports.ts';
import type { Organisation, OrganisationStore } from './account-stores.ts';

/** The one organisation platform administrators belong to; created on first use. */
export function ensurePlatformOrganisation(deps: {
  stores: { organisations: OrganisationStore };
  clock: Clock;
}): Promise<Organisation> {
  return deps.stores.organisations.ensurePlatform(
    { kind: 'platform', nameEn: 'OpenBeian platform', nameZh: 'OpenBeian 平台', provinceCode: null },
    deps.clock.now().toISOString(),
  );
}
