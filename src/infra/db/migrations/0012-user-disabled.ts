import type { Kysely } from 'kysely';
import type { DatabaseDialect } from '../database.ts';

/**
 * Users an administrator disabled (src/app/accounts/set-user-disabled.ts): when, as ISO 8601 UTC text
 * on both dialects, since only our code reads it (better-auth never sees the column). Null while the
 * user may sign in.
 */
export async function up(db: Kysely<unknown>, _dialect: DatabaseDialect): Promise<void> {
  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
}
