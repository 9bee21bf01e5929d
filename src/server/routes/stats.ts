import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../app/errors.ts';
import { STATS_STAGES } from '../../app/stats/compute-order-stats.ts';
import { getOrderStats } from '../../app/stats/get-order-stats.ts';
import type { OrderStatsStore } from '../../app/stats/order-stats-store.ts';
import { ORDER_STATUSES } from '../../domain/workflow/order-status.ts';
import type { RouteDeps } from '../deps.ts';
import { requireActor, signedIn, signedInSecurity } from '../plugins/auth.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import { buildDateInput } from '../schemas/inputs.ts';

const slaSchema = z
  .object({
    finished: z.number().int().describe('Reviews finished in the range.'),
    withinDeadline: z.number().int(),
    share: z.number().nullable().describe('withinDeadline / finished (0–1), null when none finished.'),
    overdueNow: z.number().int().describe('Orders in this review past their deadline now.'),
  })
  .meta({ id: 'SlaStats' });

const orderStatsSchema = z
  .object({
    scope: z
      .array(z.enum(['all', 'provider', 'authority', 'own']))
      .describe(
        'Which orders the numbers cover: all (platform admins), provider (your provider’s), authority (your province’s, once sent to the sandbox authority), own (yours, your clients’ and your agency’s).',
      ),
    range: z.object({ from: z.string().optional(), to: z.string().optional() }),
    orders: z.object({
      total: z.number().int(),
      byStatus: z.object(Object.fromEntries(ORDER_STATUSES.map((status) => [status, z.number().int()]))),
      byProvince: z.array(z.object({ provinceCode: z.string(), count: z.number().int() })),
    }),
    stageTimes: z
      .array(
        z.object({
          provinceCode: z.string(),
          stage: z.enum(STATS_STAGES),
          count: z.number().int().describe('Stages that ended in the range.'),
          medianWorkingDays: z.number(),
          p90WorkingDays: z.number(),
        }),
      )
      .describe(
        'Per province and stage: how long orders spent in it, in China working days (fractions of working days count; weekends and holidays do not). Provider review runs from submission to the provider’s verdict.',
      ),
    returnReasons: z.object({
      returns: z.number().int().describe('Returns, identity and SMS failures and rejections in the range.'),
      reasons: z.number().int(),
      byTemplate: z.array(z.object({ templateId: z.string(), count: z.number().int() })),
      byReasonCode: z.array(z.object({ reasonCode: z.string(), count: z.number().int() })),
      byField: z
        .array(z.object({ fieldPath: z.string().nullable(), count: z.number().int() }))
        .describe('Field paths with [] for indexes (services[].name); null: about the whole order.'),
    }),
    sla: z.object({ providerReview: slaSchema, authorityReview: slaSchema }),
    generatedAt: z.string(),
  })
  .meta({ id: 'OrderStats' });

function getStatsStore(deps: { stats?: OrderStatsStore | undefined }): OrderStatsStore {
  if (!deps.stats) {
    throw new DomainError('service_unavailable', {
      en: 'Statistics are not available on this server.',
      zh: '本服务器未启用统计功能。',
    });
  }
  return deps.stats;
}

export function registerStatsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/stats/orders',
    {
      preValidation: signedIn,
      schema: {
        tags: ['stats'],
        security: signedInSecurity,
        summary: 'Order statistics in your scope',
        description:
          'Over the orders you may see: counts by status (orders created in the range), median and 90th-percentile stage times in working days per province (stages ended in the range), return reasons by template, code and field, and how many provider and authority reviews finished within their deadlines, plus how many are overdue now.',
        querystring: z.object({
          from: buildDateInput('First day (China time), inclusive.').optional(),
          to: buildDateInput('Last day (China time), inclusive.').optional(),
        }),
        response: {
          200: orderStatsSchema,
          400: errorResponseSchema,
          401: errorResponseSchema,
          500: errorResponseSchema,
          503: errorResponseSchema,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { from, to } = request.query;
      return getOrderStats(
        { store: getStatsStore(deps), calendar: deps.calendar, clock: deps.clock },
        {
          actor,
          ...(from === undefined ? {} : { from }),
          ...(to === undefined ? {} : { to }),
        },
      );
    },
  );
}
