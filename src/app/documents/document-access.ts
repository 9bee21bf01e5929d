import { toChinaDate } from '../../domain/calendar/china-date.ts';
import {
  type Actor,
  canPerform,
  canViewOrder,
  type OrderAccessFacts,
} from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import { canEdit, ORDER_STATUS_LABELS } from '../../domain/workflow/order-status.ts';
import { isRecordId, orderNotFound, toDomainError } from '../orders/order-errors.ts';
import { toAccessFacts } from '../orders/order-facts.ts';
import type { OrderRecord, OrderStore } from '../orders/order-store.ts';
import { canSeePersonalData } from '../orders/present-order.ts';
import { documentChangeForbidden, documentNotFound } from './document-errors.ts';
import type { DocumentRecord, DocumentStores } from './document-store.ts';

/**
 * Who may do what with an order's documents, on top of the order policy (src/domain/policy):
 *
 * - list them and get the verification form: whoever may view the order;
 * - read a file: the applicant side (owner, agency, client) and the order's reviewers — the people
 *   who see the order's personal data in the clear. Provider and platform administrators see the
 *   list, not the scans;
 * - upload and delete: the applicant side, while the order is in their hands (draft, returned,
 *   rejected); others who see the order get forbidden.
 *
 * Anyone who may not see the order (or the file) gets not_found, as for one that does not exist
 * (DESIGN.md §5 rule 5).
 */

/** The owner, the agency filing the order and the client it files for. */
export function canUploadDocuments(actor: Actor, facts: OrderAccessFacts): boolean {
  return (
    canViewOrder(actor, facts) &&
    (facts.ownerUserId === actor.userId ||
      facts.clientUserIds.includes(actor.userId) ||
      canPerform(actor, facts, 'edit'))
  );
}

export function canReadDocuments(actor: Actor, facts: OrderAccessFacts): boolean {
  return canSeePersonalData(actor, facts);
}

/** An order as callers name it: its id, and the year when they gave its reference (OB-2026-000123). */
export interface OrderLocator {
  id: number;
  year?: number;
}

/**
 * The order, when the actor may view it. A reference's year must be the order's, so a mistyped
 * reference never reaches another order. Errors: not_found.
 */
export async function getVisibleOrder(
  orders: OrderStore,
  actor: Actor,
  locator: OrderLocator,
): Promise<OrderRecord> {
  if (!isRecordId(locator.id)) throw orderNotFound();
  const order = await orders.findOrder(locator.id);
  if (!order || !canViewOrder(actor, toAccessFacts(order))) throw orderNotFound();
  if (locator.year !== undefined && Number(toChinaDate(order.createdAt).slice(0, 4)) !== locator.year) {
    throw orderNotFound();
  }
  return order;
}

/**
 * Stops unless the actor may upload to (or delete from) the order now.
 * Errors: not_found (the order is not visible), forbidden, conflict (order_not_editable).
 */
export function assertCanChangeDocuments(actor: Actor, order: OrderRecord): void {
  const facts = toAccessFacts(order);
  if (!canViewOrder(actor, facts)) throw orderNotFound();
  if (!canUploadDocuments(actor, facts)) throw documentChangeForbidden();
  if (!canEdit(order.status)) {
    const label = ORDER_STATUS_LABELS[order.status];
    throw toDomainError(
      issue(
        'order_not_editable',
        `The order's documents cannot be changed while it is “${label.en}”.`,
        `订单处于“${label.zh}”状态，不能修改材料。`,
        { params: { status: order.status } },
      ),
    );
  }
}

/** Document ids are UUIDs, stored in lower case. */
const DOCUMENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

export function isDocumentId(value: string): boolean {
  return DOCUMENT_ID.test(value);
}

/**
 * A document the actor may read: for an order's document, its applicant side and its reviewers
 * (canReadDocuments); for a document on no order, its owner. Errors: not_found.
 */
export async function getReadableDocument(
  stores: DocumentStores,
  actor: Actor,
  documentId: string,
): Promise<{ document: DocumentRecord; order?: OrderRecord }> {
  if (!isDocumentId(documentId)) throw documentNotFound();
  const document = await stores.documents.findDocument(documentId.toLowerCase());
  if (!document) throw documentNotFound();
  if (document.orderId === undefined) {
    if (document.ownerUserId !== actor.userId) throw documentNotFound();
    return { document };
  }
  const order = await stores.orders.findOrder(document.orderId);
  if (!order || !canReadDocuments(actor, toAccessFacts(order))) throw documentNotFound();
  return { document, order };
}
