import { seedCalendarEntries } from '../../domain/calendar/holiday-data.ts';
import type { CalendarProvider } from '../ports.ts';
import type { CalendarOverrideStore } from './admin-stores.ts';

export interface CalendarYear {
  year: number;
  /** The shipped data (chinese-days) covers the year. */
  hasSeedData: boolean;
  /** Days of the year admins set or corrected. */
  overrides: number;
  /** Holidays and make-up working days in force (after overrides). */
  holidays: number;
  makeupWorkdays: number;
}

const seedYears: ReadonlySet<number> = new Set(
  seedCalendarEntries.map((entry) => Number(entry.date.slice(0, 4))),
);

/**
 * The years that have holiday data, from the seed or from admins' overrides. A year with overrides and
 * no seed data counts as having data (the calendar's hasDataFor): the State Council announces a year's
 * schedule in one notice, which admins enter whole; `hasSeedData: false` lets a UI say where it is from.
 */
export async function listCalendarYears(deps: {
  calendar: CalendarProvider;
  overrides?: Pick<CalendarOverrideStore, 'listOverrides'> | undefined;
}): Promise<CalendarYear[]> {
  const calendar = await deps.calendar.getCalendar();
  const overrideCounts = new Map<number, number>();
  for (const override of (await deps.overrides?.listOverrides()) ?? []) {
    const year = Number(override.date.slice(0, 4));
    overrideCounts.set(year, (overrideCounts.get(year) ?? 0) + 1);
  }
  const years = [...new Set([...seedYears, ...overrideCounts.keys()])].sort((a, b) => a - b);
  return years.map((year) => {
    const entries = calendar.listEntries(year);
    return {
      year,
      hasSeedData: seedYears.has(year),
      overrides: overrideCounts.get(year) ?? 0,
      holidays: entries.filter((entry) => entry.kind === 'holiday').length,
      makeupWorkdays: entries.filter((entry) => entry.kind === 'workday').length,
    };
  });
}
