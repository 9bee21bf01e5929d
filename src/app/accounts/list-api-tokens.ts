import type { ApiToken, ApiTokenStore } from './account-stores.ts';

/** The user's unrevoked tokens, newest first (never the tokens themselves). */
export function listApiTokens(
  deps: { stores: { apiTokens: ApiTokenStore } },
  userId: string,
): Promise<ApiToken[]> {
  return deps.stores.apiTokens.listActiveForUser(userId);
}
