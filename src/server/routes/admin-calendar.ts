import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AdminDeps, CalendarOverrideRecord } from '../../app/admin/admin-stores.ts';
import { deleteCalendarOverride } from '../../app/admin/delete-calendar-override.ts';
import { listCalendarOverrides } from '../../app/admin/list-calendar-overrides.ts';
import { setCalendarNotice } from '../../app/admin/set-calendar-notice.ts';
import { setCalendarOverride } from '../../app/admin/set-calendar-override.ts';
import { DomainError } from '../../app/errors.ts';
import type { RouteDeps } from '../deps.ts';
import { requireRole, signedInSecurity, signedInWith } from '../plugins/auth.ts';
import {
  calendarNoticeBodySchema,
  calendarOverrideBodySchema,
  calendarOverrideSchema,
} from '../schemas/admin.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import { buildDateInput, MAX_REQUEST_YEAR, MIN_REQUEST_YEAR } from '../schemas/inputs.ts';

/**
 * The admin slice of an app built with it.
 * @throws DomainError service_unavailable (503) for an app built without (tests of other slices).
 */
export function getAdminDeps(deps: { admin?: AdminDeps | undefined }): AdminDeps {
  if (!deps.admin) {
    throw new DomainError('service_unavailable', {
      en: 'Administration is not available on this server.',
      zh: '本服务器未启用管理功能。',
    });
  }
  return deps.admin;
}

export const adminErrorResponses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  404: errorResponseSchema,
  500: errorResponseSchema,
  503: errorResponseSchema,
};

const ADMIN_ONLY = 'Callers who are not platform administrators get 404.';

export function presentCalendarOverride(record: CalendarOverrideRecord) {
  return {
    date: record.date,
    kind: record.kind,
    ...(record.nameEn === undefined ? {} : { nameEn: record.nameEn }),
    ...(record.nameZh === undefined ? {} : { nameZh: record.nameZh }),
    source: { text: record.sourceText, ...(record.sourceUrl === undefined ? {} : { url: record.sourceUrl }) },
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
  };
}

/** Working-day calendar overrides (platform administrators): days on top of the seed holiday data. */
export function registerAdminCalendarRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];
  const preValidation = signedInWith(['platform_admin']);
  const dateParams = z.object({ date: buildDateInput('The day:') });

  routes.get(
    '/api/admin/calendar/overrides',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'List calendar overrides (platform administrators)',
        description: `The days administrators set on top of the seed holiday data, by date; \`year\` narrows to one year. ${ADMIN_ONLY}`,
        querystring: z.object({
          year: z.coerce.number().int().min(MIN_REQUEST_YEAR).max(MAX_REQUEST_YEAR).optional(),
        }),
        response: { 200: z.object({ items: z.array(calendarOverrideSchema) }), ...adminErrorResponses },
      },
    },
    async (request) => {
      requireRole(request, ['platform_admin']);
      const items = await listCalendarOverrides(getAdminDeps(deps), { year: request.query.year });
      return { items: items.map(presentCalendarOverride) };
    },
  );

  routes.put(
    '/api/admin/calendar/overrides/:date',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Set a calendar override (platform administrators)',
        description: `Makes the day a holiday or a worked day, replacing the day’s previous override; every working-day answer and new order deadline uses it at once. Audited. ${ADMIN_ONLY}`,
        params: dateParams,
        body: calendarOverrideBodySchema,
        response: {
          200: z.object({ override: calendarOverrideSchema, replaced: z.boolean() }),
          ...adminErrorResponses,
        },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['platform_admin']);
      const { kind, nameEn, nameZh, source } = request.body;
      const { override, replaced } = await setCalendarOverride(getAdminDeps(deps), {
        actor,
        date: request.params.date,
        kind,
        nameEn,
        nameZh,
        sourceText: source.text,
        sourceUrl: source.url,
      });
      return { override: presentCalendarOverride(override), replaced };
    },
  );

  routes.post(
    '/api/admin/calendar/notices',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Enter a holiday of a State Council notice (platform administrators)',
        description: `Makes every day from holidayFrom to holidayTo a holiday and each make-up day a worked day, replacing those days’ overrides, in one transaction with one audit event per day. 400 validation_failed for a reversed or too long range, or a make-up day inside the holiday or given twice. ${ADMIN_ONLY}`,
        body: calendarNoticeBodySchema,
        response: {
          201: z.object({
            overrides: z.array(calendarOverrideSchema),
            replaced: z.array(z.string()).describe('Days whose previous override the notice replaced.'),
          }),
          ...adminErrorResponses,
        },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['platform_admin']);
      const { holidayFrom, holidayTo, makeupWorkdays, nameEn, nameZh, source } = request.body;
      const { overrides, replaced } = await setCalendarNotice(getAdminDeps(deps), {
        actor,
        holidayFrom,
        holidayTo,
        makeupWorkdays,
        nameEn,
        nameZh,
        sourceText: source.text,
        sourceUrl: source.url,
      });
      return reply.code(201).send({ overrides: overrides.map(presentCalendarOverride), replaced });
    },
  );

  routes.delete(
    '/api/admin/calendar/overrides/:date',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Delete a calendar override (platform administrators)',
        description: `The day follows the seed data again; 404 when it has no override. Audited. ${ADMIN_ONLY}`,
        params: dateParams,
        response: { 204: z.null().describe('Deleted.'), ...adminErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['platform_admin']);
      await deleteCalendarOverride(getAdminDeps(deps), { actor, date: request.params.date });
      return reply.code(204).send(null);
    },
  );
}
