/**
 * When a monitored site is checked again and whom the owner hears from (issue 5's scheduled
 * re-checks). Pure: the caller passes the time and the verdicts.
 */

export type SiteVerdict = 'compliant' | 'warnings' | 'non_compliant' | 'unreachable';

export const SITE_VERDICTS: readonly SiteVerdict[] = [
  'compliant',
  'warnings',
  'non_compliant',
  'unreachable',
];

/** Check intervals a site may have: every 6 hours to weekly, daily by default (each check costs a fetch, perhaps a browser). */
export const MIN_CHECK_INTERVAL_HOURS = 6;
export const MAX_CHECK_INTERVAL_HOURS = 168;
export const DEFAULT_CHECK_INTERVAL_HOURS = 24;
/** An unreachable site is tried again within the hour, so one outage is told apart from a dead site. */
export const UNREACHABLE_RETRY_HOURS = 1;

const HOUR_MS = 3_600_000;

/** The next check after one at `checkedAt`: the site's interval, or soon after a failed fetch. */
export function planNextCheck(checkedAt: Date, intervalHours: number, verdict: SiteVerdict): Date {
  const hours = verdict === 'unreachable' ? Math.min(intervalHours, UNREACHABLE_RETRY_HOURS) : intervalHours;
  return new Date(checkedAt.getTime() + hours * HOUR_MS);
}

export interface VerdictNotice {
  /** Tell the owner about `verdict` now. */
  notify: boolean;
  /** The verdict the owner last heard of, after this check (store it). */
  notifiedVerdict: SiteVerdict | null;
}

/**
 * The owner hears when the verdict they last heard of changes — not about a first check that finds
 * the site compliant (nothing to do), and about a site that cannot be fetched only on the second
 * failure in a row, so a passing outage or a deploy does not page anybody.
 */
export function decideVerdictNotice(input: {
  /** The verdict of the check before this one, if any. */
  previousVerdict: SiteVerdict | null;
  notifiedVerdict: SiteVerdict | null;
  verdict: SiteVerdict;
}): VerdictNotice {
  const { previousVerdict, notifiedVerdict, verdict } = input;
  if (verdict === 'unreachable') {
    const isConfirmed = previousVerdict === 'unreachable';
    return isConfirmed && notifiedVerdict !== 'unreachable'
      ? { notify: true, notifiedVerdict: 'unreachable' }
      : { notify: false, notifiedVerdict };
  }
  if (verdict === notifiedVerdict) return { notify: false, notifiedVerdict };
  if (notifiedVerdict === null && verdict === 'compliant') return { notify: false, notifiedVerdict: verdict };
  return { notify: true, notifiedVerdict: verdict };
}
