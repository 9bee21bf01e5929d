import type { LicenceEvent, LicenceReason, LicenceSummary } from './api.ts';

/**
 * Who moved an application: each event type has one kind of actor. In recorded mode the applicant
 * records what the real authority did, so the authority's steps are "recorded" there.
 */
export type Party = 'applicant' | 'authority' | 'recorded' | 'holder' | 'system';

const AUTHORITY_EVENTS: ReadonlySet<string> = new Set([
  'acceptance_check_started',
  'materials_requested',
  'accepted',
  'approved',
  'rejected',
]);
const APPLICANT_EVENTS: ReadonlySet<string> = new Set(['created', 'submitted', 'resubmitted', 'withdrawn']);
const HOLDER_EVENTS: ReadonlySet<string> = new Set([
  'annual_report_recorded',
  'renewal_applied_recorded',
  'change_recorded',
  'change_filed',
]);

export function findParty(
  event: Pick<LicenceEvent, 'type'>,
  authorityMode: LicenceSummary['authorityMode'],
): Party {
  if (AUTHORITY_EVENTS.has(event.type)) return authorityMode === 'recorded' ? 'recorded' : 'authority';
  if (APPLICANT_EVENTS.has(event.type)) return 'applicant';
  if (HOLDER_EVENTS.has(event.type)) return 'holder';
  return 'system';
}

function isReason(value: unknown): value is LicenceReason {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { reasonCode?: unknown }).reasonCode === 'string' &&
    typeof (value as { text?: unknown }).text === 'object'
  );
}

/** The reasons an event carries (a materials request, a rejection), or none. */
export function readEventReasons(event: Pick<LicenceEvent, 'details'>): LicenceReason[] {
  const reasons = event.details.reasons;
  return Array.isArray(reasons) ? reasons.filter(isReason) : [];
}
