import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiToken } from '../../app/accounts/account-stores.ts';
import { createApiToken } from '../../app/accounts/create-api-token.ts';
import { getApiToken } from '../../app/accounts/get-api-token.ts';
import { getMyAccount } from '../../app/accounts/get-my-account.ts';
import { listApiTokens } from '../../app/accounts/list-api-tokens.ts';
import { revokeApiToken } from '../../app/accounts/revoke-api-token.ts';
import { DomainError } from '../../app/errors.ts';
import type { RouteDeps } from '../deps.ts';
import { getAccounts, requireActor, signedIn, signedInSecurity } from '../plugins/auth.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import {
  accountUserSchema,
  buildPlainText,
  membershipWithOrganisationSchema,
  presentMembership,
  roleSchema,
  rowIdSchema,
} from './organisations.ts';

const actorSchema = z
  .object({
    userId: z.string(),
    roles: z.array(roleSchema).describe('A user without memberships is an applicant.'),
    organisationIds: z.array(z.string()),
    providerOrgId: z.string().optional().describe('The access provider the user reviews for or administers.'),
    authorityProvinceCode: z
      .string()
      .optional()
      .describe('The province whose sandbox authority the user reviews for.'),
  })
  .meta({ id: 'Actor', description: 'What the access policy sees of the caller.' });

const apiTokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the token, to tell tokens apart.'),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable().describe('Recorded to the minute.'),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

function presentApiToken(token: ApiToken) {
  const { userId: _userId, ...rest } = token;
  return rest;
}

const protectedErrors = { 401: errorResponseSchema, 404: errorResponseSchema, 500: errorResponseSchema };
const tokenIdParams = z.object({ id: rowIdSchema });

/**
 * API tokens are made with a password-backed session: a leaked token must not be able to mint more.
 * @throws DomainError unauthenticated (401) for calls authenticated by an API token.
 */
function requireSession(request: FastifyRequest) {
  const actor = requireActor(request);
  if (request.authMethod !== 'session') {
    throw new DomainError('unauthenticated', {
      en: 'Create API tokens signed in with your password, not with an API token.',
      zh: '请用密码登录后创建 API 令牌，不能用 API 令牌创建。',
    });
  }
  return actor;
}

export function registerMeRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['me'];

  routes.get(
    '/api/me',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Who am I',
        description:
          'The caller (by session cookie or `Authorization: Bearer <API token>`), their roles as the access policy sees them, and their organisations.',
        response: {
          200: z
            .object({
              user: accountUserSchema,
              actor: actorSchema,
              authMethod: z.enum(['session', 'api_token']),
              memberships: z.array(membershipWithOrganisationSchema),
            })
            .meta({ id: 'Me' }),
          ...protectedErrors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const account = await getMyAccount(getAccounts(deps), actor.userId);
      return {
        user: account.user,
        actor: {
          ...account.actor,
          roles: [...account.actor.roles],
          organisationIds: [...account.actor.organisationIds],
        },
        authMethod: request.authMethod ?? 'session',
        memberships: account.memberships.map(presentMembership),
      };
    },
  );

  routes.post(
    '/api/me/api-tokens',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Create an API token',
        description:
          'For machine clients: send it as `Authorization: Bearer <token>`. The token is in this answer only; the server keeps its SHA-256. Needs a session (not an API token); at most 50 active tokens.',
        body: z
          .strictObject({
            name: buildPlainText(100).describe('What the token is for, e.g. "CI deploy".'),
            expiresInDays: z.number().int().min(1).max(3650).optional().describe('Omit for no expiry.'),
          })
          .meta({ id: 'CreateApiTokenRequest' }),
        response: {
          201: z
            .object({ token: z.string().describe('obt_… — shown this once.'), apiToken: apiTokenSchema })
            .meta({ id: 'CreatedApiToken' }),
          400: errorResponseSchema,
          409: errorResponseSchema,
          ...protectedErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireSession(request);
      const created = await createApiToken(getAccounts(deps), { userId: actor.userId, ...request.body });
      return reply.status(201).send({ token: created.token, apiToken: presentApiToken(created.apiToken) });
    },
  );

  routes.get(
    '/api/me/api-tokens',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'List your API tokens',
        description: 'Unrevoked tokens, newest first; never the tokens themselves.',
        response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...protectedErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const tokens = await listApiTokens(getAccounts(deps), actor.userId);
      return { items: tokens.map(presentApiToken) };
    },
  );

  routes.get(
    '/api/me/api-tokens/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'One of your API tokens',
        params: tokenIdParams,
        response: { 200: apiTokenSchema, 400: errorResponseSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentApiToken(
        await getApiToken(getAccounts(deps), { userId: actor.userId, tokenId: request.params.id }),
      );
    },
  );

  routes.delete(
    '/api/me/api-tokens/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Revoke an API token',
        description: 'Takes effect at once; a revoked token answers 401 from then on.',
        params: tokenIdParams,
        response: { 204: z.null().describe('Revoked.'), 400: errorResponseSchema, ...protectedErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await revokeApiToken(getAccounts(deps), { userId: actor.userId, tokenId: request.params.id });
      return reply.status(204).send(null);
    },
  );
}
