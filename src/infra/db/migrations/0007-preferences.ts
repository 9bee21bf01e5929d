import { type Kysely, sql } from 'kysely';
import type { DatabaseDialect } from '../database.ts';

/**
 * Users' preferences (see tables/preferences.ts). Keyed by the better-auth user id without a foreign
 * key, as the other tables that name users do; the check keeps unknown locales out.
 */
export async function up(db: Kysely<unknown>, _dialect: DatabaseDialect): Promise<void> {
  await db.schema
    .createTable('user_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('user_preferences_locale', sql`locale in ('en', 'zh-CN')`)
    .execute();
}
