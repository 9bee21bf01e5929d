import { isDomainError } from '../errors.ts';
import type { OrderDeps } from './order-deps.ts';
import { formatOrderReference } from './order-reference.ts';
import { runOrderCommand } from './run-order-command.ts';

export interface ExpiredSmsOrder {
  orderId: number;
  reference: string;
}

/**
 * Job: returns every order whose SMS code expired unused at `now` (reason sms_timeout), each in its
 * own transaction, and reports them. Run it every few minutes; an order someone moved meanwhile is
 * skipped.
 */
export async function expireSmsChallenges(
  deps: OrderDeps,
  now: Date,
  options: { limit?: number } = {},
): Promise<{ expired: ExpiredSmsOrder[] }> {
  const atNow: OrderDeps = { ...deps, clock: { now: () => now } };
  const ids = await deps.persistence.read.orders.listOrderIdsWithExpiredSms(now, options.limit ?? 500);
  const expired: ExpiredSmsOrder[] = [];
  for (const orderId of ids) {
    try {
      const result = await runOrderCommand(atNow, {
        actor: 'system',
        orderId,
        action: 'expire_sms',
        buildCommand: () => ({ kind: 'expire_sms' }),
      });
      expired.push({ orderId, reference: formatOrderReference(orderId, result.order.createdAt) });
    } catch (error) {
      // The code was entered (or the order withdrawn) between the listing and the transaction.
      if (!isDomainError(error)) throw error;
    }
  }
  return { expired };
}
