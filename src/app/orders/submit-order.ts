import type { FieldIssue } from '../../domain/order-content/field-issue.ts';
import { validateOrderContent } from '../../domain/order-content/validate-order-content.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { bindServiceCodes } from './bind-service-codes.ts';
import { findLockedFieldChanges, findRegistryConflicts } from './check-order-facts.ts';
import { readOrderView } from './load-order-details.ts';
import type { OrderDeps } from './order-deps.ts';
import { contentInvalid, isRecordId } from './order-errors.ts';
import type { OrderView } from './present-order.ts';
import { runOrderCommand } from './run-order-command.ts';

export interface SubmitOrderInput {
  actor: Actor;
  orderId: number;
}

export interface SubmitOrderResult {
  order: OrderView;
  /** Findings that do not block (a non-local mobile where a province asks for one …). */
  warnings: FieldIssue[];
}

/**
 * Submits (or resubmits) the draft: it must pass every national and province rule and the documents
 * checklist (validateOrderContent in submit mode), keep the values the type was detected from, fit
 * the registry as it is now, and carry a valid unused service code per service for orders that bind
 * an instance. The draft becomes an immutable version, the codes are bound, the provider is notified
 * and its review deadline starts. Errors: not_found, conflict (invalid_transition),
 * validation_failed (details.fieldErrors).
 */
export async function submitOrder(deps: OrderDeps, input: SubmitOrderInput): Promise<SubmitOrderResult> {
  let warnings: FieldIssue[] = [];
  // Read before the command's transaction, which on SQLite no other query may enter.
  const uploadedDocumentKinds = isRecordId(input.orderId)
    ? await deps.documentKinds?.listUploadedKinds(input.orderId)
    : undefined;
  const result = await runOrderCommand(deps, {
    actor: input.actor,
    orderId: input.orderId,
    action: 'submit',
    async buildCommand(scope) {
      const { order, stores } = scope;
      const content = await scope.readDraft();
      const validation = validateOrderContent(content, {
        mode: 'submit',
        orderType: order.type,
        today: scope.calendar.toChinaDate(scope.now),
        catalogue: deps.catalogue,
        uploadedDocumentKinds,
      });
      warnings = validation.warnings;
      const fieldErrors = [
        ...validation.fieldErrors,
        ...findLockedFieldChanges(deps.fieldCipher, order, content, deps.catalogue),
        ...(await findRegistryConflicts(stores.registry, order, content, deps.catalogue)),
      ];
      // Codes are checked only for otherwise valid content, and bound only when they all pass.
      if (fieldErrors.length === 0) {
        fieldErrors.push(
          ...(await bindServiceCodes(stores.providers, deps.catalogue, {
            order,
            content,
            today: scope.calendar.toChinaDate(scope.now),
            now: scope.now,
          })),
        );
      }
      if (fieldErrors.length > 0) throw contentInvalid(fieldErrors, validation.warnings);
      if (order.submittedVersion === order.version) {
        // Resubmitted without an edit since the last submission: the snapshot still gets its own version.
        const version = order.version + 1;
        await stores.orders.updateOrder(order.id, { version, updatedAt: scope.now });
        scope.order = { ...order, version };
      }
      return { kind: 'submit' };
    },
  });
  return { order: await readOrderView(deps, input.actor, result.order), warnings };
}
