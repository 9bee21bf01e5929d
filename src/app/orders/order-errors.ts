import type { FieldIssue } from '../../domain/order-content/field-issue.ts';
import type { AccessDecision } from '../../domain/policy/order-access.ts';
import type { Issue } from '../../domain/shared/issue.ts';
import { DomainError } from '../errors.ts';

/**
 * How order use cases fail. `details` always has the same shape so clients parse one thing:
 * `{ issues: Issue[] }` for a rule broken by the request as a whole, `{ fieldErrors, warnings }` for
 * content that does not pass validation (each issue with its field path).
 */

export function orderNotFound(): DomainError {
  return new DomainError('not_found', { en: 'Order not found.', zh: '未找到该订单。' });
}

/** Ids are positive integers; anything else names no order (and must not reach SQL as NaN). */
export function isRecordId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

export function orderActionForbidden(): DomainError {
  return new DomainError('forbidden', {
    en: 'You may not do this to this order.',
    zh: '您无权对该订单执行此操作。',
  });
}

/**
 * Stops unless the policy allowed the action. An order the actor may not see answers exactly as a
 * missing one (not_found); one the actor may see but not act on this way answers forbidden, which
 * tells them nothing they could not already see.
 */
export function assertAllowed(decision: AccessDecision): void {
  if (decision !== 'allowed') throw decision === 'forbidden' ? orderActionForbidden() : orderNotFound();
}

/** Issues about the current state (a command the status does not accept) rather than the input. */
const STATE_CONFLICTS: ReadonlySet<string> = new Set([
  'invalid_transition',
  'sms_not_expired',
  'order_not_editable',
  'entity_has_order_in_progress',
  'service_code_in_use',
  'number_already_issued',
  'registry_conflict',
  'serial_space_exhausted',
  'suffix_space_exhausted',
  'not_awaiting_authority_decision',
  'number_preview_recorded_mode',
]);

/** One domain issue as the use case's error: a state conflict, or a validation failure of the input. */
export function toDomainError(found: Issue): DomainError {
  const code = STATE_CONFLICTS.has(found.code) ? 'conflict' : 'validation_failed';
  return new DomainError(code, found.message, { issues: [found] });
}

/** Content that fails validation: every field error (and the warnings) in the details. */
export function contentInvalid(fieldErrors: readonly FieldIssue[], warnings: readonly FieldIssue[] = []) {
  return new DomainError(
    'validation_failed',
    {
      en: 'The order content has errors; see the fields.',
      zh: '订单内容有误，请查看各字段的提示。',
    },
    { fieldErrors, warnings },
  );
}
