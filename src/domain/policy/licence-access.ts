import type { LicenceCommandKind } from '../licence/licence-command.ts';
import type { LicenceScope } from '../licence/licence-kind.ts';
import { assertNever } from '../shared/assert-never.ts';
import type { AuthorityMode } from '../workflow/order-snapshot.ts';
import type { AccessDecision, Actor, Role } from './order-access.ts';

/**
 * Who may see and act on an ICP or EDI licence application and the licence it issued (DESIGN.md §5
 * rule 5), on the same terms as orders (order-access.ts): an application the actor may not see is
 * 'not_found' (HTTP 404, never 403), one they may see but not act on this way is 'forbidden'.
 *
 * The deciding authority (licence-kind.ts findLicenceAuthority): a provincial licence is decided by the
 * sandbox authority reviewers of the company's province. A cross-regional licence is MIIT's, and the
 * platform has no MIIT organisation (authorities are one per province), so platform administrators act
 * as MIIT's sandbox reviewers. In recorded mode the application is filed on the real platform and the
 * applicant (or the agency) records each step the real authority took.
 */

export interface LicenceAccessFacts {
  applicantUserId: string;
  /** The agency applying on a client's behalf, if any. */
  agentOrgId?: string;
  /** The client applied for: the company's own user, who sees everything the agency did. */
  clientUserIds: readonly string[];
  scope: LicenceScope;
  provinceCode: string;
  authorityMode: AuthorityMode;
  /** A draft is the applicant's private work; the sandbox authority sees it from the first submission. */
  hasBeenSubmitted: boolean;
}

/**
 * Workflow commands, editing the draft (facts and materials), and recording the issued licence's duties
 * (annual reports, the renewal application, changes).
 */
export type LicenceAction = LicenceCommandKind | 'edit' | 'record_obligation';

/** One slice of the applications an actor sees, in a form a repository turns into a WHERE clause. */
export type LicenceAccessScope =
  | { kind: 'all' }
  | { kind: 'owner'; userId: string }
  | { kind: 'client'; userId: string }
  | { kind: 'agency'; organisationIds: readonly string[] }
  | { kind: 'authority'; provinceCode: string };

const AUTHORITY_COMMANDS: ReadonlySet<LicenceAction> = new Set<LicenceAction>([
  'start_acceptance_check',
  'request_materials',
  'accept',
  'approve',
  'reject',
]);

export function isAuthorityCommand(action: LicenceAction): boolean {
  return AUTHORITY_COMMANDS.has(action);
}

function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

export function listLicenceScopes(actor: Actor): LicenceAccessScope[] {
  if (hasRole(actor, 'platform_admin')) return [{ kind: 'all' }];
  const scopes: LicenceAccessScope[] = [
    { kind: 'owner', userId: actor.userId },
    { kind: 'client', userId: actor.userId },
  ];
  if (hasRole(actor, 'agent') && actor.organisationIds.length > 0) {
    scopes.push({ kind: 'agency', organisationIds: actor.organisationIds });
  }
  if (actor.authorityProvinceCode !== undefined && hasRole(actor, 'authority_reviewer')) {
    scopes.push({ kind: 'authority', provinceCode: actor.authorityProvinceCode });
  }
  return scopes;
}

/** The reference semantics of a scope; the repository's SQL must agree. */
export function isLicenceInScope(scope: LicenceAccessScope, facts: LicenceAccessFacts): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'owner':
      return facts.applicantUserId === scope.userId;
    case 'client':
      return facts.clientUserIds.includes(scope.userId);
    case 'agency':
      return facts.agentOrgId !== undefined && scope.organisationIds.includes(facts.agentOrgId);
    case 'authority':
      return (
        facts.scope === 'provincial' &&
        facts.provinceCode === scope.provinceCode &&
        facts.authorityMode === 'sandbox' &&
        facts.hasBeenSubmitted
      );
    default:
      return assertNever(scope);
  }
}

export function canViewLicence(actor: Actor, facts: LicenceAccessFacts): boolean {
  return listLicenceScopes(actor).some((scope) => isLicenceInScope(scope, facts));
}

/** The applicant who created the application (as an applicant or agent), or a member of its agency. */
function isFiler(actor: Actor, facts: LicenceAccessFacts): boolean {
  const isOwner =
    facts.applicantUserId === actor.userId && (hasRole(actor, 'applicant') || hasRole(actor, 'agent'));
  const isAgency =
    hasRole(actor, 'agent') &&
    facts.agentOrgId !== undefined &&
    actor.organisationIds.includes(facts.agentOrgId);
  return isOwner || isAgency;
}

/** The sandbox reviewer who decides: the province's authority, or a platform administrator for MIIT. */
function isSandboxDecider(actor: Actor, facts: LicenceAccessFacts): boolean {
  if (facts.scope === 'cross_regional') return hasRole(actor, 'platform_admin');
  return hasRole(actor, 'authority_reviewer') && actor.authorityProvinceCode === facts.provinceCode;
}

/** Whether the actor takes the authority's decisions on this application (see the module comment). */
export function isLicenceDecider(actor: Actor, facts: LicenceAccessFacts): boolean {
  return facts.authorityMode === 'sandbox' ? isSandboxDecider(actor, facts) : isFiler(actor, facts);
}

/**
 * Whether the actor may do `action` to the application, judged by who they are (whether the status
 * accepts it is the workflow's answer, 'invalid_transition'). The client company may record its own
 * licence's duties; only the filer edits, submits and withdraws.
 */
export function canPerformOnLicence(actor: Actor, facts: LicenceAccessFacts, action: LicenceAction): boolean {
  if (!canViewLicence(actor, facts)) return false;
  switch (action) {
    case 'edit':
    case 'submit':
    case 'withdraw':
      return isFiler(actor, facts);
    case 'record_obligation':
      return isFiler(actor, facts) || facts.clientUserIds.includes(actor.userId);
    case 'start_acceptance_check':
    case 'request_materials':
    case 'accept':
    case 'approve':
    case 'reject':
      return isLicenceDecider(actor, facts);
    default:
      return assertNever(action);
  }
}

/** The answer to map onto HTTP: not_found → 404, forbidden → 403, allowed → go on. */
export function checkLicenceAccess(
  actor: Actor,
  facts: LicenceAccessFacts,
  action: LicenceAction,
): AccessDecision {
  if (!canViewLicence(actor, facts)) return 'not_found';
  return canPerformOnLicence(actor, facts, action) ? 'allowed' : 'forbidden';
}
