import type { Actor } from '../../domain/policy/order-access.ts';
import { type Issue, issue } from '../../domain/shared/issue.ts';
import { isRecordId } from '../orders/order-errors.ts';
import { lookUpFilingNumber } from './check-licence-prerequisites.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { toLicenceError } from './licence-errors.ts';
import { assessStoredPrerequisites, readLicenceView } from './load-licence-details.ts';
import { type LicenceApplicationView, listMaterialViews } from './present-licence-application.ts';
import { runLicenceCommand } from './run-licence-command.ts';

export interface SubmitLicenceApplicationInput {
  actor: Actor;
  applicationId: number;
}

/**
 * Submits (or, after a materials request, resubmits) the application: every prerequisite check must
 * pass and every required material be marked provided. The materials become an immutable version, the
 * authority is told and the 5-working-day acceptance check starts. Errors: not_found, forbidden (not
 * the filer), conflict (invalid_transition), validation_failed (one issue per failing check, field
 * `facts`, with its rule id, and per missing material, field `materials.<id>`).
 */
export async function submitLicenceApplication(
  deps: LicenceDeps,
  input: SubmitLicenceApplicationInput,
): Promise<LicenceApplicationView> {
  // The registry is the database: read before the command's transaction, which on SQLite nothing enters.
  const peek = isRecordId(input.applicationId)
    ? await deps.persistence.read.licences.findApplication(input.applicationId)
    : undefined;
  const lookup = await lookUpFilingNumber(deps, peek?.facts.icpFilingNumber);
  const result = await runLicenceCommand(deps, {
    actor: input.actor,
    applicationId: input.applicationId,
    action: 'submit',
    async buildCommand(scope) {
      const { application, stores } = scope;
      const prerequisites = assessStoredPrerequisites(deps.catalogue, application, lookup);
      const issues: Issue[] = prerequisites.blocking.map((check) =>
        issue('prerequisite_not_met', check.message.en, check.message.zh, {
          ...(check.sources[0] === undefined ? {} : { source: check.sources[0] }),
          params: { field: 'facts', ruleId: check.ruleId },
        }),
      );
      const materials = listMaterialViews(
        application,
        application.facts,
        application.materials,
        deps.catalogue,
      );
      for (const material of materials) {
        if (material.required && !material.provided) {
          issues.push(
            issue(
              'material_missing',
              `Provide the material “${material.name.en}” and mark it provided.`,
              `请提供材料“${material.name.zh}”并标记为已提供。`,
              {
                source: material.sources[0] ?? 'ref-9-licence',
                params: { field: `materials.${material.id}` },
              },
            ),
          );
        }
      }
      // Only a status that takes a submission gets the content checks; others answer invalid_transition.
      if (
        issues.length > 0 &&
        (application.status === 'draft' || application.status === 'materials_requested')
      ) {
        throw toLicenceError(issues);
      }
      if (application.submittedVersion === application.version) {
        // Resubmitted without an edit since the last submission: the snapshot still gets its own version.
        const version = application.version + 1;
        await stores.licences.updateApplication(application.id, { version, updatedAt: scope.now });
        scope.application = { ...application, version };
      }
      return { kind: 'submit' };
    },
  });
  return readLicenceView(deps, input.actor, result.application);
}
