import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listMailOutbox } from '../../app/notifications/list-mail-outbox.ts';
import type { RouteDeps } from '../deps.ts';
import { requireRole, signedInSecurity, signedInWith } from '../plugins/auth.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import { mailOutboxQuerySchema, mailSchema } from '../schemas/inbox.ts';
import { callUseCase } from '../schemas/orders.ts';
import { getOrderDeps } from './orders.ts';

/** The transactional mail outbox, for platform administrators (without SMTP, where sandbox mail is read). */
export function registerAdminMailRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/api/admin/mail-outbox',
    {
      preValidation: signedInWith(['platform_admin']),
      schema: {
        tags: ['admin'],
        security: signedInSecurity,
        summary: 'The mail outbox (platform administrators)',
        description:
          'Every mail the platform queued, newest first, with its delivery status. Without SMTP_URL the mails are also written as .eml files under <DATA_DIR>/mail. Callers who are not platform administrators get 404.',
        querystring: mailOutboxQuerySchema,
        response: {
          200: z.object({ items: z.array(mailSchema) }),
          400: errorResponseSchema,
          401: errorResponseSchema,
          404: errorResponseSchema,
          500: errorResponseSchema,
          503: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['platform_admin']);
      const { status, limit, offset } = request.query;
      const items = await callUseCase(
        request,
        () =>
          listMailOutbox(getOrderDeps(deps), {
            actor,
            limit,
            offset,
            ...(status === undefined ? {} : { status }),
          }),
        { in: 'querystring' },
      );
      return { items };
    },
  );
}
