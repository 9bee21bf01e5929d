import type { AccessDecision } from '../../domain/policy/order-access.ts';
import { type Issue, issue } from '../../domain/shared/issue.ts';
import { DomainError } from '../errors.ts';

/**
 * How licence use cases fail, in the orders' shape (order-errors.ts): `details.issues` lists the rules
 * the request broke, each naming its request field in `params.field`.
 */

export function licenceNotFound(): DomainError {
  return new DomainError('not_found', {
    en: 'Licence application not found.',
    zh: '未找到该许可证申请。',
  });
}

export function licenceActionForbidden(): DomainError {
  return new DomainError('forbidden', {
    en: 'You may not do this to this licence application.',
    zh: '您无权对该许可证申请执行此操作。',
  });
}

/** An application the actor may not see answers as a missing one; a visible one refuses with forbidden. */
export function assertLicenceAllowed(decision: AccessDecision): void {
  if (decision !== 'allowed') throw decision === 'forbidden' ? licenceActionForbidden() : licenceNotFound();
}

/** Issues about the current state rather than the input. */
const STATE_CONFLICTS: ReadonlySet<string> = new Set([
  'invalid_transition',
  'licence_not_editable',
  'licence_not_issued',
  'licence_number_taken',
  'serial_space_exhausted',
  'annual_report_already_recorded',
  'renewal_already_recorded',
  'change_already_filed',
  'licence_change_not_recorded',
]);

/** One or more domain issues as the use case's error: a state conflict, or a validation failure. */
export function toLicenceError(found: Issue | readonly Issue[]): DomainError {
  const issues = Array.isArray(found) ? [...found] : [found as Issue];
  const first = issues[0];
  if (!first) throw new Error('toLicenceError needs at least one issue');
  const code = issues.some((i) => STATE_CONFLICTS.has(i.code)) ? 'conflict' : 'validation_failed';
  const message =
    issues.length === 1
      ? first.message
      : {
          en: `${first.message.en} (and ${issues.length - 1} more)`,
          zh: `${first.message.zh}（另有 ${issues.length - 1} 项）`,
        };
  return new DomainError(code, message, { issues });
}

export function invalidInput(code: string, en: string, zh: string, field: string): DomainError {
  return toLicenceError(issue(code, en, zh, { params: { field } }));
}
