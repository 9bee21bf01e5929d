import type { Actor } from '../../domain/policy/order-access.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { readLicenceView } from './load-licence-details.ts';
import type { LicenceApplicationView } from './present-licence-application.ts';
import { runLicenceCommand } from './run-licence-command.ts';

export interface WithdrawLicenceApplicationInput {
  actor: Actor;
  applicationId: number;
}

/**
 * Withdraws the application, at any time before a decision (licence-transition.ts); the sandbox
 * authority is told once it had seen it. Errors: not_found, forbidden (not the filer), conflict
 * (invalid_transition after approval, rejection or an earlier withdrawal).
 */
export async function withdrawLicenceApplication(
  deps: LicenceDeps,
  input: WithdrawLicenceApplicationInput,
): Promise<LicenceApplicationView> {
  const result = await runLicenceCommand(deps, {
    actor: input.actor,
    applicationId: input.applicationId,
    action: 'withdraw',
    buildCommand: () => ({ kind: 'withdraw' }),
  });
  return readLicenceView(deps, input.actor, result.application);
}
