import type { LicenceFacts } from '../../domain/licence/licence-prerequisites.ts';
import {
  canEditLicenceApplication,
  LICENCE_APPLICATION_STATUS_LABELS,
} from '../../domain/licence/licence-status.ts';
import { checkLicenceAccess } from '../../domain/policy/licence-access.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { isRecordId } from '../orders/order-errors.ts';
import { validateFactsOrThrow } from './check-licence-prerequisites.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { assertLicenceAllowed, licenceNotFound, toLicenceError } from './licence-errors.ts';
import { toLicenceAccessFacts } from './licence-facts.ts';
import { formatLicenceReference } from './licence-reference.ts';
import type { MaterialMarks } from './licence-store.ts';
import { readLicenceView } from './load-licence-details.ts';
import { checkMaterialMarks } from './material-marks.ts';
import type { LicenceApplicationView } from './present-licence-application.ts';

export interface UpdateLicenceDraftInput {
  actor: Actor;
  applicationId: number;
  /** Replaces the facts when present. */
  facts?: LicenceFacts;
  /** Replaces the material marks when present (every material's mark, by id). */
  materials?: MaterialMarks;
}

/**
 * Saves the applicant's facts and material marks while the application is in their hands (draft, or
 * materials requested). Failing prerequisite checks do not stop the save (the view shows them); only
 * malformed facts or marks do. The first save after a submission starts the next materials version.
 * Errors: not_found, forbidden (not the filer), conflict (licence_not_editable), validation_failed.
 */
export async function updateLicenceDraft(
  deps: LicenceDeps,
  input: UpdateLicenceDraftInput,
): Promise<LicenceApplicationView> {
  const { actor } = input;
  if (!isRecordId(input.applicationId)) throw licenceNotFound();
  const now = deps.clock.now();
  const saved = await deps.persistence.transact(async (stores) => {
    const application = await stores.licences.lockApplication(input.applicationId);
    if (!application) throw licenceNotFound();
    assertLicenceAllowed(checkLicenceAccess(actor, toLicenceAccessFacts(application), 'edit'));
    if (!canEditLicenceApplication(application.status)) {
      const label = LICENCE_APPLICATION_STATUS_LABELS[application.status];
      throw toLicenceError(
        issue(
          'licence_not_editable',
          `The application cannot be changed while it is “${label.en}”.`,
          `申请处于“${label.zh}”状态，不能修改。`,
          { params: { status: application.status } },
        ),
      );
    }
    const checked = validateFactsOrThrow(deps.catalogue, {
      kind: application.kind,
      scope: application.scope,
      province: application.provinceCode,
      facts: input.facts ?? application.facts,
    });
    const materials =
      input.materials === undefined
        ? application.materials
        : checkMaterialMarks(
            {
              kind: application.kind,
              scope: application.scope,
              provinceCode: application.provinceCode,
              facts: checked.facts,
            },
            input.materials,
            deps.catalogue,
          );
    // A submitted version is frozen: editing after a materials request starts the next one.
    const version =
      application.submittedVersion === application.version ? application.version + 1 : application.version;
    await stores.licences.updateApplication(application.id, {
      facts: checked.facts,
      materials,
      version,
      updatedAt: now,
    });
    await appendAuditEvent(
      { auditLog: stores.auditLog },
      {
        occurredAt: now,
        actor: `user:${actor.userId}`,
        action: 'licence.draft_saved',
        subjectType: 'licence_application',
        subjectId: String(application.id),
        payload: {
          reference: formatLicenceReference(application.id, application.createdAt),
          version,
          materialsProvided: Object.values(materials).filter((m) => m.provided).length,
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
