import type { Actor } from '../../domain/policy/order-access.ts';
import { describeUser } from '../audit/actor-label.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { formatOrderReference } from '../orders/order-reference.ts';
import { getReadableDocument } from './document-access.ts';
import type { DocumentDeps } from './document-deps.ts';
import { buildDownloadFileName, documentFileAad } from './document-names.ts';
import { type DocumentView, presentDocument } from './present-document.ts';

export interface ReadDocumentInput {
  actor: Actor;
  documentId: string;
}

export interface ReadDocumentResult {
  document: DocumentView;
  /** The decrypted file, exactly as stored (images without their metadata). */
  content: Buffer;
  /** A name for the download, built from the kind and id only. */
  fileName: string;
}

/**
 * Decrypts a document for someone allowed to read it, and records the read in the audit log (who and
 * which document, nothing of its content) before handing the file out (DESIGN.md §6: each read of a
 * sensitive file is logged). Errors: not_found.
 */
export async function readDocument(
  deps: DocumentDeps,
  input: ReadDocumentInput,
): Promise<ReadDocumentResult> {
  const { actor } = input;
  const { document, order } = await getReadableDocument(deps.persistence.read, actor, input.documentId);
  const content = await deps.files.get(document.storageKey, { aad: documentFileAad(document.id) });
  const orderReference = order ? formatOrderReference(order.id, order.createdAt) : undefined;
  await deps.persistence.transact((stores) =>
    appendAuditEvent(
      { auditLog: stores.auditLog },
      {
        occurredAt: deps.orders.clock.now(),
        actor: describeUser(actor),
        action: 'document.read',
        subjectType: 'document',
        subjectId: document.id,
        payload:
          orderReference === undefined ? { kind: document.kind } : { orderReference, kind: document.kind },
      },
    ),
  );
  const view = presentDocument(document, {
    catalogue: deps.orders.catalogue,
    cipher: deps.orders.fieldCipher,
    ...(orderReference === undefined ? {} : { orderReference }),
    canRead: true,
  });
  return { document: view, content, fileName: buildDownloadFileName(document) };
}
