import { isIsoDate } from '../../domain/calendar/china-date.ts';
import type { LicenceCommand } from '../../domain/licence/licence-command.ts';
import type { LicenceNumbers } from '../../domain/licence/licence-numbering.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import type { ReturnReason } from '../../domain/workflow/return-reason.ts';
import { isRecordId } from '../orders/order-errors.ts';
import { allocateLicenceNumbers } from './allocate-licence-numbers.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { invalidInput, licenceNotFound } from './licence-errors.ts';
import { readLicenceView } from './load-licence-details.ts';
import type { LicenceApplicationView } from './present-licence-application.ts';
import { runLicenceCommand } from './run-licence-command.ts';

/** What the authority (or, in recorded mode, the applicant recording it) decides. */
export type LicenceAuthorityCommandInput =
  | { kind: 'start_acceptance_check' }
  | { kind: 'request_materials'; reasons: ReturnReason[] }
  | { kind: 'accept' }
  | {
      kind: 'approve';
      /** The issue date printed on the licence; today (China time) when absent. */
      issuedOn?: string;
      /** The last day of validity as printed; issuedOn + 5 years − 1 day when absent. */
      expiresOn?: string;
      /** Recorded mode only: the numbers the real authority printed. The sandbox allocates its own. */
      numbers?: LicenceNumbers;
    }
  | { kind: 'reject'; reasons: ReturnReason[] };

export interface RunLicenceAuthorityCommandInput {
  actor: Actor;
  applicationId: number;
  command: LicenceAuthorityCommandInput;
}

export interface LicenceAuthorityCommandResult {
  application: LicenceApplicationView;
  /** The numbers an approval issued or recorded. */
  numbers?: LicenceNumbers;
}

/**
 * One step of the authority: start the acceptance check (submitted → acceptance_check), request
 * materials with reasons, accept (the 60-day review starts), approve (the licence is issued: sandbox
 * numbers allocated from the authority's sequence inside the transaction, or the real authority's
 * numbers recorded and checked), or reject with reasons. The sandbox reviewers of the province decide a
 * provincial licence and platform administrators a cross-regional one; in recorded mode the applicant
 * records each step. Errors: not_found, forbidden (not the decider), conflict (invalid_transition,
 * licence_number_taken, serial_space_exhausted), validation_failed (reasons, dates, numbers).
 */
export async function runLicenceAuthorityCommand(
  deps: LicenceDeps,
  input: RunLicenceAuthorityCommandInput,
): Promise<LicenceAuthorityCommandResult> {
  if (!isRecordId(input.applicationId)) throw licenceNotFound();
  const requested = input.command;
  const result = await runLicenceCommand(deps, {
    actor: input.actor,
    applicationId: input.applicationId,
    action: requested.kind,
    async buildCommand(scope): Promise<LicenceCommand> {
      if (requested.kind !== 'approve') return requested;
      const { application } = scope;
      const issuedOn = requested.issuedOn ?? scope.calendar.toChinaDate(scope.now);
      if (!isIsoDate(issuedOn)) {
        throw invalidInput(
          'invalid_date',
          'issuedOn must be a date in the form YYYY-MM-DD.',
          'issuedOn 应为 YYYY-MM-DD 格式的日期。',
          'issuedOn',
        );
      }
      const dates = {
        issuedOn,
        ...(requested.expiresOn === undefined ? {} : { expiresOn: requested.expiresOn }),
      };
      if (application.authorityMode === 'recorded') {
        if (requested.numbers === undefined) {
          throw invalidInput(
            'licence_number_required',
            'Enter the numbers printed on the licence the authority issued.',
            '请填写审批机关颁发的许可证上的编号。',
            'numbers',
          );
        }
        return { kind: 'approve', numbers: requested.numbers, ...dates };
      }
      if (requested.numbers !== undefined) {
        throw invalidInput(
          'numbers_issued_by_sandbox',
          'The sandbox authority issues the licence numbers itself; leave numbers out.',
          '沙盒审批机关自行分配许可证编号，请勿填写编号。',
          'numbers',
        );
      }
      // The workflow refuses an approval in another status; allocating first would only roll back.
      if (application.status !== 'under_review') {
        return { kind: 'approve', numbers: { telecomLicenceNumber: '' }, ...dates };
      }
      const numbers = await allocateLicenceNumbers(
        scope.stores.licences,
        deps.catalogue,
        { kind: application.kind, scope: application.scope, provinceCode: application.provinceCode },
        Number(issuedOn.slice(0, 4)),
      );
      return { kind: 'approve', numbers, ...dates };
    },
  });
  const view = await readLicenceView(deps, input.actor, result.application);
  return { application: view, ...(result.licence === undefined ? {} : { numbers: result.licence.numbers }) };
}
