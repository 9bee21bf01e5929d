/**
 * Calendar arithmetic on plain `YYYY-MM-DD` strings. Validators take "today" as a parameter (the
 * domain reads no clock), so dates stay strings and are compared lexicographically.
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real Gregorian date, or undefined (e.g. 1990-02-30). */
export function toCalendarDate(year: number, month: number, day: number): CalendarDate | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Parses `YYYYMMDD` (as in identity numbers). */
export function parseCompactDate(digits: string): CalendarDate | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  if (!match) return undefined;
  return toCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** Parses `YYYY-MM-DD`. */
export function parseIsoDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  return toCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Completed years between birth and `at`. Someone born on 29 February completes a year on 1 March
 * in common years, the usual reading for legal ages.
 */
export function computeAge(birth: CalendarDate, at: CalendarDate): number {
  const hadBirthday = at.month > birth.month || (at.month === birth.month && at.day >= birth.day);
  return at.year - birth.year - (hadBirthday ? 0 : 1);
}
