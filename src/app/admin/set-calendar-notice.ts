import { addCalendarDays, isIsoDate } from '../../domain/calendar/china-date.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { AdminDeps, CalendarOverrideRecord } from './admin-stores.ts';

/** A holiday in a State Council notice is at most a couple of weeks; a month stops a typo's year. */
export const MAX_NOTICE_HOLIDAY_DAYS = 31;
export const MAX_NOTICE_MAKEUP_DAYS = 10;

export interface SetCalendarNoticeInput {
  actor: Actor;
  /** The holiday's first and last day, both days off. */
  holidayFrom: string;
  holidayTo: string;
  /** The make-up working days (调休上班) the notice names for this holiday. */
  makeupWorkdays: readonly string[];
  nameEn?: string | undefined;
  nameZh?: string | undefined;
  /** The notice, e.g. 国务院办公厅关于2027年部分节假日安排的通知. */
  sourceText: string;
  sourceUrl?: string | undefined;
}

/** 400 validation_failed with the field it is about, in the wire's field-error form (in the caller's language). */
function invalid(en: string, zh: string, path: string): DomainError {
  return new DomainError('validation_failed', { en, zh }, [
    { in: 'body', path, code: 'invalid_notice', message: { en, zh } },
  ]);
}

/**
 * Enters one holiday of a State Council notice: every day from `holidayFrom` to `holidayTo` a
 * holiday and each make-up day a working day, replacing those days' previous overrides. All the days
 * and their audit events (one per day, as for a single day) commit together or not at all.
 * @throws DomainError validation_failed for unreal dates, a reversed or too long range, or a make-up
 *   day inside the holiday or given twice.
 */
export async function setCalendarNotice(
  deps: AdminDeps,
  input: SetCalendarNoticeInput,
): Promise<{ overrides: CalendarOverrideRecord[]; replaced: string[] }> {
  const { holidayFrom: from, holidayTo: to } = input;
  for (const [field, date] of [
    ['holidayFrom', from],
    ['holidayTo', to],
    ...input.makeupWorkdays.map((date, i) => [`makeupWorkdays.${i}`, date] as const),
  ] as const) {
    if (!isIsoDate(date)) throw invalid(`${date} is not a calendar date.`, `${date} 不是有效日期。`, field);
  }
  if (from > to) {
    throw invalid('The holiday ends before it starts.', '假期结束日期早于开始日期。', 'holidayTo');
  }
  const holidays: string[] = [];
  for (let day = from; day <= to; day = addCalendarDays(day, 1)) {
    holidays.push(day);
    if (holidays.length > MAX_NOTICE_HOLIDAY_DAYS) {
      throw invalid(
        `A holiday lasts at most ${MAX_NOTICE_HOLIDAY_DAYS} days.`,
        `一个假期最长 ${MAX_NOTICE_HOLIDAY_DAYS} 天。`,
        'holidayTo',
      );
    }
  }
  const seen = new Set<string>();
  for (const [i, day] of input.makeupWorkdays.entries()) {
    if (day >= from && day <= to) {
      throw invalid(
        `${day} is inside the holiday: a make-up working day falls outside it.`,
        `${day} 在假期之内：调休上班日应在假期之外。`,
        `makeupWorkdays.${i}`,
      );
    }
    if (seen.has(day)) {
      throw invalid(`${day} is given twice.`, `${day} 重复填写。`, `makeupWorkdays.${i}`);
    }
    seen.add(day);
  }

  const now = deps.clock.now();
  const actor = `user:${input.actor.userId}`;
  const build = (date: string, kind: 'holiday' | 'workday'): CalendarOverrideRecord => ({
    date,
    kind,
    ...(input.nameEn === undefined ? {} : { nameEn: input.nameEn }),
    ...(input.nameZh === undefined ? {} : { nameZh: input.nameZh }),
    sourceText: input.sourceText,
    ...(input.sourceUrl === undefined ? {} : { sourceUrl: input.sourceUrl }),
    createdBy: actor,
    createdAt: now,
  });
  const overrides = [
    ...holidays.map((date) => build(date, 'holiday')),
    ...[...input.makeupWorkdays].sort().map((date) => build(date, 'workday')),
  ];
  const replaced = await deps.transact(async (stores) => {
    const previousDays: string[] = [];
    for (const override of overrides) {
      const previous = await stores.calendarOverrides.findOverride(override.date);
      await stores.calendarOverrides.saveOverride(override);
      await appendAuditEvent(stores, {
        occurredAt: now,
        actor,
        action: 'calendar.override_set',
        subjectType: 'calendar_day',
        subjectId: override.date,
        payload: {
          kind: override.kind,
          ...(previous ? { previousKind: previous.kind } : {}),
          notice: { holidayFrom: from, holidayTo: to },
        },
      });
      if (previous) previousDays.push(override.date);
    }
    return previousDays;
  });
  deps.calendar.invalidate();
  return { overrides, replaced };
}
