import type { Kysely, Selectable } from 'kysely';
import type { MonitorDeps } from '../../../app/monitoring/monitor-deps.ts';
import type {
  MonitoredSiteRecord,
  MonitorStore,
  SiteCheckRecord,
  SiteCheckResult,
  SiteSettings,
} from '../../../app/monitoring/monitor-store.ts';
import type { SiteVerdict } from '../../../domain/compliance/site-monitoring.ts';
import type { Database } from '../database.ts';
import type { DB } from '../schema.ts';
import type { MonitoredSitesTable, SiteChecksTable } from '../tables/monitoring.ts';
import { createNotificationRepository } from './notification-repository.ts';
import { createShellEntityRepository } from './shell-entity-repository.ts';
import { toDate } from './timestamp-columns.ts';

const optional = <K extends string, V>(key: K, value: V | null): { [P in K]?: V } =>
  (value === null ? {} : { [key]: value }) as { [P in K]?: V };

function toSite(row: Selectable<MonitoredSitesTable>): MonitoredSiteRecord {
  return {
    id: row.id,
    ownerUserId: row.owner_user_id,
    ...optional('label', row.label),
    url: row.url,
    ...optional('filedDomain', row.filed_domain),
    ...optional('expectedNumber', row.expected_number),
    isPsbRequired: row.is_psb_required === 1,
    ...optional('psbNumber', row.psb_number),
    ...optional('licenceNumber', row.licence_number),
    ...optional('goLiveOn', row.go_live_on),
    ...optional('domainExpiresOn', row.domain_expires_on),
    ...optional('instanceId', row.instance_id),
    ...optional('instanceExpiresOn', row.instance_expires_on),
    intervalHours: row.interval_hours,
    isPaused: row.is_paused === 1,
    nextCheckAt: new Date(row.next_check_at),
    ...optional('lastCheckedAt', toDate(row.last_checked_at) ?? null),
    ...optional('lastVerdict', row.last_verdict as SiteVerdict | null),
    ...optional('notifiedVerdict', row.notified_verdict as SiteVerdict | null),
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

function toCheck(row: Selectable<SiteChecksTable>): SiteCheckRecord {
  return {
    id: row.id,
    siteId: row.site_id,
    checkedAt: new Date(row.checked_at),
    trigger: row.trigger,
    verdict: row.verdict as SiteVerdict,
    result: JSON.parse(row.result) as SiteCheckResult,
  };
}

function toColumns(settings: SiteSettings) {
  return {
    label: settings.label ?? null,
    url: settings.url,
    filed_domain: settings.filedDomain ?? null,
    expected_number: settings.expectedNumber ?? null,
    is_psb_required: settings.isPsbRequired ? 1 : 0,
    psb_number: settings.psbNumber ?? null,
    licence_number: settings.licenceNumber ?? null,
    go_live_on: settings.goLiveOn ?? null,
    domain_expires_on: settings.domainExpiresOn ?? null,
    instance_id: settings.instanceId ?? null,
    instance_expires_on: settings.instanceExpiresOn ?? null,
    interval_hours: settings.intervalHours,
    is_paused: settings.isPaused ? 1 : 0,
  };
}

/** The compliance monitor's sites, check history and sent reminders on SQLite and PostgreSQL. */
export function createMonitorRepository(executor: Kysely<DB>): MonitorStore {
  return {
    async insertSite(site) {
      const at = site.at.toISOString();
      const row = await executor
        .insertInto('monitored_sites')
        .values({
          ...toColumns(site),
          owner_user_id: site.ownerUserId,
          next_check_at: site.nextCheckAt.toISOString(),
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSite(row);
    },

    async updateSite(id, settings, at, nextCheckAt) {
      await executor
        .updateTable('monitored_sites')
        .set({
          ...toColumns(settings),
          updated_at: at.toISOString(),
          ...(nextCheckAt ? { next_check_at: nextCheckAt.toISOString() } : {}),
        })
        .where('id', '=', id)
        .execute();
    },

    async deleteSite(id) {
      // Not every SQLite connection enforces foreign keys' cascades: delete the children first.
      await executor.deleteFrom('site_checks').where('site_id', '=', id).execute();
      await executor.deleteFrom('site_reminders_sent').where('site_id', '=', id).execute();
      const result = await executor.deleteFrom('monitored_sites').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async findSite(id) {
      const row = await executor
        .selectFrom('monitored_sites')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toSite(row) : undefined;
    },

    async listSites({ ownerUserId, limit }) {
      let query = executor.selectFrom('monitored_sites').selectAll();
      if (ownerUserId !== undefined) query = query.where('owner_user_id', '=', ownerUserId);
      const rows = await query.orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toSite);
    },

    async listDueSites(now, limit) {
      const rows = await executor
        .selectFrom('monitored_sites')
        .selectAll()
        .where('is_paused', '=', 0)
        .where('next_check_at', '<=', now.toISOString())
        .orderBy('next_check_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toSite);
    },

    async listActiveSites(afterId, limit) {
      const rows = await executor
        .selectFrom('monitored_sites')
        .selectAll()
        .where('is_paused', '=', 0)
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toSite);
    },

    async insertCheck(check) {
      const row = await executor
        .insertInto('site_checks')
        .values({
          site_id: check.siteId,
          checked_at: check.checkedAt.toISOString(),
          trigger: check.trigger,
          verdict: check.verdict,
          result: JSON.stringify(check.result),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCheck(row);
    },

    async markChecked(id, update) {
      await executor
        .updateTable('monitored_sites')
        .set({
          last_checked_at: update.checkedAt.toISOString(),
          last_verdict: update.verdict,
          notified_verdict: update.notifiedVerdict,
          next_check_at: update.nextCheckAt.toISOString(),
        })
        .where('id', '=', id)
        .execute();
    },

    async postponeCheck(id, nextCheckAt) {
      await executor
        .updateTable('monitored_sites')
        .set({ next_check_at: nextCheckAt.toISOString() })
        .where('id', '=', id)
        .execute();
    },

    async listChecks(siteId, limit) {
      const rows = await executor
        .selectFrom('site_checks')
        .selectAll()
        .where('site_id', '=', siteId)
        .orderBy('checked_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toCheck);
    },

    async listSentReminderKeys(siteId) {
      const rows = await executor
        .selectFrom('site_reminders_sent')
        .select('reminder_key')
        .where('site_id', '=', siteId)
        .execute();
      return rows.map((row) => row.reminder_key);
    },

    async markReminderSent(siteId, key, at) {
      const row = await executor
        .insertInto('site_reminders_sent')
        .values({ site_id: siteId, reminder_key: key, sent_at: at.toISOString() })
        .onConflict((conflict) => conflict.columns(['site_id', 'reminder_key']).doNothing())
        .returning('reminder_key')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

/**
 * The monitor's stores on one database: reads outside transactions, a check's writes inside one, and
 * the filed entities for shell-entity detection.
 */
export function createMonitorPersistence(
  db: Database,
): Pick<MonitorDeps, 'read' | 'transact' | 'shellEntities'> {
  return {
    shellEntities: createShellEntityRepository(db.kysely),
    read: {
      sites: createMonitorRepository(db.kysely),
      notifications: createNotificationRepository(db.kysely, db.dialect),
    },
    transact: (work) =>
      db.transaction((trx) =>
        work({
          sites: createMonitorRepository(trx),
          notifications: createNotificationRepository(trx, db.dialect),
        }),
      ),
  };
}
