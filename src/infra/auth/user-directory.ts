import { type Kysely, type Selectable, sql } from 'kysely';
import type { UserAccount, UserDirectory } from '../../app/accounts/account-stores.ts';
import { parseRowId } from '../db/repositories/organisation-repository.ts';
import type { DB } from '../db/schema.ts';
import type { UsersTable } from '../db/tables/accounts.ts';

/** better-auth writes Date objects on PostgreSQL and ISO text on SQLite (tables/accounts.ts). */
function toIsoTimestamp(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

function toUserAccount(
  row: Pick<Selectable<UsersTable>, 'id' | 'name' | 'email' | 'two_factor_enabled' | 'created_at'>,
): UserAccount {
  return {
    id: String(row.id),
    name: row.name,
    email: row.email,
    twoFactorEnabled: row.two_factor_enabled === true || row.two_factor_enabled === 1,
    createdAt: toIsoTimestamp(row.created_at),
  };
}

/** `%`, `_` and the escape character itself match literally. */
function toContainsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Reads better-auth's users table; better-auth alone writes it. */
export function createUserDirectory(executor: Kysely<DB>): UserDirectory {
  const selectUsers = () =>
    executor.selectFrom('users').select(['id', 'name', 'email', 'two_factor_enabled', 'created_at']);

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
      let filtered = executor.selectFrom('users');
      if (query !== undefined && query !== '') {
        const pattern = toContainsPattern(query);
        filtered = filtered.where(
          sql<boolean>`(lower(name) like ${pattern} escape '\\' or email like ${pattern} escape '\\')`,
        );
      }
      const [rows, count] = await Promise.all([
        filtered
          .select(['id', 'name', 'email', 'two_factor_enabled', 'created_at'])
          .orderBy('id')
          .limit(limit)
          .offset(offset)
          .execute(),
        filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toUserAccount), total: Number(count.total) };
    },
  };
}
