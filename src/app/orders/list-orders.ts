import { type Actor, listOrderScopes, type OrderScope } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import { isOrderStatus, type OrderStatus } from '../../domain/workflow/order-status.ts';
import { ORDER_TYPE_IDS, type OrderTypeId } from '../../domain/workflow/order-type.ts';
import { classifyOrderDeadline } from '../../domain/workflow/queue-flags.ts';
import type { OrderDeps } from './order-deps.ts';
import { toDomainError } from './order-errors.ts';
import type { OrderListSlice } from './order-store.ts';
import { type OrderSummaryView, presentOrderSummary } from './present-order.ts';

export const MAX_ORDER_PAGE = 100;

export interface ListOrdersInput {
  actor: Actor;
  /**
   * `all` (default): every order the actor may see, latest change first. `queue`: the orders waiting
   * for the actor's move (applicants: drafts, returns, rejections, SMS codes; provider reviewers:
   * submitted to ready-for-authority, and recorded-mode decisions; authority reviewers: authority
   * review), the nearest deadline first.
   */
  view?: 'all' | 'queue';
  statuses?: OrderStatus[];
  types?: OrderTypeId[];
  /** 1–100, default 50. */
  limit?: number;
  offset?: number;
}

export interface ListOrdersResult {
  orders: OrderSummaryView[];
  hasMore: boolean;
}

const APPLICANT_MOVES: readonly OrderStatus[] = [
  'draft',
  'returned_by_provider',
  'rejected_by_authority',
  'sms_verification',
];
const PROVIDER_MOVES: readonly OrderStatus[] = [
  'submitted',
  'provider_review',
  'identity_verification',
  'ready_for_authority',
];
const OPEN: readonly OrderStatus[] = [...APPLICANT_MOVES, ...PROVIDER_MOVES, 'authority_review'];

function queueSlices(actor: Actor, scope: OrderScope): OrderListSlice[] {
  switch (scope.kind) {
    case 'all':
      return [{ scope, statuses: OPEN }];
    case 'owner':
    case 'client':
    case 'agency':
      return [{ scope, statuses: APPLICANT_MOVES }];
    case 'provider':
      // Provider administrators see the provider's orders but do not review them.
      return actor.roles.includes('provider_reviewer')
        ? [
            { scope, statuses: PROVIDER_MOVES },
            { scope, statuses: ['authority_review'], authorityMode: 'recorded' },
          ]
        : [];
    case 'authority':
      return [{ scope, statuses: ['authority_review'] }];
  }
}

function readPage(input: ListOrdersInput): { limit: number; offset: number } {
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ORDER_PAGE) {
    throw toDomainError(
      issue('invalid_limit', `limit must be 1–${MAX_ORDER_PAGE}.`, `limit 应为 1–${MAX_ORDER_PAGE}。`, {
        params: { field: 'limit' },
      }),
    );
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw toDomainError(
      issue('invalid_offset', 'offset must be 0 or more.', 'offset 应不小于 0。', {
        params: { field: 'offset' },
      }),
    );
  }
  return { limit, offset };
}

/**
 * The caller's orders, or the caller's queue (see `view`), as summaries with the deadline flag
 * (overdue, due_today, due_soon …) computed in China working days. Only orders the policy lets the
 * actor see are listed. Errors: validation_failed (bad paging or filters).
 */
export async function listOrders(deps: OrderDeps, input: ListOrdersInput): Promise<ListOrdersResult> {
  const { limit, offset } = readPage(input);
  if (
    input.statuses?.some((s) => !isOrderStatus(s)) ||
    input.types?.some((t) => !ORDER_TYPE_IDS.includes(t))
  ) {
    throw toDomainError(
      issue(
        'invalid_filter',
        'Unknown status or order type in the filter.',
        '筛选条件中有未知的状态或订单类型。',
        {
          params: { field: 'statuses' },
        },
      ),
    );
  }
  const scopes = listOrderScopes(input.actor);
  const view = input.view ?? 'all';
  const slices =
    view === 'queue'
      ? scopes.flatMap((scope) => queueSlices(input.actor, scope))
      : scopes.map((scope) => ({ scope }));
  const [rows, calendar] = await Promise.all([
    deps.persistence.read.orders.listOrders({
      slices,
      ...(input.statuses === undefined ? {} : { statuses: input.statuses }),
      ...(input.types === undefined ? {} : { types: input.types }),
      sort: view === 'queue' ? 'deadline' : 'updated',
      limit: limit + 1,
      offset,
    }),
    deps.calendar.getCalendar(),
  ]);
  const now = deps.clock.now();
  const page = rows.slice(0, limit);
  // One query for the page's open SMS challenges, so monitors need no read per order.
  const atSms = page.filter((order) => order.status === 'sms_verification').map((order) => order.id);
  const challenges = await deps.persistence.read.orders.listOpenSmsChallenges(atSms);
  const smsOf = new Map(challenges.map((sms) => [sms.orderId, sms]));
  return {
    orders: page.map((order) =>
      presentOrderSummary(order, classifyOrderDeadline(order, now, calendar), smsOf.get(order.id)),
    ),
    hasMore: rows.length > limit,
  };
}
