import { canViewLicence } from '../../domain/policy/licence-access.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { isRecordId } from '../orders/order-errors.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { licenceNotFound } from './licence-errors.ts';
import { toLicenceAccessFacts } from './licence-facts.ts';
import { readLicenceView } from './load-licence-details.ts';
import type { LicenceApplicationView } from './present-licence-application.ts';

export interface GetLicenceApplicationInput {
  actor: Actor;
  /** The application id (a reference LA-2026-000123 maps to it with parseLicenceReference). */
  applicationId: number;
}

/**
 * One application as the actor may see it: prerequisite checks, the materials checklist with the marks,
 * deadlines, reasons, the actions open to the viewer, the issued licence with its obligations on today's
 * date (China time), versions and the timeline. Errors: not_found (missing, or not visible to the actor).
 */
export async function getLicenceApplication(
  deps: LicenceDeps,
  input: GetLicenceApplicationInput,
): Promise<LicenceApplicationView> {
  if (!isRecordId(input.applicationId)) throw licenceNotFound();
  const application = await deps.persistence.read.licences.findApplication(input.applicationId);
  if (!application || !canViewLicence(input.actor, toLicenceAccessFacts(application)))
    throw licenceNotFound();
  return readLicenceView(deps, input.actor, application);
}
