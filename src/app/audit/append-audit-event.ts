import {
  type AuditEvent,
  canonicalJson,
  computeAuditHash,
  findPersonalData,
  type JsonObject,
} from './audit-chain.ts';
import type { AuditLogStore } from './audit-log-store.ts';

export interface AppendAuditEventInput {
  occurredAt: Date;
  /** "user:<id>", "system", "cli". */
  actor: string;
  /** Dotted verb: "order.submitted", "registry.imported". */
  action: string;
  subjectType: string;
  subjectId: string;
  /** References and facts only: ids, numbers, counts, statuses — never personal data. */
  payload?: JsonObject;
}

/** A caller put something in an audit event that must not be there; a programming error. */
export class AuditEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditEventError';
  }
}

function requireText(value: string, name: string): string {
  if (value.trim() === '' || value.length > 200) {
    throw new AuditEventError(`Audit event ${name} must be 1–200 characters`);
  }
  return value;
}

/**
 * Appends one event to the hash chain, inside the caller's transaction so the change and its audit
 * record commit together. The chain head stays locked until that transaction ends: append as the
 * last write of the transaction, so other writers wait as briefly as possible and lock order stays
 * the same everywhere (no deadlock with other row locks).
 * @throws AuditEventError when the payload looks like it carries personal data.
 */
export async function appendAuditEvent(
  deps: { auditLog: AuditLogStore },
  input: AppendAuditEventInput,
): Promise<AuditEvent> {
  const payload = input.payload ?? {};
  const personal = findPersonalData(payload);
  if (personal) {
    throw new AuditEventError(
      `Audit payload ${personal.path} looks like a ${personal.kind}; log a reference instead`,
    );
  }
  if (Number.isNaN(input.occurredAt.getTime())) throw new AuditEventError('Audit event time is invalid');
  const fields = {
    occurredAt: input.occurredAt.toISOString(),
    actor: requireText(input.actor, 'actor'),
    action: requireText(input.action, 'action'),
    subjectType: requireText(input.subjectType, 'subject type'),
    subjectId: requireText(input.subjectId, 'subject id'),
    payload: canonicalJson(payload),
  };
  return deps.auditLog.append(({ sequence, prevHash }) => {
    const event = { sequence, ...fields, prevHash };
    return { ...event, hash: computeAuditHash(event) };
  });
}
