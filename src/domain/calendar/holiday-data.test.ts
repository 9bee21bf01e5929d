import { describe, expect, it } from 'vitest';
import { buildCalendarEntries, seedCalendarEntries } from './holiday-data.ts';

describe('buildCalendarEntries', () => {
  it('turns chinese-days data into sorted entries with both names', () => {
    expect(
      buildCalendarEntries({
        holidays: { '2026-10-02': 'National Day,国庆节,3', '2026-10-01': 'National Day,国庆节,3' },
        workdays: { '2026-09-20': 'National Day,国庆节,3', '2026-10-10': '' },
      }),
    ).toEqual([
      { date: '2026-09-20', kind: 'workday', name: 'National Day / 国庆节' },
      { date: '2026-10-01', kind: 'holiday', name: 'National Day / 国庆节' },
      { date: '2026-10-02', kind: 'holiday', name: 'National Day / 国庆节' },
      { date: '2026-10-10', kind: 'workday' },
    ]);
  });

  it.each([
    ['a date both off and worked', { holidays: { '2026-10-01': 'a' }, workdays: { '2026-10-01': 'b' } }],
    ['a malformed date', { holidays: { '2026-10-32': 'a' }, workdays: {} }],
  ])('fails loudly on %s', (_label, data) => {
    expect(() => buildCalendarEntries(data)).toThrow(RangeError);
  });

  it('rejects data of another shape', () => {
    expect(() => buildCalendarEntries({ holidays: [] } as never)).toThrow();
  });
});

describe('seedCalendarEntries (chinese-days 1.5.7)', () => {
  it('covers every year 2004–2026', () => {
    const years = new Set(seedCalendarEntries.map((entry) => Number(entry.date.slice(0, 4))));
    expect([...years]).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  it.each([
    // The 2020 Spring Festival break was extended to 2 February (State Council, 2020-01-27).
    ['2020-01-31', 'holiday'],
    ['2020-02-02', 'holiday'],
    // 70th anniversary of the end of the War of Resistance, 2015.
    ['2015-09-03', 'holiday'],
    ['2015-09-06', 'workday'],
    ['2026-10-10', 'workday'],
  ])('%s is a %s', (date, kind) => {
    expect(seedCalendarEntries.find((entry) => entry.date === date)?.kind).toBe(kind);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(seedCalendarEntries)).toBe(true);
    expect(Object.isFrozen(seedCalendarEntries[0])).toBe(true);
  });
});
