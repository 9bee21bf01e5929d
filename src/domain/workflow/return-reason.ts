import {
  defaultReturnReasons,
  fitsTemplate,
  type ReturnReasonCatalogue,
} from '../catalogue/return-reasons.ts';
import { type Issue, issue } from '../shared/issue.ts';
import { normalizeText } from '../shared/normalize.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { isFieldPath, MAX_FIELD_PATH_LENGTH } from './field-path.ts';

/**
 * Why a reviewer sends an order back: the field concerned (absent for a reason about the whole order,
 * e.g. a missed SMS check), a stable code clients can localise or group by, and the reviewer's own
 * words in at least one language. The applicant sees each reason on its field.
 */
export interface ReturnReason {
  fieldPath?: string;
  reasonCode: string;
  text: { en?: string; zh?: string };
  /**
   * The catalogue template the reason was picked from (GET /api/catalogue/return-reasons): its text
   * stands in when the reviewer writes none, and statistics group by it.
   */
  templateId?: string;
}

export const MAX_RETURN_REASONS = 50;
export const MAX_REASON_CODE_LENGTH = 64;
export const MAX_REASON_TEXT_LENGTH = 2000;

const REASON_CODE = /^[a-z][a-z0-9_]*$/u;

/** Reason codes the workflow writes itself; reviewers may use any code of the same form. */
export const SYSTEM_REASON_CODES = ['identity_verification_failed', 'sms_failed', 'sms_timeout'] as const;

function invalidReason(index: number, field: string, en: string, zh: string): Issue {
  return issue('invalid_return_reason', `Reason ${index + 1}: ${en}`, `第 ${index + 1} 条原因：${zh}`, {
    params: { index, field },
  });
}

function normalizeOptionalText(text: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  const normalized = normalizeText(text);
  return normalized === '' ? undefined : normalized;
}

function checkTemplate(
  reason: ReturnReason,
  index: number,
  templates: ReturnReasonCatalogue,
): Result<{ en: string; zh: string } | undefined, Issue> {
  if (reason.templateId === undefined) return ok(undefined);
  const template = typeof reason.templateId === 'string' ? templates.byId.get(reason.templateId) : undefined;
  if (!template) {
    return err(
      invalidReason(
        index,
        'templateId',
        `"${String(reason.templateId).slice(0, 80)}" is not a return-reason template (GET /api/catalogue/return-reasons).`,
        `“${String(reason.templateId).slice(0, 80)}”不是退回原因模板（见 GET /api/catalogue/return-reasons）。`,
      ),
    );
  }
  if (!fitsTemplate(template, reason.fieldPath)) {
    return err(
      invalidReason(
        index,
        'fieldPath',
        `the template ${template.id} is about ${template.fieldPaths.join(', ')}, not ${reason.fieldPath ?? ''}.`,
        `模板 ${template.id} 适用于 ${template.fieldPaths.join('、')}，而不是 ${reason.fieldPath ?? ''}。`,
      ),
    );
  }
  return ok(template.text);
}

function checkReason(
  reason: ReturnReason,
  index: number,
  templates: ReturnReasonCatalogue,
): Result<ReturnReason, Issue> {
  // Reasons arrive from the wire; a null in the list must become a field error, not a crash.
  if (typeof reason !== 'object' || reason === null) {
    return err(invalidReason(index, 'reason', 'not a reason object.', '不是有效的原因。'));
  }
  const template = checkTemplate(reason, index, templates);
  if (!template.ok) return template;
  if (reason.fieldPath !== undefined && !isFieldPath(reason.fieldPath)) {
    return err(
      invalidReason(
        index,
        'fieldPath',
        `"${reason.fieldPath.slice(0, 80)}" is not a field path (e.g. entity.leader.mobile or services[0].domain, at most ${MAX_FIELD_PATH_LENGTH} characters).`,
        `“${reason.fieldPath.slice(0, 80)}”不是有效的字段路径（例如 entity.leader.mobile 或 services[0].domain，最多 ${MAX_FIELD_PATH_LENGTH} 个字符）。`,
      ),
    );
  }
  if (
    typeof reason.reasonCode !== 'string' ||
    reason.reasonCode.length > MAX_REASON_CODE_LENGTH ||
    !REASON_CODE.test(reason.reasonCode)
  ) {
    return err(
      invalidReason(
        index,
        'reasonCode',
        `the reason code must be lower-case letters, digits and underscores, starting with a letter, at most ${MAX_REASON_CODE_LENGTH} characters.`,
        `原因代码只能包含小写字母、数字和下划线，以字母开头，最多 ${MAX_REASON_CODE_LENGTH} 个字符。`,
      ),
    );
  }
  const given = {
    en: normalizeOptionalText(reason.text?.en),
    zh: normalizeOptionalText(reason.text?.zh),
  };
  // The template's text stands in only when the reviewer wrote nothing of their own.
  const { en, zh } =
    given.en === undefined && given.zh === undefined && template.value ? template.value : given;
  if (en === undefined && zh === undefined) {
    return err(
      invalidReason(
        index,
        'text',
        'write the reason in English or Chinese (or both).',
        '请用中文或英文（或两者）填写原因。',
      ),
    );
  }
  if ((en?.length ?? 0) > MAX_REASON_TEXT_LENGTH || (zh?.length ?? 0) > MAX_REASON_TEXT_LENGTH) {
    return err(
      invalidReason(
        index,
        'text',
        `the text is longer than ${MAX_REASON_TEXT_LENGTH} characters.`,
        `原因文字超过 ${MAX_REASON_TEXT_LENGTH} 个字符。`,
      ),
    );
  }
  const text = { ...(en === undefined ? {} : { en }), ...(zh === undefined ? {} : { zh }) };
  const checked: ReturnReason =
    reason.fieldPath === undefined
      ? { reasonCode: reason.reasonCode, text }
      : { fieldPath: reason.fieldPath, reasonCode: reason.reasonCode, text };
  if (reason.templateId !== undefined) checked.templateId = reason.templateId;
  return ok(checked);
}

/**
 * Checks the reasons a reviewer gives for a return or rejection: at least one, each well formed, a
 * template id naming a template whose fields include the reason's field. Returns them normalised
 * (NFKC, collapsed white space, empty languages dropped, the template's text where none was written).
 */
export function validateReturnReasons(
  reasons: readonly ReturnReason[],
  templates: ReturnReasonCatalogue = defaultReturnReasons,
): Result<ReturnReason[], Issue> {
  if (!Array.isArray(reasons) || reasons.length === 0) {
    return err(
      issue(
        'return_reasons_required',
        'Give at least one reason, so the applicant knows what to fix.',
        '请至少填写一条原因，以便申请人知道需要修改什么。',
      ),
    );
  }
  if (reasons.length > MAX_RETURN_REASONS) {
    return err(
      issue(
        'too_many_return_reasons',
        `Give at most ${MAX_RETURN_REASONS} reasons.`,
        `原因最多 ${MAX_RETURN_REASONS} 条。`,
        { params: { max: MAX_RETURN_REASONS, count: reasons.length } },
      ),
    );
  }
  const normalized: ReturnReason[] = [];
  for (const [index, reason] of reasons.entries()) {
    const checked = checkReason(reason, index, templates);
    if (!checked.ok) return checked;
    normalized.push(checked.value);
  }
  return ok(normalized);
}
