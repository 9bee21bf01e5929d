import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAuditEvents } from '../../app/admin/list-audit-events.ts';
import { verifyAuditLog } from '../../app/audit/verify-audit-log.ts';
import type { RouteDeps } from '../deps.ts';
import { requireRole, signedInSecurity, signedInWith } from '../plugins/auth.ts';
import { auditEventSchema, auditVerificationSchema } from '../schemas/admin.ts';
import { adminErrorResponses, getAdminDeps } from './admin-calendar.ts';

const ADMIN_ONLY = 'Callers who are not platform administrators get 404.';

/** The hash-chained audit log (platform administrators): read it, and check the chain. */
export function registerAdminAuditRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];
  const preValidation = signedInWith(['platform_admin']);

  routes.get(
    '/api/admin/audit',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Read the audit log (platform administrators)',
        description: `Events newest first: who (actor), what (action), to which record (subject), when, and the chain hashes; payloads are left out. Page with \`before\` = the answer's \`nextBefore\`. ${ADMIN_ONLY}`,
        querystring: z.object({
          before: z.coerce
            .number()
            .int()
            .positive()
            .max(Number.MAX_SAFE_INTEGER)
            .optional()
            .describe('Only events with a lower sequence number.'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({
            items: z.array(auditEventSchema),
            nextBefore: z
              .number()
              .int()
              .optional()
              .describe('`before` of the next page; absent on the last.'),
          }),
          ...adminErrorResponses,
        },
      },
    },
    async (request) => {
      requireRole(request, ['platform_admin']);
      const { before, limit } = request.query;
      return listAuditEvents(getAdminDeps(deps), { before, limit });
    },
  );

  routes.get(
    '/api/admin/audit/verification',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Verify the audit chain (platform administrators)',
        description: `Recomputes every hash and link of the chain (as \`openbeian audit verify\` does) and reports the first broken link. Takes a while on a large log. ${ADMIN_ONLY}`,
        response: { 200: auditVerificationSchema, ...adminErrorResponses },
      },
    },
    async (request) => {
      requireRole(request, ['platform_admin']);
      return verifyAuditLog({ auditLog: getAdminDeps(deps).read.auditLog });
    },
  );
}
