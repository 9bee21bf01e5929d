import type { Kysely, Selectable } from 'kysely';
import type {
  ClientAuthorisation,
  ClientAuthorisationStore,
  Membership,
  MembershipStore,
  MembershipWithOrganisation,
} from '../../../app/accounts/account-stores.ts';
import type { DatabaseDialect } from '../database.ts';
import type { DB } from '../schema.ts';
import type { ClientAuthorisationsTable, MembershipsTable } from '../tables/accounts.ts';
import { parseRowId, toOrganisation, toRowId } from './organisation-repository.ts';

/** Who belongs to which organisation in which role, on SQLite and PostgreSQL. */
export function createMembershipRepository(executor: Kysely<DB>, dialect: DatabaseDialect): MembershipStore {
  const selectWithOrganisation = () =>
    executor
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select([
        'm.id as membership_id',
        'm.user_id',
        'm.role',
        'm.created_at as membership_created_at',
        'o.id',
        'o.kind',
        'o.name_en',
        'o.name_zh',
        'o.province_code',
        'o.created_at',
      ])
      .orderBy('m.id');
  type Row = Awaited<ReturnType<ReturnType<typeof selectWithOrganisation>['execute']>>[number];
  const toMembership = (row: Row): MembershipWithOrganisation => ({
    id: String(row.membership_id),
    userId: String(row.user_id),
    organisationId: String(row.id),
    role: row.role,
    createdAt: row.membership_created_at,
    organisation: toOrganisation(row),
  });

  return {
    async listForUser(userId) {
      const rowId = parseRowId(userId);
      if (rowId === undefined) return [];
      const rows = await selectWithOrganisation().where('m.user_id', '=', rowId).execute();
      return rows.map(toMembership);
    },

    async listForUsers(userIds) {
      const rowIds = userIds.map(parseRowId).filter((id) => id !== undefined);
      if (rowIds.length === 0) return [];
      const rows = await selectWithOrganisation().where('m.user_id', 'in', rowIds).execute();
      return rows.map(toMembership);
    },

    async findById(id) {
      const rowId = parseRowId(id);
      if (rowId === undefined) return undefined;
      const row = await selectWithOrganisation().where('m.id', '=', rowId).executeTakeFirst();
      return row ? toMembership(row) : undefined;
    },

    async countSignInCapableWithRole(role, excludingUserId) {
      if (dialect === 'postgres') {
        // Locks every membership holding the role (in id order, so two guards never deadlock) until the
        // transaction ends: a concurrent guard waits here, then counts what the first one committed
        // (a fresh statement, so a fresh snapshot). SQLite runs one write transaction at a time anyway.
        await executor
          .selectFrom('memberships')
          .select('id')
          .where('role', '=', role)
          .orderBy('id')
          .forUpdate()
          .execute();
      }
      let query = executor
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .where('m.role', '=', role)
        .where('u.disabled_at', 'is', null)
        // An invited user who never chose a password cannot sign in either.
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('auth_accounts as a')
              .select('a.id')
              .whereRef('a.user_id', '=', 'u.id')
              .where('a.provider_id', '=', 'credential')
              .where('a.password', 'is not', null),
          ),
        );
      const excluded = excludingUserId === undefined ? undefined : parseRowId(excludingUserId);
      if (excluded !== undefined) query = query.where('m.user_id', '!=', excluded);
      const row = await query
        .select((eb) => eb.fn.count<number>('m.user_id').distinct().as('total'))
        .executeTakeFirstOrThrow();
      return Number(row.total);
    },

    async remove(id) {
      const rowId = parseRowId(id);
      if (rowId === undefined) return false;
      const result = await executor.deleteFrom('memberships').where('id', '=', rowId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async changeRole(id, role) {
      const rowId = parseRowId(id);
      if (rowId === undefined) return undefined;
      // Not when the user already holds that role in the organisation (unique user, organisation, role).
      const row = await executor
        .updateTable('memberships')
        .set({ role })
        .where('id', '=', rowId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('memberships as other')
                .select('other.id')
                .whereRef('other.user_id', '=', 'memberships.user_id')
                .whereRef('other.organisation_id', '=', 'memberships.organisation_id')
                .where('other.role', '=', role),
            ),
          ),
        )
        .returningAll()
        .executeTakeFirst();
      return row ? toPlainMembership(row) : undefined;
    },

    async add(membership, createdAt) {
      const row = await executor
        .insertInto('memberships')
        .values({
          user_id: toRowId(membership.userId),
          organisation_id: toRowId(membership.organisationId),
          role: membership.role,
          created_at: createdAt,
        })
        .onConflict((oc) => oc.columns(['user_id', 'organisation_id', 'role']).doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toPlainMembership(row) : undefined;
    },
  };
}

function toPlainMembership(row: Selectable<MembershipsTable>): Membership {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    organisationId: String(row.organisation_id),
    role: row.role,
    createdAt: row.created_at,
  };
}

function toClientAuthorisation(row: Selectable<ClientAuthorisationsTable>): ClientAuthorisation {
  return {
    id: String(row.id),
    agentOrgId: String(row.agent_org_id),
    clientUserId: String(row.client_user_id),
    letterDocumentId: row.letter_document_id === null ? null : String(row.letter_document_id),
    recordedByUserId: String(row.recorded_by_user_id),
    recordedAt: row.recorded_at,
    revokedAt: row.revoked_at,
  };
}

/**
 * Agencies' client authorisations. A partial unique index allows one unrevoked authorisation per
 * agency and client; a revoked one stays as history.
 */
export function createClientAuthorisationRepository(executor: Kysely<DB>): ClientAuthorisationStore {
  return {
    async record(authorisation) {
      const row = await executor
        .insertInto('client_authorisations')
        .values({
          agent_org_id: toRowId(authorisation.agentOrgId),
          client_user_id: toRowId(authorisation.clientUserId),
          letter_document_id:
            authorisation.letterDocumentId === null ? null : toRowId(authorisation.letterDocumentId),
          recorded_by_user_id: toRowId(authorisation.recordedByUserId),
          recorded_at: authorisation.recordedAt,
        })
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toClientAuthorisation(row) : undefined;
    },

    async findActive(agentOrgId, clientUserId) {
      const agentRowId = parseRowId(agentOrgId);
      const clientRowId = parseRowId(clientUserId);
      if (agentRowId === undefined || clientRowId === undefined) return undefined;
      const row = await executor
        .selectFrom('client_authorisations')
        .selectAll()
        .where('agent_org_id', '=', agentRowId)
        .where('client_user_id', '=', clientRowId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row ? toClientAuthorisation(row) : undefined;
    },

    async listActiveForAgency(agentOrgId) {
      const rowId = parseRowId(agentOrgId);
      if (rowId === undefined) return [];
      const rows = await executor
        .selectFrom('client_authorisations')
        .selectAll()
        .where('agent_org_id', '=', rowId)
        .where('revoked_at', 'is', null)
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toClientAuthorisation);
    },
  };
}
