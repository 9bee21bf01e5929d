import type { Kysely } from 'kysely';
import type { LicenceDirectory } from '../../../app/licences/licence-deps.ts';
import { createPeopleDirectory } from '../../auth/people-directory.ts';
import type { DB } from '../schema.ts';

/**
 * The licence slice's view of people: the orders' directory (users, a province's sandbox authority
 * reviewers, agencies' clients) plus the platform administrators, who decide cross-regional licences as
 * MIIT's sandbox (src/domain/policy/licence-access.ts).
 */
export function createLicenceDirectory(executor: Kysely<DB>): LicenceDirectory {
  const people = createPeopleDirectory(executor);
  return {
    findUsers: (userIds) => people.findUsers(userIds),
    findUserNames: (userIds) => people.findUserNames(userIds),
    findOrganisationNames: (organisationIds) => people.findOrganisationNames(organisationIds),
    listAuthorityReviewers: (provinceCode) => people.listAuthorityReviewers(provinceCode),
    isAgencyClient: (agentOrgId, clientUserId) => people.isAgencyClient(agentOrgId, clientUserId),
    async listPlatformAdmins() {
      const rows = await executor
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.id', 'u.email'])
        .distinct()
        .where('m.role', '=', 'platform_admin')
        .orderBy('u.id')
        .execute();
      return rows.map((row) => ({ userId: String(row.id), email: row.email }));
    },
  };
}
