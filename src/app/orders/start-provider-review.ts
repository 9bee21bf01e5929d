import type { Actor } from '../../domain/policy/order-access.ts';
import { readOrderView } from './load-order-details.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderView } from './present-order.ts';
import { runOrderCommand } from './run-order-command.ts';

export interface StartProviderReviewInput {
  actor: Actor;
  orderId: number;
}

/**
 * A provider reviewer takes a submitted order into review (初审). Errors: not_found, conflict
 * (invalid_transition).
 */
export async function startProviderReview(
  deps: OrderDeps,
  input: StartProviderReviewInput,
): Promise<{ order: OrderView }> {
  const result = await runOrderCommand(deps, {
    actor: input.actor,
    orderId: input.orderId,
    action: 'start_provider_review',
    buildCommand: () => ({ kind: 'start_provider_review' }),
  });
  return { order: await readOrderView(deps, input.actor, result.order) };
}
