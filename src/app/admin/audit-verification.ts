import type { AuditLogStore } from '../audit/audit-log-store.ts';
import { type AuditVerification, verifyAuditLog } from '../audit/verify-audit-log.ts';
import type { Clock } from '../ports.ts';

export type TimedAuditVerification = AuditVerification & {
  /** When the verification started: events appended later are not covered. */
  verifiedAt: Date;
};

export interface AuditVerificationStatus {
  /** The last full verification since the server started; absent before the first. */
  last?: TimedAuditVerification;
  /** Events in the log now (the chain head's sequence number). */
  headSequence: number;
  /** A verification is running. */
  isRunning: boolean;
}

export interface AuditVerifier {
  /** The last result and the head, without re-reading the chain: cheap enough for every page view. */
  getStatus(): Promise<AuditVerificationStatus>;
  /** Walks the whole chain now; callers arriving while a walk runs share it instead of starting another. */
  verifyNow(): Promise<TimedAuditVerification>;
}

/**
 * Verifying the chain reads and re-hashes every event, which grows with the log; the admin pages show
 * the last result and its time, and an admin (or the `openbeian audit verify` command) asks for a
 * new walk. One result per server process: it is a check, not a record.
 */
export function createAuditVerifier(deps: { auditLog: AuditLogStore; clock: Clock }): AuditVerifier {
  let last: TimedAuditVerification | undefined;
  let running: Promise<TimedAuditVerification> | undefined;
  return {
    async getStatus() {
      const head = await deps.auditLog.readHead();
      return { ...(last ? { last } : {}), headSequence: head.sequence, isRunning: running !== undefined };
    },
    verifyNow() {
      if (!running) {
        const verifiedAt = deps.clock.now();
        running = verifyAuditLog({ auditLog: deps.auditLog })
          .then((result) => {
            last = { ...result, verifiedAt };
            return last;
          })
          .finally(() => {
            running = undefined;
          });
      }
      return running;
    },
  };
}
