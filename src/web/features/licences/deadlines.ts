import type { LicenceSummary } from './api.ts';

/**
 * The clock an application runs on (reference §9, ref-9-licence): the acceptance check within 5 China
 * working days of submission, the decision within 60 calendar days of acceptance. The API gives both
 * as instants (the end of the last day, China time); "due today" and "overdue" follow from the
 * instant and today's China date alone, so the queue needs no calendar to flag them.
 */

export type DeadlineKind = 'acceptance' | 'review';
export type DeadlineFlag = 'overdue' | 'due_today' | 'on_track';

export interface ActiveDeadline {
  kind: DeadlineKind;
  due: string;
}

/** The China calendar day of an instant, YYYY-MM-DD. */
export function toChinaDay(instant: string | Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    typeof instant === 'string' ? new Date(instant) : instant,
  );
}

function toDayNumber(day: string): number {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / 86_400_000;
}

/** Calendar days from one China day to another (negative when `to` is earlier). */
export function countCalendarDays(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The deadline of the step the application is in, if the authority's clock runs. */
export function findActiveDeadline(
  application: Pick<LicenceSummary, 'status' | 'deadlines'>,
): ActiveDeadline | undefined {
  const { status, deadlines } = application;
  if ((status === 'submitted' || status === 'acceptance_check') && deadlines.acceptanceDue)
    return { kind: 'acceptance', due: deadlines.acceptanceDue };
  if (status === 'under_review' && deadlines.reviewDue) return { kind: 'review', due: deadlines.reviewDue };
  return undefined;
}

export function classifyDeadline(due: string, now: Date): DeadlineFlag {
  if (new Date(due).getTime() < now.getTime()) return 'overdue';
  return toChinaDay(due) === toChinaDay(now) ? 'due_today' : 'on_track';
}

/** How many applications of a queue are overdue and due today. */
export function countDeadlineFlags(
  applications: readonly Pick<LicenceSummary, 'status' | 'deadlines'>[],
  now: Date,
): Record<Exclude<DeadlineFlag, 'on_track'>, number> {
  const counts = { overdue: 0, due_today: 0 };
  for (const application of applications) {
    const active = findActiveDeadline(application);
    if (!active) continue;
    const flag = classifyDeadline(active.due, now);
    if (flag !== 'on_track') counts[flag] += 1;
  }
  return counts;
}
