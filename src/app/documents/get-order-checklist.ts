import { toChinaDate } from '../../domain/calendar/china-date.ts';
import type { ChecklistFlag } from '../../domain/catalogue/checklist.ts';
import {
  buildOrderDocumentChecklist,
  type OrderChecklistEntry,
} from '../../domain/order-content/order-document-checklist.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { loadOrderDetails } from '../orders/load-order-details.ts';
import { toAccessFacts } from '../orders/order-facts.ts';
import { formatOrderReference } from '../orders/order-reference.ts';
import { presentOrder } from '../orders/present-order.ts';
import { canReadDocuments, getVisibleOrder, type OrderLocator } from './document-access.ts';
import type { DocumentDeps } from './document-deps.ts';
import { documentChecklistForbidden } from './document-errors.ts';

export interface GetOrderChecklistInput {
  actor: Actor;
  order: OrderLocator;
}

export interface OrderChecklistView {
  orderReference: string;
  /** The content the checklist was built from: the draft for the applicant side, the submitted version for reviewers. */
  contentSource: 'draft' | 'submitted';
  /** That content's version. */
  version: number;
  /** The situation the content shows (documents.json `flags`), which switched rules on or off. */
  flags: ChecklistFlag[];
  items: OrderChecklistEntry[];
  /** Required items without a stored file. */
  missingRequired: number;
}

/**
 * The order's documents checklist (buildOrderDocumentChecklist) for the people who may read its files:
 * the applicant side on its draft, the order's reviewers on the submitted version. Each item says
 * whom it concerns, whether it is required, which stored files fulfil it and the catalogue rules and
 * sources that ask for it. Errors: not_found (the order is not visible), forbidden (visible, but its
 * files are not the viewer's to read: provider and platform administrators).
 */
export async function getOrderChecklist(
  deps: DocumentDeps,
  input: GetOrderChecklistInput,
): Promise<OrderChecklistView> {
  const { actor } = input;
  const stores = deps.persistence.read;
  const order = await getVisibleOrder(stores.orders, actor, input.order);
  if (!canReadDocuments(actor, toAccessFacts(order))) throw documentChecklistForbidden();
  const [details, documents] = await Promise.all([
    loadOrderDetails(deps.orders, deps.orders.persistence.read, order),
    stores.documents.listOrderDocuments(order.id),
  ]);
  // The viewer reads the order's personal data in the clear (canReadDocuments), so nothing is masked.
  const view = presentOrder(details, actor);
  const checklist = buildOrderDocumentChecklist(view.content, {
    orderType: order.type,
    today: toChinaDate(deps.orders.clock.now()),
    catalogue: deps.orders.catalogue,
    documents: documents.map((document) => ({ id: document.id, kind: document.kind })),
  });
  return {
    orderReference: formatOrderReference(order.id, order.createdAt),
    contentSource: view.contentSource,
    version: view.contentSource === 'submitted' ? (order.submittedVersion ?? order.version) : order.version,
    flags: checklist.flags,
    items: checklist.entries,
    missingRequired: checklist.entries.filter((entry) => entry.required && !entry.isPresent).length,
  };
}
