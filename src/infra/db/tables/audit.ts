/**
 * The hash-chained audit log (DESIGN.md §6, perf-reliability §2.4). Rows are never updated or
 * deleted (database triggers refuse it); `audit_chain_head` holds the last sequence and hash so
 * appenders serialise on one row and the verifier notices a truncated tail.
 */
export interface AuditEventsTable {
  /** 1, 2, 3 … without gaps. */
  sequence: number;
  /** ISO 8601 UTC timestamp with milliseconds. */
  occurred_at: string;
  /** Who acted: "user:<id>", "system", "cli". */
  actor: string;
  /** What happened, dotted: "order.submitted", "registry.imported". */
  action: string;
  subject_type: string;
  subject_id: string;
  /** Canonical JSON (sorted keys) without personal data, hashed byte for byte. */
  payload: string;
  /** Hex SHA-256 of the previous event; 64 zeros before the first. */
  prev_hash: string;
  /** Hex SHA-256 of this event's canonical serialisation, prev_hash included. */
  hash: string;
}

export interface AuditChainHeadTable {
  /** Always 1: a single row. */
  id: number;
  last_sequence: number;
  last_hash: string;
}

export interface AuditTables {
  audit_events: AuditEventsTable;
  audit_chain_head: AuditChainHeadTable;
}
