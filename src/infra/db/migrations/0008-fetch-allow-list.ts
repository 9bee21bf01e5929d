import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../database.ts';

/**
 * Hosts an administrator allows the live footer check to fetch although they resolve to private
 * addresses (see tables/admin.ts): one row per host name or IP literal, lower-case ASCII.
 */
export async function up(db: Kysely<unknown>, _dialect: DatabaseDialect): Promise<void> {
  await db.schema
    .createTable('fetch_allow_host')
    .addColumn('host', 'text', (c) => c.primaryKey())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
