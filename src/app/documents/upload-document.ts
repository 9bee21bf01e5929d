import type { Actor } from '../../domain/policy/order-access.ts';
import { describeUser } from '../audit/actor-label.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { orderNotFound } from '../orders/order-errors.ts';
import { formatOrderReference } from '../orders/order-reference.ts';
import { assertCanChangeDocuments, getVisibleOrder, type OrderLocator } from './document-access.ts';
import { ACCEPTED_FORMATS, type DocumentDeps, getMaxUploadBytes } from './document-deps.ts';
import { documentKindNotAllowed, fileRejected, fileTooLarge } from './document-errors.ts';
import { listUploadableKinds } from './document-kinds.ts';
import { cleanOriginalName, documentFileAad, encryptOriginalName } from './document-names.ts';
import type { DocumentRecord } from './document-store.ts';
import { type DocumentView, presentDocument } from './present-document.ts';

export interface UploadDocumentInput {
  actor: Actor;
  order: OrderLocator;
  /** Catalogue document kind id, e.g. "id_card_scans". */
  kind: string;
  content: Buffer;
  /** True when the upload ran past the size limit and was cut off (the rest was never read). */
  isTruncated?: boolean;
  /** The file's name on the uploader's computer; stored encrypted. */
  originalName?: string;
}

/**
 * Stores a document for an order: the applicant side (owner, agency, client) while the order is in
 * their hands, of a kind the order's checklist can ask for. The file is judged by its content alone
 * (JPEG, PNG or PDF), images are re-encoded without metadata (EXIF GPS positions …), and what is
 * stored is encrypted under `document:<id>`. The row and its audit event commit together; a file whose
 * row did not commit is removed again.
 * Errors: not_found, forbidden (a viewer not on the applicant side), conflict (order_not_editable),
 * document_kind_not_allowed, file_too_large, unsupported_file_type, file_empty, corrupt_image,
 * pdf_encrypted, pdf_active_content, pdf_unreadable.
 */
export async function uploadDocument(deps: DocumentDeps, input: UploadDocumentInput): Promise<DocumentView> {
  const { actor } = input;
  const { catalogue, clock, random, fieldCipher } = deps.orders;
  const order = await getVisibleOrder(deps.persistence.read.orders, actor, input.order);
  assertCanChangeDocuments(actor, order);
  const uploadable = listUploadableKinds(catalogue, order);
  if (!uploadable.some((kind) => kind.id === input.kind)) {
    throw documentKindNotAllowed(input.kind, uploadable);
  }

  const maxBytes = getMaxUploadBytes(deps);
  if (input.isTruncated) throw fileTooLarge(maxBytes);
  const inspected = await deps.inspectFile(input.content, { maxBytes, allowedKinds: ACCEPTED_FORMATS });
  if (!inspected.ok) throw fileRejected(inspected.error);

  const id = random.nextUuid();
  const stored = await deps.files.put(inspected.value.content, { aad: documentFileAad(id) });
  const originalName = cleanOriginalName(input.originalName);
  const document: DocumentRecord = {
    id,
    orderId: order.id,
    ownerUserId: order.ownerUserId,
    kind: input.kind,
    storageKey: stored.storageKey,
    size: stored.size,
    sha256: stored.sha256,
    mime: inspected.value.mime,
    uploadedBy: describeUser(actor),
    uploadedAt: clock.now(),
  };
  if (originalName !== undefined) {
    document.encryptedOriginalName = encryptOriginalName(fieldCipher, id, originalName);
  }
  const reference = formatOrderReference(order.id, order.createdAt);
  try {
    await deps.persistence.transact(async (stores) => {
      // Locked, so an upload and a submission of the same order never interleave.
      const locked = await stores.orders.lockOrder(order.id);
      if (!locked) throw orderNotFound();
      assertCanChangeDocuments(actor, locked);
      await stores.documents.insertDocument(document);
      await appendAuditEvent(
        { auditLog: stores.auditLog },
        {
          occurredAt: document.uploadedAt,
          actor: document.uploadedBy,
          action: 'document.uploaded',
          subjectType: 'document',
          subjectId: id,
          payload: {
            orderReference: reference,
            kind: document.kind,
            mime: document.mime,
            size: document.size,
          },
        },
      );
    });
  } catch (error) {
    // Nothing refers to the file: take it away. A failure to remove is secondary to the error itself,
    // and what stays behind is an encrypted file no row names.
    await deps.files.remove(stored.storageKey).catch(() => false);
    throw error;
  }
  return presentDocument(document, {
    catalogue,
    cipher: fieldCipher,
    orderReference: reference,
    canRead: true,
  });
}
