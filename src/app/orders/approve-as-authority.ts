import type { Actor } from '../../domain/policy/order-access.ts';
import type { RecordedNumbers } from '../../domain/workflow/order-command.ts';
import type { FilingNumbers } from './issue-filing-numbers.ts';
import { readOrderView } from './load-order-details.ts';
import type { OrderDeps } from './order-deps.ts';
import type { OrderView } from './present-order.ts';
import { runOrderCommand } from './run-order-command.ts';

export interface ApproveAsAuthorityInput {
  actor: Actor;
  orderId: number;
  /**
   * Recorded mode only, for first filings and added services: the numbers the real authority issued
   * (entity number for a first filing, one service number per service in the content's order).
   */
  recordedNumbers?: RecordedNumbers;
}

export interface ApproveAsAuthorityResult {
  order: OrderView;
  /** The numbers issued (sandbox) or recorded by this approval; absent for types that issue none. */
  numbers?: FilingNumbers;
}

/**
 * The authority approves (sandbox reviewers; in recorded mode a provider reviewer entering the real
 * decision). In one transaction: numbers allocated (sandbox: province + year + next serial, and the
 * next service suffixes) or recorded (validated by the number codec and the province), the registry
 * updated for the order type, service codes burnt, everyone notified, the audit event appended.
 * Errors: not_found, conflict (invalid_transition, number_already_issued, registry_conflict),
 * validation_failed (recorded_numbers_required, invalid_recorded_number, recorded_service_count_mismatch …).
 */
export async function approveAsAuthority(
  deps: OrderDeps,
  input: ApproveAsAuthorityInput,
): Promise<ApproveAsAuthorityResult> {
  const result = await runOrderCommand(deps, {
    actor: input.actor,
    orderId: input.orderId,
    action: 'approve_by_authority',
    buildCommand: () => ({
      kind: 'approve_by_authority',
      ...(input.recordedNumbers === undefined ? {} : { recordedNumbers: input.recordedNumbers }),
    }),
  });
  return {
    order: await readOrderView(deps, input.actor, result.order),
    ...(result.numbers === undefined ? {} : { numbers: result.numbers }),
  };
}
