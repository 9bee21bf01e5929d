import { z } from 'zod';
import { normalizeText } from '../shared/normalize.ts';
import {
  getDayOfWeek,
  getEndOfChinaDay,
  isIsoDate,
  MAX_DAY_NUMBER,
  MIN_DAY_NUMBER,
  toChinaDate,
  toDayNumber,
  toIsoDate,
} from './china-date.ts';
import { type CalendarEntry, seedCalendarEntries, seedCalendarSource } from './holiday-data.ts';

// The CLI and the engines import the date helpers together with the calendar.
export { parseIsoDate, toChinaDate } from './china-date.ts';
export type { CalendarEntry } from './holiday-data.ts';

/**
 * China working days: Monday–Friday, minus public holidays, plus make-up working days (调休上班), as the
 * State Council announces them each year (seed data: chinese-days, 2004–2026). Filing deadlines are
 * counted in these days: the authority decides within 20 working days (order-33).
 *
 * Dates are ISO strings 'YYYY-MM-DD' meaning a day in China time. The methods are for code, not for user
 * input: they throw a RangeError on a malformed or unreal date or a non-integer count. Validate user input
 * with `parseIsoDate` first.
 */

export const calendarEntrySchema = z.object({
  date: z.string().refine(isIsoDate, { message: "Expected a real calendar date 'YYYY-MM-DD'" }),
  kind: z.enum(['holiday', 'workday']),
  name: z.string().overwrite(normalizeText).pipe(z.string().min(1).max(200)).optional(),
});

/**
 * A correction or extension of the seed data, stored by admins (in the database in later issues).
 * 'replace' drops the seed entries of the year and uses `entries` instead; 'add' sets individual dates on
 * top of what is there. Every entry must lie in `year`, and a date may appear once per override.
 */
export const calendarOverrideSchema = z
  .object({
    year: z.number().int().min(0).max(9999),
    mode: z.enum(['replace', 'add']),
    entries: z.array(calendarEntrySchema),
    /** Where the data comes from, e.g. the State Council notice (国务院办公厅关于…部分节假日安排的通知). */
    source: z.string().overwrite(normalizeText).pipe(z.string().min(1).max(500)).optional(),
  })
  .superRefine((override, context) => {
    const seen = new Set<string>();
    override.entries.forEach((entry, index) => {
      if (Number(entry.date.slice(0, 4)) !== override.year) {
        context.addIssue({
          code: 'custom',
          path: ['entries', index, 'date'],
          message: `${entry.date} is not in ${override.year}`,
        });
      }
      if (seen.has(entry.date)) {
        context.addIssue({
          code: 'custom',
          path: ['entries', index, 'date'],
          message: `${entry.date} appears more than once`,
        });
      }
      seen.add(entry.date);
    });
  });

export interface CalendarOverride {
  year: number;
  mode: 'replace' | 'add';
  entries: CalendarEntry[];
  source?: string;
}

export interface WorkingDayCalendarOptions {
  /** Applied in order on top of the seed data; a later override wins for the same date. */
  overrides?: CalendarOverride[];
}

/**
 * Why a day is or is not a working day. A 'workday' entry on Monday–Friday (e.g. an override undoing a
 * holiday) reports 'weekday'; 'makeup_workday' is a Saturday or Sunday that is worked.
 */
export type DayReason = 'weekday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayDescription {
  date: string;
  isWorkingDay: boolean;
  reason: DayReason;
  /** The holiday the day belongs to, when the data names it. */
  name?: string;
  /** Where the entry deciding this day comes from: 'chinese-days' or the override's source. */
  source?: string;
}

export interface WorkingDayCalendar {
  isWorkingDay(date: string): boolean;
  describeDay(date: string): DayDescription;
  /**
   * n > 0: the n-th working day after `date` (not counting `date`); n < 0: the |n|-th working day before
   * it; n = 0: `date` itself when it is a working day, else the next working day.
   */
  addWorkingDays(date: string, n: number): string;
  /**
   * The number of working days d with a < d ≤ b. When b is before a the answer is negative:
   * workingDaysBetween(a, b) === -workingDaysBetween(b, a).
   */
  workingDaysBetween(a: string, b: string): number;
  /** The first working day strictly after `date` (same as addWorkingDays(date, 1)). */
  nextWorkingDay(date: string): string;
  /**
   * True when the year has seed data or an override. Without either, the year is counted as a plain
   * Monday–Friday week and callers should warn that holidays are missing.
   */
  hasDataFor(year: number): boolean;
  /** The year's holidays and make-up working days after overrides, sorted by date. */
  listEntries(year: number): CalendarEntry[];
  /**
   * The end (23:59:59.999 +08:00) of the day addWorkingDays(toChinaDate(start), n), n ≥ 0: the deadline
   * of a step that must finish within n working days, e.g. the authority's 20 (order-33).
   */
  deadlineInWorkingDays(start: Date, n: number): Date;
  /** `start` plus calendar hours (holidays do not stop the clock), e.g. the 24 h SMS check (ref-3-sms). */
  deadlineInHours(start: Date, hours: number): Date;
  toChinaDate(instant: Date): string;
}

interface DayEntry extends CalendarEntry {
  source?: string;
}

const MS_PER_HOUR = 3_600_000;

