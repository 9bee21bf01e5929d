import type { WorkingDayCalendar } from '../../domain/calendar/working-day-calendar.ts';
import { getProvinceRules } from '../../domain/catalogue/catalogue.ts';
import type { OrderContentDraft } from '../../domain/order-content/order-content.ts';
import { type Actor, checkOrderAccess, type OrderAction } from '../../domain/policy/order-access.ts';
import type { OrderCommand } from '../../domain/workflow/order-command.ts';
import type { JsonValue, OrderEvent, TransitionOutcome } from '../../domain/workflow/order-outcome.ts';
import { isInProgress, type OrderStatus } from '../../domain/workflow/order-status.ts';
import { type TransitionContext, transitionOrder } from '../../domain/workflow/order-transition.ts';
import { describeActor } from '../audit/actor-label.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { applyOrderEffects, type EffectResults } from './apply-order-effects.ts';
import { readSubmittedContent } from './load-order-details.ts';
import { loadOrderAudiences, type OrderAudiences } from './order-audiences.ts';
import { decryptContent, draftAad, encryptContent, versionAad } from './order-content-crypto.ts';
import type { OrderDeps, WorkflowStores } from './order-deps.ts';
import { assertAllowed, isRecordId, orderNotFound, toDomainError } from './order-errors.ts';
import { toAccessFacts, toSnapshot } from './order-facts.ts';
import { formatOrderReference } from './order-reference.ts';
import type { OrderRecord, OrderUpdate, SmsChallengeOutcome, SmsChallengeRecord } from './order-store.ts';

/** Who runs a command: a signed-in actor (checked by the policy) or the platform's own jobs. */
export type CommandActor = Actor | 'system';

/** What a command's builder sees, inside the transaction, with the order locked. */
export interface CommandScope {
  deps: OrderDeps;
  stores: WorkflowStores;
  /** The locked order; a builder that changes it (submit starting a new version) replaces it here. */
  order: OrderRecord;
  /** The open SMS challenge while the order is in sms_verification. */
  sms?: SmsChallengeRecord;
  now: Date;
  calendar: WorkingDayCalendar;
  readDraft(): Promise<OrderContentDraft>;
  /** The last submitted version's content. */
  readSubmitted(): Promise<OrderContentDraft>;
}

export interface OrderCommandRequest {
  actor: CommandActor;
  orderId: number;
  /** The policy action (the command kind, or 'edit'). */
  action: OrderAction;
  /** Builds the command once the order is locked (e.g. compares an SMS code); may throw a DomainError. */
  buildCommand(scope: CommandScope): Promise<OrderCommand> | OrderCommand;
}

export interface OrderCommandResult {
  order: OrderRecord;
  event: OrderEvent;
  numbers?: EffectResults['numbers'];
}

/** The rules and instant a transition of the order is judged with (the approval preview uses it too). */
export function buildTransitionContext(
  deps: OrderDeps,
  order: OrderRecord,
  now: Date,
  calendar: WorkingDayCalendar,
) {
  const orderTypeRules = deps.catalogue.orderTypes.find((type) => type.id === order.type);
  if (!orderTypeRules) throw new Error(`The catalogue has no order type ${order.type}`);
  const context: TransitionContext = {
    now,
    calendar,
    provinceRules: getProvinceRules(deps.catalogue, order.provinceCode),
    orderTypeRules,
    catalogue: deps.catalogue,
  };
  if (deps.smsRules) context.smsRules = deps.smsRules;
  return context;
}

/** How a transition closes the SMS challenge the order leaves, if it leaves one. */
function smsOutcome(event: OrderEvent): SmsChallengeOutcome | undefined {
  if (event.from !== 'sms_verification' || event.to === 'sms_verification') return undefined;
  switch (event.type) {
    case 'sms_code_accepted':
      return 'passed';
    case 'sms_attempts_exhausted':
      return 'failed';
    case 'sms_expired':
      return 'expired';
    default:
      return 'cancelled';
  }
}

const DECIDED: ReadonlySet<OrderStatus> = new Set(['approved', 'rejected_by_authority', 'withdrawn']);

/** The audit payload of an event: its details without free text (reasons become their codes). */
function toAuditPayload(
  order: OrderRecord,
  event: OrderEvent,
  results: EffectResults,
): Record<string, JsonValue> {
  const { reasons, ...details } = event.details;
  const payload: Record<string, JsonValue> = {
    ...details,
    reference: formatOrderReference(order.id, order.createdAt),
    from: event.from,
    to: event.to,
  };
  if (Array.isArray(reasons)) {
    payload.reasonCodes = reasons.flatMap((r) =>
      r !== null && typeof r === 'object' && !Array.isArray(r) && typeof r.reasonCode === 'string'
        ? [r.reasonCode]
        : [],
    );
  }
  if (results.numbers) {
    payload.entityNumber = results.numbers.entityNumber;
    payload.serviceNumbers = results.numbers.serviceNumbers;
  }
  return payload;
}

