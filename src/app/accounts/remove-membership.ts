import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { AccountsTransaction, MembershipWithOrganisation } from './account-stores.ts';
import { assertAnotherPlatformAdmin } from './platform-admin-guard.ts';

export interface RemoveMembershipInput {
  /** Who does it, for the audit log: "user:<id>" or "cli". */
  actorLabel: string;
  membershipId: string;
}

export function membershipNotFound(): DomainError {
  return new DomainError('not_found', { en: 'No such membership.', zh: '没有这个成员身份。' });
}

/**
 * Takes a role in an organisation away from a user (audited as membership.removed). The platform keeps
 * at least one administrator who can sign in.
 */
export async function removeMembership(
  deps: { transaction: AccountsTransaction; clock: Clock },
  input: RemoveMembershipInput,
): Promise<MembershipWithOrganisation> {
  return deps.transaction(async (stores) => {
    const membership = await stores.memberships.findById(input.membershipId);
    if (!membership) throw membershipNotFound();
    if (membership.role === 'platform_admin') {
      const user = await stores.users.findById(membership.userId);
      if (user?.disabledAt === null) await assertAnotherPlatformAdmin(stores.memberships, user.id);
    }
    if (!(await stores.memberships.remove(membership.id))) throw membershipNotFound();
    await appendAuditEvent(stores, {
      occurredAt: deps.clock.now(),
      actor: input.actorLabel,
      action: 'membership.removed',
      subjectType: 'organisation',
      subjectId: membership.organisationId,
      payload: { membershipId: membership.id, userId: membership.userId, role: membership.role },
    });
    return membership;
  });
}
