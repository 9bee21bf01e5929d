import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDayNumber, toIsoDate } from './china-date.ts';
import {
  type CalendarOverride,
  calendarOverrideSchema,
  createWorkingDayCalendar,
  type DayReason,
  toChinaDate,
} from './working-day-calendar.ts';

const calendar = createWorkingDayCalendar();

/** Runs `run` with the process time zone set to `zone` (Node re-reads TZ when it changes). */
async function withTimeZone<T>(zone: string, run: () => T | Promise<T>): Promise<T> {
  const previous = process.env.TZ;
  try {
    process.env.TZ = zone;
    return await run();
  } finally {
    if (previous === undefined) {
      delete process.env.TZ;
    } else {
      process.env.TZ = previous;
    }
  }
}

/** ISO dates in a range, for properties. */
const isoDateBetween = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(toIsoDate);

describe('seed data (chinese-days, State Council notice for 2026)', () => {
  it.each<[string, boolean, DayReason]>([
    // National Day / Mid-autumn 2026: 1–7 Oct off, Sun 20 Sep and Sat 10 Oct worked.
    ['2026-09-20', true, 'makeup_workday'],
    ['2026-09-30', true, 'weekday'],
    ['2026-10-01', false, 'holiday'],
    ['2026-10-03', false, 'holiday'],
    ['2026-10-05', false, 'holiday'],
    ['2026-10-07', false, 'holiday'],
    ['2026-10-08', true, 'weekday'],
    ['2026-10-10', true, 'makeup_workday'],
    ['2026-10-11', false, 'weekend'],
    // Spring Festival 2026: 15–23 Feb off, Sat 14 Feb and Sat 28 Feb worked.
    ['2026-02-14', true, 'makeup_workday'],
    ['2026-02-15', false, 'holiday'],
    ['2026-02-18', false, 'holiday'],
    ['2026-02-23', false, 'holiday'],
    ['2026-02-24', true, 'weekday'],
    ['2026-02-28', true, 'makeup_workday'],
    ['2026-03-01', false, 'weekend'],
  ])('%s is working day: %s (%s)', (date, isWorkingDay, reason) => {
    expect(calendar.isWorkingDay(date)).toBe(isWorkingDay);
    expect(calendar.describeDay(date)).toMatchObject({ date, isWorkingDay, reason });
  });

  it('names the holiday and cites the source', () => {
    expect(calendar.describeDay('2026-10-01')).toEqual({
      date: '2026-10-01',
      isWorkingDay: false,
      reason: 'holiday',
      name: 'National Day / 国庆节',
      source: 'chinese-days',
    });
    expect(calendar.describeDay('2026-02-14').name).toBe('Spring Festival / 春节');
    expect(calendar.describeDay('2026-10-09')).toEqual({
      date: '2026-10-09',
      isWorkingDay: true,
      reason: 'weekday',
    });
  });

  it('agrees with chinese-days on every day of 2004–2026', async () => {
    // chinese-days' own functions build their tables at import and read dates with local-time getters, so
    // they answer for the wrong day west of UTC (the reason we read its JSON). Load and ask them in China time.
    const disagreements = await withTimeZone('Asia/Shanghai', async () => {
      const { default: chineseDays } = await import('chinese-days');
      const found: string[] = [];
      for (let day = toDayNumber('2004-01-01'); day <= toDayNumber('2026-12-31'); day += 1) {
        const date = toIsoDate(day);
        if (chineseDays.isWorkday(date) !== calendar.isWorkingDay(date)) {
          found.push(date);
        }
      }
      return found;
    });
    expect(disagreements).toEqual([]);
  });

  it('has data for 2004–2026 only', () => {
    expect(calendar.hasDataFor(2003)).toBe(false);
    expect(calendar.hasDataFor(2004)).toBe(true);
    expect(calendar.hasDataFor(2026)).toBe(true);
    expect(calendar.hasDataFor(2027)).toBe(false);
  });

  it('lists a year', () => {
    const entries = calendar.listEntries(2026);
    expect(entries.filter((e) => e.kind === 'workday').map((e) => e.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(entries.filter((e) => e.kind === 'holiday')).toHaveLength(33);
    expect(calendar.listEntries(2027)).toEqual([]);
  });
});

describe('addWorkingDays', () => {
  it.each<[string, number, string]>([
    // 1–7 Oct off, Sat 10 Oct worked: 8, 9, 10, 12, 13.
    ['2026-09-30', 5, '2026-10-13'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 0, '2026-09-30'],
    ['2026-10-01', 0, '2026-10-08'],
    ['2026-10-01', 1, '2026-10-08'],
    ['2026-10-03', 3, '2026-10-10'],
    ['2026-10-08', -1, '2026-09-30'],
    ['2026-10-12', -1, '2026-10-10'],
    ['2026-10-13', -5, '2026-09-30'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-27', 1, '2026-02-28'],
    // Plain weeks.
    ['2026-03-06', 1, '2026-03-09'],
    ['2026-03-07', 0, '2026-03-09'],
    ['2026-03-09', -1, '2026-03-06'],
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(calendar.addWorkingDays(date, n)).toBe(expected);
  });

  it('nextWorkingDay is the first working day strictly after', () => {
    expect(calendar.nextWorkingDay('2026-09-30')).toBe('2026-10-08');
    expect(calendar.nextWorkingDay('2026-10-09')).toBe('2026-10-10');
    expect(calendar.nextWorkingDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('workingDaysBetween (working days d with a < d ≤ b)', () => {
  it.each<[string, string, number]>([
    ['2026-09-30', '2026-10-13', 5],
    ['2026-10-13', '2026-09-30', -5],
    ['2026-09-30', '2026-09-30', 0],
    ['2026-10-01', '2026-10-07', 0],
    ['2026-09-29', '2026-09-30', 1],
    ['2026-09-30', '2026-09-29', -1],
    ['2026-02-13', '2026-02-28', 6],
    // 261 weekdays − 19 weekday holidays + 6 make-up days; 1 Jan itself is excluded (and a holiday).
    ['2026-01-01', '2026-12-31', 248],
  ])('workingDaysBetween(%s, %s) = %i', (a, b, expected) => {
    expect(calendar.workingDaysBetween(a, b)).toBe(expected);
  });

  it('answers a positive zero backwards across a holiday', () => {
    expect(Object.is(calendar.workingDaysBetween('2026-10-07', '2026-10-01'), 0)).toBe(true);
  });

  const date = isoDateBetween('2004-01-01', '2026-12-31');
  const n = fc.integer({ min: 0, max: 60 });

  it('round-trips with addWorkingDays going forward', () => {
    fc.assert(
      fc.property(date, n, (a, count) => {
        const result = calendar.addWorkingDays(a, count);
        expect(calendar.isWorkingDay(result)).toBe(true);
        expect(result >= a).toBe(true);
        if (count === 0) {
          expect(calendar.workingDaysBetween(a, result)).toBe(calendar.isWorkingDay(a) ? 0 : 1);
        } else {
          expect(calendar.workingDaysBetween(a, result)).toBe(count);
          // Minimal: the day before the result is still one working day short.
          expect(calendar.workingDaysBetween(a, toIsoDate(toDayNumber(result) - 1))).toBe(count - 1);
          expect(calendar.addWorkingDays(a, count + 1)).toBe(calendar.nextWorkingDay(result));
        }
      }),
    );
  });

  it('round-trips with addWorkingDays going backward from a working day', () => {
    fc.assert(
      fc.property(date, n, (a, count) => {
        const b = calendar.addWorkingDays(a, 0);
        const earlier = calendar.addWorkingDays(b, -count);
        expect(calendar.isWorkingDay(earlier)).toBe(true);
        expect(calendar.workingDaysBetween(earlier, b)).toBe(count);
        expect(calendar.workingDaysBetween(b, earlier)).toBe(0 - count);
        expect(calendar.addWorkingDays(earlier, count)).toBe(b);
      }),
    );
  });

  it('is antisymmetric and additive', () => {
    fc.assert(
      fc.property(date, date, date, (a, b, c) => {
        expect(calendar.workingDaysBetween(b, a)).toBe(0 - calendar.workingDaysBetween(a, b));
        expect(calendar.workingDaysBetween(a, c)).toBe(
          calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c),
        );
      }),
      { numRuns: 50 },
    );
  });
});

describe('overrides', () => {
  const newYear2027: CalendarOverride = {
    year: 2027,
    mode: 'add',
    entries: [{ date: '2027-01-01', kind: 'holiday', name: "New Year's Day / 元旦" }],
    source: 'State Council notice for 2027',
  };

  it('adds a year without a release', () => {
    const withOverride = createWorkingDayCalendar({ overrides: [newYear2027] });
    expect(withOverride.hasDataFor(2027)).toBe(true);
    expect(withOverride.describeDay('2027-01-01')).toEqual({
      date: '2027-01-01',
      isWorkingDay: false,
      reason: 'holiday',
      name: "New Year's Day / 元旦",
      source: 'State Council notice for 2027',
    });
    expect(withOverride.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(withOverride.workingDaysBetween('2026-12-31', '2027-01-04')).toBe(1);
    // The seed is untouched.
    expect(withOverride.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('adds or corrects single dates of a seeded year', () => {
    const corrected = createWorkingDayCalendar({
      overrides: [
        {
          year: 2026,
          mode: 'add',
          entries: [
            { date: '2026-10-10', kind: 'holiday' },
            { date: '2026-10-07', kind: 'workday' },
          ],
        },
      ],
    });
    expect(corrected.describeDay('2026-10-10')).toEqual({
      date: '2026-10-10',
      isWorkingDay: false,
      reason: 'holiday',
    });
    // A 'workday' entry on a Wednesday reads as an ordinary weekday.
    expect(corrected.describeDay('2026-10-07')).toMatchObject({ isWorkingDay: true, reason: 'weekday' });
    expect(corrected.isWorkingDay('2026-10-06')).toBe(false);
    expect(corrected.isWorkingDay('2026-09-20')).toBe(true);
  });

  it('replaces a year', () => {
    const replaced = createWorkingDayCalendar({
      overrides: [{ year: 2026, mode: 'replace', entries: [{ date: '2026-10-01', kind: 'holiday' }] }],
    });
    expect(replaced.hasDataFor(2026)).toBe(true);
    expect(replaced.isWorkingDay('2026-10-01')).toBe(false);
    expect(replaced.isWorkingDay('2026-10-02')).toBe(true);
    expect(replaced.describeDay('2026-10-10')).toMatchObject({ isWorkingDay: false, reason: 'weekend' });
    expect(replaced.isWorkingDay('2026-02-16')).toBe(true);
    expect(replaced.listEntries(2026)).toEqual([{ date: '2026-10-01', kind: 'holiday' }]);
    // Other years keep their seed data.
    expect(replaced.isWorkingDay('2025-10-01')).toBe(false);
  });

  it('applies overrides in order', () => {
    const later = createWorkingDayCalendar({
      overrides: [
        newYear2027,
        { year: 2027, mode: 'add', entries: [{ date: '2027-01-01', kind: 'workday' }] },
        { year: 2026, mode: 'add', entries: [{ date: '2026-10-12', kind: 'holiday' }] },
        { year: 2026, mode: 'replace', entries: [] },
      ],
    });
    expect(later.isWorkingDay('2027-01-01')).toBe(true);
    expect(later.isWorkingDay('2026-10-12')).toBe(true);
    expect(later.isWorkingDay('2026-10-01')).toBe(true);
    expect(later.hasDataFor(2026)).toBe(true);
  });

  it.each<[string, unknown]>([
    [
      'date outside the year',
      { year: 2027, mode: 'add', entries: [{ date: '2026-12-31', kind: 'holiday' }] },
    ],
    [
      'duplicate date',
      {
        year: 2027,
        mode: 'add',
        entries: [
          { date: '2027-01-01', kind: 'holiday' },
          { date: '2027-01-01', kind: 'workday' },
        ],
      },
    ],
    ['unreal date', { year: 2027, mode: 'add', entries: [{ date: '2027-02-29', kind: 'holiday' }] }],
    ['malformed date', { year: 2027, mode: 'add', entries: [{ date: '2027-1-1', kind: 'holiday' }] }],
    ['unknown kind', { year: 2027, mode: 'add', entries: [{ date: '2027-01-01', kind: 'day_off' }] }],
    ['unknown mode', { year: 2027, mode: 'merge', entries: [] }],
    ['fractional year', { year: 2027.5, mode: 'add', entries: [] }],
    [
      'empty name',
      { year: 2027, mode: 'add', entries: [{ date: '2027-01-01', kind: 'holiday', name: ' ' }] },
    ],
  ])('rejects an override with a %s', (_label, override) => {
    expect(calendarOverrideSchema.safeParse(override).success).toBe(false);
    expect(() => createWorkingDayCalendar({ overrides: [override as CalendarOverride] })).toThrow(RangeError);
  });

  it('normalises names (NFKC) in overrides', () => {
    const parsed = calendarOverrideSchema.parse({
      year: 2027,
      mode: 'add',
      entries: [{ date: '2027-01-01', kind: 'holiday', name: ' 元旦　（New Year） ' }],
    });
    expect(parsed.entries[0]?.name).toBe('元旦 (New Year)');
  });
});

describe('a year without data', () => {
  it.each<[string, boolean, DayReason]>([
    ['2030-01-01', true, 'weekday'],
    ['2030-01-05', false, 'weekend'],
    ['2030-01-06', false, 'weekend'],
    ['2003-10-01', true, 'weekday'],
  ])('%s falls back to Monday–Friday', (date, isWorkingDay, reason) => {
    expect(calendar.describeDay(date)).toEqual({ date, isWorkingDay, reason });
    expect(calendar.hasDataFor(Number(date.slice(0, 4)))).toBe(false);
  });

  it('counts five working days a week', () => {
    expect(calendar.workingDaysBetween('2029-12-30', '2030-01-27')).toBe(20);
    expect(calendar.addWorkingDays('2030-01-04', 1)).toBe('2030-01-07');
  });
});

describe('deadlines', () => {
  it('counts the SMS check in calendar hours, holidays included (ref-3-sms: 24 h)', () => {
    const start = new Date('2026-09-30T10:00:00+08:00');
    expect(calendar.deadlineInHours(start, 24).toISOString()).toBe(
      new Date('2026-10-01T10:00:00+08:00').toISOString(),
    );
    expect(calendar.deadlineInHours(start, 0)).toEqual(start);
    expect(calendar.deadlineInHours(start, 1.5).toISOString()).toBe('2026-09-30T03:30:00.000Z');
  });

  it.each<[string, number, string]>([
    // Across National Day: 8, 9, 10 (make-up Saturday), 12, 13 October.
    ['2026-09-30T15:00:00+08:00', 5, '2026-10-13T23:59:59.999+08:00'],
    // 01:00 on 30 Sep in China is still 29 Sep in UTC: the China date counts.
    ['2026-09-30T01:00:00+08:00', 5, '2026-10-13T23:59:59.999+08:00'],
    ['2026-09-29T23:00:00+08:00', 5, '2026-10-12T23:59:59.999+08:00'],
    ['2026-10-03T09:00:00+08:00', 0, '2026-10-08T23:59:59.999+08:00'],
    ['2026-09-30T09:00:00+08:00', 0, '2026-09-30T23:59:59.999+08:00'],
    // The authority's 20 working days (order-33) from 30 Sep 2026.
    ['2026-09-30T09:00:00+08:00', 20, '2026-11-03T23:59:59.999+08:00'],
    // Spring Festival 2026.
    ['2026-02-13T18:00:00+08:00', 2, '2026-02-24T23:59:59.999+08:00'],
  ])('deadlineInWorkingDays(%s, %i) = %s', (start, n, expected) => {
    expect(calendar.deadlineInWorkingDays(new Date(start), n).getTime()).toBe(new Date(expected).getTime());
  });

  it('rejects nonsense', () => {
    const start = new Date('2026-09-30T10:00:00+08:00');
    expect(() => calendar.deadlineInWorkingDays(start, -1)).toThrow(RangeError);
    expect(() => calendar.deadlineInWorkingDays(start, 1.5)).toThrow(RangeError);
    expect(() => calendar.deadlineInWorkingDays(new Date(Number.NaN), 1)).toThrow(RangeError);
    expect(() => calendar.deadlineInHours(start, -1)).toThrow(RangeError);
    expect(() => calendar.deadlineInHours(start, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('programmer errors throw a RangeError', () => {
  it.each(['2026-9-30', '2026-02-30', '', 'tomorrow', '2026-10-01T00:00', '２０２６-10-01'])(
    'date %j',
    (date) => {
      expect(() => calendar.isWorkingDay(date)).toThrow(RangeError);
      expect(() => calendar.describeDay(date)).toThrow(RangeError);
      expect(() => calendar.addWorkingDays(date, 1)).toThrow(RangeError);
      expect(() => calendar.workingDaysBetween(date, '2026-10-01')).toThrow(RangeError);
      expect(() => calendar.nextWorkingDay(date)).toThrow(RangeError);
    },
  );

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])('count %d', (n) => {
    expect(() => calendar.addWorkingDays('2026-10-01', n)).toThrow(RangeError);
  });

  it('refuses to run past year 9999', () => {
    expect(() => calendar.addWorkingDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('0000-01-01', -1)).toThrow(RangeError);
  });
});

describe('independence from the machine time zone', () => {
  const compute = () => ({
    chinaDate: toChinaDate(new Date('2026-09-30T20:00:00Z')),
    added: calendar.addWorkingDays('2026-09-30', 5),
    between: calendar.workingDaysBetween('2026-02-13', '2026-03-02'),
    day: calendar.describeDay('2026-10-10'),
    deadline: calendar.deadlineInWorkingDays(new Date('2026-09-30T20:00:00Z'), 1).toISOString(),
    hours: calendar.deadlineInHours(new Date('2026-09-30T20:00:00Z'), 24).toISOString(),
  });

  it.each([
    ['America/New_York', 240],
    ['Pacific/Kiritimati', -840],
    ['Asia/Shanghai', -480],
  ])('gives the same answers with TZ=%s', async (zone, offsetMinutes) => {
    await withTimeZone(zone, () => {
      // Proves the zone took effect, so the test would catch local-time arithmetic.
      expect(new Date('2026-09-15T12:00:00Z').getTimezoneOffset()).toBe(offsetMinutes);
      expect(compute()).toEqual({
        chinaDate: '2026-10-01',
        added: '2026-10-13',
        between: 7,
        day: {
          date: '2026-10-10',
          isWorkingDay: true,
          reason: 'makeup_workday',
          name: 'National Day / 国庆节',
          source: 'chinese-days',
        },
        // 20:00 UTC on 30 Sep is 1 Oct in China; the first working day after it is 8 Oct.
        deadline: '2026-10-08T15:59:59.999Z',
        hours: '2026-10-01T20:00:00.000Z',
      });
    });
  });
});