async function persistTransition(
  scope: CommandScope,
  outcome: TransitionOutcome,
  audiences: OrderAudiences,
  actor: string,
): Promise<OrderCommandResult> {
  const { deps, stores, order, now } = scope;
  const next = outcome.order;
  const [event] = outcome.events;
  if (!event) throw new Error('A transition always records one event');

  if (event.type === 'submitted' || event.type === 'resubmitted') {
    // The immutable snapshot of what was submitted, under its own AAD.
    await stores.orders.insertVersion(order.id, {
      version: order.version,
      content: encryptContent(deps.fieldCipher, await scope.readDraft(), versionAad(order.id, order.version)),
      at: now,
      by: actor,
    });
  }

  const results = await applyOrderEffects(
    {
      deps,
      stores,
      order,
      now,
      calendar: scope.calendar,
      audiences,
      readContent: () => scope.readSubmitted(),
    },
    outcome.effects,
  );

  if (scope.sms && next.sms) {
    await stores.orders.updateSmsChallenge(scope.sms.id, { attempts: next.sms.attempts });
  }
  const closed = smsOutcome(event);
  if (scope.sms && closed) {
    const attempts =
      event.type === 'sms_attempts_exhausted' ? Number(event.details.attempts) : scope.sms.attempts;
    await stores.orders.updateSmsChallenge(scope.sms.id, { attempts, outcome: closed, closedAt: now });
  }
  if (next.status === 'withdrawn') await stores.providers.releaseServiceCodes(order.id);

  const update: OrderUpdate = {
    status: next.status,
    isInProgress: isInProgress(next.status),
    deadlines: next.deadlines,
    returnReasons: next.returnReasons,
    updatedAt: now,
  };
  if (next.submittedVersion !== order.submittedVersion)
    update.submittedVersion = next.submittedVersion ?? null;
  const entityNumber = results.numbers?.entityNumber ?? next.entityNumber;
  if (entityNumber !== order.entityNumber) update.entityNumber = entityNumber ?? null;
  if (results.numbers) update.issuedServiceNumbers = results.numbers.serviceNumbers;
  if (next.status === 'submitted') {
    update.hasBeenSubmitted = true;
    update.submittedAt = now;
  }
  // Sent to the authority: the SMS check is the authority's own step (MIIT texts the people), so its
  // reviewers see the order from there on, in their SMS monitor first.
  if (next.status === 'sms_verification' || next.status === 'authority_review')
    update.hasReachedAuthority = true;
  if (DECIDED.has(next.status)) update.decidedAt = now;
  await stores.orders.updateOrder(order.id, update);
  await stores.orders.appendEvents(order.id, actor, outcome.events);

  // Last write of the transaction: the audit chain head stays locked as briefly as possible.
  await appendAuditEvent(
    { auditLog: stores.auditLog },
    {
      occurredAt: now,
      actor,
      action: `order.${event.type}`,
      subjectType: 'order',
      subjectId: String(order.id),
      payload: toAuditPayload(order, event, results),
    },
  );
  const saved = await stores.orders.findOrder(order.id);
  if (!saved) throw new Error(`Order ${order.id} vanished inside its own transaction`);
  return { order: saved, event, ...(results.numbers === undefined ? {} : { numbers: results.numbers }) };
}

/**
 * Runs one workflow command: checks the policy, locks the order, applies the pure transition and
 * writes the new state, its event, its effects (SMS challenge, numbers, registry, service codes,
 * notifications, reminders) and its audit event in ONE transaction. A refused command changes nothing.
 */
export async function runOrderCommand(
  deps: OrderDeps,
  request: OrderCommandRequest,
): Promise<OrderCommandResult> {
  const { actor } = request;
  if (!isRecordId(request.orderId)) throw orderNotFound();
  const peek = await deps.persistence.read.orders.findOrder(request.orderId);
  if (!peek) throw orderNotFound();
  if (actor !== 'system') assertAllowed(checkOrderAccess(actor, toAccessFacts(peek), request.action));
  const audiences = await loadOrderAudiences(deps.directory, peek);
  const calendar = await deps.calendar.getCalendar();
  const now = deps.clock.now();

  return deps.persistence.transact(async (stores) => {
    const order = await stores.orders.lockOrder(request.orderId);
    if (!order) throw orderNotFound();
    // The order may have moved since the first look; the policy decides on the locked state.
    if (actor !== 'system') assertAllowed(checkOrderAccess(actor, toAccessFacts(order), request.action));
    const sms =
      order.status === 'sms_verification' ? await stores.orders.findOpenSmsChallenge(order.id) : undefined;
    let submitted: OrderContentDraft | undefined;
    const scope: CommandScope = {
      deps,
      stores,
      order,
      ...(sms === undefined ? {} : { sms }),
      now,
      calendar,
      readDraft: async () => {
        const draft = await stores.orders.readDraft(order.id);
        if (!draft) throw new Error(`Order ${order.id} has no draft`);
        return decryptContent(deps.fieldCipher, draft.content, draftAad(order.id));
      },
      readSubmitted: async () => {
        submitted ??= await readSubmittedContent(deps, stores, scope.order);
        return submitted ?? scope.readDraft();
      },
    };
    const command = await request.buildCommand(scope);
    const outcome = transitionOrder(
      toSnapshot(scope.order, sms),
      command,
      buildTransitionContext(deps, scope.order, now, calendar),
    );
    if (!outcome.ok) throw toDomainError(outcome.error);
    return persistTransition(scope, outcome.value, audiences, describeActor(actor));
  });
}
