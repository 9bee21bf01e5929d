import type { Role } from '../../domain/policy/order-access.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { AccountsTransaction, Membership } from './account-stores.ts';
import { assertRoleFitsOrganisation } from './organisation-roles.ts';
import { membershipNotFound } from './remove-membership.ts';

export interface ChangeMembershipRoleInput {
  /** Who does it, for the audit log: "user:<id>" or "cli". */
  actorLabel: string;
  membershipId: string;
  role: Role;
}

/**
 * Gives a membership another role that fits its organisation (a provider's reviewer becomes its
 * admin …), audited as membership.role_changed.
 */
export async function changeMembershipRole(
  deps: { transaction: AccountsTransaction; clock: Clock },
  input: ChangeMembershipRoleInput,
): Promise<Membership> {
  return deps.transaction(async (stores) => {
    const membership = await stores.memberships.findById(input.membershipId);
    if (!membership) throw membershipNotFound();
    // The platform organisation holds platform_admin alone, so no change takes that role away (the
    // last-administrator guard lives in removeMembership and setUserDisabled).
    assertRoleFitsOrganisation(input.role, membership.organisation);
    const changed =
      membership.role === input.role
        ? undefined
        : await stores.memberships.changeRole(membership.id, input.role);
    if (!changed) {
      throw new DomainError('conflict', {
        en: 'The user already has this role in this organisation.',
        zh: '该用户在此组织中已有此角色。',
      });
    }
    await appendAuditEvent(stores, {
      occurredAt: deps.clock.now(),
      actor: input.actorLabel,
      action: 'membership.role_changed',
      subjectType: 'organisation',
      subjectId: membership.organisationId,
      payload: {
        membershipId: membership.id,
        userId: membership.userId,
        from: membership.role,
        to: input.role,
      },
    });
    return changed;
  });
}
