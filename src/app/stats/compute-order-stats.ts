import { getStartOfChinaDay, toDayNumber, toIsoDate } from '../../domain/calendar/china-date.ts';
import type { WorkingDayCalendar } from '../../domain/calendar/working-day-calendar.ts';
import { generaliseFieldPath } from '../../domain/catalogue/return-reasons.ts';
import type { JsonValue } from '../../domain/workflow/order-outcome.ts';
import type { OrderStatus } from '../../domain/workflow/order-status.ts';
import type { InstantRange, StatsEvent } from './order-stats-store.ts';

/**
 * The pure half of order statistics: stage times in working days from the order events, return-reason
 * counts and deadline compliance. Events arrive grouped by order, oldest first.
 */

export type StatsStage =
  | 'provider_review'
  | 'identity_verification'
  | 'sms_verification'
  | 'authority_review';

export const STATS_STAGES: readonly StatsStage[] = [
  'provider_review',
  'identity_verification',
  'sms_verification',
  'authority_review',
];

/**
 * The statuses an order sits in during each stage. Provider review runs from submission (the queue
 * before a reviewer takes it counts: that is what applicants wait) until the provider's verdict.
 */
const STAGE_STATUSES: Readonly<Record<StatsStage, readonly OrderStatus[]>> = {
  provider_review: ['submitted', 'provider_review'],
  identity_verification: ['identity_verification'],
  sms_verification: ['sms_verification'],
  authority_review: ['authority_review'],
};

/** The provider's deadline covers its whole phase: from submission until the order leaves it. */
const PROVIDER_PHASE: readonly OrderStatus[] = [
  'submitted',
  'provider_review',
  'identity_verification',
  'ready_for_authority',
];

const MS_PER_DAY = 86_400_000;
/** A stage longer than this many calendar days is cut there: no real stage lasts years. */
const MAX_DAYS_COUNTED = 1000;

export interface StageTime {
  provinceCode: string;
  stage: StatsStage;
  /** Stages that ended in the range. */
  count: number;
  medianWorkingDays: number;
  p90WorkingDays: number;
}

export interface ReasonCount<K extends string> {
  key: K;
  count: number;
}

export interface ReturnReasonStats {
  /** Returns and rejections in the range (events), and the reasons they gave. */
  returns: number;
  reasons: number;
  byTemplate: { templateId: string; count: number }[];
  byReasonCode: { reasonCode: string; count: number }[];
  /** Field paths with [] for indexes; null for reasons about the whole order. */
  byField: { fieldPath: string | null; count: number }[];
}

export interface SlaStats {
  /** Reviews finished in the range. */
  finished: number;
  withinDeadline: number;
  /** withinDeadline / finished, or null when none finished. */
  share: number | null;
  /** Orders past their deadline now. */
  overdueNow: number;
}

/**
 * Working days between two instants, counting the part of each China calendar day that falls on a
 * working day: an SMS answered in 3 hours on a Tuesday is 0.125, a review from Friday 17:00 to Monday
 * 9:00 is about 0.08 (the weekend does not count).
 */
