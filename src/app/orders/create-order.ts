import { toChinaDate } from '../../domain/calendar/china-date.ts';
import type { OrderContentDraft } from '../../domain/order-content/order-content.ts';
import {
  type OrderContentValidation,
  validateOrderContent,
} from '../../domain/order-content/validate-order-content.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { type Issue, issue } from '../../domain/shared/issue.ts';
import { detectOrderType, type FilingIntent } from '../../domain/workflow/detect-order-type.ts';
import type { OrderTypeId } from '../../domain/workflow/order-type.ts';
import { describeUser } from '../audit/actor-label.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { findLockedFieldChanges } from './check-order-facts.ts';
import { readOrderView } from './load-order-details.ts';
import { computeCertificateIndex, draftAad, encryptContent } from './order-content-crypto.ts';
import type { OrderDeps } from './order-deps.ts';
import { assertAllowed, contentInvalid, toDomainError } from './order-errors.ts';
import { formatOrderReference } from './order-reference.ts';
import { computeEntityNameSearchKeys } from './order-search-keys.ts';
import { findFiledContent } from './prefill-order-content.ts';
import type { OrderView } from './present-order.ts';
import { readRegistrySnapshot } from './read-registry-snapshot.ts';

export const FILING_INTENTS: readonly FilingIntent[] = [
  'file_service',
  'change',
  'cancel_service',
  'cancel_entity',
  'cancel_access',
];

export interface CreateOrderInput {
  actor: Actor;
  /** What the applicant wants; the order type is detected from it and the registry. */
  intent: FilingIntent;
  /** The entity's certificate number (USCC, resident ID …). */
  certificateNumber: string;
  /** Filing province: code, name or abbreviation. */
  province: string;
  /** The website's domain; required for every intent but cancel_entity (optional for change). */
  domain?: string;
  /** The access provider the order is filed with. */
  providerOrgId: string;
  /** The agency filing on a client's behalf (the actor must be its agent). */
  agentOrgId?: string;
  /** The client filed for; the agency must hold the client's letter of authorisation. */
  clientUserId?: string;
  /**
   * Initial content. When absent: for an order about a filed entity, the data last approved in one of
   * the actor's own orders (entity, and the service the order names); otherwise a skeleton with the
   * certificate, province and domain.
   */
  content?: OrderContentDraft;
}

export interface CreateOrderResult {
  order: OrderView;
  /** Consequences to confirm (a cancellation leaving a shell entity …). */
  warnings: Issue[];
  /** Field-level findings on the initial content (save mode). */
  validation: OrderContentValidation;
}

function invalid(code: string, en: string, zh: string, field: string) {
  return toDomainError(issue(code, en, zh, { params: { field } }));
}

function checkInput(input: CreateOrderInput): void {
  const { actor } = input;
  if (!actor.roles.includes('applicant') && !actor.roles.includes('agent')) assertAllowed('forbidden');
  if (!FILING_INTENTS.includes(input.intent)) {
    throw invalid('unknown_intent', 'Unknown filing intent.', '未知的备案业务类型。', 'intent');
  }
  if (typeof input.certificateNumber !== 'string' || input.certificateNumber.trim() === '') {
    throw invalid(
      'required',
      "Enter the entity's certificate number.",
      '请填写主体证件号码。',
      'certificateNumber',
    );
  }
  if (typeof input.providerOrgId !== 'string' || input.providerOrgId.trim() === '') {
    throw invalid('required', 'Choose the access provider.', '请选择接入商。', 'providerOrgId');
  }
  if (input.agentOrgId !== undefined) {
    if (!actor.roles.includes('agent') || !actor.organisationIds.includes(input.agentOrgId)) {
      throw invalid(
        'not_an_agent_of_agency',
        'You can file for an agency only as one of its agents.',
        '只有代理机构的经办人才能以该机构名义备案。',
        'agentOrgId',
      );
    }
  }
  if (input.clientUserId !== undefined && input.agentOrgId === undefined) {
    throw invalid(
      'client_requires_agency',
      'Name the agency that files for the client.',
      '请填写代为备案的代理机构。',
      'agentOrgId',
    );
  }
}

/** Orders that change or remove a filing: only the account holding it (or its agency) may open them. */
const MODIFIES_FILING: ReadonlySet<OrderTypeId> = new Set([
  'change',
  'cancel_service',
  'cancel_entity',
  'cancel_access',
]);

function heldElsewhere() {
  return toDomainError(
    issue(
      'filing_held_by_another_account',
      'This filing was made from another account. Change or cancel it from the account (or the agency) that filed it.',
      '该备案由其他账号办理，请使用原备案账号（或其代理机构）办理变更或注销。',
      { source: 'ref-3-process', params: { field: 'certificateNumber' } },
    ),
  );
}

function skeleton(input: CreateOrderInput, provinceCode: string, domain?: string): OrderContentDraft {
  return {
    entity: { provinceCode, certificateNumber: input.certificateNumber.trim() },
    services: domain === undefined ? [] : [{ domain }],
  };
}

/**
 * Opens a draft order: detects its type from the intent, certificate number and domain against the
 * registry (reference §2), refuses a second order in progress for the entity (reference §3.3), and
 * stores the initial content encrypted. Changes and cancellations are opened only by the account that
 * holds the filing (or its agency / client). Errors: validation_failed (bad input, a detection
 * conflict such as a domain filed under another entity, filing_held_by_another_account), conflict
 * (entity_has_order_in_progress), not_found (an actor who may not file).
 */
