import type {
  MembershipStore,
  MembershipWithOrganisation,
  Page,
  PageRequest,
  UserAccount,
  UserDirectory,
} from './account-stores.ts';

export interface UserWithMemberships {
  user: UserAccount;
  memberships: MembershipWithOrganisation[];
}

/** Users oldest first with their memberships, for platform administrators and the CLI. */
export async function listUsers(
  deps: { stores: { users: UserDirectory; memberships: MembershipStore } },
  filter: { query?: string | undefined } & PageRequest,
): Promise<Page<UserWithMemberships>> {
  const page = await deps.stores.users.list(filter);
  const memberships = await deps.stores.memberships.listForUsers(page.items.map((user) => user.id));
  return {
    total: page.total,
    items: page.items.map((user) => ({
      user,
      memberships: memberships.filter((membership) => membership.userId === user.id),
    })),
  };
}
