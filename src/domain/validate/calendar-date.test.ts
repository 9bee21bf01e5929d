import { describe, expect, it } from 'vitest';
import { computeAge, formatIsoDate, parseCompactDate, parseIsoDate } from './calendar-date.ts';

describe('calendar dates', () => {
  it.each([
    ['19491231', '1949-12-31'],
    ['20000229', '2000-02-29'],
    ['19000229', undefined],
    ['19900230', undefined],
    ['19901301', undefined],
    ['19900100', undefined],
    ['1990011', undefined],
  ])('parseCompactDate(%s)', (digits, expected) => {
    const date = parseCompactDate(digits);
    expect(date && formatIsoDate(date)).toBe(expected);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-2-29', false],
    ['not a date', false],
  ])('parseIsoDate(%s)', (text, ok) => {
    expect(parseIsoDate(text) !== undefined).toBe(ok);
  });

  it.each([
    ['1990-03-07', '2008-03-06', 17],
    ['1990-03-07', '2008-03-07', 18],
    ['2000-02-29', '2018-02-28', 17],
    ['2000-02-29', '2018-03-01', 18],
    ['1949-12-31', '2024-01-01', 74],
  ])('computeAge(%s, %s) = %i', (birth, at, age) => {
    const b = parseIsoDate(birth);
    const a = parseIsoDate(at);
    if (!b || !a) throw new Error('bad fixture');
    expect(computeAge(b, a)).toBe(age);
  });
});
