import type { Kysely } from 'kysely';
import type { Locale, PreferenceStore } from '../../../app/accounts/preference-store.ts';
import type { DB } from '../schema.ts';

/** Users' preferences on SQLite and PostgreSQL (both support INSERT … ON CONFLICT DO UPDATE). */
export function createPreferenceRepository(executor: Kysely<DB>): PreferenceStore {
  return {
    async find(userId) {
      const row = await executor
        .selectFrom('user_preferences')
        .select(['locale', 'updated_at'])
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row ? { locale: row.locale as Locale, updatedAt: row.updated_at } : undefined;
    },

    async save(userId, preferences) {
      await executor
        .insertInto('user_preferences')
        .values({ user_id: userId, locale: preferences.locale, updated_at: preferences.updatedAt })
        .onConflict((conflict) =>
          conflict
            .column('user_id')
            .doUpdateSet({ locale: preferences.locale, updated_at: preferences.updatedAt }),
        )
        .execute();
    },
  };
}
