import type { Role } from '../../domain/policy/order-access.ts';
import { DomainError } from '../errors.ts';
import type { Organisation, OrganisationKind } from './account-stores.ts';

/**
 * The kind of organisation each role is held in: the policy reads a provider reviewer's provider and
 * an authority reviewer's province from that organisation.
 */
export const ORGANISATION_KIND_BY_ROLE: Readonly<Record<Role, OrganisationKind>> = {
  applicant: 'applicant_org',
  agent: 'agency',
  provider_reviewer: 'access_provider',
  provider_admin: 'access_provider',
  authority_reviewer: 'authority',
  platform_admin: 'platform',
};

export function listRolesForKind(kind: OrganisationKind): Role[] {
  return (Object.keys(ORGANISATION_KIND_BY_ROLE) as Role[]).filter(
    (role) => ORGANISATION_KIND_BY_ROLE[role] === kind,
  );
}

/** @throws DomainError validation_failed (field `field`) when the role is not held in this kind. */
export function assertRoleFitsOrganisation(role: Role, organisation: Organisation, field = 'role'): void {
  if (ORGANISATION_KIND_BY_ROLE[role] === organisation.kind) return;
  const allowed = listRolesForKind(organisation.kind);
  throw new DomainError(
    'validation_failed',
    {
      en: `Members of an organisation of kind ${organisation.kind} can have the roles: ${allowed.join(', ')}.`,
      zh: `${organisation.kind} 类组织的成员角色只能是：${allowed.join('、')}。`,
    },
    [
      {
        in: 'body',
        path: field,
        code: 'role_not_allowed_for_organisation',
        message: `Roles allowed in a ${organisation.kind}: ${allowed.join(', ')}`,
      },
    ],
  );
}
