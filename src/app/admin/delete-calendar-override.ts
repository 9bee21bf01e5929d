import type { Actor } from '../../domain/policy/order-access.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { AdminDeps } from './admin-stores.ts';

/**
 * Removes a day's override: the day follows the seed data (or the plain week) again.
 * @throws DomainError not_found when the day has no override.
 */
export async function deleteCalendarOverride(
  deps: AdminDeps,
  input: { actor: Actor; date: string },
): Promise<void> {
  const now = deps.clock.now();
  await deps.transact(async (stores) => {
    const previous = await stores.calendarOverrides.findOverride(input.date);
    if (!previous) {
      throw new DomainError('not_found', {
        en: `${input.date} has no calendar override.`,
        zh: `${input.date} 没有日历调整记录。`,
      });
    }
    await stores.calendarOverrides.deleteOverride(input.date);
    await appendAuditEvent(stores, {
      occurredAt: now,
      actor: `user:${input.actor.userId}`,
      action: 'calendar.override_deleted',
      subjectType: 'calendar_day',
      subjectId: input.date,
      payload: { previousKind: previous.kind },
    });
  });
  deps.calendar.invalidate();
}
