import { type Issue, issue } from '../shared/issue.ts';

/**
 * Years inside numbers. Filing and licensing began with State Council Decree 292 (2000); four-digit
 * years therefore start with 20. Older numbers carry two digits; without a clock we map 00–49 to
 * 20YY and 50–99 to 19YY (the two-digit formats were in use from the 2000s until about 2019).
 */
export const MIN_FOUR_DIGIT_YEAR = 2000;
export const MAX_FOUR_DIGIT_YEAR = 2099;
export const MIN_TWO_DIGIT_YEAR = 1950;
export const MAX_TWO_DIGIT_YEAR = 2049;

export function expandTwoDigitYear(twoDigits: number): number {
  return twoDigits < 50 ? 2000 + twoDigits : 1900 + twoDigits;
}

export function isFourDigitYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_FOUR_DIGIT_YEAR && year <= MAX_FOUR_DIGIT_YEAR;
}

export function isTwoDigitYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_TWO_DIGIT_YEAR && year <= MAX_TWO_DIGIT_YEAR;
}

/**
 * The year as printed in a number. Formatting takes parts built by code, not user input, so an
 * impossible year is a programming error.
 * @throws RangeError when the year cannot be written with that many digits and read back.
 */
export function formatYearDigits(year: number, digits: 2 | 4): string {
  if (digits === 4) {
    if (!isFourDigitYear(year)) {
      throw new RangeError(
        `A four-digit year must be ${MIN_FOUR_DIGIT_YEAR}–${MAX_FOUR_DIGIT_YEAR}: ${year}`,
      );
    }
    return String(year);
  }
  if (!isTwoDigitYear(year)) {
    throw new RangeError(`A two-digit year must be ${MIN_TWO_DIGIT_YEAR}–${MAX_TWO_DIGIT_YEAR}: ${year}`);
  }
  return String(year % 100).padStart(2, '0');
}

/**
 * A zero-padded serial of exactly `width` digits.
 * @throws RangeError when the serial is not a non-negative integer that fits.
 */
export function formatSerialDigits(serial: string | number, width: number): string {
  const text = typeof serial === 'number' ? String(serial) : serial;
  if (typeof serial === 'number' && (!Number.isSafeInteger(serial) || serial < 0)) {
    throw new RangeError(`A serial must be a non-negative integer: ${serial}`);
  }
  if (!/^\d+$/.test(text) || text.length > width) {
    throw new RangeError(`A serial must have at most ${width} digits: ${text}`);
  }
  return text.padStart(width, '0');
}

/** A two-digit year of 50–99 reads as 19YY, before any number could have been issued. */
export function yearBeforeRegimeWarning(year: number): Issue {
  return issue(
    'implausible_year',
    `The year ${year} predates filing and licensing (Decree 292, 2000); check the number.`,
    `年份 ${year} 早于备案和许可制度（2000 年国务院令第 292 号），请核对编号。`,
    { source: 'decree-292', params: { year } },
  );
}
