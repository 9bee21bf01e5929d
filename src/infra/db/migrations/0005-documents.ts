import { type Kysely, sql } from 'kysely';
import type { DatabaseDialect } from '../database.ts';

/**
 * Uploaded documents (see tables/documents.ts). Deleting a document removes its file and keeps the
 * row (with deleted_at), so the audit events that name it still point at something. The partial index
 * serves an order's document list and the submission's check of uploaded kinds.
 */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const idType = dialect === 'sqlite' ? 'integer' : 'bigint';

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', idType, (c) => c.references('orders.id'))
    .addColumn('owner_user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text')
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addCheckConstraint('documents_size_positive', sql`size > 0`)
    .addCheckConstraint('documents_sha256_length', sql`length(sha256) = 64`)
    .addCheckConstraint('documents_mime', sql`mime in ('image/jpeg', 'image/png', 'application/pdf')`)
    .execute();

  await db.schema
    .createIndex('documents_order_kind')
    .on('documents')
    .columns(['order_id', 'kind'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
}
