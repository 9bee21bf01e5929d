import { toChinaDate } from '../../domain/calendar/china-date.ts';
import type { OrderContentDraft } from '../../domain/order-content/order-content.ts';
import {
  type OrderContentValidation,
  validateOrderContent,
} from '../../domain/order-content/validate-order-content.ts';
import { type Actor, checkOrderAccess } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import { canEdit, ORDER_STATUS_LABELS } from '../../domain/workflow/order-status.ts';
import { describeUser } from '../audit/actor-label.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { findLockedFieldChanges } from './check-order-facts.ts';
import { readOrderView } from './load-order-details.ts';
import { draftAad, encryptContent } from './order-content-crypto.ts';
import type { OrderDeps } from './order-deps.ts';
import { assertAllowed, contentInvalid, isRecordId, orderNotFound, toDomainError } from './order-errors.ts';
import { toAccessFacts } from './order-facts.ts';
import { formatOrderReference } from './order-reference.ts';
import { computeEntityNameSearchKeys } from './order-search-keys.ts';
import type { OrderView } from './present-order.ts';

export interface SaveDraftInput {
  actor: Actor;
  orderId: number;
  /** The whole content as the form holds it (a draft: any field may be missing). */
  content: OrderContentDraft;
}

export interface SaveDraftResult {
  order: OrderView;
  /** Format errors of the fields present (save mode): the content is saved anyway. */
  validation: OrderContentValidation;
}

/**
 * Saves the applicant's content while the order is in their hands (draft, returned, rejected). Every
 * save runs the domain's field checks and returns the field errors, but saves regardless, so a
 * half-filled form is never lost. Values the type was detected from cannot change (validation_failed
 * with field_locked). The first save after a submission starts the next content version.
 * Errors: not_found, conflict (order_not_editable), validation_failed (locked fields).
 */
export async function saveDraft(deps: OrderDeps, input: SaveDraftInput): Promise<SaveDraftResult> {
  const { actor } = input;
  if (!isRecordId(input.orderId)) throw orderNotFound();
  const now = deps.clock.now();
  const saved = await deps.persistence.transact(async (stores) => {
    const order = await stores.orders.lockOrder(input.orderId);
    if (!order) throw orderNotFound();
    assertAllowed(checkOrderAccess(actor, toAccessFacts(order), 'edit'));
    if (!canEdit(order.status)) {
      const label = ORDER_STATUS_LABELS[order.status];
      throw toDomainError(
        issue(
          'order_not_editable',
          `The order cannot be edited while it is “${label.en}”.`,
          `订单处于“${label.zh}”状态，不能修改。`,
          { params: { status: order.status } },
        ),
      );
    }
    const locked = findLockedFieldChanges(deps.fieldCipher, order, input.content, deps.catalogue);
    if (locked.length > 0) throw contentInvalid(locked);
    const validation = validateOrderContent(input.content, {
      mode: 'save',
      orderType: order.type,
      today: toChinaDate(now),
      catalogue: deps.catalogue,
    });
    // A submitted version is frozen: editing after a return or rejection starts the next one.
    const version = order.submittedVersion === order.version ? order.version + 1 : order.version;
    await stores.orders.writeDraft(order.id, {
      version,
      content: encryptContent(deps.fieldCipher, input.content, draftAad(order.id)),
      at: now,
      by: describeUser(actor),
    });
    await stores.orders.updateOrder(order.id, {
      version,
      updatedAt: now,
      entityNameSearchKeys: computeEntityNameSearchKeys(deps.fieldCipher, input.content),
    });
    await appendAuditEvent(
      { auditLog: stores.auditLog },
      {
        occurredAt: now,
        actor: describeUser(actor),
        action: 'order.draft_saved',
        subjectType: 'order',
        subjectId: String(order.id),
        payload: {
          reference: formatOrderReference(order.id, order.createdAt),
          version,
          fieldErrors: validation.fieldErrors.length,
        },
      },
    );
    const updated = await stores.orders.findOrder(order.id);
    if (!updated) throw new Error(`Order ${order.id} vanished inside its own transaction`);
    return { order: updated, validation };
  });
  return { order: await readOrderView(deps, actor, saved.order), validation: saved.validation };
}
