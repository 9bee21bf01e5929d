import type { Actor } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { invalidInput, toLicenceError } from './licence-errors.ts';
import type { LicenceApplicationView } from './present-licence-application.ts';
import { checkPastDate, runLicenceDuty } from './run-licence-duty.ts';

export interface FileLicenceChangeInput {
  actor: Actor;
  applicationId: number;
  changeId: number;
  /** When the change was recorded with the licensing authority, not after today. */
  filedOn: string;
}

/**
 * Records that a change was recorded with the licensing authority, which lets the annual reports it
 * blocked be filed (ref-9-licence). Errors: not_found, forbidden, validation_failed (unknown_change,
 * dates), conflict (licence_not_issued, change_already_filed).
 */
export async function fileLicenceChange(
  deps: LicenceDeps,
  input: FileLicenceChangeInput,
): Promise<LicenceApplicationView> {
  return runLicenceDuty(deps, {
    actor: input.actor,
    applicationId: input.applicationId,
    async record({ stores, licence, today }) {
      const change = licence.changes.find((c) => c.id === input.changeId);
      if (!change) {
        throw invalidInput(
          'unknown_change',
          'This licence has no such change.',
          '该许可证没有这项变更记录。',
          'changeId',
        );
      }
      if (change.filedOn !== undefined) {
        throw toLicenceError(
          issue(
            'change_already_filed',
            `The change was recorded with the authority on ${change.filedOn}.`,
            `该变更已于 ${change.filedOn} 向发证机关办理。`,
            { params: { field: 'filedOn' } },
          ),
        );
      }
      const filedOn = checkPastDate(input.filedOn, today, 'filedOn');
      if (filedOn < change.changedOn) {
        throw invalidInput(
          'filed_before_change',
          'A change is recorded with the authority after it took effect, not before.',
          '变更应在生效后向发证机关办理，而不是之前。',
          'filedOn',
        );
      }
      await stores.licences.setChangeFiledOn(licence.id, change.id, filedOn);
      return { type: 'change_filed', details: { changeId: change.id, kind: change.kind, filedOn } };
    },
  });
}
