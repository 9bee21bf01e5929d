import type { Actor } from '../../domain/policy/order-access.ts';
import { DomainError } from '../errors.ts';
import type {
  MembershipStore,
  MembershipWithOrganisation,
  UserAccount,
  UserDirectory,
} from './account-stores.ts';
import { buildActor } from './resolve-actor.ts';

export interface MyAccount {
  user: UserAccount;
  actor: Actor;
  memberships: MembershipWithOrganisation[];
}

/** The signed-in user, what the access policy sees of them, and their organisations. */
export async function getMyAccount(
  deps: { stores: { users: UserDirectory; memberships: MembershipStore } },
  userId: string,
): Promise<MyAccount> {
  const [user, memberships] = await Promise.all([
    deps.stores.users.findById(userId),
    deps.stores.memberships.listForUser(userId),
  ]);
  // The account was deleted while its session or token was still in use.
  if (!user) throw new DomainError('unauthenticated', { en: 'Sign in first.', zh: '请先登录。' });
  return { user, actor: buildActor(userId, memberships), memberships };
}
