import { assertNever } from '../shared/assert-never.ts';
import type { OrderCommandKind } from '../workflow/order-command.ts';
import type { AuthorityMode } from '../workflow/order-snapshot.ts';
import type { OrderStatus } from '../workflow/order-status.ts';

/**
 * Who may see and act on an order (DESIGN.md §5 rule 5). Pure: the caller loads the actor and the
 * order's access facts, asks here, and maps the answer:
 *
 * - 'not_found' → HTTP 404. A resource the actor may not see answers exactly as a missing one, so
 *   nobody can probe other people's orders by id. Never 403 for these.
 * - 'forbidden' → HTTP 403, only for an actor who may see the order but not do this to it.
 * - 'allowed' → go on; whether the order's status accepts the command is the workflow's answer
 *   ('invalid_transition'), not the policy's.
 */

export type Role =
  | 'applicant'
  | 'agent'
  | 'provider_reviewer'
  | 'provider_admin'
  | 'authority_reviewer'
  | 'platform_admin';

export const ROLES: readonly Role[] = [
  'applicant',
  'agent',
  'provider_reviewer',
  'provider_admin',
  'authority_reviewer',
  'platform_admin',
];

export interface Actor {
  userId: string;
  roles: readonly Role[];
  /** Every organisation the user belongs to (agency, applicant organisation …). */
  organisationIds: readonly string[];
  /** The access provider the user reviews for or administers. */
  providerOrgId?: string;
  /** The province whose sandbox authority the user reviews for. */
  authorityProvinceCode?: string;
}

export interface OrderAccessFacts {
  ownerUserId: string;
  /** The agency filing on a client's behalf, if any. */
  agentOrgId?: string;
  /** The client's users, once the letter of authorisation is recorded: they see everything the agent did. */
  clientUserIds: readonly string[];
  providerOrgId: string;
  provinceCode: string;
  status: OrderStatus;
  authorityMode: AuthorityMode;
  /** A draft is the applicant's private work until first submitted. */
  hasBeenSubmitted: boolean;
  /** The sandbox authority sees an order once it was sent to it, also after a rejection and resubmission. */
  hasReachedAuthority: boolean;
}

/** Workflow commands plus editing the order's data (allowed by status only in canEdit states). */
export type OrderAction = OrderCommandKind | 'edit';

export type AccessDecision = 'allowed' | 'forbidden' | 'not_found';

/**
 * One slice of the orders an actor sees, in a form a repository can turn into a WHERE clause. An order
 * is visible when it matches any scope of `listOrderScopes(actor)`; `isOrderInScope` is the reference
 * semantics the SQL must reproduce.
 */
export type OrderScope =
  | { kind: 'all' }
  | { kind: 'owner'; userId: string }
  | { kind: 'client'; userId: string }
  | { kind: 'agency'; organisationIds: readonly string[] }
  | { kind: 'provider'; providerOrgId: string }
  | { kind: 'authority'; provinceCode: string };

function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

export function listOrderScopes(actor: Actor): OrderScope[] {
  if (hasRole(actor, 'platform_admin')) return [{ kind: 'all' }];
  const scopes: OrderScope[] = [
    { kind: 'owner', userId: actor.userId },
    { kind: 'client', userId: actor.userId },
  ];
  if (hasRole(actor, 'agent') && actor.organisationIds.length > 0) {
    scopes.push({ kind: 'agency', organisationIds: actor.organisationIds });
  }
  if (
    actor.providerOrgId !== undefined &&
    (hasRole(actor, 'provider_reviewer') || hasRole(actor, 'provider_admin'))
  ) {
    scopes.push({ kind: 'provider', providerOrgId: actor.providerOrgId });
  }
  if (actor.authorityProvinceCode !== undefined && hasRole(actor, 'authority_reviewer')) {
    scopes.push({ kind: 'authority', provinceCode: actor.authorityProvinceCode });
  }
  return scopes;
}

export function isOrderInScope(scope: OrderScope, order: OrderAccessFacts): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'owner':
      return order.ownerUserId === scope.userId;
    case 'client':
      return order.clientUserIds.includes(scope.userId);
    case 'agency':
      return order.agentOrgId !== undefined && scope.organisationIds.includes(order.agentOrgId);
    case 'provider':
      return order.providerOrgId === scope.providerOrgId && order.hasBeenSubmitted;
    case 'authority':
      return (
        order.provinceCode === scope.provinceCode &&
        order.authorityMode === 'sandbox' &&
        order.hasReachedAuthority
      );
    default:
      return assertNever(scope);
  }
}

export function canViewOrder(actor: Actor, order: OrderAccessFacts): boolean {
  return listOrderScopes(actor).some((scope) => isOrderInScope(scope, order));
}

/** The applicant who owns the order, or a member of the agency filing it. */
function isFiler(actor: Actor, order: OrderAccessFacts): boolean {
  const isOwner =
    order.ownerUserId === actor.userId && (hasRole(actor, 'applicant') || hasRole(actor, 'agent'));
  const isAgency =
    hasRole(actor, 'agent') &&
    order.agentOrgId !== undefined &&
    actor.organisationIds.includes(order.agentOrgId);
  return isOwner || isAgency;
}

function isProviderReviewer(actor: Actor, order: OrderAccessFacts): boolean {
  return hasRole(actor, 'provider_reviewer') && actor.providerOrgId === order.providerOrgId;
}

function isAuthorityReviewer(actor: Actor, order: OrderAccessFacts): boolean {
  return hasRole(actor, 'authority_reviewer') && actor.authorityProvinceCode === order.provinceCode;
}

/**
 * Whether the actor may do `action` to the order, judged by who they are (not by the order's status).
 * Provider administrators and platform administrators see orders but do not review them. The authority's
 * decision is taken by the sandbox authority's reviewers, or — in recorded mode — entered by the
 * provider's reviewers from the real authority's answer. The SMS code may also be entered by the client,
 * whose leader and admin receive it.
 */
export function canPerform(actor: Actor, order: OrderAccessFacts, action: OrderAction): boolean {
  if (!canViewOrder(actor, order)) return false;
  switch (action) {
    case 'edit':
    case 'submit':
    case 'withdraw':
      return isFiler(actor, order);
    case 'submit_sms_code':
      return isFiler(actor, order) || order.clientUserIds.includes(actor.userId);
    case 'start_provider_review':
    case 'return_by_provider':
    case 'approve_by_provider':
    case 'record_identity_verification':
    case 'send_to_authority':
    case 'expire_sms':
      return isProviderReviewer(actor, order);
    case 'approve_by_authority':
    case 'reject_by_authority':
      return order.authorityMode === 'sandbox'
        ? isAuthorityReviewer(actor, order)
        : isProviderReviewer(actor, order);
    default:
      return assertNever(action);
  }
}

/** The answer to map onto HTTP: see the module comment. */
export function checkOrderAccess(actor: Actor, order: OrderAccessFacts, action: OrderAction): AccessDecision {
  if (!canViewOrder(actor, order)) return 'not_found';
  return canPerform(actor, order, action) ? 'allowed' : 'forbidden';
}
