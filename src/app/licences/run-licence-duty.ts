import { isIsoDate, toChinaDate } from '../../domain/calendar/china-date.ts';
import { checkLicenceAccess } from '../../domain/policy/licence-access.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import type { JsonValue } from '../../domain/workflow/order-outcome.ts';
import { describeUser } from '../audit/actor-label.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { isRecordId } from '../orders/order-errors.ts';
import type { LicenceDeps, LicenceStores } from './licence-deps.ts';
import { assertLicenceAllowed, invalidInput, licenceNotFound, toLicenceError } from './licence-errors.ts';
import { toLicenceAccessFacts } from './licence-facts.ts';
import { formatLicenceReference } from './licence-reference.ts';
import type { IssuedLicenceRow, LicenceApplicationRecord } from './licence-store.ts';
import { readLicenceView } from './load-licence-details.ts';
import type { LicenceApplicationView } from './present-licence-application.ts';

/** What a duty's recorder sees, inside the transaction, with the application locked. */
export interface LicenceDutyScope {
  stores: LicenceStores;
  application: LicenceApplicationRecord;
  licence: IssuedLicenceRow;
  now: Date;
  /** Today in China. */
  today: string;
  actor: string;
}

export interface LicenceDutyRequest {
  actor: Actor;
  applicationId: number;
  /** Writes the duty and names the timeline event it makes; may throw a DomainError. */
  record(scope: LicenceDutyScope): Promise<{ type: string; details: Record<string, JsonValue> }>;
}

/** A date the holder enters: a real YYYY-MM-DD, not after today. */
export function checkPastDate(value: string, today: string, field: string): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw invalidInput(
      'invalid_date',
      `${field} must be a date in the form YYYY-MM-DD.`,
      `${field} 应为 YYYY-MM-DD 格式的日期。`,
      field,
    );
  }
  if (value > today) {
    throw invalidInput(
      'date_in_future',
      `${field} ${value} is after today (${today}, China time).`,
      `${field} ${value} 晚于今天（北京时间 ${today}）。`,
      field,
    );
  }
  return value;
}

/**
 * Records one duty of an issued licence (an annual report, the renewal application, a change) as the
 * holder or its agency: the policy's record_obligation, an approved application with its licence, the
 * write, a timeline event and an audit event in one transaction. Errors: not_found, forbidden,
 * conflict (licence_not_issued), and the recorder's own.
 */
export async function runLicenceDuty(
  deps: LicenceDeps,
  request: LicenceDutyRequest,
): Promise<LicenceApplicationView> {
  const { actor } = request;
  if (!isRecordId(request.applicationId)) throw licenceNotFound();
  const peek = await deps.persistence.read.licences.findApplication(request.applicationId);
  if (!peek) throw licenceNotFound();
  assertLicenceAllowed(checkLicenceAccess(actor, toLicenceAccessFacts(peek), 'record_obligation'));
  const now = deps.clock.now();
  const saved = await deps.persistence.transact(async (stores) => {
    const application = await stores.licences.lockApplication(request.applicationId);
    if (!application) throw licenceNotFound();
    assertLicenceAllowed(checkLicenceAccess(actor, toLicenceAccessFacts(application), 'record_obligation'));
    const licence =
      application.status === 'approved'
        ? await stores.licences.findLicenceByApplication(application.id)
        : undefined;
    if (!licence) {
      throw toLicenceError(
        issue(
          'licence_not_issued',
          'No licence was issued on this application: its duties start with the approval.',
          '该申请尚未颁发许可证：相关义务自批准之日起开始。',
          { params: { status: application.status } },
        ),
      );
    }
    const actorLabel = describeUser(actor);
    const event = await request.record({
      stores,
      application,
      licence,
      now,
      today: toChinaDate(now),
      actor: actorLabel,
    });
    await stores.licences.appendEvents(application.id, actorLabel, [
      { type: event.type, from: application.status, to: application.status, at: now, details: event.details },
    ]);
    await stores.licences.updateApplication(application.id, { updatedAt: now });
    await appendAuditEvent(
      { auditLog: stores.auditLog },
      {
        occurredAt: now,
        actor: actorLabel,
        action: `licence.${event.type}`,
        subjectType: 'licence_application',
        subjectId: String(application.id),
        payload: {
          reference: formatLicenceReference(application.id, application.createdAt),
          licenceId: licence.id,
          ...event.details,
        },
      },
    );
    const updated = await stores.licences.findApplication(application.id);
    if (!updated)
      throw new Error(`Licence application ${application.id} vanished inside its own transaction`);
    return updated;
  });
  return readLicenceView(deps, actor, saved);
}
