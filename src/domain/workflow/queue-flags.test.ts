import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import {
  classifyDeadline,
  classifyOrderDeadline,
  type DeadlineFlag,
  findActiveDeadline,
  findDeadlineFlagRange,
} from './queue-flags.ts';

const calendar = createWorkingDayCalendar();

describe('classifyDeadline (China dates)', () => {
  it.each<[string, string | undefined, string, DeadlineFlag]>([
    ['no deadline', undefined, '2026-09-30T02:00:00Z', 'none'],
    ['passed an hour ago', '2026-09-30T01:00:00Z', '2026-09-30T02:00:00Z', 'overdue'],
    ['passed at the end of yesterday', '2026-09-29T15:59:59.999Z', '2026-09-30T02:00:00Z', 'overdue'],
    ['ends tonight', '2026-09-30T15:59:59.999Z', '2026-09-30T02:00:00Z', 'due_today'],
    ['due this very instant', '2026-09-30T02:00:00Z', '2026-09-30T02:00:00Z', 'due_today'],
    // 23:30 UTC on 29 Sep is already 30 Sep in Beijing.
    ['today in China though yesterday in UTC', '2026-09-30T15:00:00Z', '2026-09-29T23:30:00Z', 'due_today'],
    // 1–7 Oct are holidays: Thu 8 Oct is the next working day, eight calendar days later.
    ['next working day after National Day', '2026-10-08T15:59:59.999Z', '2026-09-30T02:00:00Z', 'due_soon'],
    ['second working day after National Day', '2026-10-09T15:59:59.999Z', '2026-09-30T02:00:00Z', 'on_track'],
    ['Monday seen on Friday', '2026-10-19T15:59:59.999Z', '2026-10-16T02:00:00Z', 'due_soon'],
    // Sat 10 Oct 2026 is a make-up working day, so Monday is two working days away.
    ['Monday after a make-up Saturday', '2026-10-12T15:59:59.999Z', '2026-10-09T02:00:00Z', 'on_track'],
    ['SMS expiring tomorrow morning', '2026-10-01T00:00:00Z', '2026-09-30T02:00:00Z', 'due_soon'],
    ['authority deadline weeks away', '2026-11-03T15:59:59.999Z', '2026-09-30T02:00:00Z', 'on_track'],
  ])('%s → %s', (_name, due, now, flag) => {
    expect(classifyDeadline(due === undefined ? undefined : new Date(due), new Date(now), calendar)).toBe(
      flag,
    );
  });
});

describe('findActiveDeadline', () => {
  it('reads the one deadline the workflow keeps', () => {
    const due = new Date('2026-10-09T15:59:59.999Z');
    expect(findActiveDeadline({ deadlines: {} })).toBeUndefined();
    expect(findActiveDeadline({ deadlines: { providerReviewDue: due } })).toEqual({
      kind: 'providerReviewDue',
      due,
    });
    expect(findActiveDeadline({ deadlines: { smsExpiresAt: due } })).toEqual({ kind: 'smsExpiresAt', due });
    expect(findActiveDeadline({ deadlines: { authorityReviewDue: due } })).toEqual({
      kind: 'authorityReviewDue',
      due,
    });
    expect(
      classifyOrderDeadline(
        { deadlines: { providerReviewDue: due } },
        new Date('2026-10-09T01:00:00Z'),
        calendar,
      ),
    ).toBe('due_today');
    expect(classifyOrderDeadline({ deadlines: {} }, new Date('2026-10-09T01:00:00Z'), calendar)).toBe('none');
  });
});

describe('findDeadlineFlagRange', () => {
  const flags = ['overdue', 'due_today', 'due_soon', 'on_track'] as const;
  const inRange = (due: Date, range: { from?: Date; before?: Date }) =>
    (range.from === undefined || due.getTime() >= range.from.getTime()) &&
    (range.before === undefined || due.getTime() < range.before.getTime());

  it.each<[string, string, Record<(typeof flags)[number], [string | undefined, string | undefined]>]>([
    [
      // Wed 30 Sep 2026, before National Day: the next working day is Thu 8 Oct.
      'before National Day',
      '2026-09-30T02:00:00.000Z',
      {
        overdue: [undefined, '2026-09-30T02:00:00.000Z'],
        due_today: ['2026-09-30T02:00:00.000Z', '2026-09-30T16:00:00.000Z'],
        due_soon: ['2026-09-30T16:00:00.000Z', '2026-10-08T16:00:00.000Z'],
        on_track: ['2026-10-08T16:00:00.000Z', undefined],
      },
    ],
    [
      'a Friday',
      '2026-10-16T02:00:00.000Z',
      {
        overdue: [undefined, '2026-10-16T02:00:00.000Z'],
        due_today: ['2026-10-16T02:00:00.000Z', '2026-10-16T16:00:00.000Z'],
        due_soon: ['2026-10-16T16:00:00.000Z', '2026-10-19T16:00:00.000Z'],
        on_track: ['2026-10-19T16:00:00.000Z', undefined],
      },
    ],
  ])('%s', (_name, now, expected) => {
    for (const flag of flags) {
      const range = findDeadlineFlagRange(flag, new Date(now), calendar);
      expect([range.from?.toISOString(), range.before?.toISOString()], flag).toEqual(expected[flag]);
    }
  });

  it('selects exactly the deadlines classifyDeadline gives the flag', () => {
    const instant = fc.date({
      min: new Date('2025-12-01T00:00:00Z'),
      max: new Date('2027-01-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, fc.integer({ min: -3 * 86_400_000, max: 30 * 86_400_000 }), (now, offset) => {
        const due = new Date(now.getTime() + offset);
        const flag = classifyDeadline(due, now, calendar);
        for (const candidate of flags) {
          expect(inRange(due, findDeadlineFlagRange(candidate, now, calendar))).toBe(candidate === flag);
        }
      }),
      { seed: 20261016, numRuns: 2000 },
    );
  });
});
