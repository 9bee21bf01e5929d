import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { AccountsTransaction, ApiToken } from './account-stores.ts';
import { generateApiToken } from './api-token-format.ts';

/** Enough for every machine a person runs; more usually means tokens are not being revoked. */
export const MAX_ACTIVE_API_TOKENS = 50;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CreatedApiToken {
  /** The token itself: returned this once, only its hash is kept. */
  token: string;
  apiToken: ApiToken;
}

export async function createApiToken(
  deps: { transaction: AccountsTransaction; clock: Clock },
  input: { userId: string; name: string; expiresInDays?: number | undefined },
): Promise<CreatedApiToken> {
  const now = deps.clock.now();
  const generated = generateApiToken();
  const expiresAt =
    input.expiresInDays === undefined
      ? null
      : new Date(now.getTime() + input.expiresInDays * DAY_MS).toISOString();
  const apiToken = await deps.transaction(async (stores) => {
    const active = await stores.apiTokens.listActiveForUser(input.userId);
    if (active.length >= MAX_ACTIVE_API_TOKENS) {
      throw new DomainError('conflict', {
        en: `You already have ${MAX_ACTIVE_API_TOKENS} API tokens: revoke one first.`,
        zh: `您已有 ${MAX_ACTIVE_API_TOKENS} 个 API 令牌，请先撤销一个。`,
      });
    }
    const created = await stores.apiTokens.create({
      userId: input.userId,
      name: input.name,
      prefix: generated.prefix,
      tokenHash: generated.hash,
      createdAt: now.toISOString(),
      expiresAt,
    });
    await appendAuditEvent(stores, {
      occurredAt: now,
      actor: `user:${input.userId}`,
      action: 'api_token.created',
      subjectType: 'api_token',
      subjectId: created.id,
      payload: { userId: input.userId, expiresAt },
    });
    return created;
  });
  return { token: generated.token, apiToken };
}
