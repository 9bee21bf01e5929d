import type { DocumentKind } from '../../domain/catalogue/schema.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { canEdit } from '../../domain/workflow/order-status.ts';
import { toAccessFacts } from '../orders/order-facts.ts';
import { formatOrderReference } from '../orders/order-reference.ts';
import {
  canReadDocuments,
  canUploadDocuments,
  getVisibleOrder,
  type OrderLocator,
} from './document-access.ts';
import type { DocumentDeps } from './document-deps.ts';
import { listUploadableKinds } from './document-kinds.ts';
import { type DocumentView, presentDocument } from './present-document.ts';

export interface ListOrderDocumentsInput {
  actor: Actor;
  order: OrderLocator;
}

export interface OrderDocumentsView {
  orderReference: string;
  /** Oldest first. */
  documents: DocumentView[];
  /** The kinds the order takes (its checklist's, whatever the content says so far). */
  uploadableKinds: DocumentKind[];
  /** Whether the viewer may upload and delete documents now. */
  canChange: boolean;
  /** Whether the viewer may download the files (and see the names they were uploaded with). */
  canRead: boolean;
}

/**
 * The documents of an order, for everyone who may view the order. Only those who may read the files
 * see the names they were uploaded with. Errors: not_found.
 */
export async function listOrderDocuments(
  deps: DocumentDeps,
  input: ListOrderDocumentsInput,
): Promise<OrderDocumentsView> {
  const { actor } = input;
  const stores = deps.persistence.read;
  const order = await getVisibleOrder(stores.orders, actor, input.order);
  const facts = toAccessFacts(order);
  const canRead = canReadDocuments(actor, facts);
  const orderReference = formatOrderReference(order.id, order.createdAt);
  const records = await stores.documents.listOrderDocuments(order.id);
  const { catalogue, fieldCipher } = deps.orders;
  return {
    orderReference,
    documents: records.map((record) =>
      presentDocument(record, { catalogue, cipher: fieldCipher, orderReference, canRead }),
    ),
    uploadableKinds: listUploadableKinds(catalogue, order),
    canChange: canUploadDocuments(actor, facts) && canEdit(order.status),
    canRead,
  };
}
