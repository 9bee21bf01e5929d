import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../../domain/calendar/working-day-calendar.ts';
import {
  computeMedian,
  computePercentile,
  computeSla,
  computeStageTimes,
  countWorkingDays,
} from './compute-order-stats.ts';
import type { StatsEvent } from './order-stats-store.ts';

const calendar = createWorkingDayCalendar();

function event(partial: Partial<StatsEvent> & Pick<StatsEvent, 'type' | 'from' | 'to' | 'at'>): StatsEvent {
  return { orderId: 1, provinceCode: '11', details: {}, ...partial };
}

describe('countWorkingDays', () => {
  it.each([
    // Tuesday 2026-03-03 09:00 → 12:00 Beijing: an eighth of a working day.
    ['2026-03-03T01:00:00Z', '2026-03-03T04:00:00Z', 0.125],
    // Friday 09:00 → Monday 09:00: Friday's remaining 15 h and Monday's first 9 h; the weekend is free.
    ['2026-03-06T01:00:00Z', '2026-03-09T01:00:00Z', 1],
    // Across the 2026 National Day holiday (1–7 October are days off).
    ['2026-09-30T16:00:00Z', '2026-10-07T16:00:00Z', 0],
    ['2026-03-03T04:00:00Z', '2026-03-03T01:00:00Z', 0],
  ])('%s → %s is %d working days', (start, end, days) => {
    expect(countWorkingDays(calendar, new Date(start), new Date(end))).toBeCloseTo(days, 5);
  });
});

describe('median and p90', () => {
  it.each([
    [[1], 1, 1],
    [[1, 2], 1.5, 2],
    [[5, 1, 3], 3, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9],
  ])('%j → median %d, p90 %d', (values, median, p90) => {
    expect(computeMedian(values)).toBe(median);
    expect(computePercentile(values, 90)).toBe(p90);
  });
});

describe('stage times and SLAs from events', () => {
  const submitted = event({
    type: 'submitted',
    from: 'draft',
    to: 'submitted',
    at: new Date('2026-03-03T01:00:00Z'),
    details: { providerReviewDue: '2026-03-04T15:59:59.999Z' },
  });
  const events: StatsEvent[] = [
    submitted,
    event({
      type: 'provider_review_started',
      from: 'submitted',
      to: 'provider_review',
      at: new Date('2026-03-03T02:00:00Z'),
    }),
    event({
      type: 'approved_by_provider',
      from: 'provider_review',
      to: 'identity_verification',
      at: new Date('2026-03-03T04:00:00Z'),
    }),
    event({
      type: 'identity_verification_passed',
      from: 'identity_verification',
      to: 'ready_for_authority',
      at: new Date('2026-03-03T05:00:00Z'),
    }),
    event({
      type: 'sent_to_authority',
      from: 'ready_for_authority',
      to: 'sms_verification',
      at: new Date('2026-03-05T05:00:00Z'),
    }),
    // A second order, withdrawn in provider review: no stage time, no SLA sample.
    event({
      orderId: 2,
      type: 'submitted',
      from: 'draft',
      to: 'submitted',
      at: new Date('2026-03-03T01:00:00Z'),
    }),
    event({
      orderId: 2,
      type: 'withdrawn',
      from: 'submitted',
      to: 'withdrawn',
      at: new Date('2026-03-03T02:00:00Z'),
    }),
  ];

  it('measures provider review from submission to the verdict', () => {
    const times = computeStageTimes(events, {}, calendar);
    expect(times.find((t) => t.stage === 'provider_review')).toEqual({
      provinceCode: '11',
      stage: 'provider_review',
      count: 1,
      medianWorkingDays: 0.13,
      p90WorkingDays: 0.13,
    });
    expect(times.find((t) => t.stage === 'identity_verification')?.count).toBe(1);
  });

  it('counts the provider phase as late when it left after its deadline', () => {
    const sla = computeSla(events, {}, { providerReview: 2, authorityReview: 0 });
    expect(sla.providerReview).toEqual({ finished: 1, withinDeadline: 0, share: 0, overdueNow: 2 });
    expect(sla.authorityReview).toEqual({ finished: 0, withinDeadline: 0, share: null, overdueNow: 0 });
  });

  it('keeps only stages that ended in the range', () => {
    const range = { from: new Date('2026-03-04T00:00:00Z') };
    expect(computeStageTimes(events, range, calendar)).toEqual([]);
  });
});
