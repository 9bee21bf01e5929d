import { type Kysely, sql } from 'kysely';
import type {
  InstantRange,
  OrderStatsStore,
  OverdueCounts,
  StatsEvent,
  StatusCount,
} from '../../../app/stats/order-stats-store.ts';
import type { OrderScope } from '../../../domain/policy/order-access.ts';
import type { JsonValue, OrderEventType } from '../../../domain/workflow/order-outcome.ts';
import type { OrderStatus } from '../../../domain/workflow/order-status.ts';
import type { DB } from '../schema.ts';
import { type OrdersBuilder, scopeCondition } from './order-repository.ts';

/** Statuses of the provider phase, whose deadline is provider_review_due. */
const PROVIDER_PHASE: readonly OrderStatus[] = [
  'submitted',
  'provider_review',
  'identity_verification',
  'ready_for_authority',
];

/** Any of the scopes, as order lists use them (no scopes: no orders). */
function inScopes(eb: OrdersBuilder, scopes: readonly OrderScope[]) {
  return scopes.length === 0 ? sql<boolean>`1 = 0` : eb.or(scopes.map((scope) => scopeCondition(eb, scope)));
}

/**
 * Order statistics on SQLite and PostgreSQL: grouped counts in SQL; the events stage times need are
 * read in one query (timestamps are fixed-width ISO text, so text comparison is time comparison).
 */
export function createOrderStatsRepository(executor: Kysely<DB>): OrderStatsStore {
  return {
    async countByStatus(scopes, created: InstantRange): Promise<StatusCount[]> {
      let query = executor
        .selectFrom('orders')
        .select(['status', 'province_code', (eb) => eb.fn.countAll<string | number>().as('count')])
        .where((eb) => inScopes(eb, scopes))
        .groupBy(['status', 'province_code']);
      if (created.from) query = query.where('created_at', '>=', created.from.toISOString());
      if (created.to) query = query.where('created_at', '<=', created.to.toISOString());
      const rows = await query.execute();
      return rows.map((row) => ({
        status: row.status as OrderStatus,
        provinceCode: row.province_code,
        count: Number(row.count),
      }));
    },

    async listEvents(scopes, range: InstantRange): Promise<StatsEvent[]> {
      let query = executor
        .selectFrom('order_events')
        .innerJoin('orders', 'orders.id', 'order_events.order_id')
        .select([
          'order_events.order_id as orderId',
          'orders.province_code as provinceCode',
          'order_events.type as type',
          'order_events.from_status as fromStatus',
          'order_events.to_status as toStatus',
          'order_events.occurred_at as occurredAt',
          'order_events.details as details',
        ])
        .where('order_events.order_id', 'in', (eb) =>
          eb
            .selectFrom('orders')
            .select('orders.id')
            .where((inner) => inScopes(inner, scopes)),
        )
        .orderBy('order_events.order_id')
        .orderBy('order_events.id');
      if (range.from) query = query.where('orders.updated_at', '>=', range.from.toISOString());
      if (range.to) query = query.where('order_events.occurred_at', '<=', range.to.toISOString());
      const rows = await query.execute();
      return rows.map((row) => ({
        orderId: row.orderId,
        provinceCode: row.provinceCode,
        type: row.type as OrderEventType,
        from: row.fromStatus as OrderStatus,
        to: row.toStatus as OrderStatus,
        at: new Date(row.occurredAt),
        details: JSON.parse(row.details) as Record<string, JsonValue>,
      }));
    },

    async countOverdue(scopes, now: Date): Promise<OverdueCounts> {
      const at = now.toISOString();
      const row = await executor
        .selectFrom('orders')
        .select((eb) => [
          eb.fn
            .sum<string | number | null>(
              eb
                .case()
                .when(
                  eb.and([
                    eb('status', 'in', [...PROVIDER_PHASE]),
                    eb('provider_review_due', 'is not', null),
                    eb('provider_review_due', '<', at),
                  ]),
                )
                .then(1)
                .else(0)
                .end(),
            )
            .as('providerReview'),
          eb.fn
            .sum<string | number | null>(
              eb
                .case()
                .when(
                  eb.and([
                    eb('status', '=', 'authority_review'),
                    eb('authority_review_due', 'is not', null),
                    eb('authority_review_due', '<', at),
                  ]),
                )
                .then(1)
                .else(0)
                .end(),
            )
            .as('authorityReview'),
        ])
        .where((eb) => inScopes(eb, scopes))
        .executeTakeFirst();
      return {
        providerReview: Number(row?.providerReview ?? 0),
        authorityReview: Number(row?.authorityReview ?? 0),
      };
    },
  };
}
