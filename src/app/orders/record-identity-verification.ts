import type { Actor } from '../../domain/policy/order-access.ts';
import type { ReturnReason } from '../../domain/workflow/return-reason.ts';
import { readOrderView } from './load-order-details.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderView } from './present-order.ts';
import { runOrderCommand } from './run-order-command.ts';

export interface RecordIdentityVerificationInput {
  actor: Actor;
  orderId: number;
  /** The provider's verdict on the service admin's photo (backdrop photo or liveness capture). */
  result: 'passed' | 'failed';
  /** For a failure; a standard reason is used when none is given. */
  reasons?: ReturnReason[];
}

/**
 * A provider reviewer records the identity verification: passed → ready for the authority; failed →
 * returned to the applicant. Errors: not_found, conflict (invalid_transition), validation_failed
 * (invalid_verification_result, invalid_return_reason).
 */
export async function recordIdentityVerification(
  deps: OrderDeps,
  input: RecordIdentityVerificationInput,
): Promise<{ order: OrderView }> {
  const result = await runOrderCommand(deps, {
    actor: input.actor,
    orderId: input.orderId,
    action: 'record_identity_verification',
    buildCommand: () => ({
      kind: 'record_identity_verification',
      result: input.result,
      ...(input.reasons === undefined ? {} : { reasons: input.reasons }),
    }),
  });
  return { order: await readOrderView(deps, input.actor, result.order) };
}
