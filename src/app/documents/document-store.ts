import type { AuditLogStore } from '../audit/audit-log-store.ts';
import type { OrderStore } from '../orders/order-store.ts';

/**
 * The documents port: one row per uploaded file (the file itself is in the encrypted file store).
 * Bound to the database or to the caller's transaction.
 */

export interface DocumentRecord {
  /** A random UUID; the stored file's AAD is `document:<id>`. */
  id: string;
  /** Absent for a document not attached to an order. */
  orderId?: number;
  ownerUserId: string;
  /** Catalogue document kind id. */
  kind: string;
  storageKey: string;
  /** Bytes of the stored plaintext. */
  size: number;
  /** Hex SHA-256 of the stored plaintext. */
  sha256: string;
  mime: string;
  /** The uploaded file's name, encrypted (see document-names.ts); absent when none was sent. */
  encryptedOriginalName?: string;
  /** "user:<id>". */
  uploadedBy: string;
  uploadedAt: Date;
}

export interface DocumentStore {
  insertDocument(document: DocumentRecord): Promise<void>;
  /** A document that was not deleted. */
  findDocument(id: string): Promise<DocumentRecord | undefined>;
  /** The order's documents that were not deleted, oldest first. */
  listOrderDocuments(orderId: number): Promise<DocumentRecord[]>;
  /** The distinct kinds of the order's documents that were not deleted (DocumentKindsPort). */
  listUploadedKinds(orderId: number): Promise<string[]>;
  /** Marks the document deleted; false when it was already deleted or never existed. */
  markDocumentDeleted(id: string, at: Date): Promise<boolean>;
}

/** The stores a document use case writes with, bound to one executor (the database or a transaction). */
export interface DocumentStores {
  documents: DocumentStore;
  /** For the order's access facts and, in a transaction, its lock (uploads serialise with submission). */
  orders: OrderStore;
  auditLog: AuditLogStore;
}

export interface DocumentPersistence {
  readonly read: DocumentStores;
  /**
   * Runs `work` in one transaction with the stores bound to it. On SQLite nothing else may touch the
   * database while `work` runs (see WorkflowPersistence.transact).
   */
  transact<T>(work: (stores: DocumentStores) => Promise<T>): Promise<T>;
}
