import type { JsonValue } from '../audit/audit-chain.ts';
import { DomainError } from '../errors.ts';
import type { AdminDeps } from './admin-stores.ts';
import type { AuditEventView } from './list-audit-events.ts';

export interface AuditEventDetail extends AuditEventView {
  /** The event's data as hashed: references (ids, codes, dates), never personal data (audit-chain.ts). */
  payload: JsonValue;
}

/**
 * One audit event with its payload, for the viewer's detail.
 * @throws DomainError not_found when there is no event with that sequence number.
 */
export async function getAuditEvent(
  deps: Pick<AdminDeps, 'read'>,
  sequence: number,
): Promise<AuditEventDetail> {
  const event = await deps.read.auditEvents.findEvent(sequence);
  if (!event) {
    throw new DomainError('not_found', {
      en: `There is no audit event #${sequence}.`,
      zh: `不存在第 ${sequence} 号审计事件。`,
    });
  }
  return { ...event, payload: JSON.parse(event.payload) as JsonValue };
}
