import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeAge,
  getDayOfWeek,
  getEndOfChinaDay,
  getStartOfChinaDay,
  isIsoDate,
  MAX_DAY_NUMBER,
  MIN_DAY_NUMBER,
  parseCompactDate,
  parseIsoDate,
  toChinaDate,
  toDayNumber,
  toIsoDate,
} from './china-date.ts';

describe('parseIsoDate', () => {
  it.each([
    ['2026-10-08', '2026-10-08'],
    [' 2026-10-08 ', '2026-10-08'],
    // Full-width digits and hyphens from Chinese input methods (NFKC).
    ['２０２６－１０－０８', '2026-10-08'],
    ['2026/10/8', '2026-10-08'],
    ['2026.1.5', '2026-01-05'],
    ['2026年10月8日', '2026-10-08'],
    ['2026年1月5', '2026-01-05'],
    ['2024-02-29', '2024-02-29'],
    ['0001-01-01', '0001-01-01'],
  ])('accepts %j as %s', (input, expected) => {
    expect(parseIsoDate(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    '',
    'tomorrow',
    '20261008',
    '2026-10/08',
    '26-10-08',
    '2026-10-08T00:00',
    '2026-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-10-00',
  ])('rejects %j with invalid_date', (input) => {
    const result = parseIsoDate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_date');
      expect(result.error.message.en).not.toBe('');
      expect(result.error.message.zh).not.toBe('');
      expect(result.error.params).toEqual({ input: input.normalize('NFKC').replace(/\s+/gu, '') });
    }
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-10-08', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2026-1-8', false],
    ['2026/10/08', false],
    ['２０２６-10-08', false],
  ])('%s → %s', (input, expected) => {
    expect(isIsoDate(input)).toBe(expected);
  });
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0, 4],
    ['1969-12-31', -1, 3],
    ['2026-10-10', 20_736, 6],
    ['0000-01-01', MIN_DAY_NUMBER, 6],
    ['9999-12-31', MAX_DAY_NUMBER, 5],
  ])('%s is day %i, weekday %i', (date, dayNumber, dayOfWeek) => {
    expect(toDayNumber(date)).toBe(dayNumber);
    expect(toIsoDate(dayNumber)).toBe(date);
    expect(getDayOfWeek(dayNumber)).toBe(dayOfWeek);
  });

  it('round-trips every representable day', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY_NUMBER, max: MAX_DAY_NUMBER }), (dayNumber) => {
        const date = toIsoDate(dayNumber);
        expect(isIsoDate(date)).toBe(true);
        expect(toDayNumber(date)).toBe(dayNumber);
        expect(getDayOfWeek(dayNumber)).toBe(new Date(`${date}T00:00:00Z`).getUTCDay());
      }),
    );
  });

  it('throws a RangeError on bad input', () => {
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => toIsoDate(MAX_DAY_NUMBER + 1)).toThrow(RangeError);
    expect(() => toIsoDate(0.5)).toThrow(RangeError);
  });
});

describe('China time (UTC+8)', () => {
  it.each([
    ['2026-09-30T15:59:59.999Z', '2026-09-30'],
    ['2026-09-30T16:00:00.000Z', '2026-10-01'],
    ['2026-10-01T00:00:00+08:00', '2026-10-01'],
    ['1969-12-31T16:00:00Z', '1970-01-01'],
  ])('%s is %s in China', (instant, date) => {
    expect(toChinaDate(new Date(instant))).toBe(date);
  });

  it('gives the first and last instant of a China day', () => {
    expect(getStartOfChinaDay('2026-10-13').toISOString()).toBe('2026-10-12T16:00:00.000Z');
    expect(getEndOfChinaDay('2026-10-13').toISOString()).toBe('2026-10-13T15:59:59.999Z');
  });

  it('throws a RangeError on an invalid Date', () => {
    expect(() => toChinaDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('dates in identity numbers and ages', () => {
  it.each([
    ['19491231', '1949-12-31'],
    ['20000229', '2000-02-29'],
    ['19000229', undefined],
    ['19901301', undefined],
    ['1990010', undefined],
  ])('parseCompactDate(%s) = %s', (digits, expected) => {
    expect(parseCompactDate(digits)).toBe(expected);
  });

  it.each([
    ['1949-12-31', '2026-11-29', 76],
    ['2008-11-29', '2026-11-29', 18],
    ['2008-11-30', '2026-11-29', 17],
    ['2004-02-29', '2022-02-28', 17],
    ['2004-02-29', '2022-03-01', 18],
  ])('born %s, on %s aged %i', (birth, at, age) => {
    expect(computeAge(birth, at)).toBe(age);
  });
});
