import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LicenceSummary } from './api.ts';
import {
  classifyDeadline,
  countCalendarDays,
  countDeadlineFlags,
  findActiveDeadline,
  toChinaDay,
} from './deadlines.ts';

type Clocked = Pick<LicenceSummary, 'status' | 'deadlines'>;
const acceptance = '2026-12-07T15:59:59.999Z';
const review = '2027-01-29T15:59:59.999Z';

describe('findActiveDeadline', () => {
  it.each([
    ['draft', {}, undefined],
    ['submitted', { acceptanceDue: acceptance }, { kind: 'acceptance', due: acceptance }],
    ['acceptance_check', { acceptanceDue: acceptance }, { kind: 'acceptance', due: acceptance }],
    ['under_review', { reviewDue: review }, { kind: 'review', due: review }],
    ['materials_requested', {}, undefined],
    ['approved', { reviewDue: review }, undefined],
  ] as const)('%s', (status, deadlines, expected) => {
    expect(findActiveDeadline({ status, deadlines })).toEqual(expected);
  });
});

describe('classifyDeadline', () => {
  it.each([
    ['the day before, China time', '2026-12-06T15:00:00Z', 'on_track'],
    ['the morning of the due day in China', '2026-12-07T01:00:00Z', 'due_today'],
    ['a minute before the end of the day', '2026-12-07T15:58:00Z', 'due_today'],
    ['after the end of the day', '2026-12-07T16:00:00Z', 'overdue'],
  ])('%s', (_, now, flag) => {
    expect(classifyDeadline(acceptance, new Date(now))).toBe(flag);
  });

  it('counts a queue’s overdue and due-today applications', () => {
    const queue: Clocked[] = [
      { status: 'submitted', deadlines: { acceptanceDue: acceptance } },
      { status: 'acceptance_check', deadlines: { acceptanceDue: '2026-12-01T15:59:59.999Z' } },
      { status: 'under_review', deadlines: { reviewDue: review } },
      { status: 'materials_requested', deadlines: {} },
    ];
    expect(countDeadlineFlags(queue, new Date('2026-12-07T02:00:00Z'))).toEqual({ overdue: 1, due_today: 1 });
  });
});

describe('calendar days', () => {
  it('takes the China day of an instant', () => {
    expect(toChinaDay('2026-11-29T19:44:30Z')).toBe('2026-11-30');
  });

  it('counts across months and years, and backwards', () => {
    expect(countCalendarDays('2026-11-30', '2027-01-29')).toBe(60);
    expect(countCalendarDays('2027-01-29', '2026-11-30')).toBe(-60);
    expect(countCalendarDays('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('adds up like distances', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        expect(countCalendarDays(a, b) + countCalendarDays(b, c)).toBe(countCalendarDays(a, c));
      }),
    );
  });
});
