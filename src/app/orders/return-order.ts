import type { Actor } from '../../domain/policy/order-access.ts';
import type { ReturnReason } from '../../domain/workflow/return-reason.ts';
import { readOrderView } from './load-order-details.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderView } from './present-order.ts';
import { runOrderCommand } from './run-order-command.ts';

export interface ReturnOrderInput {
  actor: Actor;
  orderId: number;
  /** At least one: field path (optional), reason code, text in English and/or Chinese. */
  reasons: ReturnReason[];
}

/**
 * A provider reviewer returns the order to the applicant with structured reasons, each shown on its
 * field. Errors: not_found, conflict (invalid_transition), validation_failed (return_reasons_required,
 * invalid_return_reason …).
 */
export async function returnOrder(deps: OrderDeps, input: ReturnOrderInput): Promise<{ order: OrderView }> {
  const result = await runOrderCommand(deps, {
    actor: input.actor,
    orderId: input.orderId,
    action: 'return_by_provider',
    buildCommand: () => ({ kind: 'return_by_provider', reasons: input.reasons }),
  });
  return { order: await readOrderView(deps, input.actor, result.order) };
}
