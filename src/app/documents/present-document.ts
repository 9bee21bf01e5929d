import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import type { FieldCipherPort } from '../orders/order-deps.ts';
import { findDocumentKind } from './document-kinds.ts';
import { decryptOriginalName } from './document-names.ts';
import type { DocumentRecord } from './document-store.ts';

export interface DocumentView {
  id: string;
  /** OB-2026-000123; absent for a document not attached to an order. */
  orderReference?: string;
  kind: string;
  kindName: Localized;
  mime: string;
  size: number;
  /** Hex SHA-256 of the file a download returns. */
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  /** The uploaded file's name, for viewers who may read the file (it may name a person). */
  originalName?: string;
}

export interface PresentDocumentOptions {
  catalogue: Catalogue;
  cipher: FieldCipherPort;
  orderReference?: string;
  /** Whether the viewer may read the file, and so its original name. */
  canRead: boolean;
}

export function presentDocument(document: DocumentRecord, options: PresentDocumentOptions): DocumentView {
  const kind = findDocumentKind(options.catalogue, document.kind);
  const view: DocumentView = {
    id: document.id,
    kind: document.kind,
    kindName: kind ? { en: kind.nameEn, zh: kind.nameZh } : { en: document.kind, zh: document.kind },
    mime: document.mime,
    size: document.size,
    sha256: document.sha256,
    uploadedBy: document.uploadedBy,
    uploadedAt: document.uploadedAt.toISOString(),
  };
  if (options.orderReference !== undefined) view.orderReference = options.orderReference;
  if (options.canRead && document.encryptedOriginalName !== undefined) {
    view.originalName = decryptOriginalName(options.cipher, document.id, document.encryptedOriginalName);
  }
  return view;
}
