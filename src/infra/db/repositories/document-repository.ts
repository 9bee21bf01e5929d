import type { Kysely, Selectable } from 'kysely';
import type {
  DocumentPersistence,
  DocumentRecord,
  DocumentStore,
  DocumentStores,
} from '../../../app/documents/document-store.ts';
import type { Database, DatabaseDialect } from '../database.ts';
import type { DB } from '../schema.ts';
import type { DocumentsTable } from '../tables/documents.ts';
import { createAuditLogRepository } from './audit-log-repository.ts';
import { createOrderRepository } from './order-repository.ts';

function toDocument(row: Selectable<DocumentsTable>): DocumentRecord {
  const document: DocumentRecord = {
    id: row.id,
    ownerUserId: row.owner_user_id,
    kind: row.kind,
    storageKey: row.storage_key,
    size: row.size,
    sha256: row.sha256,
    mime: row.mime,
    uploadedBy: row.uploaded_by,
    uploadedAt: new Date(row.uploaded_at),
  };
  if (row.order_id !== null) document.orderId = row.order_id;
  if (row.original_name !== null) document.encryptedOriginalName = row.original_name;
  return document;
}

/** Document rows on SQLite and PostgreSQL; deleted rows stay for the audit trail and are never returned. */
export function createDocumentRepository(executor: Kysely<DB>): DocumentStore {
  const selectLive = () => executor.selectFrom('documents').selectAll().where('deleted_at', 'is', null);

  return {
    async insertDocument(document) {
      await executor
        .insertInto('documents')
        .values({
          id: document.id,
          order_id: document.orderId ?? null,
          owner_user_id: document.ownerUserId,
          kind: document.kind,
          storage_key: document.storageKey,
          size: document.size,
          sha256: document.sha256,
          mime: document.mime,
          original_name: document.encryptedOriginalName ?? null,
          uploaded_by: document.uploadedBy,
          uploaded_at: document.uploadedAt.toISOString(),
          deleted_at: null,
        })
        .execute();
    },

    async findDocument(id) {
      const row = await selectLive().where('id', '=', id).executeTakeFirst();
      return row ? toDocument(row) : undefined;
    },

    async listOrderDocuments(orderId) {
      const rows = await selectLive()
        .where('order_id', '=', orderId)
        .orderBy('uploaded_at')
        .orderBy('id')
        .execute();
      return rows.map(toDocument);
    },

    async listUploadedKinds(orderId) {
      const rows = await executor
        .selectFrom('documents')
        .select('kind')
        .distinct()
        .where('order_id', '=', orderId)
        .where('deleted_at', 'is', null)
        .orderBy('kind')
        .execute();
      return rows.map((row) => row.kind);
    },

    async markDocumentDeleted(id, at) {
      const result = await executor
        .updateTable('documents')
        .set({ deleted_at: at.toISOString() })
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

function createDocumentStores(executor: Kysely<DB>, dialect: DatabaseDialect): DocumentStores {
  return {
    documents: createDocumentRepository(executor),
    orders: createOrderRepository(executor, dialect),
    auditLog: createAuditLogRepository(executor),
  };
}

/** The document use cases' persistence port on one database: `DocumentDeps.persistence`. */
export function createDocumentPersistence(database: Database): DocumentPersistence {
  return {
    read: createDocumentStores(database.kysely, database.dialect),
    transact: (work) => database.transaction((trx) => work(createDocumentStores(trx, database.dialect))),
  };
}
