import type { ServiceType } from '../../domain/order-content/order-content.ts';
import { type Actor, checkOrderAccess } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import { transitionOrder } from '../../domain/workflow/order-transition.ts';
import type { OrderTypeId } from '../../domain/workflow/order-type.ts';
import { computeNextFilingNumbers } from './issue-filing-numbers.ts';
import { readSubmittedContent } from './load-order-details.ts';
import type { OrderDeps } from './order-deps.ts';
import { assertAllowed, isRecordId, orderNotFound, toDomainError } from './order-errors.ts';
import { toAccessFacts, toSnapshot } from './order-facts.ts';
import { formatOrderReference } from './order-reference.ts';
import { buildTransitionContext } from './run-order-command.ts';

export interface PreviewFilingNumbersInput {
  actor: Actor;
  orderId: number;
}

export interface ServiceNumberPreview {
  /** The service's position in the submitted content (0-based). */
  index: number;
  type: ServiceType;
  name?: string;
  /** Websites: the one domain of the site. */
  domain?: string;
  /** The service number it would get: the entity number + its suffix (-1, -2A, -3X, -4K …). */
  number: string;
}

export interface NumberPreviewView {
  reference: string;
  orderType: OrderTypeId;
  /** False for order types whose approval issues no numbers (added access, changes, cancellations). */
  issuesNumbers: boolean;
  /**
   * True whenever numbers are shown: they are allocated only when the approval commits, so another
   * approval in the province committing first takes the serial, and the year is the one at approval.
   */
  isProvisional: boolean;
  /** The year of the China date now, which a first filing's number carries. */
  approvalYear?: number;
  /** A first filing: the next entity number of the province; an added service: the entity's own. */
  entityNumber?: string;
  isNewEntityNumber: boolean;
  services: ServiceNumberPreview[];
  /** The instant the preview was computed (server clock). */
  computedAt: string;
}

/**
 * The numbers approving the order now would issue, for the authority's confirmation dialog: the same
 * transition the approval runs (so the same year, from the server's clock in China time, and the same
 * rule for which types are numbered) and the same computation as the allocator
 * (computeNextFilingNumbers), on a read of the sequence without a lock. Reads only: nothing is
 * reserved, so the answer is provisional.
 * Errors: not_found (not visible), forbidden (may see but not approve), conflict
 * (not_awaiting_authority_decision; number_preview_recorded_mode: the real authority issues them).
 */
export async function previewFilingNumbers(
  deps: OrderDeps,
  input: PreviewFilingNumbersInput,
): Promise<NumberPreviewView> {
  if (!isRecordId(input.orderId)) throw orderNotFound();
  const stores = deps.persistence.read;
  const order = await stores.orders.findOrder(input.orderId);
  if (!order) throw orderNotFound();
  assertAllowed(checkOrderAccess(input.actor, toAccessFacts(order), 'approve_by_authority'));
  if (order.status !== 'authority_review') {
    throw toDomainError(
      issue(
        'not_awaiting_authority_decision',
        'The order is not awaiting the authority’s decision, so approving it would issue no numbers now.',
        '该订单不在管局审核阶段，目前审核通过不会下发备案号。',
        { params: { status: order.status } },
      ),
    );
  }
  if (order.authorityMode === 'recorded') {
    throw toDomainError(
      issue(
        'number_preview_recorded_mode',
        'In recorded mode the real authority issues the numbers; enter them when recording its approval.',
        '记录模式下备案号由管局下发，请在录入管局审核结果时填写。',
        { params: { mode: order.authorityMode } },
      ),
    );
  }

  const now = deps.clock.now();
  const calendar = await deps.calendar.getCalendar();
  const outcome = transitionOrder(
    toSnapshot(order),
    { kind: 'approve_by_authority' },
    buildTransitionContext(deps, order, now, calendar),
  );
  if (!outcome.ok) throw toDomainError(outcome.error);
  const view: NumberPreviewView = {
    reference: formatOrderReference(order.id, order.createdAt),
    orderType: order.type,
    issuesNumbers: false,
    isProvisional: false,
    isNewEntityNumber: false,
    services: [],
    computedAt: now.toISOString(),
  };
  const effect = outcome.value.effects.find((e) => e.kind === 'issue_numbers');
  if (effect?.kind !== 'issue_numbers') {
    if (order.entityNumber !== undefined) view.entityNumber = order.entityNumber;
    return view;
  }

  const services = (await readSubmittedContent(deps, stores, order))?.services ?? [];
  const numbers = await computeNextFilingNumbers(
    {
      readLastSerial: (provinceCode, year) => stores.numbers.findLastSerial(provinceCode, year),
      findHighestEntityNumber: (from, to) => stores.numbers.findHighestEntityNumber(from, to),
      listServiceNumbers: (entityNumber) => stores.numbers.listServiceNumbers(entityNumber),
    },
    deps.catalogue,
    {
      provinceCode: order.provinceCode,
      approvalYear: effect.approvalYear,
      newEntityNumber: effect.newEntityNumber,
      ...(order.entityNumber === undefined ? {} : { entityNumber: order.entityNumber }),
      services,
    },
  );
  return {
    ...view,
    issuesNumbers: true,
    isProvisional: true,
    approvalYear: effect.approvalYear,
    entityNumber: numbers.entityNumber,
    isNewEntityNumber: effect.newEntityNumber,
    services: services.map((service, index) => ({
      index,
      type: service.type ?? 'website',
      ...(service.name === undefined ? {} : { name: service.name }),
      ...(service.domain === undefined ? {} : { domain: service.domain }),
      number: numbers.serviceNumbers[index] ?? '',
    })),
  };
}
