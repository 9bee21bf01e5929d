import type { Actor } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import { normalizeCompact } from '../../domain/shared/normalize.ts';
import { readOrderView } from './load-order-details.ts';
import type { OrderDeps } from './order-deps.ts';
import { toDomainError } from './order-errors.ts';
import type { OrderView } from './present-order.ts';
import { runOrderCommand } from './run-order-command.ts';
import { isSmsCodeFormat, matchesSmsCode } from './sms-code.ts';

export interface SubmitSmsCodeInput {
  actor: Actor;
  orderId: number;
  /** The 6-digit code as received. */
  code: string;
}

export interface SubmitSmsCodeResult {
  /** True when the code matched: the order is now in authority review. */
  accepted: boolean;
  /** Tries left on this code; 0 once the order was returned (5 wrong codes, or expiry). */
  attemptsLeft: number;
  order: OrderView;
}

/**
 * The applicant (or the client) enters the sandbox SMS code. A wrong code is counted and answered, not
 * thrown: the count must commit. The 5th wrong code, or any code after the 24 hours, returns the order
 * (reasons sms_failed / sms_timeout). A code that is not six digits is refused without counting.
 * Errors: not_found, conflict (invalid_transition), validation_failed (invalid_sms_code).
 */
export async function submitSmsCode(
  deps: OrderDeps,
  input: SubmitSmsCodeInput,
): Promise<SubmitSmsCodeResult> {
  const code = normalizeCompact(typeof input.code === 'string' ? input.code : '');
  if (!isSmsCodeFormat(code)) {
    throw toDomainError(
      issue('invalid_sms_code', 'Enter the 6-digit code from the SMS.', '请填写短信中的 6 位验证码。', {
        source: 'ref-3-sms',
        params: { field: 'code' },
      }),
    );
  }
  const result = await runOrderCommand(deps, {
    actor: input.actor,
    orderId: input.orderId,
    action: 'submit_sms_code',
    buildCommand: ({ sms }) => ({
      kind: 'submit_sms_code',
      matches: sms !== undefined && matchesSmsCode(deps.fieldCipher, sms, code),
    }),
  });
  const remaining = result.event.details.remaining;
  return {
    accepted: result.event.type === 'sms_code_accepted',
    attemptsLeft: result.event.type === 'sms_code_rejected' && typeof remaining === 'number' ? remaining : 0,
    order: await readOrderView(deps, input.actor, result.order),
  };
}
