import { getEndOfChinaDay, getStartOfChinaDay } from '../../domain/calendar/china-date.ts';
import { issue } from '../../domain/shared/issue.ts';
import { toDomainError } from '../orders/order-errors.ts';
import type { AdminDeps } from './admin-stores.ts';

/** What the audit viewer shows of an event: who did what to which record, when, and its link. */
export interface AuditEventView {
  sequence: number;
  occurredAt: string;
  /** "user:<id>", "system", "cli" … */
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string;
  hash: string;
  prevHash: string;
}

/** The viewer's filters: exact actor, action, subject type and id, and China calendar days. */
export interface AuditEventQuery {
  actor?: string | undefined;
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** First China day (YYYY-MM-DD), inclusive. */
  from?: string | undefined;
  /** Last China day, inclusive. */
  to?: string | undefined;
}

/**
 * A page of the audit log, newest first, narrowed by the query. The payload stays out of the list:
 * it holds references only, and one event's detail (getAuditEvent) shows it.
 * @throws DomainError validation_failed when `from` is after `to`.
 */
export async function listAuditEvents(
  deps: Pick<AdminDeps, 'read'>,
  input: AuditEventQuery & { before?: number | undefined; limit: number },
): Promise<{ items: AuditEventView[]; nextBefore?: number }> {
  const { before, limit, from, to, ...exact } = input;
  if (from !== undefined && to !== undefined && from > to) {
    throw toDomainError(
      issue('invalid_range', 'from must not be after to.', '开始日期不能晚于结束日期。', {
        params: { field: 'from' },
      }),
    );
  }
  const events = await deps.read.auditEvents.listEventsBefore(before, limit, {
    ...exact,
    ...(from === undefined ? {} : { from: getStartOfChinaDay(from).toISOString() }),
    ...(to === undefined ? {} : { to: getEndOfChinaDay(to).toISOString() }),
  });
  const items = events.map(({ payload: _payload, ...event }) => event);
  const last = items.at(-1);
  return last !== undefined && items.length === limit && last.sequence > 1
    ? { items, nextBefore: last.sequence }
    : { items };
}