export async function createOrder(deps: OrderDeps, input: CreateOrderInput): Promise<CreateOrderResult> {
  checkInput(input);
  const { actor } = input;
  if (input.clientUserId !== undefined && input.agentOrgId !== undefined) {
    if (!(await deps.directory.isAgencyClient(input.agentOrgId, input.clientUserId))) {
      throw invalid(
        'client_not_authorised',
        "The agency holds no letter of authorisation from this client; record the client's letter first.",
        '代理机构尚未取得该客户的授权委托书，请先登记授权委托书。',
        'clientUserId',
      );
    }
  }
  const now = deps.clock.now();
  const certificateIndex = computeCertificateIndex(deps.fieldCipher, input.certificateNumber);

  const created = await deps.persistence.transact(async (stores) => {
    const registry = await readRegistrySnapshot(stores, deps.catalogue, {
      certificateNumber: input.certificateNumber,
      certificateIndex,
      ...(input.domain === undefined ? {} : { domain: input.domain }),
    });
    const detected = detectOrderType(
      {
        intent: input.intent,
        certificateNumber: input.certificateNumber,
        province: input.province,
        ...(input.domain === undefined ? {} : { domain: input.domain }),
        providerId: input.providerOrgId,
        registry,
      },
      { catalogue: deps.catalogue },
    );
    if (!detected.ok) throw toDomainError(detected.error);
    const detection = detected.value;
    const busy = () =>
      toDomainError(
        issue(
          'entity_has_order_in_progress',
          'This entity already has an order in progress. Finish or withdraw it before starting another (one order per entity at a time).',
          '该主体已有进行中的订单。请先完成或撤回该订单，再办理新的业务（同一主体同时只能有一个订单）。',
          { source: 'ref-3-process' },
        ),
      );
    if ((await stores.orders.findInProgressOrderId(certificateIndex)) !== undefined) throw busy();
    const filed =
      detection.entityNumber === undefined
        ? undefined
        : await findFiledContent(stores, deps.fieldCipher, deps.catalogue, actor, {
            type: detection.orderType,
            entityNumber: detection.entityNumber,
            ...(detection.domain === undefined ? {} : { domain: detection.domain }),
          });
    if (filed && !filed.isHeldByActor && MODIFIES_FILING.has(detection.orderType)) throw heldElsewhere();

    const id = await stores.orders.insertOrder({
      type: detection.orderType,
      intent: input.intent,
      provinceCode: detection.provinceCode,
      ownerUserId: actor.userId,
      ...(input.agentOrgId === undefined ? {} : { agentOrgId: input.agentOrgId }),
      ...(input.clientUserId === undefined ? {} : { clientUserId: input.clientUserId }),
      providerOrgId: input.providerOrgId,
      authorityMode: deps.authorityMode ?? 'sandbox',
      entityCertificateIndex: certificateIndex,
      ...(detection.entityNumber === undefined ? {} : { entityNumber: detection.entityNumber }),
      ...(detection.serviceNumber === undefined ? {} : { serviceNumber: detection.serviceNumber }),
      ...(detection.domain === undefined ? {} : { domain: detection.domain }),
      isEntityAtThisProvider: detection.entityAtThisProvider,
      createdAt: now,
    });
    if (id === undefined) throw busy();
    const order = await stores.orders.findOrder(id);
    if (!order) throw new Error(`Order ${id} vanished inside its own transaction`);

    const content =
      input.content ?? filed?.content ?? skeleton(input, detection.provinceCode, detection.domain);
    const locked = findLockedFieldChanges(deps.fieldCipher, order, content, deps.catalogue);
    if (locked.length > 0) throw contentInvalid(locked);
    const validation = validateOrderContent(content, {
      mode: 'save',
      orderType: order.type,
      today: toChinaDate(now),
      catalogue: deps.catalogue,
    });
    await stores.orders.writeDraft(id, {
      version: 1,
      content: encryptContent(deps.fieldCipher, content, draftAad(id)),
      at: now,
      by: describeUser(actor),
    });
    await stores.orders.updateOrder(id, {
      updatedAt: now,
      entityNameSearchKeys: computeEntityNameSearchKeys(deps.fieldCipher, content),
    });
    await appendAuditEvent(
      { auditLog: stores.auditLog },
      {
        occurredAt: now,
        actor: describeUser(actor),
        action: 'order.created',
        subjectType: 'order',
        subjectId: String(id),
        payload: {
          reference: formatOrderReference(id, now),
          type: order.type,
          intent: order.intent,
          provinceCode: order.provinceCode,
          providerOrgId: order.providerOrgId,
          authorityMode: order.authorityMode,
          ...(order.domain === undefined ? {} : { domain: order.domain }),
          ...(order.entityNumber === undefined ? {} : { entityNumber: order.entityNumber }),
          ...(order.serviceNumber === undefined ? {} : { serviceNumber: order.serviceNumber }),
        },
      },
    );
    return { order, warnings: detection.warnings, validation };
  });
  return {
    order: await readOrderView(deps, actor, created.order),
    warnings: created.warnings,
    validation: created.validation,
  };
}
