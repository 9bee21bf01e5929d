import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { Clock } from '../ports.ts';
import type { NewOrganisation, OrganisationStore } from './account-stores.ts';

/**
 * Creates the built-in sandbox authority of every province that has none yet, named as the
 * province's communications administration in the catalogue; runs at every start (idempotent: one
 * authority per province by a unique index). Returns how many it created.
 */
export async function ensureSandboxAuthorities(deps: {
  stores: { organisations: OrganisationStore };
  catalogue: Catalogue;
  clock: Clock;
}): Promise<{ created: number }> {
  const authorities: NewOrganisation[] = deps.catalogue.provinces.map((province) => ({
    kind: 'authority',
    nameEn: province.authority.nameEn,
    nameZh: province.authority.nameZh,
    provinceCode: province.code,
  }));
  const created = await deps.stores.organisations.insertMissingAuthorities(
    authorities,
    deps.clock.now().toISOString(),
  );
  return { created };
}
