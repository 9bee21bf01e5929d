import type { AdminDeps, CalendarOverrideRecord } from './admin-stores.ts';

/** The stored overrides, all or one year's, by date. */
export function listCalendarOverrides(
  deps: Pick<AdminDeps, 'read'>,
  input: { year?: number | undefined },
): Promise<CalendarOverrideRecord[]> {
  return deps.read.calendarOverrides.listOverrides(input.year);
}
