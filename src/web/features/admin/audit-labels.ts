/**
 * The audit log's action and subject codes the viewer names in words (admin texts `audit.actions.*`,
 * `audit.subjects.*`). A code not listed (a newer server) shows as itself.
 */
export const AUDIT_ACTIONS = [
  'api_token.created',
  'api_token.revoked',
  'calendar.override_set',
  'calendar.override_deleted',
  'catalogue.edited',
  'catalogue.edit_reverted',
  'client_authorisation.recorded',
  'demo.started',
  'demo.step_completed',
  'document.uploaded',
  'document.read',
  'document.deleted',
  'fetch_allow_host.saved',
  'fetch_allow_host.removed',
  'instance.created',
  'licence.created',
  'licence.draft_saved',
  'licence.submitted',
  'licence.resubmitted',
  'licence.acceptance_check_started',
  'licence.materials_requested',
  'licence.accepted',
  'licence.approved',
  'licence.rejected',
  'licence.withdrawn',
  'licence.annual_report_recorded',
  'licence.renewal_applied_recorded',
  'licence.change_recorded',
  'licence.change_filed',
  'membership.added',
  'membership.removed',
  'membership.role_changed',
  'order.created',
  'order.draft_saved',
  'order.submitted',
  'order.resubmitted',
  'order.provider_review_started',
  'order.returned_by_provider',
  'order.approved_by_provider',
  'order.identity_verification_passed',
  'order.identity_verification_failed',
  'order.sent_to_authority',
  'order.sms_code_accepted',
  'order.sms_code_rejected',
  'order.sms_attempts_exhausted',
  'order.sms_expired',
  'order.approved_by_authority',
  'order.rejected_by_authority',
  'order.withdrawn',
  'order.verification_form_read',
  'organisation.created',
  'registry.imported',
  'service_code.issued',
  'user.created',
  'user.invited',
  'user.password_link_sent',
  'user.disabled',
  'user.enabled',
] as const;

export const AUDIT_SUBJECT_TYPES = [
  'api_token',
  'calendar_day',
  'catalogue_edit',
  'demo',
  'demo_step',
  'document',
  'entity',
  'fetch_allow_host',
  'instance',
  'licence_application',
  'order',
  'organisation',
  'registry',
  'user',
] as const;

type Translate = (key: string) => string;

const isListed = (list: readonly string[], code: string) => list.includes(code);

/** "catalogue.edited" → "Catalogue edited" (or 修改规则库): the action in words, or the code when unknown. */
export function describeAuditAction(action: string, t: Translate): string {
  return isListed(AUDIT_ACTIONS, action) ? t(`audit.actions.${action}`) : action;
}

/** "calendar_day" → "Calendar day": the kind of record in words, or the code when unknown. */
export function describeAuditSubjectType(subjectType: string, t: Translate): string {
  return isListed(AUDIT_SUBJECT_TYPES, subjectType) ? t(`audit.subjects.${subjectType}`) : subjectType;
}
