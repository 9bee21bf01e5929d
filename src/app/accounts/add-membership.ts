import type { Role } from '../../domain/policy/order-access.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { AccountStores, AccountsTransaction, Membership, Organisation } from './account-stores.ts';
import { assertRoleFitsOrganisation } from './organisation-roles.ts';

export interface AddMembershipInput {
  /** Who does it, for the audit log: "user:<id>" or "cli". */
  actorLabel: string;
  userId: string;
  organisationId: string;
  role: Role;
}

/**
 * Gives a user a role in an organisation. The role must fit the organisation's kind (an agency has
 * agents, a provider reviewers and admins …), and a user acts for at most one access provider and one
 * authority, because the access policy reads one of each from the actor.
 */
export async function addMembership(
  deps: { transaction: AccountsTransaction; clock: Clock },
  input: AddMembershipInput,
): Promise<Membership> {
  return deps.transaction(async (stores) => {
    const organisation = await stores.organisations.findById(input.organisationId);
    if (!organisation) {
      throw new DomainError('not_found', { en: 'No such organisation.', zh: '没有这个组织。' });
    }
    if (!(await stores.users.findById(input.userId))) {
      throw new DomainError('not_found', { en: 'No such user.', zh: '没有这个用户。' });
    }
    return addMembershipWith(stores, deps.clock.now(), { ...input, organisation });
  });
}

/** addMembership inside the caller's transaction, for a user and organisation the caller loaded. */
export async function addMembershipWith(
  stores: AccountStores,
  now: Date,
  input: Omit<AddMembershipInput, 'organisationId'> & { organisation: Organisation },
): Promise<Membership> {
  const { organisation, role } = input;
  assertRoleFitsOrganisation(role, organisation);
  if (organisation.kind === 'access_provider' || organisation.kind === 'authority') {
    const existing = await stores.memberships.listForUser(input.userId);
    const elsewhere = existing.find(
      (m) => m.organisation.kind === organisation.kind && m.organisationId !== organisation.id,
    );
    if (elsewhere) {
      throw new DomainError('conflict', {
        en: 'This user already works for another organisation of this kind; a user reviews for one provider and one authority.',
        zh: '该用户已在另一个同类组织任职；一个用户只能为一个接入服务商和一个通信管理局审核。',
      });
    }
  }
  const membership = await stores.memberships.add(
    { userId: input.userId, organisationId: organisation.id, role },
    now.toISOString(),
  );
  if (!membership) {
    throw new DomainError('conflict', {
      en: 'The user already has this role in this organisation.',
      zh: '该用户在此组织中已有此角色。',
    });
  }
  await appendAuditEvent(stores, {
    occurredAt: now,
    actor: input.actorLabel,
    action: 'membership.added',
    subjectType: 'organisation',
    subjectId: organisation.id,
    payload: { userId: input.userId, role },
  });
  return membership;
}
