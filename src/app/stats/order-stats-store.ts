import type { OrderScope } from '../../domain/policy/order-access.ts';
import type { JsonValue, OrderEventType } from '../../domain/workflow/order-outcome.ts';
import type { OrderStatus } from '../../domain/workflow/order-status.ts';

/**
 * What order statistics read, in SQL-sized pieces: an order is counted when it matches any of the
 * scopes (the same scopes, and the same SQL, as order lists). Instants are Dates; a range bound that
 * is absent is open.
 */

export interface InstantRange {
  from?: Date;
  to?: Date;
}

export interface StatusCount {
  status: OrderStatus;
  provinceCode: string;
  count: number;
}

export interface StatsEvent {
  orderId: number;
  provinceCode: string;
  type: OrderEventType;
  from: OrderStatus;
  to: OrderStatus;
  at: Date;
  details: Record<string, JsonValue>;
}

export interface OverdueCounts {
  /** Orders still with the provider (submitted … ready_for_authority) past their provider deadline. */
  providerReview: number;
  /** Orders in authority review past their authority deadline. */
  authorityReview: number;
}

export interface OrderStatsStore {
  /** Orders created within the range, by current status and province. */
  countByStatus(scopes: readonly OrderScope[], created: InstantRange): Promise<StatusCount[]>;
  /**
   * Every event up to `range.to` of the orders changed since `range.from`, ordered by order and time:
   * stages that end in the range need the events that started them, which may be older.
   */
  listEvents(scopes: readonly OrderScope[], range: InstantRange): Promise<StatsEvent[]>;
  countOverdue(scopes: readonly OrderScope[], now: Date): Promise<OverdueCounts>;
}
