import { type Actor, canViewOrder } from '../../domain/policy/order-access.ts';
import { loadOrderDetails } from './load-order-details.ts';
import type { OrderDeps } from './order-deps.ts';
import { isRecordId, orderNotFound } from './order-errors.ts';
import { toAccessFacts } from './order-facts.ts';
import { type OrderView, presentOrder } from './present-order.ts';

export interface GetOrderInput {
  actor: Actor;
  /** The order id (a reference OB-2026-000123 maps to it with parseOrderReference). */
  orderId: number;
}

/**
 * One order as the actor may see it (presentOrder): personal data masked for viewers who neither own
 * nor review it, the actions open to the viewer, history, versions and the deadline flag.
 * Errors: not_found (missing, or not visible to the actor).
 */
export async function getOrder(deps: OrderDeps, input: GetOrderInput): Promise<OrderView> {
  if (!isRecordId(input.orderId)) throw orderNotFound();
  const stores = deps.persistence.read;
  const order = await stores.orders.findOrder(input.orderId);
  if (!order || !canViewOrder(input.actor, toAccessFacts(order))) throw orderNotFound();
  return presentOrder(await loadOrderDetails(deps, stores, order), input.actor);
}
