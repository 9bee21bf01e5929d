/**
 * Return-reason codes that have no template: the ones the workflow gives by itself (a failed identity
 * check, an expired or failed SMS check) and the codes of a reviewer's own words. Each has a label
 * in the stats texts (`reasonCodes.<code>`).
 */
export const UNTEMPLATED_REASON_CODES = [
  'provider_note',
  'authority_note',
  'identity_verification_failed',
  'sms_timeout',
  'sms_failed',
  'site_name_mismatch',
  'licence_scan_unreadable',
] as const;
type UntemplatedReasonCode = (typeof UNTEMPLATED_REASON_CODES)[number];

type Translate = (key: string, options?: Record<string, unknown>) => string;

function isUntemplated(code: string): code is UntemplatedReasonCode {
  return (UNTEMPLATED_REASON_CODES as readonly string[]).includes(code);
}

/**
 * A reason code's name: the first clause of its template's text ("The website name does not follow the
 * naming rules"), the label of a known code without a template, or, for a code this client does not
 * know, "Other reason (code)" in the reader's language.
 */
export function describeReasonCode(code: string, templateText: string | undefined, t: Translate): string {
  if (templateText) return templateText.split(/[:：。]|\.(?=\s|$)/u)[0] || templateText;
  if (isUntemplated(code)) return t(`reasonCodes.${code}`);
  return t('returns.otherCode', { code });
}
