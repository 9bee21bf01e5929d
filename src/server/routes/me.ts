import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiToken } from '../../app/accounts/account-stores.ts';
import { createApiToken } from '../../app/accounts/create-api-token.ts';
import { getApiToken } from '../../app/accounts/get-api-token.ts';
import { getMyAccount } from '../../app/accounts/get-my-account.ts';
import { getPreferences } from '../../app/accounts/get-preferences.ts';
import { listApiTokens } from '../../app/accounts/list-api-tokens.ts';
import { type HeldEntityView, listMyEntities } from '../../app/accounts/list-my-entities.ts';
import { LOCALES } from '../../app/accounts/preference-store.ts';
import { revokeApiToken } from '../../app/accounts/revoke-api-token.ts';
import { setPreferences } from '../../app/accounts/set-preferences.ts';
import { DomainError } from '../../app/errors.ts';
import type { OrderDeps } from '../../app/orders/order-deps.ts';
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

const preferencesSchema = z
  .object({
    locale: z
      .enum(LOCALES)
      .nullable()
      .describe('The UI language; null until chosen (clients then follow the browser).'),
  })
  .meta({ id: 'Preferences' });

const heldEntitySchema = z
  .object({
    entity: z.object({
      entityNumber: z.string(),
      unitName: z.string().describe('主办单位名称, as the public registry shows it.'),
      nature: z.string().describe('Entity nature id (GET /api/catalogue/natures).'),
      provinceCode: z.string(),
      approvedOn: z.string().describe('YYYY-MM-DD of the entity’s latest approval.'),
    }),
    services: z.array(
      z.object({
        serviceNumber: z.string(),
        serviceType: z.enum(['website', 'app', 'mini_program', 'quick_app']),
        serviceName: z.string(),
        contentType: z.string().nullable(),
        domains: z.array(z.object({ ascii: z.string(), unicode: z.string() })),
        approvedOn: z.string(),
        isAccessLimited: z.boolean(),
        accessProviders: z
          .array(z.object({ id: z.string(), nameEn: z.string(), nameZh: z.string() }))
          .describe('The providers giving the service access (接入).'),
      }),
    ),
    orders: z
      .array(
        z.object({
          id: z.number().int(),
          reference: z.string(),
          type: z.string(),
          decidedAt: z.string().optional(),
        }),
      )
      .describe('The approved orders through this platform that built the holding, latest first.'),
  })
  .meta({
    id: 'HeldEntity',
    description: 'An entity you hold, with its services as the registry shows them.',
  });

/** Field by field: only registry fields and provider names, whatever the views gain later. */
function presentHeldEntity(held: HeldEntityView) {
  return {
    entity: {
      entityNumber: held.entity.entityNumber,
      unitName: held.entity.unitName,
      nature: held.entity.nature,
      provinceCode: held.entity.provinceCode,
      approvedOn: held.entity.approvedOn,
    },
    services: held.services.map((service) => ({
      serviceNumber: service.serviceNumber,
      serviceType: service.serviceType,
      serviceName: service.serviceName,
      contentType: service.contentType,
      domains: service.domains.map((domain) => ({ ascii: domain.ascii, unicode: domain.unicode })),
      approvedOn: service.approvedOn,
      isAccessLimited: service.isAccessLimited,
      accessProviders: service.accessProviders.map(({ id, nameEn, nameZh }) => ({ id, nameEn, nameZh })),
    })),
    orders: held.orders,
  };
}

/** The order workflow of an app built with a database; 503 without (tests of other slices). */
function getOrderDeps(deps: { orders?: OrderDeps | undefined }): OrderDeps {
  if (!deps.orders) {
    throw new DomainError('service_unavailable', {
      en: 'Filings are not available on this server.',
      zh: '本服务器未启用备案功能。',
    });
  }
  return deps.orders;
}

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
              preferences: preferencesSchema,
            })
            .meta({ id: 'Me' }),
          ...protectedErrors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [account, preferences] = await Promise.all([
        getMyAccount(getAccounts(deps), actor.userId),
        getPreferences(deps, actor.userId),
      ]);
      return {
        user: account.user,
        actor: {
          ...account.actor,
          roles: [...account.actor.roles],
          organisationIds: [...account.actor.organisationIds],
        },
        authMethod: request.authMethod ?? 'session',
        memberships: account.memberships.map(presentMembership),
        preferences,
      };
    },
  );

  routes.put(
    '/api/me/preferences',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Set your preferences',
        description:
          'The UI language (en or zh-CN), kept for every device you sign in on; GET /api/me returns it.',
        body: z
          .strictObject({ locale: z.enum(LOCALES).describe('en or zh-CN.') })
          .meta({ id: 'SetPreferencesRequest' }),
        response: {
          200: preferencesSchema,
          400: errorResponseSchema,
          503: errorResponseSchema,
          ...protectedErrors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return setPreferences(
        { preferences: deps.preferences, clock: deps.clock },
        { userId: actor.userId, locale: request.body.locale },
      );
    },
  );

  routes.get(
    '/api/me/entities',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'The entities and services you hold',
        description:
          'The entities of your approved orders (and of orders filed for you by an agency you authorised) as the registry shows them now, with their services, domains, approval dates and access providers; cancelled ones are gone. Agents see what their agency filed, or with `client` one authorised client’s holdings (404 for anyone else). Only public registry fields and provider names: no personal data.',
        querystring: z.object({
          client: rowIdSchema
            .optional()
            .describe('Agents: the client’s user id (GET /api/agent/clients, client.id).'),
        }),
        response: {
          200: z.object({ items: z.array(heldEntitySchema) }).meta({ id: 'HeldEntities' }),
          400: errorResponseSchema,
          503: errorResponseSchema,
          ...protectedErrors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const stores = getOrderDeps(deps).persistence.read;
      const accounts = getAccounts(deps).stores;
      const held = await listMyEntities(
        {
          workflow: stores,
          accounts: {
            memberships: accounts.memberships,
            clientAuthorisations: accounts.clientAuthorisations,
            organisations: accounts.organisations,
          },
        },
        {
          actor,
          ...(request.query.client === undefined ? {} : { clientUserId: request.query.client }),
        },
      );
      return { items: held.map(presentHeldEntity) };
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
