import type { LicenceAuthority } from '../../domain/licence/licence-kind.ts';
import { parseActorLabel } from '../audit/actor-label.ts';
import type { EventActorFacts } from '../audit/event-actor.ts';
import type { LicenceApplicationRecord } from './licence-store.ts';

/** The application's parties an event's actor is read against. */
export type LicenceParties = Pick<
  LicenceApplicationRecord,
  'agentOrgId' | 'clientUserId' | 'companyName' | 'scope' | 'provinceCode' | 'authorityMode'
>;

/** The authority's steps, by event type (the commands of isAuthorityCommand). */
const AUTHORITY_EVENTS: ReadonlySet<string> = new Set([
  'acceptance_check_started',
  'materials_requested',
  'accepted',
  'approved',
  'rejected',
]);

/**
 * Who took a step of a licence application, by the access policy (src/domain/policy/licence-access.ts):
 * the authority's steps are taken in the sandbox by the province's authority reviewers, or for a
 * cross-regional licence by a platform administrator acting as MIIT; in recorded mode, and for every
 * other step (creating, submitting, withdrawing, recording the licence's duties), by the filer: the
 * client company itself as the applicant, anyone else of the agency as its agent for the company.
 */
export function findLicenceEventActor(
  type: string,
  label: string,
  application: LicenceParties,
  authority: LicenceAuthority,
): EventActorFacts {
  if (AUTHORITY_EVENTS.has(type) && application.authorityMode === 'sandbox') {
    if (application.scope === 'cross_regional') {
      return { label, role: 'platform_admin', organisation: authority.name };
    }
    return {
      label,
      role: 'authority_reviewer',
      organisation: authority.name,
      provinceCode: application.provinceCode,
    };
  }
  const parsed = parseActorLabel(label);
  const isClient = parsed.kind === 'user' && parsed.userId === application.clientUserId;
  if (application.agentOrgId === undefined || isClient) return { label, role: 'applicant' };
  const facts: EventActorFacts = {
    label,
    role: 'agent',
    organisationId: application.agentOrgId,
    onBehalfOf: application.companyName,
  };
  if (application.clientUserId !== undefined) facts.onBehalfOfUserId = application.clientUserId;
  return facts;
}
