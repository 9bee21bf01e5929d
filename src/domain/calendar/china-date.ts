import { type Issue, issue } from '../shared/issue.ts';
import { normalizeCompact } from '../shared/normalize.ts';
import { err, ok, type Result } from '../shared/result.ts';

/**
 * Calendar dates are ISO strings 'YYYY-MM-DD' meaning a day in China time. All arithmetic goes through
 * "day numbers" (days since 1970-01-01) computed with the Date object's UTC methods only, so results never
 * depend on the time zone of the machine running the code.
 */

const MS_PER_DAY = 86_400_000;

/** China Standard Time is UTC+8 all year: mainland China has observed no daylight saving since 1991. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
/** Separators users type for dates: 2026-10-01, 2026/10/01, 2026.10.01 (same separator twice). */
const LOOSE_DATE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/u;
/** Chinese notation: 2026年10月1日. */
const CHINESE_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/u;

/** Four-digit years only: the ISO string form cannot express the rest. */
export const MIN_DAY_NUMBER = computeDayNumber(0, 1, 1);
export const MAX_DAY_NUMBER = computeDayNumber(9999, 12, 31);

function computeDayNumber(year: number, month: number, day: number): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / MS_PER_DAY;
}

function formatIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO date of a day number; throws a RangeError outside years 0000–9999. */
export function toIsoDate(dayNumber: number): string {
  if (!Number.isInteger(dayNumber) || dayNumber < MIN_DAY_NUMBER || dayNumber > MAX_DAY_NUMBER) {
    throw new RangeError(`Day number ${dayNumber} is outside the years 0000–9999`);
  }
  const date = new Date(dayNumber * MS_PER_DAY);
  return formatIsoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Day number of y-m-d, or undefined when that day does not exist (2026-02-30). */
function findDayNumber(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return undefined;
  }
  const dayNumber = computeDayNumber(year, month, day);
  // setUTCFullYear rolls 02-30 over to 03-02; a real date formats back to itself.
  return toIsoDate(dayNumber) === formatIsoDate(year, month, day) ? dayNumber : undefined;
}

/** True for a strict 'YYYY-MM-DD' string naming a day that exists. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && findDayNumber(Number(match[1]), Number(match[2]), Number(match[3])) !== undefined;
}

/** Day number (days since 1970-01-01) of an ISO date; throws a RangeError on a malformed or unreal date. */
export function toDayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  const dayNumber = match ? findDayNumber(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
  if (dayNumber === undefined) {
    throw new RangeError(`Expected a real calendar date 'YYYY-MM-DD', got ${JSON.stringify(date)}`);
  }
  return dayNumber;
}

/**
 * The day number of a date the code itself holds (a stored or computed 'YYYY-MM-DD'); a malformed one
 * is a caller bug and throws a RangeError naming `name`.
 */
export function toDayNumberOrThrow(date: string, name: string): number {
  if (typeof date !== 'string' || !isIsoDate(date)) {
    throw new RangeError(`${name} must be a real date 'YYYY-MM-DD', got ${JSON.stringify(date)}`);
  }
  return toDayNumber(date);
}

/** The date `days` calendar days after (before, when negative) `date`. */
export function addCalendarDays(date: string, days: number): string {
  return toIsoDate(toDayNumber(date) + days);
}

/** Parses 'YYYYMMDD' (as printed in identity numbers) to an ISO date, or undefined when the day does not exist. */
export function parseCompactDate(digits: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  if (!match) return undefined;
  const iso = `${match[1]}-${match[2]}-${match[3]}`;
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * Completed years between two ISO dates. Someone born on 29 February completes a year on 1 March in
 * common years, the usual reading for legal ages.
 */
export function computeAge(birthDate: string, at: string): number {
  const years = Number(at.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return at.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

/** 0 = Sunday … 6 = Saturday (1970-01-01, day number 0, was a Thursday). */
export function getDayOfWeek(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/**
 * Parses a date typed by a user: NFKC first (full-width digits), then 'YYYY-MM-DD', 'YYYY/M/D',
 * 'YYYY.M.D' or 'YYYY年M月D日'. Returns the canonical ISO date, or an 'invalid_date' issue.
 */
export function parseIsoDate(input: string): Result<string, Issue> {
  const text = normalizeCompact(input);
  const match = LOOSE_DATE.exec(text);
  const parts = match ? [match[1], match[3], match[4]] : CHINESE_DATE.exec(text)?.slice(1, 4);
  if (!parts) {
    return err(
      issue(
        'invalid_date',
        'Not a date: use the form YYYY-MM-DD, e.g. 2026-10-08.',
        '不是有效日期：请按 YYYY-MM-DD 格式填写，例如 2026-10-08。',
        { params: { input: text } },
      ),
    );
  }
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const dayNumber = findDayNumber(year, month, day);
  if (dayNumber === undefined) {
    return err(
      issue(
        'invalid_date',
        'No such day in the calendar: check the month and the day.',
        '日历上没有这一天：请检查月份和日期。',
        { params: { input: text } },
      ),
    );
  }
  return ok(toIsoDate(dayNumber));
}

/** The calendar date in China (UTC+8) at an instant; throws a RangeError for an invalid Date. */
export function toChinaDate(instant: Date): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) {
    throw new RangeError('Expected a valid Date instant');
  }
  return toIsoDate(Math.floor((time + CHINA_OFFSET_MS) / MS_PER_DAY));
}

/** The first instant of a China calendar day: 00:00:00.000 +08:00. */
export function getStartOfChinaDay(date: string): Date {
  return new Date(toDayNumber(date) * MS_PER_DAY - CHINA_OFFSET_MS);
}

/** The last millisecond of a China calendar day: 23:59:59.999 +08:00. */
export function getEndOfChinaDay(date: string): Date {
  return new Date((toDayNumber(date) + 1) * MS_PER_DAY - CHINA_OFFSET_MS - 1);
}
