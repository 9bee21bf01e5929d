import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import type { DatabaseDialect } from '../database.ts';

const ORDER_STATUSES = [
  'draft',
  'submitted',
  'provider_review',
  'returned_by_provider',
  'identity_verification',
  'ready_for_authority',
  'sms_verification',
  'authority_review',
  'approved',
  'rejected_by_authority',
  'withdrawn',
];
const ORDER_TYPES = [
  'first_filing',
  'add_service',
  'add_access',
  'change',
  'cancel_service',
  'cancel_entity',
  'cancel_access',
];

function list(values: readonly string[]) {
  return sql.join(values.map((value) => sql.lit(value)));
}

/**
 * Providers' instances and service codes, filing orders with their drafts, immutable versions,
 * events and SMS checks, number allocation, the private side of the registry (certificate → entity,
 * service → providers), the in-app inbox, the mail outbox and scheduled reminders. Users and
 * organisations are referenced by id without foreign keys: their tables come from the accounts
 * migration, which may run before or after this one.
 */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const isSqlite = dialect === 'sqlite';
  const idType = isSqlite ? 'integer' : 'bigint';
  const id = (c: ColumnDefinitionBuilder) =>
    isSqlite ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity();
  const flag = (name: string) => sql`${sql.ref(name)} in (0, 1)`;

  await db.schema
    .createTable('orders')
    .addColumn('id', idType, id)
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('intent', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('agent_org_id', 'text')
    .addColumn('client_user_id', 'text')
    .addColumn('provider_org_id', 'text', (c) => c.notNull())
    .addColumn('authority_mode', 'text', (c) => c.notNull())
    .addColumn('entity_certificate_index', 'text', (c) => c.notNull())
    .addColumn('is_in_progress', 'integer', (c) => c.notNull())
    .addColumn('entity_number', 'text')
    .addColumn('service_number', 'text')
    .addColumn('domain', 'text')
    .addColumn('is_entity_at_this_provider', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submitted_version', 'integer')
    .addColumn('provider_review_due', 'text')
    .addColumn('sms_expires_at', 'text')
    .addColumn('authority_review_due', 'text')
    .addColumn('return_reasons', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('issued_service_numbers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('has_been_submitted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('has_reached_authority', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('decided_at', 'text')
    .addCheckConstraint('orders_status', sql`status in (${list(ORDER_STATUSES)})`)
    .addCheckConstraint('orders_type', sql`type in (${list(ORDER_TYPES)})`)
    .addCheckConstraint('orders_authority_mode', sql`authority_mode in ('sandbox', 'recorded')`)
    .addCheckConstraint('orders_province_code', sql`length(province_code) = 2`)
    .addCheckConstraint('orders_is_in_progress', flag('is_in_progress'))
    .addCheckConstraint('orders_is_entity_at_this_provider', flag('is_entity_at_this_provider'))
    .addCheckConstraint('orders_has_been_submitted', flag('has_been_submitted'))
    .addCheckConstraint('orders_has_reached_authority', flag('has_reached_authority'))
    .addCheckConstraint('orders_version_positive', sql`version > 0`)
    .execute();

  await db.schema
    .createTable('order_drafts')
    .addColumn('order_id', idType, (c) => c.primaryKey().references('orders.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('order_versions')
    .addColumn('id', idType, id)
    .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addUniqueConstraint('order_versions_order_version', ['order_id', 'version'])
    .execute();

  await db.schema
    .createTable('order_events')
    .addColumn('id', idType, id)
    .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sms_challenges')
    .addColumn('id', idType, id)
    .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addCheckConstraint(
      'sms_challenges_status',
      sql`status in ('open', 'passed', 'failed', 'expired', 'cancelled')`,
    )
    .execute();

  await db.schema
    .createTable('number_sequences')
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_serial', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('number_sequences_pk', ['province_code', 'year'])
    .addCheckConstraint('number_sequences_last_serial', sql`last_serial between 0 and 999999`)
    .execute();

  await db.schema
    .createTable('issued_numbers')
    .addColumn('id', idType, id)
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_number', 'text', (c) => c.notNull())
    .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addCheckConstraint('issued_numbers_kind', sql`kind in ('entity', 'service')`)
    .execute();

  await db.schema
    .createTable('filed_entities')
    .addColumn('id', idType, id)
    .addColumn('entity_number', 'text', (c) => c.notNull().unique())
    .addColumn('certificate_index', 'text', (c) => c.notNull().unique())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('order_id', idType, (c) => c.references('orders.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('provider_instances')
    .addColumn('id', idType, id)
    .addColumn('provider_org_id', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('public_ip', 'text', (c) => c.notNull())
    .addColumn('subscription_start', 'text', (c) => c.notNull())
    .addColumn('subscription_end', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addCheckConstraint('provider_instances_subscription', sql`subscription_end >= subscription_start`)
    .execute();

  await db.schema
    .createTable('service_codes')
    .addColumn('id', idType, id)
    .addColumn('instance_id', idType, (c) => c.notNull().references('provider_instances.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('grantee_user_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('bound_order_id', idType, (c) => c.references('orders.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('burnt_at', 'text')
    .addCheckConstraint('service_codes_kind', sql`kind in ('service', 'authorization')`)
    .addCheckConstraint('service_codes_status', sql`status in ('available', 'bound', 'burnt')`)
    .addCheckConstraint('service_codes_binding', sql`(status = 'available') = (bound_order_id is null)`)
    .execute();

  await db.schema
    .createTable('filed_service_access')
    .addColumn('id', idType, id)
    .addColumn('service_number', 'text', (c) => c.notNull())
    .addColumn('provider_org_id', 'text', (c) => c.notNull())
    .addColumn('instance_id', idType, (c) => c.references('provider_instances.id'))
    .addColumn('order_id', idType, (c) => c.references('orders.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('filed_service_access_service_provider', ['service_number', 'provider_org_id'])
    .execute();

  await db.schema
    .createTable('inbox_messages')
    .addColumn('id', idType, id)
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('order_id', idType, (c) => c.references('orders.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', idType, id)
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addCheckConstraint('mail_outbox_status', sql`status in ('pending', 'sending', 'sent', 'failed')`)
    .execute();

  await db.schema
    .createTable('scheduled_reminders')
    .addColumn('id', idType, id)
    .addColumn('order_id', idType, (c) => c.notNull().references('orders.id'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('deadline_kind', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('processed_at', 'text')
    .addCheckConstraint('scheduled_reminders_status', sql`status in ('pending', 'sent', 'cancelled')`)
    .execute();

  const statements = [
    // One order in progress per entity (reference §3.3), race-free on both databases.
    `create unique index orders_one_in_progress_per_entity on orders (entity_certificate_index)
       where is_in_progress = 1`,
    `create index orders_owner on orders (owner_user_id, updated_at)`,
    `create index orders_agent on orders (agent_org_id, updated_at) where agent_org_id is not null`,
    `create index orders_client on orders (client_user_id, updated_at) where client_user_id is not null`,
    `create index orders_provider_status on orders (provider_org_id, status)`,
    `create index orders_province_status on orders (province_code, status)`,
    `create index orders_sms_expiry on orders (sms_expires_at) where sms_expires_at is not null`,
    `create index order_events_order on order_events (order_id, id)`,
    `create unique index sms_challenges_one_open on sms_challenges (order_id) where status = 'open'`,
    `create index issued_numbers_entity on issued_numbers (entity_number)`,
    `create index provider_instances_provider on provider_instances (provider_org_id)`,
    `create index provider_instances_owner on provider_instances (owner_user_id)`,
    `create index service_codes_instance on service_codes (instance_id)`,
    `create index service_codes_bound_order on service_codes (bound_order_id) where bound_order_id is not null`,
    `create index filed_service_access_provider on filed_service_access (provider_org_id)`,
    `create index inbox_messages_user on inbox_messages (user_id, id)`,
    `create index mail_outbox_due on mail_outbox (status, next_attempt_at)`,
    `create index scheduled_reminders_due on scheduled_reminders (status, send_at)`,
    `create index scheduled_reminders_order on scheduled_reminders (order_id)`,
    ...(isSqlite ? sqliteVersionGuards : postgresVersionGuards),
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** A submitted version is evidence of what the applicant filed: it never changes. */
const sqliteVersionGuards = [
  `create trigger order_versions_no_update before update on order_versions begin
     select raise(abort, 'order_versions are immutable');
   end`,
  `create trigger order_versions_no_delete before delete on order_versions begin
     select raise(abort, 'order_versions are immutable');
   end`,
];

const postgresVersionGuards = [
  `create function order_versions_refuse_change() returns trigger language plpgsql as $$
   begin
     raise exception 'order_versions are immutable';
   end
   $$`,
  `create trigger order_versions_immutable before update or delete on order_versions
     for each row execute function order_versions_refuse_change()`,
];
