import { LICENCE_CHANGE_KINDS, type LicenceChangeKind } from '../../domain/licence/licence-obligations.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { normalizeText } from '../../domain/shared/normalize.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { invalidInput } from './licence-errors.ts';
import type { LicenceApplicationView } from './present-licence-application.ts';
import { checkPastDate, runLicenceDuty } from './run-licence-duty.ts';

export const MAX_CHANGE_DESCRIPTION_LENGTH = 500;

export interface RecordLicenceChangeInput {
  actor: Actor;
  applicationId: number;
  kind: LicenceChangeKind;
  /** What changed, e.g. "registered capital RMB 2 million → 5 million". */
  description: string;
  /** When the change took effect (its business registration), not after today. */
  effectiveOn: string;
  /** When it was recorded with the licensing authority; absent while it is not (it then blocks annual reports). */
  filedOn?: string;
}

/**
 * Records a change of the licence's particulars (name, legal representative, capital, shareholders,
 * address, scope). Changes must be recorded with the licensing authority before the next annual report
 * (ref-9-licence): one not yet filed blocks the reports it precedes until `file-licence-change` records
 * the filing. Errors: not_found, forbidden, validation_failed (kind, description, dates), conflict
 * (licence_not_issued).
 */
export async function recordLicenceChange(
  deps: LicenceDeps,
  input: RecordLicenceChangeInput,
): Promise<LicenceApplicationView> {
  return runLicenceDuty(deps, {
    actor: input.actor,
    applicationId: input.applicationId,
    async record({ stores, licence, now, today, actor }) {
      if (!LICENCE_CHANGE_KINDS.includes(input.kind)) {
        throw invalidInput(
          'unknown_change_kind',
          `The change is one of: ${LICENCE_CHANGE_KINDS.join(', ')}.`,
          `变更类型应为：${LICENCE_CHANGE_KINDS.join('、')}。`,
          'kind',
        );
      }
      const description = typeof input.description === 'string' ? normalizeText(input.description) : '';
      if (description === '' || description.length > MAX_CHANGE_DESCRIPTION_LENGTH) {
        throw invalidInput(
          'invalid_description',
          `Describe the change (1–${MAX_CHANGE_DESCRIPTION_LENGTH} characters).`,
          `请描述变更内容（1–${MAX_CHANGE_DESCRIPTION_LENGTH} 个字符）。`,
          'description',
        );
      }
      const changedOn = checkPastDate(input.effectiveOn, today, 'effectiveOn');
      const filedOn =
        input.filedOn === undefined ? undefined : checkPastDate(input.filedOn, today, 'filedOn');
      if (filedOn !== undefined && filedOn < changedOn) {
        throw invalidInput(
          'filed_before_change',
          'A change is recorded with the authority after it took effect, not before.',
          '变更应在生效后向发证机关办理，而不是之前。',
          'filedOn',
        );
      }
      const id = await stores.licences.insertChange({
        licenceId: licence.id,
        kind: input.kind,
        description,
        changedOn,
        ...(filedOn === undefined ? {} : { filedOn }),
        recordedAt: now,
        recordedBy: actor,
      });
      // The description stays out of the timeline and the audit log: it may name people.
      return {
        type: 'change_recorded',
        details: { changeId: id, kind: input.kind, changedOn, ...(filedOn === undefined ? {} : { filedOn }) },
      };
    },
  });
}
