import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type MembershipWithOrganisation, ORGANISATION_KINDS } from '../../app/accounts/account-stores.ts';
import { addMembership } from '../../app/accounts/add-membership.ts';
import { changeMembershipRole } from '../../app/accounts/change-membership-role.ts';
import { createOrganisation } from '../../app/accounts/create-organisation.ts';
import { listClientAuthorisations } from '../../app/accounts/list-client-authorisations.ts';
import { listOrganisations } from '../../app/accounts/list-organisations.ts';
import {
  type RecordedClientAuthorisation,
  recordClientAuthorisation,
} from '../../app/accounts/record-client-authorisation.ts';
import { removeMembership } from '../../app/accounts/remove-membership.ts';
import { ROLES } from '../../domain/policy/order-access.ts';
import type { RouteDeps } from '../deps.ts';
import { getAccounts, requireRole, signedInSecurity, signedInWith } from '../plugins/auth.ts';
import { errorResponseSchema } from '../schemas/common.ts';

/**
 * Organisations (platform administrators) and agents' clients. Shared account wire schemas live here
 * too; /api/me and /api/users use them.
 */

export const rowIdSchema = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'a decimal id')
  .describe('Decimal id.');

/**
 * Names and other free text: trimmed, without control characters (PostgreSQL refuses NUL in text,
 * and nobody's name holds a line break).
 */
export function buildPlainText(maxLength: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(maxLength)
    .regex(/^[^\p{Cc}]*$/u, 'no control characters');
}

export const roleSchema = z.enum(ROLES).describe('A role: what the access policy lets the user do.');

export const organisationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    nameEn: z.string(),
    nameZh: z.string(),
    provinceCode: z.string().nullable().describe('Two-digit province code; set for authorities.'),
    createdAt: z.string(),
  })
  .meta({ id: 'Organisation' });

export const membershipSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    role: roleSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'Membership' });

export const membershipWithOrganisationSchema = membershipSchema
  .extend({ organisation: organisationSchema })
  .meta({ id: 'MembershipWithOrganisation' });

export const accountUserSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    twoFactorEnabled: z.boolean(),
    createdAt: z.string(),
    disabledAt: z
      .string()
      .nullable()
      .describe('When an administrator disabled the account; null while the user may sign in.'),
    hasPassword: z
      .boolean()
      .describe('False for an invited user who has not chosen a password from their link yet.'),
  })
  .meta({ id: 'User' });

export function presentMembership(membership: MembershipWithOrganisation) {
  const { userId: _userId, ...rest } = membership;
  return rest;
}

/** A search box's text: trimmed, at most 100 characters, no control characters. */
export const searchQuerySchema = z
  .string()
  .trim()
  .max(100)
  .regex(/^[^\p{Cc}]*$/u, 'no control characters');

export const pageQuerySchema = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(100)
    .describe('At most this many (1–500, default 100).'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('Skip this many first.'),
};

const clientAuthorisationSchema = z
  .object({
    id: z.string(),
    agencyId: z.string(),
    client: accountUserSchema.pick({ id: true, name: true, email: true }),
    letterDocumentId: z.string().nullable(),
    recordedAt: z.string(),
  })
  .meta({ id: 'ClientAuthorisation' });

function presentClientAuthorisation({ authorisation, client }: RecordedClientAuthorisation) {
  return {
    id: authorisation.id,
    agencyId: authorisation.agentOrgId,
    client: { id: client.id, name: client.name, email: client.email },
    letterDocumentId: authorisation.letterDocumentId,
    recordedAt: authorisation.recordedAt,
  };
}

const protectedErrors = { 401: errorResponseSchema, 404: errorResponseSchema, 500: errorResponseSchema };
const protectedInputErrors = { 400: errorResponseSchema, 409: errorResponseSchema, ...protectedErrors };

