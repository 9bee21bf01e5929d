import type { ClientAuthorisationStore, MembershipStore, UserDirectory } from './account-stores.ts';
import { findAgencies } from './find-agencies.ts';
import type { RecordedClientAuthorisation } from './record-client-authorisation.ts';

/** The clients that authorised any of the agent's agencies, newest first per agency. */
export async function listClientAuthorisations(
  deps: {
    stores: {
      memberships: MembershipStore;
      clientAuthorisations: ClientAuthorisationStore;
      users: UserDirectory;
    };
  },
  userId: string,
): Promise<RecordedClientAuthorisation[]> {
  const agencies = await findAgencies(deps.stores.memberships, userId);
  const results: RecordedClientAuthorisation[] = [];
  for (const agency of agencies) {
    for (const authorisation of await deps.stores.clientAuthorisations.listActiveForAgency(agency.id)) {
      const client = await deps.stores.users.findById(authorisation.clientUserId);
      if (client) results.push({ authorisation, client });
    }
  }
  return results;
}
