import type { Actor } from '../../domain/policy/order-access.ts';
import type { ReturnReason } from '../../domain/workflow/return-reason.ts';
import { readOrderView } from './load-order-details.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderView } from './present-order.ts';
import { runOrderCommand } from './run-order-command.ts';

export interface RejectAsAuthorityInput {
  actor: Actor;
  orderId: number;
  /** At least one structured reason; the applicant sees each on its field. */
  reasons: ReturnReason[];
}

/**
 * The authority rejects the order; it goes back to the applicant, who edits and resubmits it (or
 * withdraws it). Errors: not_found, conflict (invalid_transition), validation_failed (reasons).
 */
export async function rejectAsAuthority(
  deps: OrderDeps,
  input: RejectAsAuthorityInput,
): Promise<{ order: OrderView }> {
  const result = await runOrderCommand(deps, {
    actor: input.actor,
    orderId: input.orderId,
    action: 'reject_by_authority',
    buildCommand: () => ({ kind: 'reject_by_authority', reasons: input.reasons }),
  });
  return { order: await readOrderView(deps, input.actor, result.order) };
}
