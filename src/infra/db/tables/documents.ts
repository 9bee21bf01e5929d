/**
 * Uploaded documents (scans, photos, signed forms). The file itself lives encrypted under
 * `<dataDir>/files` (src/infra/storage/encrypted-file-store.ts); the row holds what lists, policy and
 * integrity checks need. Nothing here is personal in the clear: the name the file had on the
 * uploader's computer often is a person's name ("张三身份证.jpg"), so it is stored encrypted.
 */
export interface DocumentsTable {
  /** A random UUID, chosen before the file is stored: the file's AAD is `document:<id>`. */
  id: string;
  /** The order the document belongs to; null for a document not attached to an order yet. */
  order_id: number | null;
  /** Whose document it is: the order's owner, or the uploader of an unattached document. */
  owner_user_id: string;
  /** Catalogue document kind id (documents.json), e.g. "id_card_scans". */
  kind: string;
  /** The encrypted file store's key (32 hex characters). */
  storage_key: string;
  /** Bytes of the stored (sanitised) plaintext. */
  size: number;
  /** Hex SHA-256 of the stored plaintext: what a download must hash to. */
  sha256: string;
  /** image/jpeg, image/png or application/pdf, from the content, never from the upload's claim. */
  mime: string;
  /** The uploaded file's name as an AES-256-GCM field envelope (AAD `documents.original_name:<id>`). */
  original_name: string | null;
  uploaded_by: string;
  uploaded_at: string;
  /** Set when deleted; the encrypted file is removed then, the row stays for the audit trail. */
  deleted_at: string | null;
}

export interface DocumentTables {
  documents: DocumentsTable;
}
