import { type Kysely, sql } from 'kysely';
import type { UserAccount, UserDirectory } from '../../app/accounts/account-stores.ts';
import { parseRowId, toContainsPattern } from '../db/repositories/organisation-repository.ts';
import type { DB } from '../db/schema.ts';

/** better-auth writes Date objects on PostgreSQL and ISO text on SQLite (tables/accounts.ts). */
function toIsoTimestamp(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

interface UserRow {
  id: number;
  name: string;
  email: string;
  two_factor_enabled: number | boolean | null;
  created_at: string | Date;
  disabled_at: string | null;
  has_password: number | boolean | string | null;
}

function toUserAccount(row: UserRow): UserAccount {
  return {
    id: String(row.id),
    name: row.name,
    email: row.email,
    twoFactorEnabled: row.two_factor_enabled === true || row.two_factor_enabled === 1,
    createdAt: toIsoTimestamp(row.created_at),
    disabledAt: row.disabled_at,
    hasPassword: row.has_password === true || Number(row.has_password) === 1,
  };
}

/** better-auth keeps a password link's token as `reset-password:<token>` with the user id as value. */
const PASSWORD_LINK_IDENTIFIER_PATTERN = 'reset-password:%';

/**
 * Deletes the user's outstanding password links (better-auth's auth_verifications rows), so none
 * mailed earlier still sets a password.
 */
export async function deletePasswordLinks(executor: Kysely<DB>, userId: string): Promise<void> {
  await executor
    .deleteFrom('auth_verifications')
    .where('identifier', 'like', PASSWORD_LINK_IDENTIFIER_PATTERN)
    .where('value', '=', userId)
    .execute();
}

/** Reads better-auth's users table; better-auth alone writes it, except our `disabled_at`. */
export function createUserDirectory(executor: Kysely<DB>): UserDirectory {
  const selectUsers = () =>
    executor
      .selectFrom('users')
      .select(['id', 'name', 'email', 'two_factor_enabled', 'created_at', 'disabled_at'])
      .select((eb) =>
        eb
          .exists(
            eb
              .selectFrom('auth_accounts as a')
              .select('a.id')
              .whereRef('a.user_id', '=', 'users.id')
              .where('a.provider_id', '=', 'credential')
              .where('a.password', 'is not', null),
          )
          .as('has_password'),
      );

  return {
    async findById(id) {
      const rowId = parseRowId(id);
      if (rowId === undefined) return undefined;
      const row = await selectUsers().where('id', '=', rowId).executeTakeFirst();
      return row ? toUserAccount(row) : undefined;
    },

    async findByEmail(email) {
      const row = await selectUsers().where('email', '=', email.toLowerCase()).executeTakeFirst();
      return row ? toUserAccount(row) : undefined;
    },

    async list({ query, limit, offset }) {
      const isFiltered = query !== undefined && query !== '';
      const pattern = toContainsPattern(query ?? '');
      const matching = sql<boolean>`(lower(name) like ${pattern} escape '\\' or email like ${pattern} escape '\\')`;
      let rows = selectUsers();
      let counted = executor.selectFrom('users');
      if (isFiltered) {
        rows = rows.where(matching);
        counted = counted.where(matching);
      }
      const [items, count] = await Promise.all([
        rows.orderBy('id').limit(limit).offset(offset).execute(),
        counted.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: items.map(toUserAccount), total: Number(count.total) };
    },

    async setDisabledAt(id, at) {
      const rowId = parseRowId(id);
      if (rowId === undefined) return false;
      const result = await executor
        .updateTable('users')
        .set({ disabled_at: at })
        .where('id', '=', rowId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async revokeSignIns(id) {
      const rowId = parseRowId(id);
      if (rowId === undefined) return;
      await executor.deleteFrom('auth_sessions').where('user_id', '=', rowId).execute();
      await deletePasswordLinks(executor, String(rowId));
    },
  };
}
