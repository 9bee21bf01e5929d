import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccountServices } from '../../app/accounts/account-stores.ts';
import { authenticateApiToken } from '../../app/accounts/authenticate-api-token.ts';
import { resolveActor } from '../../app/accounts/resolve-actor.ts';
import { DomainError } from '../../app/errors.ts';
import type { Actor, Role } from '../../domain/policy/order-access.ts';
import { AUTH_BASE_PATH, AUTH_COOKIE_PREFIX, CLIENT_ADDRESS_HEADER } from '../../infra/auth/create-auth.ts';
import { defaultMessages } from '../errors.ts';

/** How the caller proved who they are. */
export type AuthMethod = 'session' | 'api_token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in caller, resolved before validation; undefined for anonymous requests. */
    actor: Actor | undefined;
    authMethod: AuthMethod | undefined;
  }
}

/** How callers authenticate, for the OpenAPI document's components. */
export const securitySchemes = {
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: `${AUTH_COOKIE_PREFIX}.session_token`,
    description: 'Set by POST /api/auth/sign-in/email (`__Secure-` prefixed on HTTPS).',
  },
  apiToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from POST /api/me/api-tokens: `Authorization: Bearer obt_…`.',
  },
} as const;

/** The `security` of a route that needs a signed-in caller: a session cookie or an API token. */
export const signedInSecurity: Record<string, string[]>[] = [{ sessionCookie: [] }, { apiToken: [] }];

/** Matches `openbeian.session_token` and its `__Secure-` form on HTTPS. */
const SESSION_COOKIE = `${AUTH_COOKIE_PREFIX}.session_token=`;
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/** Request headers that describe this hop or a body that gets re-encoded, not the request. */
const HOP_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'expect',
  'upgrade',
  'content-type',
]);

/**
 * The request's headers for better-auth, with the client address Fastify resolved (honouring its
 * proxy settings) in the one header better-auth reads it from, replacing anything a client sent there.
 */
export function toAuthHeaders(request: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || HOP_HEADERS.has(name) || name === CLIENT_ADDRESS_HEADER) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  headers.set(CLIENT_ADDRESS_HEADER, request.ip);
  return headers;
}

function invalidToken(): DomainError {
  return new DomainError('unauthenticated', {
    en: 'The API token is unknown, revoked or expired.',
    zh: 'API 令牌无效、已撤销或已过期。',
  });
}

/**
 * Resolves the caller of every request into `request.actor`: from `Authorization: Bearer <API token>`
 * or from better-auth's session cookie. Anonymous requests cost nothing; a Bearer token that does not
 * authenticate is refused with 401 on any route (the client should know its token is dead), while a
 * stale session cookie, or one of a disabled user, just leaves the request anonymous. better-auth's
 * own routes resolve their session themselves. Without `accounts` (apps built without a database) every caller is anonymous.
 */
export function registerAuthPlugin(app: FastifyInstance, accounts: AccountServices | undefined): void {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('authMethod', undefined);
  if (!accounts) return;

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith(`${AUTH_BASE_PATH}/`)) return;
    const authorization = request.headers.authorization;
    const bearer = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
    if (bearer !== undefined) {
      const identity = await authenticateApiToken(accounts, bearer);
      if (!identity) {
        reply.header('www-authenticate', 'Bearer error="invalid_token"');
        throw invalidToken();
      }
      request.actor = await resolveActor(accounts, identity.userId);
      request.authMethod = 'api_token';
      return;
    }
    if (!request.headers.cookie?.includes(SESSION_COOKIE)) return;
    const session = await accounts.auth.findSession(toAuthHeaders(request));
    if (!session) return;
    // Disabling deletes the user's sessions, but one created by a sign-in racing with it may remain.
    const user = await accounts.stores.users.findById(session.userId);
    if (!user || user.disabledAt !== null) return;
    for (const cookie of session.setCookies) reply.header('set-cookie', cookie);
    request.actor = await resolveActor(accounts, session.userId);
    request.authMethod = 'session';
  });
}

/**
 * The accounts services of an app built with them.
 * @throws DomainError service_unavailable (503) for an app built without (tests of other slices).
 */
export function getAccounts(deps: { accounts?: AccountServices | undefined }): AccountServices {
  if (!deps.accounts) {
    throw new DomainError('service_unavailable', {
      en: 'Accounts are not available on this server.',
      zh: '本服务器未启用账户功能。',
    });
  }
  return deps.accounts;
}

/**
 * The signed-in caller; route handlers call it first.
 * @throws DomainError unauthenticated (401) for anonymous requests.
 */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', defaultMessages.unauthenticated);
  return request.actor;
}

/**
 * The signed-in caller holding one of `roles`. A caller without any of them gets 404, as for a route
 * that does not exist (DESIGN.md §5 rule 5: the API has no 403, so nobody learns which admin routes
 * there are or what they would need to use them).
 * @throws DomainError unauthenticated (401) or not_found (404).
 */
export function requireRole(request: FastifyRequest, roles: readonly Role[]): Actor {
  const actor = requireActor(request);
  if (!roles.some((role) => actor.roles.includes(role))) {
    throw new DomainError('not_found', defaultMessages.not_found);
  }
  return actor;
}

/**
 * Route hook (`preValidation: signedIn`): anonymous requests get 401 before their input is validated,
 * so a protected route answers 401 to anyone without a session whatever they send.
 */
export async function signedIn(request: FastifyRequest): Promise<void> {
  requireActor(request);
}

/** Route hook (`preValidation: signedInWith([...])`): 401 when anonymous, 404 without one of `roles`. */
export function signedInWith(roles: readonly Role[]) {
  return async (request: FastifyRequest): Promise<void> => {
    requireRole(request, roles);
  };
}
