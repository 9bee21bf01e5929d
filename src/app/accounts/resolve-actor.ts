import type { Actor, Role } from '../../domain/policy/order-access.ts';
import type { MembershipStore, MembershipWithOrganisation } from './account-stores.ts';

/**
 * The Actor the access policy reads, from the user's memberships: their roles, every organisation
 * they belong to, the access provider they review for and the province whose sandbox authority they
 * review for. A user without memberships is an applicant. Memberships come oldest first, so a user
 * with two provider memberships (which addMembership refuses) would act for the older one.
 */
export function buildActor(userId: string, memberships: readonly MembershipWithOrganisation[]): Actor {
  const roles = [...new Set<Role>(memberships.map((m) => m.role))];
  const actor: Actor = {
    userId,
    roles: roles.length === 0 ? ['applicant'] : roles,
    organisationIds: [...new Set(memberships.map((m) => m.organisationId))],
  };
  const provider = memberships.find(
    (m) =>
      (m.role === 'provider_reviewer' || m.role === 'provider_admin') &&
      m.organisation.kind === 'access_provider',
  );
  if (provider) actor.providerOrgId = provider.organisationId;
  const authority = memberships.find(
    (m) =>
      m.role === 'authority_reviewer' && m.organisation.kind === 'authority' && m.organisation.provinceCode,
  );
  if (authority?.organisation.provinceCode) actor.authorityProvinceCode = authority.organisation.provinceCode;
  return actor;
}

export async function resolveActor(
  deps: { stores: { memberships: MembershipStore } },
  userId: string,
): Promise<Actor> {
  return buildActor(userId, await deps.stores.memberships.listForUser(userId));
}