export function registerOrganisationRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const provinceCodes = new Set(deps.catalogue.provinces.map((province) => province.code));
  const adminOnly = signedInWith(['platform_admin']);
  const agentsOnly = signedInWith(['agent']);

  routes.get(
    '/api/organisations',
    {
      preValidation: adminOnly,
      schema: {
        tags: ['organisations'],
        security: signedInSecurity,
        summary: 'List organisations (platform administrators)',
        description:
          'Access providers, the 31 built-in sandbox authorities, agencies, applicant organisations and the platform, oldest first; `q` matches part of the English or Chinese name. Callers who are not platform administrators get 404.',
        querystring: z.object({
          kind: z.enum(ORGANISATION_KINDS).optional(),
          q: searchQuerySchema.optional().describe('Part of the English or Chinese name.'),
          ...pageQuerySchema,
        }),
        response: {
          200: z.object({ items: z.array(organisationSchema), total: z.number().int() }),
          400: errorResponseSchema,
          ...protectedErrors,
        },
      },
    },
    async (request) => {
      requireRole(request, ['platform_admin']);
      const { q, ...filter } = request.query;
      const page = await listOrganisations(getAccounts(deps), { ...filter, query: q });
      return { items: page.items, total: page.total };
    },
  );

  routes.post(
    '/api/organisations',
    {
      preValidation: adminOnly,
      schema: {
        tags: ['organisations'],
        security: signedInSecurity,
        summary: 'Create an organisation (platform administrators)',
        description:
          'An access provider, agency or applicant organisation; both names must be unused. Authorities and the platform are built in.',
        body: z
          .strictObject({
            kind: z.enum(['access_provider', 'agency', 'applicant_org']),
            nameEn: buildPlainText(200),
            nameZh: buildPlainText(200),
            provinceCode: z
              .string()
              .refine((code) => provinceCodes.has(code), 'a two-digit province code, e.g. 11 for Beijing')
              .optional(),
          })
          .meta({ id: 'CreateOrganisationRequest' }),
        response: { 201: organisationSchema, ...protectedInputErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['platform_admin']);
      const created = await createOrganisation(getAccounts(deps), {
        actorLabel: `user:${actor.userId}`,
        organisation: { ...request.body, provinceCode: request.body.provinceCode ?? null },
      });
      return reply.status(201).send(created);
    },
  );

  routes.post(
    '/api/organisations/:id/members',
    {
      preValidation: adminOnly,
      schema: {
        tags: ['organisations'],
        security: signedInSecurity,
        summary: 'Give a user a role in an organisation (platform administrators)',
        description:
          'The role must fit the kind: applicant_org → applicant, agency → agent, access_provider → provider_reviewer or provider_admin, authority → authority_reviewer, platform → platform_admin. A user works for at most one provider and one authority.',
        params: z.object({ id: rowIdSchema }),
        body: z.strictObject({ userId: rowIdSchema, role: roleSchema }).meta({ id: 'AddMemberRequest' }),
        response: { 201: membershipSchema, ...protectedInputErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['platform_admin']);
      const membership = await addMembership(getAccounts(deps), {
        actorLabel: `user:${actor.userId}`,
        organisationId: request.params.id,
        userId: request.body.userId,
        role: request.body.role,
      });
      const { userId: _userId, ...presented } = membership;
      return reply.status(201).send(presented);
    },
  );

  routes.patch(
    '/api/memberships/:id',
    {
      preValidation: adminOnly,
      schema: {
        tags: ['organisations'],
        security: signedInSecurity,
        summary: "Change a membership's role (platform administrators)",
        description:
          'The new role must fit the organisation’s kind (in an access provider: provider_reviewer ↔ provider_admin). 409 when the user already has that role there. Audited as membership.role_changed.',
        params: z.object({ id: rowIdSchema }),
        body: z.strictObject({ role: roleSchema }).meta({ id: 'ChangeMembershipRoleRequest' }),
        response: { 200: membershipSchema, ...protectedInputErrors },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['platform_admin']);
      const { userId: _userId, ...presented } = await changeMembershipRole(getAccounts(deps), {
        actorLabel: `user:${actor.userId}`,
        membershipId: request.params.id,
        role: request.body.role,
      });
      return presented;
    },
  );

  routes.delete(
    '/api/memberships/:id',
    {
      preValidation: adminOnly,
      schema: {
        tags: ['organisations'],
        security: signedInSecurity,
        summary: 'Remove a membership (platform administrators)',
        description:
          'Takes the role away from the user. 409 (`details.reason` last_platform_admin) when it is the platform_admin role of the last administrator who can sign in. Audited as membership.removed.',
        params: z.object({ id: rowIdSchema }),
        response: { 204: z.null().describe('Removed.'), ...protectedInputErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['platform_admin']);
      await removeMembership(getAccounts(deps), {
        actorLabel: `user:${actor.userId}`,
        membershipId: request.params.id,
      });
      return reply.status(204).send(null);
    },
  );

  routes.post(
    '/api/agent/clients',
    {
      preValidation: agentsOnly,
      schema: {
        tags: ['organisations'],
        security: signedInSecurity,
        summary: "Record a client's letter of authorisation (agents)",
        description:
          'From then on the agency may file on the client’s behalf, and the client sees everything the agency filed for them. The client must have an account. Callers who are not agents get 404.',
        body: z
          .strictObject({
            clientEmail: z.email().max(254),
            agencyId: rowIdSchema.optional().describe('Required when you are an agent of several agencies.'),
            letterDocumentId: rowIdSchema
              .optional()
              .describe('The uploaded letter of authorisation, when uploaded through the platform.'),
          })
          .meta({ id: 'RecordClientAuthorisationRequest' }),
        response: { 201: clientAuthorisationSchema, ...protectedInputErrors },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['agent']);
      const recorded = await recordClientAuthorisation(getAccounts(deps), {
        userId: actor.userId,
        clientEmail: request.body.clientEmail,
        agencyId: request.body.agencyId,
        letterDocumentId: request.body.letterDocumentId,
      });
      return reply.status(201).send(presentClientAuthorisation(recorded));
    },
  );

  routes.get(
    '/api/agent/clients',
    {
      preValidation: agentsOnly,
      schema: {
        tags: ['organisations'],
        security: signedInSecurity,
        summary: 'List the clients that authorised your agencies (agents)',
        response: { 200: z.object({ items: z.array(clientAuthorisationSchema) }), ...protectedErrors },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['agent']);
      const recorded = await listClientAuthorisations(getAccounts(deps), actor.userId);
      return { items: recorded.map(presentClientAuthorisation) };
    },
  );
}
