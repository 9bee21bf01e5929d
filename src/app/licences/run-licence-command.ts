import type { WorkingDayCalendar } from '../../domain/calendar/working-day-calendar.ts';
import type { LicenceEvent, LicenceTransitionOutcome } from '../../domain/licence/licence-application.ts';
import type { LicenceCommand } from '../../domain/licence/licence-command.ts';
import { isTerminalLicenceStatus } from '../../domain/licence/licence-status.ts';
import {
  type LicenceTransitionContext,
  transitionLicenceApplication,
} from '../../domain/licence/licence-transition.ts';
import { checkLicenceAccess, type LicenceAction } from '../../domain/policy/licence-access.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import type { JsonValue } from '../../domain/workflow/order-outcome.ts';
import { describeUser } from '../audit/actor-label.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { isRecordId } from '../orders/order-errors.ts';
import { applyLicenceEffects, type LicenceEffectResults } from './apply-licence-effects.ts';
import { type LicenceAudiences, loadLicenceAudiences } from './licence-audiences.ts';
import type { LicenceDeps, LicenceStores } from './licence-deps.ts';
import { assertLicenceAllowed, licenceNotFound, toLicenceError } from './licence-errors.ts';
import { toLicenceAccessFacts, toLicenceSnapshot } from './licence-facts.ts';
import { formatLicenceReference } from './licence-reference.ts';
import type {
  IssuedLicenceRow,
  LicenceApplicationRecord,
  LicenceApplicationUpdate,
} from './licence-store.ts';

/** What a command's builder sees, inside the transaction, with the application locked. */
export interface LicenceCommandScope {
  deps: LicenceDeps;
  stores: LicenceStores;
  /** The locked application; a builder that changes it (a resubmission's new version) replaces it here. */
  application: LicenceApplicationRecord;
  now: Date;
  calendar: WorkingDayCalendar;
}

export interface LicenceCommandRequest {
  actor: Actor;
  applicationId: number;
  action: LicenceAction;
  /** Builds the command once the application is locked (checks, number allocation); may throw. */
  buildCommand(scope: LicenceCommandScope): Promise<LicenceCommand> | LicenceCommand;
}

export interface LicenceCommandResult {
  application: LicenceApplicationRecord;
  event: LicenceEvent;
  licence?: IssuedLicenceRow;
}

/** The audit payload of an event: its details without free text (reasons become their codes). */
function toAuditPayload(
  application: LicenceApplicationRecord,
  event: LicenceEvent,
  results: LicenceEffectResults,
): Record<string, JsonValue> {
  const { reasons, ...details } = event.details;
  const payload: Record<string, JsonValue> = {
    ...details,
    reference: formatLicenceReference(application.id, application.createdAt),
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
  if (results.licence) payload.licenceId = results.licence.id;
  return payload;
}

async function persistTransition(
  scope: LicenceCommandScope,
  outcome: LicenceTransitionOutcome,
  audiences: LicenceAudiences,
  actor: string,
): Promise<LicenceCommandResult> {
  const { stores, application, now } = scope;
  const next = outcome.application;
  const [event] = outcome.events;
  if (!event) throw new Error('A licence transition always records one event');

  if (event.type === 'submitted' || event.type === 'resubmitted') {
    // The immutable snapshot of what was submitted.
    await stores.licences.insertVersion(application.id, {
      version: application.version,
      companyName: application.companyName,
      facts: application.facts,
      materials: application.materials,
      at: now,
      by: actor,
    });
  }
  const results = await applyLicenceEffects(
    { deps: scope.deps, stores, application, next, now, audiences },
    outcome.effects,
  );
  const update: LicenceApplicationUpdate = {
    status: next.status,
    deadlines: next.deadlines,
    reasons: next.reasons,
    updatedAt: now,
  };
  if (next.submittedVersion !== application.submittedVersion) {
    update.submittedVersion = next.submittedVersion ?? null;
  }
  if (next.status === 'submitted') {
    update.hasBeenSubmitted = true;
    update.submittedAt = now;
  }
  if (event.type === 'accepted') update.acceptedAt = now;
  if (isTerminalLicenceStatus(next.status)) update.decidedAt = now;
  await stores.licences.updateApplication(application.id, update);
  await stores.licences.appendEvents(application.id, actor, outcome.events);

  // Last write of the transaction: the audit chain head stays locked as briefly as possible.
  await appendAuditEvent(
    { auditLog: stores.auditLog },
    {
      occurredAt: now,
      actor,
      action: `licence.${event.type}`,
      subjectType: 'licence_application',
      subjectId: String(application.id),
      payload: toAuditPayload(application, event, results),
    },
  );
  const saved = await stores.licences.findApplication(application.id);
  if (!saved) throw new Error(`Licence application ${application.id} vanished inside its own transaction`);
  return {
    application: saved,
    event,
    ...(results.licence === undefined ? {} : { licence: results.licence }),
  };
}

/**
 * Runs one licence workflow command: checks the policy, locks the application, applies the pure
 * transition and writes the new state, its event, its effects (licence and numbers, notifications,
 * deadline reminders) and its audit event in ONE transaction. A refused command changes nothing.
 */
export async function runLicenceCommand(
  deps: LicenceDeps,
  request: LicenceCommandRequest,
): Promise<LicenceCommandResult> {
  const { actor } = request;
  if (!isRecordId(request.applicationId)) throw licenceNotFound();
  const peek = await deps.persistence.read.licences.findApplication(request.applicationId);
  if (!peek) throw licenceNotFound();
  assertLicenceAllowed(checkLicenceAccess(actor, toLicenceAccessFacts(peek), request.action));
  const audiences = await loadLicenceAudiences(deps.directory, peek);
  const calendar = await deps.calendar.getCalendar();
  const now = deps.clock.now();

  return deps.persistence.transact(async (stores) => {
    const application = await stores.licences.lockApplication(request.applicationId);
    if (!application) throw licenceNotFound();
    // The application may have moved since the first look; the policy decides on the locked state.
    assertLicenceAllowed(checkLicenceAccess(actor, toLicenceAccessFacts(application), request.action));
    const scope: LicenceCommandScope = { deps, stores, application, now, calendar };
    const command = await request.buildCommand(scope);
    const context: LicenceTransitionContext = { now, calendar, catalogue: deps.catalogue };
    if (deps.reviewRules) context.rules = deps.reviewRules;
    const outcome = transitionLicenceApplication(toLicenceSnapshot(scope.application), command, context);
    if (!outcome.ok) throw toLicenceError(outcome.error);
    return persistTransition(scope, outcome.value, audiences, describeUser(actor));
  });
}
