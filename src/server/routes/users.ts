import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listUsers } from '../../app/accounts/list-users.ts';
import type { RouteDeps } from '../deps.ts';
import { getAccounts, requireRole, signedInSecurity, signedInWith } from '../plugins/auth.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import {
  accountUserSchema,
  membershipWithOrganisationSchema,
  pageQuerySchema,
  presentMembership,
} from './organisations.ts';

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
          q: z
            .string()
            .trim()
            .max(100)
            .regex(/^[^\p{Cc}]*$/u, 'no control characters')
            .optional()
            .describe('Part of the name or e-mail address.'),
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
}
