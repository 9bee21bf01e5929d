import type {
  Organisation,
  OrganisationKind,
  OrganisationStore,
  Page,
  PageRequest,
} from './account-stores.ts';

export function listOrganisations(
  deps: { stores: { organisations: OrganisationStore } },
  filter: { kind?: OrganisationKind | undefined; query?: string | undefined } & PageRequest,
): Promise<Page<Organisation>> {
  return deps.stores.organisations.list(filter);
}
