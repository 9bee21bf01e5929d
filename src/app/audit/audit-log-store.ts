import type { AuditEvent } from './audit-chain.ts';

/** The position a new event takes: the next sequence and the hash it links to. */
export interface AuditLink {
  sequence: number;
  prevHash: string;
}

export interface AuditHead {
  /** 0 while the log is empty. */
  sequence: number;
  hash: string;
}

/** The audit log port. Bound to the caller's transaction when appending. */
export interface AuditLogStore {
  /**
   * Claims the next position (locking the chain head until the transaction ends, so concurrent
   * appenders queue up), stores the event `build` returns for it and moves the head.
   * @throws Error when not bound to a transaction.
   */
  append(build: (link: AuditLink) => AuditEvent): Promise<AuditEvent>;
  readHead(): Promise<AuditHead>;
  /** Up to `limit` events after `afterSequence`, in sequence order. */
  readEvents(afterSequence: number, limit: number): Promise<AuditEvent[]>;
}
