import type { Kysely } from 'kysely';
import type { FetchAllowHostStore } from '../../../app/admin/admin-stores.ts';
import type { DB } from '../schema.ts';

/** The live footer check's host allow-list on SQLite and PostgreSQL. */
export function createFetchAllowHostRepository(executor: Kysely<DB>): FetchAllowHostStore {
  return {
    async listHosts() {
      const rows = await executor.selectFrom('fetch_allow_host').selectAll().orderBy('host').execute();
      return rows.map((row) => ({
        host: row.host,
        note: row.note,
        createdBy: row.created_by,
        createdAt: new Date(row.created_at),
      }));
    },

    async saveHost(record) {
      const existing = await executor
        .selectFrom('fetch_allow_host')
        .select('host')
        .where('host', '=', record.host)
        .executeTakeFirst();
      const values = {
        note: record.note,
        created_by: record.createdBy,
        created_at: record.createdAt.toISOString(),
      };
      await executor
        .insertInto('fetch_allow_host')
        .values({ host: record.host, ...values })
        .onConflict((conflict) => conflict.column('host').doUpdateSet(values))
        .execute();
      return existing === undefined;
    },

    async deleteHost(host) {
      const result = await executor
        .deleteFrom('fetch_allow_host')
        .where('host', '=', host)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
