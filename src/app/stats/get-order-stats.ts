import { getEndOfChinaDay, getStartOfChinaDay } from '../../domain/calendar/china-date.ts';
import { type Actor, listOrderScopes } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import { ORDER_STATUSES, type OrderStatus } from '../../domain/workflow/order-status.ts';
import { toDomainError } from '../orders/order-errors.ts';
import type { CalendarProvider, Clock } from '../ports.ts';
import {
  computeSla,
  computeStageTimes,
  countReturnReasons,
  type ReturnReasonStats,
  type SlaStats,
  type StageTime,
} from './compute-order-stats.ts';
import type { InstantRange, OrderStatsStore } from './order-stats-store.ts';

export interface OrderStatsDeps {
  store: OrderStatsStore;
  calendar: CalendarProvider;
  clock: Clock;
}

export interface GetOrderStatsInput {
  actor: Actor;
  /** China calendar dates (YYYY-MM-DD), both inclusive; either may be absent. */
  from?: string;
  to?: string;
}

/** Which orders the numbers cover, from the caller's roles (the same scopes as their order list). */
export type StatsScope = 'all' | 'provider' | 'authority' | 'own';

export interface OrderStats {
  scope: StatsScope[];
  range: { from?: string; to?: string };
  /** Orders created in the range. */
  orders: {
    total: number;
    byStatus: Record<OrderStatus, number>;
    byProvince: { provinceCode: string; count: number }[];
  };
  /** Per province and stage, stages that ended in the range. */
  stageTimes: StageTime[];
  returnReasons: ReturnReasonStats;
  sla: { providerReview: SlaStats; authorityReview: SlaStats };
  generatedAt: string;
}

function readScopes(actor: Actor): StatsScope[] {
  const kinds = new Set(listOrderScopes(actor).map((scope) => scope.kind));
  const out: StatsScope[] = [];
  if (kinds.has('all')) out.push('all');
  if (kinds.has('provider')) out.push('provider');
  if (kinds.has('authority')) out.push('authority');
  if (kinds.has('owner') || kinds.has('client') || kinds.has('agency')) out.push('own');
  return out;
}

function readRange(input: GetOrderStatsInput): InstantRange {
  if (input.from !== undefined && input.to !== undefined && input.from > input.to) {
    throw toDomainError(
      issue('invalid_range', 'from must not be after to.', '开始日期不能晚于结束日期。', {
        params: { field: 'from' },
      }),
    );
  }
  const range: InstantRange = {};
  if (input.from !== undefined) range.from = getStartOfChinaDay(input.from);
  if (input.to !== undefined) range.to = getEndOfChinaDay(input.to);
  return range;
}

/**
 * Order statistics over the orders the caller may see (platform admins: all; provider staff: their
 * provider's; authority reviewers: their province's; applicants and agents: their own): counts by
 * status, stage times in working days, return reasons and deadline compliance.
 * Errors: validation_failed (from after to).
 */
export async function getOrderStats(deps: OrderStatsDeps, input: GetOrderStatsInput): Promise<OrderStats> {
  const range = readRange(input);
  const scopes = listOrderScopes(input.actor);
  const now = deps.clock.now();
  const [counts, events, overdue, calendar] = await Promise.all([
    deps.store.countByStatus(scopes, range),
    deps.store.listEvents(scopes, range),
    deps.store.countOverdue(scopes, now),
    deps.calendar.getCalendar(),
  ]);
  const byStatus = Object.fromEntries(ORDER_STATUSES.map((status) => [status, 0])) as Record<
    OrderStatus,
    number
  >;
  const byProvince = new Map<string, number>();
  for (const row of counts) {
    byStatus[row.status] += row.count;
    byProvince.set(row.provinceCode, (byProvince.get(row.provinceCode) ?? 0) + row.count);
  }
  return {
    scope: readScopes(input.actor),
    range: {
      ...(input.from === undefined ? {} : { from: input.from }),
      ...(input.to === undefined ? {} : { to: input.to }),
    },
    orders: {
      total: counts.reduce((sum, row) => sum + row.count, 0),
      byStatus,
      byProvince: [...byProvince.entries()]
        .map(([provinceCode, count]) => ({ provinceCode, count }))
        .sort((a, b) => a.provinceCode.localeCompare(b.provinceCode)),
    },
    stageTimes: computeStageTimes(events, range, calendar),
    returnReasons: countReturnReasons(events, range),
    sla: computeSla(events, range, overdue),
    generatedAt: now.toISOString(),
  };
}
