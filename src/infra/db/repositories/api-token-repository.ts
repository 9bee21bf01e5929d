import type { Kysely, Selectable } from 'kysely';
import type { ApiToken, ApiTokenStore } from '../../../app/accounts/account-stores.ts';
import type { DB } from '../schema.ts';
import type { ApiTokensTable } from '../tables/accounts.ts';
import { parseRowId, toRowId } from './organisation-repository.ts';

function toApiToken(row: Selectable<ApiTokensTable>): ApiToken {
  return {
    id: String(row.id),
    userId: String(row.user_id),
    name: row.name,
    prefix: row.token_prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** API tokens by their SHA-256 (the token itself is never stored), on SQLite and PostgreSQL. */
export function createApiTokenRepository(executor: Kysely<DB>): ApiTokenStore {
  const selectForUser = (userId: string) => {
    const rowId = parseRowId(userId);
    return rowId === undefined
      ? undefined
      : executor.selectFrom('api_tokens').selectAll().where('user_id', '=', rowId);
  };

  return {
    async create(token) {
      const row = await executor
        .insertInto('api_tokens')
        .values({
          user_id: toRowId(token.userId),
          name: token.name,
          token_prefix: token.prefix,
          token_hash: token.tokenHash,
          created_at: token.createdAt,
          expires_at: token.expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toApiToken(row);
    },

    async listActiveForUser(userId) {
      const query = selectForUser(userId);
      if (!query) return [];
      const rows = await query.where('revoked_at', 'is', null).orderBy('id', 'desc').execute();
      return rows.map(toApiToken);
    },

    async findForUser(userId, id) {
      const query = selectForUser(userId);
      const rowId = parseRowId(id);
      if (!query || rowId === undefined) return undefined;
      const row = await query.where('id', '=', rowId).executeTakeFirst();
      return row ? toApiToken(row) : undefined;
    },

    async findByHash(tokenHash) {
      const row = await executor
        .selectFrom('api_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? toApiToken(row) : undefined;
    },

    async revoke(userId, id, revokedAt) {
      const userRowId = parseRowId(userId);
      const rowId = parseRowId(id);
      if (userRowId === undefined || rowId === undefined) return false;
      const result = await executor
        .updateTable('api_tokens')
        .set({ revoked_at: revokedAt })
        .where('id', '=', rowId)
        .where('user_id', '=', userRowId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async recordUse(id, usedAt, recordedSince) {
      await executor
        .updateTable('api_tokens')
        .set({ last_used_at: usedAt })
        .where('id', '=', toRowId(id))
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', recordedSince)]))
        .execute();
    },
  };
}