export function countWorkingDays(calendar: WorkingDayCalendar, start: Date, end: Date): number {
  if (end.getTime() <= start.getTime()) return 0;
  let total = 0;
  let day = calendar.toChinaDate(start);
  for (let i = 0; i < MAX_DAYS_COUNTED; i += 1) {
    const dayStart = getStartOfChinaDay(day).getTime();
    if (dayStart >= end.getTime()) break;
    if (calendar.isWorkingDay(day)) {
      const overlap = Math.min(end.getTime(), dayStart + MS_PER_DAY) - Math.max(start.getTime(), dayStart);
      if (overlap > 0) total += overlap / MS_PER_DAY;
    }
    day = toIsoDate(toDayNumber(day) + 1);
  }
  return total;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The median (mean of the middle two for an even count) of a non-empty list. */
export function computeMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Nearest-rank percentile of a non-empty list. */
export function computePercentile(values: readonly number[], percentile: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

function isInRange(at: Date, range: InstantRange): boolean {
  return (
    (range.from === undefined || at.getTime() >= range.from.getTime()) &&
    (range.to === undefined || at.getTime() <= range.to.getTime())
  );
}

function groupByOrder(events: readonly StatsEvent[]): StatsEvent[][] {
  const groups = new Map<number, StatsEvent[]>();
  for (const event of events) {
    const group = groups.get(event.orderId);
    if (group) group.push(event);
    else groups.set(event.orderId, [event]);
  }
  return [...groups.values()].map((group) => group.sort((a, b) => a.at.getTime() - b.at.getTime()));
}

interface Interval {
  provinceCode: string;
  start: Date;
  end: Date;
}

/** Residences in a set of statuses: entered from outside it, left to outside it (withdrawals dropped). */
function listIntervals(
  orderEvents: readonly StatsEvent[],
  statuses: readonly OrderStatus[],
): (Interval & { startEvent: StatsEvent })[] {
  const out: (Interval & { startEvent: StatsEvent })[] = [];
  let started: StatsEvent | undefined;
  for (const event of orderEvents) {
    const wasIn = statuses.includes(event.from);
    const isIn = statuses.includes(event.to);
    if (!wasIn && isIn) started = event;
    else if (wasIn && !isIn && started) {
      if (event.type !== 'withdrawn') {
        out.push({ provinceCode: event.provinceCode, start: started.at, end: event.at, startEvent: started });
      }
      started = undefined;
    }
  }
  return out;
}

export function computeStageTimes(
  events: readonly StatsEvent[],
  range: InstantRange,
  calendar: WorkingDayCalendar,
): StageTime[] {
  const samples = new Map<string, { provinceCode: string; stage: StatsStage; values: number[] }>();
  for (const orderEvents of groupByOrder(events)) {
    for (const stage of STATS_STAGES) {
      for (const interval of listIntervals(orderEvents, STAGE_STATUSES[stage])) {
        if (!isInRange(interval.end, range)) continue;
        const key = `${interval.provinceCode}:${stage}`;
        const entry = samples.get(key) ?? { provinceCode: interval.provinceCode, stage, values: [] };
        entry.values.push(countWorkingDays(calendar, interval.start, interval.end));
        samples.set(key, entry);
      }
    }
  }
  return [...samples.values()]
    .map(({ provinceCode, stage, values }) => ({
      provinceCode,
      stage,
      count: values.length,
      medianWorkingDays: round(computeMedian(values)),
      p90WorkingDays: round(computePercentile(values, 90)),
    }))
    .sort(
      (a, b) =>
        a.provinceCode.localeCompare(b.provinceCode) ||
        STATS_STAGES.indexOf(a.stage) - STATS_STAGES.indexOf(b.stage),
    );
}

function readString(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function countInto(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function toSortedCounts(map: Map<string, number>): { key: string; count: number }[] {
  return [...map.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Every event that carries reasons (returns, identity failures, SMS failures, rejections) in the range. */
export function countReturnReasons(events: readonly StatsEvent[], range: InstantRange): ReturnReasonStats {
  const byTemplate = new Map<string, number>();
  const byReasonCode = new Map<string, number>();
  const byField = new Map<string, number>();
  let returns = 0;
  let reasons = 0;
  const WHOLE_ORDER = '\u0000';
  for (const event of events) {
    const list = event.details.reasons;
    if (!Array.isArray(list) || !isInRange(event.at, range)) continue;
    returns += 1;
    for (const reason of list) {
      if (typeof reason !== 'object' || reason === null || Array.isArray(reason)) continue;
      reasons += 1;
      const templateId = readString(reason.templateId);
      const reasonCode = readString(reason.reasonCode);
      const fieldPath = readString(reason.fieldPath);
      if (templateId) countInto(byTemplate, templateId);
      if (reasonCode) countInto(byReasonCode, reasonCode);
      countInto(byField, fieldPath === undefined ? WHOLE_ORDER : generaliseFieldPath(fieldPath));
    }
  }
  return {
    returns,
    reasons,
    byTemplate: toSortedCounts(byTemplate).map(({ key, count }) => ({ templateId: key, count })),
    byReasonCode: toSortedCounts(byReasonCode).map(({ key, count }) => ({ reasonCode: key, count })),
    byField: toSortedCounts(byField).map(({ key, count }) => ({
      fieldPath: key === WHOLE_ORDER ? null : key,
      count,
    })),
  };
}

function readDeadline(event: StatsEvent, key: 'providerReviewDue' | 'authorityReviewDue'): Date | undefined {
  const value = readString(event.details[key]);
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function share(within: number, finished: number): number | null {
  return finished === 0 ? null : round(within / finished);
}

/**
 * Deadline compliance of the provider phase (deadline set at each submission, met when the order
 * leaves the provider by then) and of authority review (deadline set on entering it).
 */
export function computeSla(
  events: readonly StatsEvent[],
  range: InstantRange,
  overdue: { providerReview: number; authorityReview: number },
): { providerReview: SlaStats; authorityReview: SlaStats } {
  const tally = {
    provider: { finished: 0, within: 0 },
    authority: { finished: 0, within: 0 },
  };
  for (const orderEvents of groupByOrder(events)) {
    const phases = [
      { statuses: PROVIDER_PHASE, key: 'providerReviewDue' as const, into: tally.provider },
      {
        statuses: STAGE_STATUSES.authority_review,
        key: 'authorityReviewDue' as const,
        into: tally.authority,
      },
    ];
    for (const phase of phases) {
      for (const interval of listIntervals(orderEvents, phase.statuses)) {
        const due = readDeadline(interval.startEvent, phase.key);
        if (!due || !isInRange(interval.end, range)) continue;
        phase.into.finished += 1;
        if (interval.end.getTime() <= due.getTime()) phase.into.within += 1;
      }
    }
  }
  return {
    providerReview: {
      finished: tally.provider.finished,
      withinDeadline: tally.provider.within,
      share: share(tally.provider.within, tally.provider.finished),
      overdueNow: overdue.providerReview,
    },
    authorityReview: {
      finished: tally.authority.finished,
      withinDeadline: tally.authority.within,
      share: share(tally.authority.within, tally.authority.finished),
      overdueNow: overdue.authorityReview,
    },
  };
}
