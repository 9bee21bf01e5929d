import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { AccountsTransaction } from './account-stores.ts';

/** Revokes one of the user's tokens at once; a token already revoked, or another user's, is not found. */
export async function revokeApiToken(
  deps: { transaction: AccountsTransaction; clock: Clock },
  input: { userId: string; tokenId: string },
): Promise<void> {
  const now = deps.clock.now();
  await deps.transaction(async (stores) => {
    const revoked = await stores.apiTokens.revoke(input.userId, input.tokenId, now.toISOString());
    if (!revoked) throw new DomainError('not_found', { en: 'No such API token.', zh: '没有这个 API 令牌。' });
    await appendAuditEvent(stores, {
      occurredAt: now,
      actor: `user:${input.userId}`,
      action: 'api_token.revoked',
      subjectType: 'api_token',
      subjectId: input.tokenId,
      payload: { userId: input.userId },
    });
  });
}
