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

/**
 * A page of the audit log, newest first. The payload stays out: it holds references only, but the
 * viewer has no need for it, and `openbeian audit verify` checks it.
 */
export async function listAuditEvents(
  deps: Pick<AdminDeps, 'read'>,
  input: { before?: number | undefined; limit: number },
): Promise<{ items: AuditEventView[]; nextBefore?: number }> {
  const events = await deps.read.auditEvents.listEventsBefore(input.before, input.limit);
  const items = events.map(({ payload: _payload, ...event }) => event);
  const last = items.at(-1);
  return last !== undefined && items.length === input.limit && last.sequence > 1
    ? { items, nextBefore: last.sequence }
    : { items };
}
