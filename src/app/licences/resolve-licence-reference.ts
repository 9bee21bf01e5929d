import { toChinaDate } from '../../domain/calendar/china-date.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { licenceNotFound } from './licence-errors.ts';

/**
 * The id an application reference names. LA-YYYY-… must carry the year the application was created
 * in, or it names no application (a made-up reference must not reach someone else's by its id).
 * @throws DomainError not_found
 */
export async function resolveLicenceReference(
  deps: Pick<LicenceDeps, 'persistence'>,
  ref: { id: number; year?: number },
): Promise<number> {
  if (ref.year === undefined) return ref.id;
  const application = await deps.persistence.read.licences.findApplication(ref.id);
  if (!application || Number(toChinaDate(application.createdAt).slice(0, 4)) !== ref.year) {
    throw licenceNotFound();
  }
  return ref.id;
}
