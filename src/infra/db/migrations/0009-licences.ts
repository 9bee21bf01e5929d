import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import type { DatabaseDialect } from '../database.ts';

const STATUSES = [
  'draft',
  'submitted',
  'acceptance_check',
  'materials_requested',
  'under_review',
  'approved',
  'rejected',
  'withdrawn',
];

function list(values: readonly string[]) {
  return sql.join(values.map((value) => sql.lit(value)));
}

/**
 * ICP and EDI licence applications with their submitted versions and timeline, the licence number
 * sequences, the licences issued with their annual reports and changes, and the reminders (deadline
 * reminders scheduled by the workflow, obligation reminders sent once per key). Users and organisations
 * are referenced by id without foreign keys, as in 0004.
 */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const isSqlite = dialect === 'sqlite';
  const idType = isSqlite ? 'integer' : 'bigint';
  const id = (c: ColumnDefinitionBuilder) =>
    isSqlite ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity();

  await db.schema
    .createTable('licence_applications')
    .addColumn('id', idType, id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('authority_mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('applicant_user_id', 'text', (c) => c.notNull())
    .addColumn('agent_org_id', 'text')
    .addColumn('client_user_id', 'text')
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submitted_version', 'integer')
    .addColumn('has_been_submitted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('acceptance_due', 'text')
    .addColumn('review_due', 'text')
    .addColumn('reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('submitted_at', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('licence_applications_kind', sql`kind in ('icp', 'edi')`)
    .addCheckConstraint('licence_applications_scope', sql`scope in ('provincial', 'cross_regional')`)
    .addCheckConstraint('licence_applications_status', sql`status in (${list(STATUSES)})`)
    .addCheckConstraint('licence_applications_authority_mode', sql`authority_mode in ('sandbox', 'recorded')`)
    .addCheckConstraint('licence_applications_province_code', sql`length(province_code) = 2`)
    .addCheckConstraint('licence_applications_has_been_submitted', sql`has_been_submitted in (0, 1)`)
    .addCheckConstraint('licence_applications_version_positive', sql`version > 0`)
    .execute();

  await db.schema
    .createTable('licence_application_versions')
    .addColumn('id', idType, id)
    .addColumn('application_id', idType, (c) => c.notNull().references('licence_applications.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('company_name', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('licence_application_versions_version', ['application_id', 'version'])
    .execute();

  await db.schema
    .createTable('licence_application_events')
    .addColumn('id', idType, id)
    .addColumn('application_id', idType, (c) => c.notNull().references('licence_applications.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('licence_number_sequences')
    .addColumn('sequence_key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('licence_number_sequences_pk', ['sequence_key', 'year'])
    .addCheckConstraint('licence_number_sequences_last_serial', sql`last_serial between 0 and 9999`)
    .execute();

  await db.schema
    .createTable('issued_licences')
    .addColumn('id', idType, id)
    .addColumn('application_id', idType, (c) => c.notNull().unique().references('licence_applications.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('telecom_licence_number', 'text', (c) => c.notNull().unique())
    .addColumn('icp_licence_number', 'text', (c) => c.unique())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('renewal_applied_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('issued_licences_validity', sql`expires_on > issued_on`)
    .execute();

  await db.schema
    .createTable('licence_annual_reports')
    .addColumn('id', idType, id)
    .addColumn('licence_id', idType, (c) => c.notNull().references('issued_licences.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('licence_annual_reports_year', ['licence_id', 'year'])
    .execute();

  await db.schema
    .createTable('licence_changes')
    .addColumn('id', idType, id)
    .addColumn('licence_id', idType, (c) => c.notNull().references('issued_licences.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('licence_reminders_sent')
    .addColumn('id', idType, id)
    .addColumn('licence_id', idType, (c) => c.notNull().references('issued_licences.id'))
    .addColumn('reminder_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('licence_reminders_sent_key', ['licence_id', 'reminder_key'])
    .execute();

  await db.schema
    .createTable('licence_scheduled_reminders')
    .addColumn('id', idType, id)
    .addColumn('application_id', idType, (c) => c.notNull().references('licence_applications.id'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('deadline_kind', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .addCheckConstraint('licence_scheduled_reminders_status', sql`status in ('pending', 'sent', 'cancelled')`)
    .execute();

  const statements = [
    `create index licence_applications_applicant on licence_applications (applicant_user_id, updated_at)`,
    `create index licence_applications_agent on licence_applications (agent_org_id, updated_at)
       where agent_org_id is not null`,
    `create index licence_applications_client on licence_applications (client_user_id, updated_at)
       where client_user_id is not null`,
    `create index licence_applications_province_status on licence_applications (province_code, status)`,
    `create index licence_application_events_application on licence_application_events (application_id, id)`,
    `create index licence_changes_licence on licence_changes (licence_id, id)`,
    `create index licence_scheduled_reminders_due on licence_scheduled_reminders (status, send_at)`,
    ...(isSqlite ? sqliteVersionGuards : postgresVersionGuards),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** A submitted version is evidence of what the applicant filed: it never changes. */
const sqliteVersionGuards = [
  `create trigger licence_application_versions_no_update before update on licence_application_versions begin
     select raise(abort, 'licence_application_versions are immutable');
   end`,
  `create trigger licence_application_versions_no_delete before delete on licence_application_versions begin
     select raise(abort, 'licence_application_versions are immutable');
   end`,
];

const postgresVersionGuards = [
  `create function licence_application_versions_refuse_change() returns trigger language plpgsql as $$
   begin
     raise exception 'licence_application_versions are immutable';
   end
   $$`,
  `create trigger licence_application_versions_immutable before update or delete
     on licence_application_versions
     for each row execute function licence_application_versions_refuse_change()`,
];
