import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  type AuditVerifier,
  createAuditVerifier,
  type TimedAuditVerification,
} from '../../app/admin/audit-verification.ts';
import { getAuditEvent } from '../../app/admin/get-audit-event.ts';
import { listAuditEvents } from '../../app/admin/list-audit-events.ts';
import type { RouteDeps } from '../deps.ts';
import { requireRole, signedInSecurity, signedInWith } from '../plugins/auth.ts';
import {
  auditEventDetailSchema,
  auditEventSchema,
  auditVerificationSchema,
  auditVerificationStatusSchema,
} from '../schemas/admin.ts';
import { buildDateInput } from '../schemas/inputs.ts';
import { adminErrorResponses, getAdminDeps } from './admin-calendar.ts';

const ADMIN_ONLY = 'Callers who are not platform administrators get 404.';

const filterText = (description: string) =>
  z.string().trim().min(1).max(200).optional().describe(description);

function presentVerification({ verifiedAt, ...result }: TimedAuditVerification) {
  return { ...result, verifiedAt: verifiedAt.toISOString() };
}

/** The hash-chained audit log (platform administrators): read it, and check the chain. */
export function registerAdminAuditRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];
  const preValidation = signedInWith(['platform_admin']);
  // One verifier per server: the last result is shared by every admin, and one walk runs at a time.
  let verifier: AuditVerifier | undefined;
  const getVerifier = () => {
    const admin = getAdminDeps(deps);
    verifier ??= createAuditVerifier({ auditLog: admin.read.auditLog, clock: admin.clock });
    return verifier;
  };

  routes.get(
    '/api/admin/audit',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Read the audit log (platform administrators)',
        description: `Events newest first: who (actor), what (action), to which record (subject), when, and the chain hashes; payloads are left out (GET /api/admin/audit/{sequence} has one event's). Narrow by actor, action, subject type and id (exact) and by China calendar days (from, to: inclusive; 400 when from is after to). Page with \`before\` = the answer's \`nextBefore\`. ${ADMIN_ONLY}`,
        querystring: z.object({
          before: z.coerce
            .number()
            .int()
            .positive()
            .max(Number.MAX_SAFE_INTEGER)
            .optional()
            .describe('Only events with a lower sequence number.'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          actor: filterText('Only events by this actor: "user:<id>", "system", "cli".'),
          action: filterText('Only events of this action, e.g. catalogue.edited.'),
          subjectType: filterText('Only events about this kind of record, e.g. order.'),
          subjectId: filterText('Only events about the record with this id (with or without subjectType).'),
          from: buildDateInput('First day (China time), inclusive.').optional(),
          to: buildDateInput('Last day (China time), inclusive.').optional(),
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
      return listAuditEvents(getAdminDeps(deps), request.query);
    },
  );

  routes.get(
    '/api/admin/audit/verification',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'The last verification of the audit chain (platform administrators)',
        description: `The result of the last full verification since the server started, with when it ran, and how many events the log holds now (events appended since are not covered). Cheap: it does not walk the chain; POST does. ${ADMIN_ONLY}`,
        response: { 200: auditVerificationStatusSchema, ...adminErrorResponses },
      },
    },
    async (request) => {
      requireRole(request, ['platform_admin']);
      const { last, ...status } = await getVerifier().getStatus();
      return { ...status, ...(last ? { last: presentVerification(last) } : {}) };
    },
  );

  routes.post(
    '/api/admin/audit/verification',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Verify the audit chain now (platform administrators)',
        description: `Recomputes every hash and link of the chain (as \`openbeian audit verify\` does) and reports the first broken link; the result becomes the last verification. Takes a while on a large log; a request made while a verification runs waits for that one. ${ADMIN_ONLY}`,
        response: { 200: auditVerificationSchema, ...adminErrorResponses },
      },
    },
    async (request) => {
      requireRole(request, ['platform_admin']);
      return presentVerification(await getVerifier().verifyNow());
    },
  );

  routes.get(
    '/api/admin/audit/:sequence',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'One audit event with its data (platform administrators)',
        description: `The event, its hash and the previous event's hash, and its payload (references such as ids, codes and dates; personal data is never written to the log). 404 for an unknown sequence number. ${ADMIN_ONLY}`,
        params: z.object({
          sequence: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
        }),
        response: { 200: auditEventDetailSchema, ...adminErrorResponses },
      },
    },
    async (request) => {
      requireRole(request, ['platform_admin']);
      return getAuditEvent(getAdminDeps(deps), request.params.sequence);
    },
  );
}
