import { addCalendarDays, getStartOfChinaDay } from '../calendar/china-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { assertNever } from '../shared/assert-never.ts';
import type { DeadlineKind, OrderSnapshot } from './order-snapshot.ts';

/** How a queue shows an order's deadline. Days are China calendar days. */
export type DeadlineFlag = 'overdue' | 'due_today' | 'due_soon' | 'on_track' | 'none';

/**
 * 'overdue' once `due` has passed; 'due_today' when it falls on today's China date; 'due_soon' when at
 * most one working day lies between today and the due day (tomorrow's deadline, or Monday's seen on a
 * Friday); otherwise 'on_track'. No deadline: 'none'.
 */
export function classifyDeadline(
  due: Date | undefined,
  now: Date,
  calendar: WorkingDayCalendar,
): DeadlineFlag {
  if (due === undefined) return 'none';
  if (now.getTime() > due.getTime()) return 'overdue';
  const today = calendar.toChinaDate(now);
  const dueDay = calendar.toChinaDate(due);
  if (dueDay === today) return 'due_today';
  return calendar.workingDaysBetween(today, dueDay) <= 1 ? 'due_soon' : 'on_track';
}

export interface ActiveDeadline {
  kind: DeadlineKind;
  due: Date;
}

/** The deadline of the step the order is in (the workflow keeps only that one), if it has any. */
export function findActiveDeadline(order: Pick<OrderSnapshot, 'deadlines'>): ActiveDeadline | undefined {
  const { providerReviewDue, smsExpiresAt, authorityReviewDue } = order.deadlines;
  if (authorityReviewDue) return { kind: 'authorityReviewDue', due: authorityReviewDue };
  if (smsExpiresAt) return { kind: 'smsExpiresAt', due: smsExpiresAt };
  if (providerReviewDue) return { kind: 'providerReviewDue', due: providerReviewDue };
  return undefined;
}

/** The queue flag of an order: its active deadline classified at `now`. */
export function classifyOrderDeadline(
  order: Pick<OrderSnapshot, 'deadlines'>,
  now: Date,
  calendar: WorkingDayCalendar,
): DeadlineFlag {
  return classifyDeadline(findActiveDeadline(order)?.due, now, calendar);
}

/**
 * The active deadlines that carry `flag` at `now`, as a half-open range of instants [from, before), so
 * a database can select by flag: exactly the `due` for which `classifyDeadline(due, now, calendar)`
 * answers `flag`. 'none' has no range (the order has no deadline); undefined bounds are open.
 */
export function findDeadlineFlagRange(
  flag: Exclude<DeadlineFlag, 'none'>,
  now: Date,
  calendar: WorkingDayCalendar,
): { from?: Date; before?: Date } {
  const today = calendar.toChinaDate(now);
  const tomorrow = getStartOfChinaDay(addCalendarDays(today, 1));
  // Every day before the second working day after today has at most one working day in between.
  const onTrack = getStartOfChinaDay(calendar.addWorkingDays(today, 2));
  switch (flag) {
    case 'overdue':
      return { before: now };
    case 'due_today':
      return { from: now, before: tomorrow };
    case 'due_soon':
      return { from: tomorrow, before: onTrack };
    case 'on_track':
      return { from: onTrack };
    default:
      return assertNever(flag);
  }
}
