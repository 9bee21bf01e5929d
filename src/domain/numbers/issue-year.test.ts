import { describe, expect, it } from 'vitest';
import { expandTwoDigitYear, formatSerialDigits, formatYearDigits } from './issue-year.ts';

describe('years and serials in numbers', () => {
  it.each([
    [0, 2000],
    [16, 2016],
    [49, 2049],
    [50, 1950],
    [99, 1999],
  ])('two digits %i → %i', (digits, year) => {
    expect(expandTwoDigitYear(digits)).toBe(year);
  });

  it('formats years and round-trips two digits', () => {
    expect(formatYearDigits(2021, 4)).toBe('2021');
    expect(formatYearDigits(2003, 2)).toBe('03');
    for (let year = 1950; year <= 2049; year += 1) {
      expect(expandTwoDigitYear(Number(formatYearDigits(year, 2)))).toBe(year);
    }
  });

  it.each([
    [1999, 4],
    [2100, 4],
    [2050, 2],
    [1949, 2],
    [2021.5, 4],
  ] as const)('rejects year %d with %d digits', (year, digits) => {
    expect(() => formatYearDigits(year, digits)).toThrow(RangeError);
  });

  it('pads serials and rejects ones that do not fit', () => {
    expect(formatSerialDigits(173, 4)).toBe('0173');
    expect(formatSerialDigits('0173', 4)).toBe('0173');
    expect(formatSerialDigits(0, 6)).toBe('000000');
    for (const bad of [10_000, -1, 1.5, '12345', '1a', '']) {
      expect(() => formatSerialDigits(bad, 4)).toThrow(RangeError);
    }
  });
});
