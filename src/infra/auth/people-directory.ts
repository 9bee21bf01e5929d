import type { Kysely } from 'kysely';
import type { Addressee, PeopleDirectory } from '../../app/orders/order-deps.ts';
import type { Role } from '../../domain/policy/order-access.ts';
import { createClientAuthorisationRepository } from '../db/repositories/membership-repository.ts';
import { parseRowId } from '../db/repositories/organisation-repository.ts';
import type { DB } from '../db/schema.ts';

/** Roles that hold instances; staff of providers, authorities and the platform are not customers. */
const CUSTOMER_ROLES: Role[] = ['applicant', 'agent'];

/**
 * The orders slice's view of people (src/app/orders/order-deps.ts): who a notification reaches, the
 * reviewers of a provider or a province's sandbox authority, agencies' authorised clients, and the
 * display names a timeline shows for who acted.
 */
export function createPeopleDirectory(executor: Kysely<DB>): PeopleDirectory {
  const clientAuthorisations = createClientAuthorisationRepository(executor);
  const toAddressee = (row: { id: number; email: string }): Addressee => ({
    userId: String(row.id),
    email: row.email,
  });

  const listMembers = async (role: Role, where: { organisationId?: number; provinceCode?: string }) => {
    let query = executor
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.email'])
      .distinct()
      .where('m.role', '=', role)
      .orderBy('u.id');
    if (where.organisationId !== undefined) query = query.where('o.id', '=', where.organisationId);
    if (where.provinceCode !== undefined) {
      query = query.where('o.kind', '=', 'authority').where('o.province_code', '=', where.provinceCode);
    }
    return (await query.execute()).map(toAddressee);
  };

  return {
    async findUsers(userIds) {
      const rowIds = userIds.map(parseRowId).filter((id) => id !== undefined);
      if (rowIds.length === 0) return [];
      const rows = await executor
        .selectFrom('users')
        .select(['id', 'email'])
        .where('id', 'in', rowIds)
        .orderBy('id')
        .execute();
      return rows.map(toAddressee);
    },

    async listProviderReviewers(providerOrgId) {
      const organisationId = parseRowId(providerOrgId);
      if (organisationId === undefined) return [];
      return listMembers('provider_reviewer', { organisationId });
    },

    listAuthorityReviewers(provinceCode) {
      return listMembers('authority_reviewer', { provinceCode });
    },

    async findUserNames(userIds) {
      const rowIds = userIds.map(parseRowId).filter((id) => id !== undefined);
      if (rowIds.length === 0) return [];
      // The name only: other parties see who acted, never how to reach them.
      const rows = await executor
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', 'in', rowIds)
        .execute();
      return rows.map((row) => ({ userId: String(row.id), name: row.name }));
    },

    async findOrganisationNames(organisationIds) {
      const rowIds = organisationIds.map(parseRowId).filter((id) => id !== undefined);
      if (rowIds.length === 0) return [];
      const rows = await executor
        .selectFrom('organisations')
        .select(['id', 'name_en', 'name_zh'])
        .where('id', 'in', rowIds)
        .execute();
      return rows.map((row) => ({ id: String(row.id), name: { en: row.name_en, zh: row.name_zh } }));
    },

    async isAgencyClient(agentOrgId, clientUserId) {
      return (await clientAuthorisations.findActive(agentOrgId, clientUserId)) !== undefined;
    },

    async findCustomerByEmail(email) {
      const row = await executor
        .selectFrom('users as u')
        .select(['u.id', 'u.email', 'u.name'])
        .where('u.email', '=', email)
        // A disabled account cannot take over an instance.
        .where('u.disabled_at', 'is', null)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('memberships as m')
                .select('m.user_id')
                .whereRef('m.user_id', '=', 'u.id')
                .where('m.role', 'not in', CUSTOMER_ROLES),
            ),
          ),
        )
        .executeTakeFirst();
      return row ? { userId: String(row.id), email: row.email, name: row.name } : undefined;
    },
  };
}
