import type { LicenceNotificationAudience } from '../../domain/licence/licence-application.ts';
import type { Addressee } from '../orders/order-deps.ts';
import type { LicenceDirectory } from './licence-deps.ts';
import type { LicenceApplicationRecord } from './licence-store.ts';

export type LicenceAudiences = Readonly<Record<LicenceNotificationAudience, readonly Addressee[]>>;

/**
 * Everyone an application's notifications may reach, read before the transaction (the directory is
 * another port). The applicant side is the applicant and the client company's user, who always get
 * inbox messages; the authority is the sandbox's deciders (licence-access.ts): the province's reviewers,
 * or the platform administrators for MIIT. Recorded applications have no sandbox authority to tell.
 */
export async function loadLicenceAudiences(
  directory: LicenceDirectory,
  application: Pick<
    LicenceApplicationRecord,
    'applicantUserId' | 'clientUserId' | 'scope' | 'provinceCode' | 'authorityMode'
  >,
): Promise<LicenceAudiences> {
  const applicantIds = [
    application.applicantUserId,
    ...(application.clientUserId === undefined ? [] : [application.clientUserId]),
  ];
  const deciders = async (): Promise<Addressee[]> => {
    if (application.authorityMode !== 'sandbox') return [];
    return application.scope === 'cross_regional'
      ? directory.listPlatformAdmins()
      : directory.listAuthorityReviewers(application.provinceCode);
  };
  const [known, authority] = await Promise.all([directory.findUsers(applicantIds), deciders()]);
  const applicant = applicantIds.map((userId) => known.find((a) => a.userId === userId) ?? { userId });
  return { applicant, authority };
}
