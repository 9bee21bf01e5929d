import { DomainError } from '../errors.ts';
import type { ApiToken, ApiTokenStore } from './account-stores.ts';

/** One of the user's tokens; another user's token is not found, like a missing one. */
export async function getApiToken(
  deps: { stores: { apiTokens: ApiTokenStore } },
  input: { userId: string; tokenId: string },
): Promise<ApiToken> {
  const token = await deps.stores.apiTokens.findForUser(input.userId, input.tokenId);
  if (!token) throw new DomainError('not_found', { en: 'No such API token.', zh: '没有这个 API 令牌。' });
  return token;
}
