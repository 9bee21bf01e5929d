import type { Actor } from '../../domain/policy/order-access.ts';
import { readOrderView } from './load-order-details.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderView } from './present-order.ts';
import { runOrderCommand } from './run-order-command.ts';

export interface ApproveAsProviderInput {
  actor: Actor;
  orderId: number;
}

/**
 * A provider reviewer passes the first review; the order goes to identity verification.
 * Errors: not_found, conflict (invalid_transition).
 */
export async function approveAsProvider(
  deps: OrderDeps,
  input: ApproveAsProviderInput,
): Promise<{ order: OrderView }> {
  const result = await runOrderCommand(deps, {
    actor: input.actor,
    orderId: input.orderId,
    action: 'approve_by_provider',
    buildCommand: () => ({ kind: 'approve_by_provider' }),
  });
  return { order: await readOrderView(deps, input.actor, result.order) };
}
