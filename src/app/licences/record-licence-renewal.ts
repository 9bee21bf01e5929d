import { assessRenewal } from '../../domain/licence/licence-obligations.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { issue } from '../../domain/shared/issue.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { invalidInput, toLicenceError } from './licence-errors.ts';
import type { LicenceApplicationView } from './present-licence-application.ts';
import { toIssuedLicence } from './present-licence-application.ts';
import { checkPastDate, runLicenceDuty } from './run-licence-duty.ts';

export interface RecordLicenceRenewalInput {
  actor: Actor;
  applicationId: number;
  /** When the renewal application was filed, YYYY-MM-DD (not after today). */
  appliedOn: string;
}

/**
 * Records that the holder applied to renew the licence (due 90 days before expiry, ref-9-licence). A
 * late application is recorded too: the obligations then say it was late, since the authority need not
 * grant it. The renewal reminders stop. Errors: not_found, forbidden, validation_failed (a date in the
 * future or before the issue date), conflict (licence_not_issued, renewal_already_recorded).
 */
export async function recordLicenceRenewal(
  deps: LicenceDeps,
  input: RecordLicenceRenewalInput,
): Promise<LicenceApplicationView> {
  return runLicenceDuty(deps, {
    actor: input.actor,
    applicationId: input.applicationId,
    async record({ stores, licence, today }) {
      const appliedOn = checkPastDate(input.appliedOn, today, 'appliedOn');
      if (appliedOn < licence.issuedOn) {
        throw invalidInput(
          'date_before_issue',
          `The renewal cannot be applied for before the licence was issued (${licence.issuedOn}).`,
          `续期申请日期不能早于发证日期（${licence.issuedOn}）。`,
          'appliedOn',
        );
      }
      if (licence.renewalAppliedOn !== undefined) {
        throw toLicenceError(
          issue(
            'renewal_already_recorded',
            `The renewal application of ${licence.renewalAppliedOn} is already recorded.`,
            `已有 ${licence.renewalAppliedOn} 的续期申请记录。`,
            { params: { field: 'appliedOn' } },
          ),
        );
      }
      await stores.licences.setRenewalAppliedOn(licence.id, appliedOn);
      const status = assessRenewal({ ...toIssuedLicence(licence), renewalAppliedOn: appliedOn }, today);
      return {
        type: 'renewal_applied_recorded',
        details: {
          appliedOn,
          renewalDeadline: status.renewalDeadline,
          isLate: status.appliedLate === true,
        },
      };
    },
  });
}
