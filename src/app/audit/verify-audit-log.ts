import { computeAuditHash, GENESIS_HASH } from './audit-chain.ts';
import type { AuditLogStore } from './audit-log-store.ts';

export type AuditBreakReason =
  /** The event's content does not produce its stored hash: the row was edited. */
  | 'hash_mismatch'
  /** The event does not link to the one before it: an event was edited and rehashed, replaced or reordered. */
  | 'prev_hash_mismatch'
  /** A sequence number is missing: events were deleted. */
  | 'sequence_gap'
  /** The chain head does not match the last event: the tail was cut off or the head rewritten. */
  | 'head_mismatch';

export type AuditVerification =
  | { ok: true; count: number; headHash: string }
  | {
      ok: false;
      /** Events verified before the break. */
      count: number;
      /** The sequence number of the first broken link. */
      brokenAt: number;
      reason: AuditBreakReason;
    };

/**
 * Walks the whole chain in sequence order, recomputing every hash and link, and reports the first
 * broken link. Events appended while it runs (after the head it read first) are left for next time.
 */
export async function verifyAuditLog(
  deps: { auditLog: AuditLogStore },
  options: { batchSize?: number } = {},
): Promise<AuditVerification> {
  const batchSize = options.batchSize ?? 1_000;
  const head = await deps.auditLog.readHead();
  let expected = 1;
  let prevHash = GENESIS_HASH;
  const broken = (brokenAt: number, reason: AuditBreakReason): AuditVerification => ({
    ok: false,
    count: expected - 1,
    brokenAt,
    reason,
  });

  while (expected <= head.sequence) {
    const events = await deps.auditLog.readEvents(
      expected - 1,
      Math.min(batchSize, head.sequence - expected + 1),
    );
    if (events.length === 0) break;
    for (const event of events) {
      if (event.sequence !== expected) return broken(expected, 'sequence_gap');
      if (event.prevHash !== prevHash) return broken(event.sequence, 'prev_hash_mismatch');
      const { hash, ...content } = event;
      if (computeAuditHash(content) !== hash) return broken(event.sequence, 'hash_mismatch');
      prevHash = hash;
      expected += 1;
    }
  }
  if (expected - 1 !== head.sequence) return broken(expected, 'sequence_gap');
  if (prevHash !== head.hash) return broken(head.sequence, 'head_mismatch');
  return { ok: true, count: head.sequence, headHash: head.hash };
}
