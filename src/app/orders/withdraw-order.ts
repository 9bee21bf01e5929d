import type { Actor } from '../../domain/policy/order-access.ts';
import { readOrderView } from './load-order-details.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderView } from './present-order.ts';
import { runOrderCommand } from './run-order-command.ts';

export interface WithdrawOrderInput {
  actor: Actor;
  orderId: number;
}

/**
 * The applicant withdraws the order: allowed until the authority's review starts (and again after a
 * rejection), never during it (reference §3.1 step 10). Service codes are released, an open SMS check
 * is closed and the entity is free for a new order. Errors: not_found, conflict (invalid_transition).
 */
export async function withdrawOrder(
  deps: OrderDeps,
  input: WithdrawOrderInput,
): Promise<{ order: OrderView }> {
  const result = await runOrderCommand(deps, {
    actor: input.actor,
    orderId: input.orderId,
    action: 'withdraw',
    buildCommand: () => ({ kind: 'withdraw' }),
  });
  return { order: await readOrderView(deps, input.actor, result.order) };
}
