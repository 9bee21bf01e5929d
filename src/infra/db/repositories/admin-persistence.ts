import type { Kysely } from 'kysely';
import type { AdminDeps, AuditEventReader } from '../../../app/admin/admin-stores.ts';
import type { Database } from '../database.ts';
import type { DB } from '../schema.ts';
import { createAuditLogRepository, toAuditEvent } from './audit-log-repository.ts';
import { createCalendarOverrideRepository } from './calendar-override-repository.ts';
import { createCatalogueEditRepository } from './catalogue-edit-repository.ts';
import { createFetchAllowHostRepository } from './fetch-allow-host-repository.ts';

/** The audit log newest first, a page at a time (the viewer's order; the verifier reads forwards). */
export function createAuditEventReader(executor: Kysely<DB>): AuditEventReader {
  return {
    async listEventsBefore(before, limit, filter = {}) {
      let query = executor.selectFrom('audit_events').selectAll();
      if (before !== undefined) query = query.where('sequence', '<', before);
      if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
      if (filter.action !== undefined) query = query.where('action', '=', filter.action);
      if (filter.subjectType !== undefined) query = query.where('subject_type', '=', filter.subjectType);
      if (filter.subjectId !== undefined) query = query.where('subject_id', '=', filter.subjectId);
      // ISO 8601 instants in UTC (toISOString) sort as text in time order on both databases.
      if (filter.from !== undefined) query = query.where('occurred_at', '>=', filter.from);
      if (filter.to !== undefined) query = query.where('occurred_at', '<=', filter.to);
      const rows = await query.orderBy('sequence', 'desc').limit(limit).execute();
      return rows.map(toAuditEvent);
    },
    async findEvent(sequence) {
      const row = await executor
        .selectFrom('audit_events')
        .selectAll()
        .where('sequence', '=', sequence)
        .executeTakeFirst();
      return row === undefined ? undefined : toAuditEvent(row);
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
