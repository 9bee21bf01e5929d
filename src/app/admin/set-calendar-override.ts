import { isIsoDate } from '../../domain/calendar/china-date.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { AdminDeps, CalendarOverrideRecord } from './admin-stores.ts';

export interface SetCalendarOverrideInput {
  actor: Actor;
  date: string;
  kind: 'holiday' | 'workday';
  nameEn?: string | undefined;
  nameZh?: string | undefined;
  /** The notice the day comes from, e.g. 国务院办公厅关于2027年部分节假日安排的通知. */
  sourceText: string;
  sourceUrl?: string | undefined;
}

/**
 * Sets one day's override (a holiday or a worked day) on top of the seed calendar, replacing the day's
 * previous override. Deadlines computed after this use the new calendar; ones already set stay.
 * @throws DomainError validation_failed for an unreal date (the route's schema catches it first).
 */
export async function setCalendarOverride(
  deps: AdminDeps,
  input: SetCalendarOverrideInput,
): Promise<{ override: CalendarOverrideRecord; replaced: boolean }> {
  if (!isIsoDate(input.date)) {
    throw new DomainError('validation_failed', {
      en: `${input.date} is not a calendar date.`,
      zh: `${input.date} 不是有效日期。`,
    });
  }
  const now = deps.clock.now();
  const actor = `user:${input.actor.userId}`;
  const override: CalendarOverrideRecord = {
    date: input.date,
    kind: input.kind,
    ...(input.nameEn === undefined ? {} : { nameEn: input.nameEn }),
    ...(input.nameZh === undefined ? {} : { nameZh: input.nameZh }),
    sourceText: input.sourceText,
    ...(input.sourceUrl === undefined ? {} : { sourceUrl: input.sourceUrl }),
    createdBy: actor,
    createdAt: now,
  };
  const replaced = await deps.transact(async (stores) => {
    const previous = await stores.calendarOverrides.findOverride(input.date);
    await stores.calendarOverrides.saveOverride(override);
    await appendAuditEvent(stores, {
      occurredAt: now,
      actor,
      action: 'calendar.override_set',
      subjectType: 'calendar_day',
      subjectId: input.date,
      payload: { kind: input.kind, ...(previous ? { previousKind: previous.kind } : {}) },
    });
    return previous !== undefined;
  });
  deps.calendar.invalidate();
  return { override, replaced };
}
