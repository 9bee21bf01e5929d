import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { OrderContentDraft } from '../../domain/order-content/order-content.ts';
import {
  type Actor,
  canPerform,
  canViewOrder,
  type OrderAccessFacts,
  type OrderAction,
  type OrderScope,
  type Role,
} from '../../domain/policy/order-access.ts';
import type { FilingIntent } from '../../domain/workflow/detect-order-type.ts';
import type { JsonValue, OrderEventType } from '../../domain/workflow/order-outcome.ts';
import type { AuthorityMode, DeadlineKind } from '../../domain/workflow/order-snapshot.ts';
import { canEdit, type OrderStatus } from '../../domain/workflow/order-status.ts';
import { listAllowedCommands } from '../../domain/workflow/order-transition.ts';
import type { OrderTypeId } from '../../domain/workflow/order-type.ts';
import { type DeadlineFlag, findActiveDeadline } from '../../domain/workflow/queue-flags.ts';
import type { ReturnReason } from '../../domain/workflow/return-reason.ts';
import { describeUser } from '../audit/actor-label.ts';
import { type EventActorView, type PartyNames, presentEventActor } from '../audit/event-actor.ts';
import { maskOrderContent } from './mask-personal-data.ts';
import { findOrderEventActor } from './order-event-actors.ts';
import { toAccessFacts } from './order-facts.ts';
import { formatOrderReference } from './order-reference.ts';
import type { OrderRecord, SmsChallengeRecord, StoredOrderEvent } from './order-store.ts';

/** Everything known about one order, decrypted: what `presentOrder` shapes for a viewer. */
export interface OrderDetails {
  order: OrderRecord;
  draft: OrderContentDraft;
  /** The last submitted version's content. */
  submitted?: OrderContentDraft;
  sms?: SmsChallengeRecord;
  versions: readonly { version: number; at: Date }[];
  events: readonly StoredOrderEvent[];
  deadlineFlag: DeadlineFlag;
  /** The names of the people and organisations in the history (loadPartyNames). */
  partyNames: PartyNames;
  catalogue: Catalogue;
}

export interface OrderDeadlinesView {
  providerReviewDue?: string;
  smsExpiresAt?: string;
  authorityReviewDue?: string;
}

export interface OrderSmsView {
  expiresAt: string;
  attempts: number;
  maxAttempts: number;
  attemptsLeft: number;
}

/** The fields every order listing shows; no content, so nothing personal. */
export interface OrderSummaryView {
  id: number;
  /** OB-2026-000123. */
  reference: string;
  type: OrderTypeId;
  intent: FilingIntent;
  status: OrderStatus;
  provinceCode: string;
  providerOrgId: string;
  /** The agency filing for a client, and the client: ids only, so an agent can list by client. */
  agentOrgId?: string;
  clientUserId?: string;
  authorityMode: AuthorityMode;
  entityNumber?: string;
  serviceNumber?: string;
  /** Registrable domain (ASCII) the order was detected with. */
  domain?: string;
  deadlines: OrderDeadlinesView;
  activeDeadline?: { kind: DeadlineKind; due: string };
  /** overdue | due_today | due_soon | on_track | none. */
  deadlineFlag: DeadlineFlag;
  /** The open SMS check while the order is in sms_verification: tries and expiry, never the code. */
  sms?: OrderSmsView;
  hasReturnReasons: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  decidedAt?: string;
}

export interface OrderEventView {
  type: OrderEventType;
  from: OrderStatus;
  to: OrderStatus;
  at: string;
  details: Record<string, JsonValue>;
  /** Who took the step, and for whom. */
  actor: EventActorView;
}

export interface OrderView extends OrderSummaryView {
  ownerUserId: string;
  /** Service numbers issued or recorded at approval, in the order of the content's services. */
  issuedServiceNumbers: string[];
  version: number;
  submittedVersion?: number;
  /** The latest return or rejection, each reason on its field path. */
  returnReasons: ReturnReason[];
  /** What the viewer may do now: workflow commands and 'edit'. */
  allowedActions: OrderAction[];
  /** True when names, certificates, phones and e-mails in `content` are masked for this viewer. */
  isPersonalDataMasked: boolean;
  /** The editable draft for the applicant side; the last submitted version for reviewers. */
  content: OrderContentDraft;
  contentSource: 'draft' | 'submitted';
  versions: { version: number; submittedAt: string }[];
  /** Who opened the draft: the owner, as applicant or as the agency's agent. */
  createdBy: EventActorView;
  events: OrderEventView[];
}

function toDeadlinesView(order: OrderRecord): OrderDeadlinesView {
  const view: OrderDeadlinesView = {};
  const { providerReviewDue, smsExpiresAt, authorityReviewDue } = order.deadlines;
  if (providerReviewDue) view.providerReviewDue = providerReviewDue.toISOString();
  if (smsExpiresAt) view.smsExpiresAt = smsExpiresAt.toISOString();
  if (authorityReviewDue) view.authorityReviewDue = authorityReviewDue.toISOString();
  return view;
}

function toSmsView(sms: SmsChallengeRecord): OrderSmsView {
  return {
    expiresAt: sms.expiresAt.toISOString(),
    attempts: sms.attempts,
    maxAttempts: sms.maxAttempts,
    attemptsLeft: Math.max(0, sms.maxAttempts - sms.attempts),
  };
}