function parseOverrides(overrides: CalendarOverride[]): CalendarOverride[] {
  const parsed = z.array(calendarOverrideSchema).safeParse(overrides);
  if (!parsed.success) {
    throw new RangeError(`Invalid calendar overrides:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

function groupByYear(overrides: CalendarOverride[]): Map<number, Map<number, DayEntry>> {
  const years = new Map<number, Map<number, DayEntry>>();
  const yearOf = (year: number): Map<number, DayEntry> => {
    const found = years.get(year) ?? new Map<number, DayEntry>();
    years.set(year, found);
    return found;
  };
  for (const entry of seedCalendarEntries) {
    yearOf(Number(entry.date.slice(0, 4))).set(toDayNumber(entry.date), {
      ...entry,
      source: seedCalendarSource,
    });
  }
  for (const override of overrides) {
    if (override.mode === 'replace') {
      years.set(override.year, new Map());
    }
    const days = yearOf(override.year);
    for (const entry of override.entries) {
      days.set(
        toDayNumber(entry.date),
        override.source === undefined ? { ...entry } : { ...entry, source: override.source },
      );
    }
  }
  return years;
}

function assertCount(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`${name} must be an integer, got ${n}`);
  }
}

function assertInstant(instant: Date): void {
  if (Number.isNaN(instant.getTime())) {
    throw new RangeError('Expected a valid Date instant');
  }
}

function stepDay(dayNumber: number, direction: 1 | -1): number {
  const next = dayNumber + direction;
  if (next < MIN_DAY_NUMBER || next > MAX_DAY_NUMBER) {
    throw new RangeError('Working-day count runs outside the years 0000–9999');
  }
  return next;
}

export function createWorkingDayCalendar(options: WorkingDayCalendarOptions = {}): WorkingDayCalendar {
  const years = groupByYear(parseOverrides(options.overrides ?? []));
  const days = new Map<number, DayEntry>();
  for (const yearDays of years.values()) {
    for (const [dayNumber, entry] of yearDays) {
      days.set(dayNumber, entry);
    }
  }

  const isWeekend = (dayNumber: number): boolean => {
    const dayOfWeek = getDayOfWeek(dayNumber);
    return dayOfWeek === 0 || dayOfWeek === 6;
  };

  const isWorkingDayNumber = (dayNumber: number): boolean => {
    const entry = days.get(dayNumber);
    return entry ? entry.kind === 'workday' : !isWeekend(dayNumber);
  };

  const countWorkingDays = (after: number, upTo: number): number => {
    let count = 0;
    for (let dayNumber = after + 1; dayNumber <= upTo; dayNumber += 1) {
      if (isWorkingDayNumber(dayNumber)) {
        count += 1;
      }
    }
    return count;
  };

  const addWorkingDays = (date: string, n: number): string => {
    assertCount(n, 'n');
    let dayNumber = toDayNumber(date);
    if (n === 0) {
      while (!isWorkingDayNumber(dayNumber)) {
        dayNumber = stepDay(dayNumber, 1);
      }
      return toIsoDate(dayNumber);
    }
    const direction = n > 0 ? 1 : -1;
    let remaining = Math.abs(n);
    while (remaining > 0) {
      dayNumber = stepDay(dayNumber, direction);
      if (isWorkingDayNumber(dayNumber)) {
        remaining -= 1;
      }
    }
    return toIsoDate(dayNumber);
  };

  return {
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),

    describeDay: (date) => {
      const dayNumber = toDayNumber(date);
      const entry = days.get(dayNumber);
      const weekend = isWeekend(dayNumber);
      if (!entry) {
        return { date, isWorkingDay: !weekend, reason: weekend ? 'weekend' : 'weekday' };
      }
      const isWorkingDay = entry.kind === 'workday';
      const reason: DayReason = !isWorkingDay ? 'holiday' : weekend ? 'makeup_workday' : 'weekday';
      return {
        date,
        isWorkingDay,
        reason,
        ...(entry.name === undefined ? {} : { name: entry.name }),
        ...(entry.source === undefined ? {} : { source: entry.source }),
      };
    },

    addWorkingDays,

    workingDaysBetween: (a, b) => {
      const from = toDayNumber(a);
      const to = toDayNumber(b);
      // 0 - count keeps a positive zero when b is before a but no working day lies between.
      return to >= from ? countWorkingDays(from, to) : 0 - countWorkingDays(to, from);
    },

    nextWorkingDay: (date) => addWorkingDays(date, 1),

    hasDataFor: (year) => years.has(year),

    listEntries: (year) =>
      [...(years.get(year)?.entries() ?? [])]
        .sort(([a], [b]) => a - b)
        .map(([, { date, kind, name }]) => (name === undefined ? { date, kind } : { date, kind, name })),

    deadlineInWorkingDays: (start, n) => {
      assertInstant(start);
      assertCount(n, 'n');
      if (n < 0) {
        throw new RangeError(`A deadline needs n ≥ 0 working days, got ${n}`);
      }
      return getEndOfChinaDay(addWorkingDays(toChinaDate(start), n));
    },

    deadlineInHours: (start, hours) => {
      assertInstant(start);
      if (!Number.isFinite(hours) || hours < 0) {
        throw new RangeError(`hours must be a finite number ≥ 0, got ${hours}`);
      }
      return new Date(start.getTime() + hours * MS_PER_HOUR);
    },

    toChinaDate,
  };
}
