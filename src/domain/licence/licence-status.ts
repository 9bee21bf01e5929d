import { assertNever } from '../shared/assert-never.ts';
import type { Localized } from '../shared/localized.ts';

/**
 * The states of an ICP or EDI licence application, filed directly with the authority (reference §9
 * "Process and duration", ref-9-licence): submitted, checked for completeness within 5 working days,
 * returned for supplements or accepted, decided within 60 days of acceptance.
 *
 * draft → submitted → acceptance_check ─┬→ materials_requested → (applicant resubmits) → submitted
 *                                       ├→ under_review ─┬→ approved (licence issued)
 *                                       │                └→ rejected
 *                                       └→ rejected (not accepted)
 * withdrawn: by the applicant at any time before a decision.
 */
export const LICENCE_APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'acceptance_check',
  'materials_requested',
  'under_review',
  'approved',
  'rejected',
  'withdrawn',
] as const;

export type LicenceApplicationStatus = (typeof LICENCE_APPLICATION_STATUSES)[number];

export const LICENCE_APPLICATION_STATUS_LABELS: Readonly<Record<LicenceApplicationStatus, Localized>> = {
  draft: { en: 'Draft', zh: '草稿' },
  submitted: { en: 'Submitted, awaiting the acceptance check', zh: '已提交，待受理审查' },
  acceptance_check: { en: 'Acceptance check', zh: '受理审查中' },
  materials_requested: { en: 'Materials requested', zh: '待补正材料' },
  under_review: { en: 'Accepted, under review', zh: '已受理，审查中' },
  approved: { en: 'Approved, licence issued', zh: '已批准，许可证已颁发' },
  rejected: { en: 'Rejected', zh: '申请被驳回' },
  withdrawn: { en: 'Withdrawn', zh: '已撤回' },
};

export function isLicenceApplicationStatus(value: unknown): value is LicenceApplicationStatus {
  return typeof value === 'string' && (LICENCE_APPLICATION_STATUSES as readonly string[]).includes(value);
}

/**
 * No command leaves these states. A rejection is final for the application: applying again is a new
 * application (and after false materials, not within a year, ref-9-licence).
 */
export function isTerminalLicenceStatus(status: LicenceApplicationStatus): boolean {
  switch (status) {
    case 'approved':
    case 'rejected':
    case 'withdrawn':
      return true;
    case 'draft':
    case 'submitted':
    case 'acceptance_check':
    case 'materials_requested':
    case 'under_review':
      return false;
    default:
      return assertNever(status);
  }
}

/** The applicant may change the materials only while the application is in their hands. */
export function canEditLicenceApplication(status: LicenceApplicationStatus): boolean {
  switch (status) {
    case 'draft':
    case 'materials_requested':
      return true;
    case 'submitted':
    case 'acceptance_check':
    case 'under_review':
    case 'approved':
    case 'rejected':
    case 'withdrawn':
      return false;
    default:
      return assertNever(status);
  }
}

/** The authority holds the application: its clock is running. */
export function isWithAuthority(status: LicenceApplicationStatus): boolean {
  switch (status) {
    case 'submitted':
    case 'acceptance_check':
    case 'under_review':
      return true;
    case 'draft':
    case 'materials_requested':
    case 'approved':
    case 'rejected':
    case 'withdrawn':
      return false;
    default:
      return assertNever(status);
  }
}
