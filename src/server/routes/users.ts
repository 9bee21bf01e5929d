import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inviteUser } from '../../app/accounts/invite-user.ts';
import { listUsers } from '../../app/accounts/list-users.ts';
import { LOCALES } from '../../app/accounts/preference-store.ts';
import { sendPasswordLink } from '../../app/accounts/send-password-link.ts';
import { setUserDisabled } from '../../app/accounts/set-user-disabled.ts';
import type { RouteDeps } from '../deps.ts';
import { getAccounts, requireRole, signedInSecurity, signedInWith } from '../plugins/auth.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import {
  accountUserSchema,
  buildPlainText,
  membershipSchema,
  membershipWithOrganisationSchema,
  pageQuerySchema,
  presentMembership,
  roleSchema,
  rowIdSchema,
  searchQuerySchema,
} from './organisations.ts';

const protectedErrors = { 401: errorResponseSchema, 404: errorResponseSchema, 500: errorResponseSchema };
const protectedInputErrors = { 400: errorResponseSchema, 409: errorResponseSchema, ...protectedErrors };
const userIdParams = z.object({ id: rowIdSchema });
const userAnswerSchema = z.object({ user: accountUserSchema }).meta({ id: 'UserAnswer' });

const userWithMembershipsSchema = z
  .object({ user: accountUserSchema, memberships: z.array(membershipWithOrganisationSchema) })
  .meta({ id: 'UserWithMemberships' });

export function registerUserRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/users',
    {
      preValidation: signedInWith(['platform_admin']),
      schema: {
        tags: ['organisations'],
        security: signedInSecurity,
        summary: 'List users (platform administrators)',
        description:
          'Users oldest first with their memberships; `q` matches part of the name or e-mail address. A user without memberships is an applicant. Callers who are not platform administrators get 404.',
        querystring: z.object({
          q: searchQuerySchema.optional().describe('Part of the name or e-mail address.'),
          ...pageQuerySchema,
        }),
        response: {
          200: z.object({ items: z.array(userWithMembershipsSchema), total: z.number().int() }),
          400: errorResponseSchema,
          401: errorResponseSchema,
          404: errorResponseSchema,
          500: errorResponseSchema,
        },
      },
    },
    async (request) => {
      requireRole(request, ['platform_admin']);
      const { q, limit, offset } = request.query;
      const page = await listUsers(getAccounts(deps), { query: q, limit, offset });
      return {
        total: page.total,
        items: page.items.map(({ user, memberships }) => ({
          user,
          memberships: memberships.map(presentMembership),
        })),
      };
    },
  );

  const routes = app.withTypeProvider<ZodTypeProvider>();
  const adminOnly = signedInWith(['platform_admin']);

  routes.post(
    '/api/users',
    {
      preValidation: adminOnly,
      schema: {
        tags: ['organisations'],
        security: signedInSecurity,
        summary: 'Invite a user (platform administrators)',
        description:
          'Creates an account without a password, optionally with a first role, and mails the person a single-use link (valid 24 hours) to choose their password; the mail goes through the outbox in their language first. 409 when the e-mail address has an account. Audited as user.invited.',
        body: z
          .strictObject({
            name: buildPlainText(100),
            email: z.email().max(254),
            locale: z.enum(LOCALES).describe('The user’s UI language; their mail is written in it first.'),
            membership: z
              .strictObject({ organisationId: rowIdSchema, role: roleSchema })
              .optional()
              .describe('A first role; it must fit the organisation’s kind.'),
          })
          .meta({ id: 'InviteUserRequest' }),
        response: {
          201: z
            .object({ user: accountUserSchema, membership: membershipSchema.nullable() })
            .meta({ id: 'InvitedUser' }),
          ...protectedInputErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['platform_admin']);
      const invited = await inviteUser(getAccounts(deps), {
        actorLabel: `user:${actor.userId}`,
        ...request.body,
      });
      const membership = invited.membership === undefined ? null : withoutUserId(invited.membership);
      return reply.status(201).send({ user: invited.user, membership });
    },
  );

  for (const disabled of [true, false]) {
    routes.post(
      `/api/users/:id/${disabled ? 'disable' : 'enable'}`,
      {
        preValidation: adminOnly,
        schema: {
          tags: ['organisations'],
          security: signedInSecurity,
          summary: disabled
            ? 'Disable a user (platform administrators)'
            : 'Re-enable a user (platform administrators)',
          description: disabled
            ? 'Ends the user’s sessions and voids their password links; signing in is then refused (401, `details.authCode` ACCOUNT_DISABLED) and their API tokens answer 401. 409 for your own account and for the last platform administrator who can sign in. Audited as user.disabled; disabling a disabled user changes nothing.'
            : 'The user may sign in again with their password; their API tokens work again. Audited as user.enabled; enabling an enabled user changes nothing.',
          params: userIdParams,
          response: { 200: userAnswerSchema, ...protectedInputErrors },
        },
      },
      async (request) => {
        const actor = requireRole(request, ['platform_admin']);
        const user = await setUserDisabled(getAccounts(deps), {
          actorLabel: `user:${actor.userId}`,
          actorUserId: actor.userId,
          userId: request.params.id,
          disabled,
        });
        return { user };
      },
    );
  }

  routes.post(
    '/api/users/:id/password-link',
    {
      preValidation: adminOnly,
      schema: {
        tags: ['organisations'],
        security: signedInSecurity,
        summary: 'Mail a user a new password link (platform administrators)',
        description:
          'The invitation again for a user who has not chosen a password yet, a password reset link otherwise (single-use, valid 24 hours). 409 for a disabled user. Audited as user.password_link_sent.',
        params: userIdParams,
        response: { 200: userAnswerSchema, ...protectedInputErrors },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['platform_admin']);
      const user = await sendPasswordLink(getAccounts(deps), {
        actorLabel: `user:${actor.userId}`,
        userId: request.params.id,
      });
      return { user };
    },
  );
}

function withoutUserId<T extends { userId: string }>(value: T): Omit<T, 'userId'> {
  const { userId: _userId, ...rest } = value;
  return rest;
}
