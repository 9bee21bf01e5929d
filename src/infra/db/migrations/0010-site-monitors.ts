import { type Kysely, sql } from 'kysely';
import type { DatabaseDialect } from '../database.ts';

/**
 * The compliance monitor (see tables/monitoring.ts): sites their owners asked OpenBeian to watch,
 * the history of their footer checks, and the reminders already sent for each (one row per key, so
 * a reminder goes out once however often the job runs). The partial index serves the scheduler's
 * "due now" query.
 */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const isSqlite = dialect === 'sqlite';
  const idType = isSqlite ? 'integer' : 'bigint';
  const verdicts = sql`('compliant', 'warnings', 'non_compliant', 'unreachable')`;

  await db.schema
    .createTable('monitored_sites')
    .addColumn('id', idType, (c) =>
      isSqlite ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('filed_domain', 'text')
    .addColumn('expected_number', 'text')
    .addColumn('is_psb_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('psb_number', 'text')
    .addColumn('licence_number', 'text')
    .addColumn('go_live_on', 'text')
    .addColumn('domain_expires_on', 'text')
    .addColumn('instance_id', 'text')
    .addColumn('instance_expires_on', 'text')
    .addColumn('interval_hours', 'integer', (c) => c.notNull())
    .addColumn('is_paused', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_check_at', 'text', (c) => c.notNull())
    .addColumn('last_checked_at', 'text')
    .addColumn('last_verdict', 'text')
    .addColumn('notified_verdict', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('monitored_sites_interval', sql`interval_hours between 1 and 168`)
    .addCheckConstraint(
      'monitored_sites_last_verdict',
      sql`last_verdict is null or last_verdict in ${verdicts}`,
    )
    .addCheckConstraint(
      'monitored_sites_notified_verdict',
      sql`notified_verdict is null or notified_verdict in ${verdicts}`,
    )
    .execute();
  await db.schema
    .createIndex('monitored_sites_owner')
    .on('monitored_sites')
    .column('owner_user_id')
    .execute();
  await db.schema
    .createIndex('monitored_sites_due')
    .on('monitored_sites')
    .column('next_check_at')
    .where(sql.ref('is_paused'), '=', 0)
    .execute();

  await db.schema
    .createTable('site_checks')
    .addColumn('id', idType, (c) =>
      isSqlite ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn('site_id', idType, (c) => c.notNull().references('monitored_sites.id').onDelete('cascade'))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addCheckConstraint('site_checks_verdict', sql`verdict in ${verdicts}`)
    .addCheckConstraint('site_checks_trigger', sql`trigger in ('schedule', 'manual')`)
    .execute();
  await db.schema
    .createIndex('site_checks_site_time')
    .on('site_checks')
    .columns(['site_id', 'checked_at'])
    .execute();

  await db.schema
    .createTable('site_reminders_sent')
    .addColumn('site_id', idType, (c) => c.notNull().references('monitored_sites.id').onDelete('cascade'))
    .addColumn('reminder_key', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('site_reminders_sent_pk', ['site_id', 'reminder_key'])
    .execute();
}
