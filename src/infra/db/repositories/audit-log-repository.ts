import type { Kysely, Selectable } from 'kysely';
import type { AuditEvent } from '../../../app/audit/audit-chain.ts';
import type { AuditLogStore } from '../../../app/audit/audit-log-store.ts';
import type { DB } from '../schema.ts';
import type { AuditEventsTable } from '../tables/audit.ts';

export function toAuditEvent(row: Selectable<AuditEventsTable>): AuditEvent {
  return {
    sequence: row.sequence,
    occurredAt: row.occurred_at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    payload: row.payload,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The audit log on SQLite and PostgreSQL. Appends serialise on the single chain-head row: the first
 * statement increments its sequence, which on PostgreSQL row-locks it until the caller's transaction
 * ends (a concurrent appender waits, then reads the committed head under READ COMMITTED) and on
 * SQLite runs under the BEGIN IMMEDIATE write lock. Do not append under REPEATABLE READ or
 * SERIALIZABLE on PostgreSQL: the second appender would fail with a serialisation error.
 */
export function createAuditLogRepository(executor: Kysely<DB>): AuditLogStore {
  return {
    async append(build) {
      if (!executor.isTransaction) {
        throw new Error('Audit events are appended inside the transaction of the change they record');
      }
      const head = await executor
        .updateTable('audit_chain_head')
        .set((eb) => ({ last_sequence: eb('last_sequence', '+', 1) }))
        .where('id', '=', 1)
        .returning(['last_sequence', 'last_hash'])
        .executeTakeFirstOrThrow();
      const event = build({ sequence: head.last_sequence, prevHash: head.last_hash });
      if (event.sequence !== head.last_sequence || event.prevHash !== head.last_hash) {
        throw new Error('An audit event must take the position it was given');
      }
      await executor
        .insertInto('audit_events')
        .values({
          sequence: event.sequence,
          occurred_at: event.occurredAt,
          actor: event.actor,
          action: event.action,
          subject_type: event.subjectType,
          subject_id: event.subjectId,
          payload: event.payload,
          prev_hash: event.prevHash,
          hash: event.hash,
        })
        .execute();
      await executor
        .updateTable('audit_chain_head')
        .set({ last_hash: event.hash })
        .where('id', '=', 1)
        .execute();
      return event;
    },

    async readHead() {
      const row = await executor
        .selectFrom('audit_chain_head')
        .select(['last_sequence', 'last_hash'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      return { sequence: row.last_sequence, hash: row.last_hash };
    },

    async readEvents(afterSequence, limit) {
      const rows = await executor
        .selectFrom('audit_events')
        .selectAll()
        .where('sequence', '>', afterSequence)
        .orderBy('sequence')
        .limit(limit)
        .execute();
      return rows.map(toAuditEvent);
    },
  };
}
