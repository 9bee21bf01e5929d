import { type Kysely, sql } from 'kysely';
import type { DatabaseDialect } from '../database.ts';

/**
 * Server-side filters of order lists and queues (GET /api/orders): the entity's name as search keys
 * — an organisation's name in lower case (public, like the registry's), an individual's name only as
 * a blind index (it is the person's name) — and indexes that serve the provider's and the authority's
 * queues by their active deadline.
 */
export async function up(db: Kysely<unknown>, _dialect: DatabaseDialect): Promise<void> {
  await db.schema.alterTable('orders').addColumn('entity_name_search', 'text').execute();
  await db.schema.alterTable('orders').addColumn('entity_name_index', 'text').execute();
  const statements = [
    `create index orders_provider_active_due on orders
       (provider_org_id, (coalesce(authority_review_due, sms_expires_at, provider_review_due)))`,
    `create index orders_province_active_due on orders
       (province_code, (coalesce(authority_review_due, sms_expires_at, provider_review_due)))`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