/** The summary of an order for lists and queues, with its open SMS challenge when it has one. */
export function presentOrderSummary(
  order: OrderRecord,
  deadlineFlag: DeadlineFlag,
  sms?: SmsChallengeRecord,
): OrderSummaryView {
  const view: OrderSummaryView = {
    id: order.id,
    reference: formatOrderReference(order.id, order.createdAt),
    type: order.type,
    intent: order.intent,
    status: order.status,
    provinceCode: order.provinceCode,
    providerOrgId: order.providerOrgId,
    authorityMode: order.authorityMode,
    deadlines: toDeadlinesView(order),
    deadlineFlag,
    hasReturnReasons: order.returnReasons.length > 0,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
  if (order.agentOrgId !== undefined) view.agentOrgId = order.agentOrgId;
  if (order.clientUserId !== undefined) view.clientUserId = order.clientUserId;
  if (order.entityNumber !== undefined) view.entityNumber = order.entityNumber;
  if (order.serviceNumber !== undefined) view.serviceNumber = order.serviceNumber;
  if (order.domain !== undefined) view.domain = order.domain;
  const active = findActiveDeadline(order);
  if (active) view.activeDeadline = { kind: active.kind, due: active.due.toISOString() };
  if (order.submittedAt) view.submittedAt = order.submittedAt.toISOString();
  if (order.decidedAt) view.decidedAt = order.decidedAt.toISOString();
  if (sms) view.sms = toSmsView(sms);
  return view;
}

/** The applicant side: the owner, the agency filing it and the client it files for. */
function isApplicantSide(actor: Actor, facts: OrderAccessFacts): boolean {
  return (
    facts.ownerUserId === actor.userId ||
    facts.clientUserIds.includes(actor.userId) ||
    canPerform(actor, facts, 'edit')
  );
}

/**
 * Personal data in the clear only for the applicant side and the order's reviewers (DESIGN.md §5
 * rule 6); provider administrators and platform administrators see it masked.
 */
export function canSeePersonalData(actor: Actor, facts: OrderAccessFacts): boolean {
  if (!canViewOrder(actor, facts)) return false;
  return (
    isApplicantSide(actor, facts) ||
    canPerform(actor, facts, 'start_provider_review') ||
    canPerform(actor, facts, 'approve_by_authority')
  );
}

/**
 * The slices of the orders in which the actor sees personal data in the clear, for searches that
 * match it (an individual's whole name): the actor's own and clients' orders, the agency's, the
 * provider's for its reviewers, the province's authority's for its reviewers. Never a slice reached
 * only by an administrator's role (provider_admin, platform_admin), so a search cannot confirm a name
 * the viewer sees masked. Within these slices canSeePersonalData holds.
 */
export function listPersonalDataScopes(actor: Actor): OrderScope[] {
  const has = (role: Role) => actor.roles.includes(role);
  const scopes: OrderScope[] = [
    { kind: 'owner', userId: actor.userId },
    { kind: 'client', userId: actor.userId },
  ];
  if (has('agent') && actor.organisationIds.length > 0) {
    scopes.push({ kind: 'agency', organisationIds: actor.organisationIds });
  }
  if (has('provider_reviewer') && actor.providerOrgId !== undefined) {
    scopes.push({ kind: 'provider', providerOrgId: actor.providerOrgId });
  }
  if (has('authority_reviewer') && actor.authorityProvinceCode !== undefined) {
    scopes.push({ kind: 'authority', provinceCode: actor.authorityProvinceCode });
  }
  return scopes;
}

/** The workflow commands (and 'edit') the actor may perform on the order in its current status. */
export function listActorActions(actor: Actor, order: OrderRecord): OrderAction[] {
  const facts = toAccessFacts(order);
  const actions: OrderAction[] = listAllowedCommands(order.status).filter((command) =>
    canPerform(actor, facts, command),
  );
  if (canEdit(order.status) && canPerform(actor, facts, 'edit')) actions.unshift('edit');
  return actions;
}

/**
 * An order as `actor` may see it (call only for actors the policy lets view it): personal data masked
 * unless the viewer owns or reviews the order, the actions the viewer may take, and the content the
 * viewer works on (the applicant side edits the draft, reviewers read the submitted version).
 */
export function presentOrder(details: OrderDetails, actor: Actor): OrderView {
  const { order } = details;
  const facts = toAccessFacts(order);
  const applicantSide = isApplicantSide(actor, facts);
  const useDraft = applicantSide || details.submitted === undefined;
  const source = useDraft ? details.draft : (details.submitted ?? details.draft);
  const masked = !canSeePersonalData(actor, facts);
  const content = masked ? maskOrderContent(source) : source;
  const entityName = content.entity?.name;
  const actorOf = (event: Parameters<typeof findOrderEventActor>[0], label: string) =>
    presentEventActor(
      findOrderEventActor(event, label, order, details.catalogue, entityName),
      details.partyNames,
      { masked },
    );
  const view: OrderView = {
    ...presentOrderSummary(order, details.deadlineFlag, details.sms),
    ownerUserId: order.ownerUserId,
    issuedServiceNumbers: [...order.issuedServiceNumbers],
    version: order.version,
    returnReasons: order.returnReasons,
    allowedActions: listActorActions(actor, order),
    isPersonalDataMasked: masked,
    content,
    contentSource: useDraft ? 'draft' : 'submitted',
    versions: details.versions.map((v) => ({ version: v.version, submittedAt: v.at.toISOString() })),
    createdBy: actorOf({ type: 'created' }, describeUser({ userId: order.ownerUserId })),
    events: details.events.map((e) => ({
      type: e.type,
      from: e.from,
      to: e.to,
      at: e.at.toISOString(),
      details: e.details,
      actor: actorOf(e, e.actor),
    })),
  };
  if (order.submittedVersion !== undefined) view.submittedVersion = order.submittedVersion;
  return view;
}
