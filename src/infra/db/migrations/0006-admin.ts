import { type Kysely, sql } from 'kysely';
import type { DatabaseDialect } from '../database.ts';

/**
 * Admin-maintained data on top of what ships with the code (see tables/admin.ts): working-day calendar
 * overrides, one row per day, and catalogue edits, applied in id order and kept when reverted.
 */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const isSqlite = dialect === 'sqlite';

  await db.schema
    .createTable('calendar_override')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('name_zh', 'text')
    .addColumn('source_text', 'text', (c) => c.notNull())
    .addColumn('source_url', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('calendar_override_kind', sql`kind in ('holiday', 'workday')`)
    .addCheckConstraint('calendar_override_date', sql`length(date) = 10`)
    .execute();

  await db.schema
    .createTable('catalogue_edit')
    .addColumn('id', isSqlite ? 'integer' : 'bigint', (c) =>
      isSqlite ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('new_source', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reverted_by', 'text')
    .addColumn('reverted_at', 'text')
    .addCheckConstraint(
      'catalogue_edit_kind',
      sql`kind in ('province_rule', 'tld_add', 'tld_remove', 'lexicon_add', 'lexicon_remove')`,
    )
    .execute();
}
