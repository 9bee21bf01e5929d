import { isIsoDate, toDayNumber, toIsoDate } from '../../domain/calendar/china-date.ts';
import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import { type Issue, issue } from '../../domain/shared/issue.ts';
import type { InstanceRecord } from './provider-store.ts';

/** Providers accept only instances subscribed for at least three months (reference §3.2). */
export const MIN_SUBSCRIPTION_MONTHS = 3;

/** Codes and filings per instance; a burnt code is never replaced, renewal adds none (reference §3.2). */
export const MAX_SERVICE_CODES_PER_INSTANCE = 5;

const SOURCE = 'ref-3-instances';

/** The same day `months` later, clamped to the month's end (2026-01-31 + 1 month = 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  // Day 0 of the next month is the last day of this one (dates here are four-digit years).
  const daysInMonth = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, daysInMonth), 2)}`;
}

/** True when the subscription from `start` to `end` (last day included) covers at least three months. */
export function coversMinimumTerm(start: string, end: string): boolean {
  const dayAfterEnd = toIsoDate(toDayNumber(end) + 1);
  return dayAfterEnd >= addMonths(start, MIN_SUBSCRIPTION_MONTHS);
}

export interface InstanceEligibility {
  eligible: boolean;
  issues: Issue[];
}

/**
 * Whether an instance may carry a filing on `today` (China date): a data centre in a mainland filing
 * province, a subscription of three months or more, running today.
 */
export function checkInstanceEligibility(
  instance: Pick<InstanceRecord, 'provinceCode' | 'subscriptionStart' | 'subscriptionEnd'>,
  today: string,
  catalogue: Catalogue,
): InstanceEligibility {
  const issues: Issue[] = [];
  if (!catalogue.provinces.some((p) => p.code === instance.provinceCode)) {
    issues.push(
      issue(
        'instance_not_in_mainland',
        'The instance is not in a mainland region, so it cannot carry a filing.',
        '该实例不在中国内地地域，不能用于备案。',
        { source: SOURCE, params: { provinceCode: instance.provinceCode } },
      ),
    );
  }
  const datesValid = isIsoDate(instance.subscriptionStart) && isIsoDate(instance.subscriptionEnd);
  if (datesValid && !coversMinimumTerm(instance.subscriptionStart, instance.subscriptionEnd)) {
    issues.push(
      issue(
        'subscription_too_short',
        `The instance's subscription is shorter than ${MIN_SUBSCRIPTION_MONTHS} months; providers accept only instances subscribed for ${MIN_SUBSCRIPTION_MONTHS} months or more (no pay-as-you-go).`,
        `该实例的购买时长不足 ${MIN_SUBSCRIPTION_MONTHS} 个月；接入商只接受购买 ${MIN_SUBSCRIPTION_MONTHS} 个月及以上的实例（按量付费不可用）。`,
        { source: SOURCE, params: { months: MIN_SUBSCRIPTION_MONTHS } },
      ),
    );
  }
  if (datesValid && today > instance.subscriptionEnd) {
    issues.push(
      issue(
        'subscription_expired',
        `The instance's subscription ended on ${instance.subscriptionEnd}.`,
        `该实例已于 ${instance.subscriptionEnd} 到期。`,
        { source: SOURCE, params: { subscriptionEnd: instance.subscriptionEnd } },
      ),
    );
  }
  if (datesValid && today < instance.subscriptionStart) {
    issues.push(
      issue(
        'subscription_not_started',
        `The instance's subscription starts on ${instance.subscriptionStart}.`,
        `该实例的购买时长自 ${instance.subscriptionStart} 起算，尚未开始。`,
        { source: SOURCE, params: { subscriptionStart: instance.subscriptionStart } },
      ),
    );
  }
  return { eligible: issues.length === 0, issues };
}
