import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import { findProvince } from '../../domain/catalogue/catalogue.ts';
import { assertNever } from '../../domain/shared/assert-never.ts';
import type { OrderEventType } from '../../domain/workflow/order-outcome.ts';
import { parseActorLabel } from '../audit/actor-label.ts';
import type { EventActorFacts } from '../audit/event-actor.ts';
import type { OrderRecord } from './order-store.ts';

/** The order's parties an event's actor is read against. */
export type OrderParties = Pick<
  OrderRecord,
  'ownerUserId' | 'agentOrgId' | 'clientUserId' | 'providerOrgId' | 'provinceCode' | 'authorityMode'
>;

/**
 * The filer's side: the client acting on its own order is the applicant; anyone else of the agency
 * filing it is the agent, acting for the client (its account, or the entity named in the content).
 */
function filerSide(label: string, order: OrderParties, entityName: string | undefined): EventActorFacts {
  const parsed = parseActorLabel(label);
  const isClient = parsed.kind === 'user' && parsed.userId === order.clientUserId;
  if (order.agentOrgId === undefined || isClient) return { label, role: 'applicant' };
  const facts: EventActorFacts = { label, role: 'agent', organisationId: order.agentOrgId };
  if (order.clientUserId !== undefined) facts.onBehalfOfUserId = order.clientUserId;
  if (entityName !== undefined) facts.onBehalfOf = entityName;
  return facts;
}

function providerSide(label: string, order: OrderParties): EventActorFacts {
  return { label, role: 'provider_reviewer', organisationId: order.providerOrgId };
}

/**
 * Who took a step of the order, by the access policy (src/domain/policy/order-access.ts canPerform):
 * the filer submits, withdraws and enters SMS codes; the provider's reviewers review, verify, send and
 * close expired codes (unless the filer typed one too late); the province's sandbox authority decides, or in recorded mode the provider's reviewers
 * enter the real authority's decision. `created` is the opening of the draft.
 */
export function findOrderEventActor(
  event: { type: OrderEventType | 'created'; details?: Readonly<Record<string, unknown>> },
  label: string,
  order: OrderParties,
  catalogue: Catalogue,
  entityName?: string,
): EventActorFacts {
  const { type } = event;
  switch (type) {
    case 'created':
    case 'submitted':
    case 'resubmitted':
    case 'sms_code_accepted':
    case 'sms_code_rejected':
    case 'sms_attempts_exhausted':
    case 'withdrawn':
      return filerSide(label, order, entityName);
    case 'provider_review_started':
    case 'returned_by_provider':
    case 'approved_by_provider':
    case 'identity_verification_passed':
    case 'identity_verification_failed':
    case 'sent_to_authority':
      return providerSide(label, order);
    case 'sms_expired':
      // Closed by the provider (or the platform's job), or by the filer typing a code too late.
      return event.details?.typedLate === true
        ? filerSide(label, order, entityName)
        : providerSide(label, order);
    case 'approved_by_authority':
    case 'rejected_by_authority': {
      if (order.authorityMode === 'recorded') return providerSide(label, order);
      const facts: EventActorFacts = { label, role: 'authority_reviewer', provinceCode: order.provinceCode };
      const authority = findProvince(catalogue, order.provinceCode)?.authority;
      if (authority) facts.organisation = { en: authority.nameEn, zh: authority.nameZh };
      return facts;
    }
    default:
      return assertNever(type);
  }
}
