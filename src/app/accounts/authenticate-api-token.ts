import type { Clock } from '../ports.ts';
import type { ApiTokenStore, UserDirectory } from './account-stores.ts';
import { hashApiToken, isApiTokenShaped } from './api-token-format.ts';

/** A token's last use is written at most this often, sparing a write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface ApiTokenIdentity {
  userId: string;
  tokenId: string;
}

/**
 * The user an API token speaks for; undefined for an unknown, revoked or expired token, or a token of
 * a disabled user (the caller answers 401 without saying which).
 */
export async function authenticateApiToken(
  deps: { stores: { apiTokens: ApiTokenStore; users: Pick<UserDirectory, 'findById'> }; clock: Clock },
  token: string,
): Promise<ApiTokenIdentity | undefined> {
  if (!isApiTokenShaped(token)) return undefined;
  const found = await deps.stores.apiTokens.findByHash(hashApiToken(token));
  if (!found || found.revokedAt !== null) return undefined;
  const now = deps.clock.now();
  if (found.expiresAt !== null && found.expiresAt <= now.toISOString()) return undefined;
  const user = await deps.stores.users.findById(found.userId);
  if (!user || user.disabledAt !== null) return undefined;
  const recordedSince = new Date(now.getTime() - LAST_USED_RESOLUTION_MS).toISOString();
  await deps.stores.apiTokens.recordUse(found.id, now.toISOString(), recordedSince);
  return { userId: found.userId, tokenId: found.id };
}
