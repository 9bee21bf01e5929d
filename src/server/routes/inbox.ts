import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listInbox } from '../../app/notifications/list-inbox.ts';
import { markInboxRead } from '../../app/notifications/mark-inbox-read.ts';
import type { RouteDeps } from '../deps.ts';
import { requireActor, signedIn, signedInSecurity } from '../plugins/auth.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import {
  inboxPageSchema,
  inboxQuerySchema,
  markReadBodySchema,
  markReadResultSchema,
} from '../schemas/inbox.ts';
import { callUseCase } from '../schemas/orders.ts';
import { getOrderDeps } from './orders.ts';

/**
 * The caller's in-app inbox: returns, approvals, deadline reminders and — in the sandbox — the SMS
 * codes the real MIIT would text.
 */

const protectedErrors = { 401: errorResponseSchema, 500: errorResponseSchema, 503: errorResponseSchema };

export function registerInboxRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inbox'];

  routes.get(
    '/api/inbox',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Your notifications',
        description:
          'Newest first, paged by `beforeId`, optionally only those about one order (`orderId`); with the count of all unread messages.',
        querystring: inboxQuerySchema,
        response: { 200: inboxPageSchema, 400: errorResponseSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { limit, beforeId, unreadOnly, orderId } = request.query;
      const page = await callUseCase(
        request,
        () =>
          listInbox(getOrderDeps(deps), {
            actor,
            limit,
            ...(beforeId === undefined ? {} : { beforeId }),
            ...(unreadOnly === 'true' ? { unreadOnly: true } : {}),
            ...(orderId === undefined ? {} : { orderId }),
          }),
        { in: 'querystring' },
      );
      return {
        items: page.messages,
        unread: page.unread,
        ...(page.nextBeforeId === undefined ? {} : { nextBeforeId: page.nextBeforeId }),
      };
    },
  );

  routes.post(
    '/api/inbox/read',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Mark notifications read',
        description: 'The messages named in `ids` (others’ ids are ignored), or every unread message.',
        body: markReadBodySchema,
        response: { 200: markReadResultSchema, 400: errorResponseSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const ids = request.body?.ids;
      return callUseCase(request, () =>
        markInboxRead(getOrderDeps(deps), { actor, ...(ids === undefined ? {} : { ids }) }),
      );
    },
  );
}
