import type { Kysely } from 'kysely';
import type { AdminDeps, AuditEventReader } from '../../../app/admin/admin-stores.ts';
import type { Database } from '../database.ts';
import type { DB } from '../schema.ts';
import { createAuditLogRepository } from './audit-log-repository.ts';
import { createCalendarOverrideRepository } from './calendar-override-repository.ts';
import { createCatalogueEditRepository } from './catalogue-edit-repository.ts';
import { createFetchAllowHostRepository } from './fetch-allow-host-repository.ts';

/** The audit log newest first, a page at a time (the viewer's order; the verifier reads forwards). */
export function createAuditEventReader(executor: Kysely<DB>): AuditEventReader {
  return {
    async listEventsBefore(before, limit) {
      let query = executor.selectFrom('audit_events').selectAll();
      if (before !== undefined) query = query.where('sequence', '<', before);
      const rows = await query.orderBy('sequence', 'desc').limit(limit).execute();
      return rows.map((row) => ({
        sequence: row.sequence,
        occurredAt: row.occurred_at,
        actor: row.actor,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        payload: row.payload,
        prevHash: row.prev_hash,
        hash: row.hash,
      }));
    },
  };
}

/** The admin stores on one database: reads outside transactions, writes with their audit event inside one. */
export function createAdminPersistence(db: Database): Pick<AdminDeps, 'read' | 'transact'> {
  return {
    read: {
      calendarOverrides: createCalendarOverrideRepository(db.kysely),
      catalogueEdits: createCatalogueEditRepository(db.kysely),
      fetchAllowHosts: createFetchAllowHostRepository(db.kysely),
      auditEvents: createAuditEventReader(db.kysely),
      auditLog: createAuditLogRepository(db.kysely),
    },
    transact: (work) =>
      db.transaction((trx) =>
        work({
          calendarOverrides: createCalendarOverrideRepository(trx),
          catalogueEdits: createCatalogueEditRepository(trx),
          fetchAllowHosts: createFetchAllowHostRepository(trx),
          auditLog: createAuditLogRepository(trx),
        }),
      ),
  };
}
