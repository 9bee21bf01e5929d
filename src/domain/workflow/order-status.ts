import type { Localized } from '../shared/localized.ts';

/**
 * The states of a filing order (DESIGN.md §4). The Chinese labels follow the vocabularies providers
 * show (reference §3.6: 待接入商审核 → 待提交管局 → 待管局审核 → 管局审核通过 / 管局驳回).
 */
export const ORDER_STATUSES = [
  'draft',
  'submitted',
  'provider_review',
  'returned_by_provider',
  'identity_verification',
  'ready_for_authority',
  'sms_verification',
  'authority_review',
  'approved',
  'rejected_by_authority',
  'withdrawn',
] as const;

export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Readonly<Record<OrderStatus, Localized>> = {
  draft: { en: 'Draft', zh: '草稿' },
  submitted: { en: 'Submitted, awaiting provider review', zh: '已提交，待接入商审核' },
  provider_review: { en: 'In provider review', zh: '接入商初审中' },
  returned_by_provider: { en: 'Returned for changes', zh: '已退回修改' },
  identity_verification: { en: 'Identity verification', zh: '真实性核验中' },
  ready_for_authority: { en: 'Awaiting submission to the authority', zh: '待提交管局' },
  sms_verification: { en: 'Awaiting SMS verification', zh: '待短信核验' },
  authority_review: { en: 'In authority review', zh: '管局审核中' },
  approved: { en: 'Approved', zh: '管局审核通过' },
  rejected_by_authority: { en: 'Rejected by the authority', zh: '管局驳回' },
  withdrawn: { en: 'Withdrawn', zh: '已撤回' },
};

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value);
}

/** No command leaves these states. */
export function isTerminalStatus(status: OrderStatus): boolean {
  switch (status) {
    case 'approved':
    case 'withdrawn':
      return true;
    case 'draft':
    case 'submitted':
    case 'provider_review':
    case 'returned_by_provider':
    case 'identity_verification':
    case 'ready_for_authority':
    case 'sms_verification':
    case 'authority_review':
    case 'rejected_by_authority':
      return false;
  }
}

/**
 * Orders that still occupy their entity (one order in progress per entity, reference §3.3). A rejected
 * order counts: the applicant edits and resubmits it, or withdraws it to free the entity.
 */
export function isInProgress(status: OrderStatus): boolean {
  return !isTerminalStatus(status);
}

/** The applicant may change the order's data only while it is in their hands. */
export function canEdit(status: OrderStatus): boolean {
  switch (status) {
    case 'draft':
    case 'returned_by_provider':
    case 'rejected_by_authority':
      return true;
    case 'submitted':
    case 'provider_review':
    case 'identity_verification':
    case 'ready_for_authority':
    case 'sms_verification':
    case 'authority_review':
    case 'approved':
    case 'withdrawn':
      return false;
  }
}
