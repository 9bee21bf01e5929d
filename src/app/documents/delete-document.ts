import type { Actor } from '../../domain/policy/order-access.ts';
import { describeUser } from '../audit/actor-label.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { toAccessFacts } from '../orders/order-facts.ts';
import { formatOrderReference } from '../orders/order-reference.ts';
import { assertCanChangeDocuments, canReadDocuments, isDocumentId } from './document-access.ts';
import type { DocumentDeps } from './document-deps.ts';
import { documentNotFound } from './document-errors.ts';

export interface DeleteDocumentInput {
  actor: Actor;
  documentId: string;
}

/**
 * Deletes an order's document: the applicant side, while the order is in their hands (a submitted
 * version keeps the documents it was submitted with). The row is marked deleted with its audit event
 * in one transaction, then the encrypted file is removed from disk. A document on no order can be
 * deleted by its owner. Errors: not_found, forbidden (a reviewer), conflict (order_not_editable).
 */
export async function deleteDocument(deps: DocumentDeps, input: DeleteDocumentInput): Promise<void> {
  const { actor } = input;
  if (!isDocumentId(input.documentId)) throw documentNotFound();
  const documentId = input.documentId.toLowerCase();
  const now = deps.orders.clock.now();
  const deleted = await deps.persistence.transact(async (stores) => {
    const document = await stores.documents.findDocument(documentId);
    if (!document) throw documentNotFound();
    let orderReference: string | undefined;
    if (document.orderId === undefined) {
      if (document.ownerUserId !== actor.userId) throw documentNotFound();
    } else {
      // Locked, so a deletion and a submission of the same order never interleave.
      const order = await stores.orders.lockOrder(document.orderId);
      // Someone who may not read the document learns nothing about it.
      if (!order || !canReadDocuments(actor, toAccessFacts(order))) throw documentNotFound();
      assertCanChangeDocuments(actor, order);
      orderReference = formatOrderReference(order.id, order.createdAt);
    }
    if (!(await stores.documents.markDocumentDeleted(document.id, now))) throw documentNotFound();
    await appendAuditEvent(
      { auditLog: stores.auditLog },
      {
        occurredAt: now,
        actor: describeUser(actor),
        action: 'document.deleted',
        subjectType: 'document',
        subjectId: document.id,
        payload:
          orderReference === undefined ? { kind: document.kind } : { orderReference, kind: document.kind },
      },
    );
    return document;
  });
  await deps.files.remove(deleted.storageKey);
}
