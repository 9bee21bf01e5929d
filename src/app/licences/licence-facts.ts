import type { LicenceApplicationSnapshot } from '../../domain/licence/licence-application.ts';
import type { LicenceAccessFacts } from '../../domain/policy/licence-access.ts';
import type { IssuedLicenceRow, LicenceApplicationRecord } from './licence-store.ts';

/** What the access policy needs to know about a stored application. */
export function toLicenceAccessFacts(application: LicenceApplicationRecord): LicenceAccessFacts {
  const facts: LicenceAccessFacts = {
    applicantUserId: application.applicantUserId,
    clientUserIds: application.clientUserId === undefined ? [] : [application.clientUserId],
    scope: application.scope,
    provinceCode: application.provinceCode,
    authorityMode: application.authorityMode,
    hasBeenSubmitted: application.hasBeenSubmitted,
  };
  if (application.agentOrgId !== undefined) facts.agentOrgId = application.agentOrgId;
  return facts;
}

/** The licence workflow's view of a stored application (and its licence, once issued). */
export function toLicenceSnapshot(
  application: LicenceApplicationRecord,
  licence?: IssuedLicenceRow,
): LicenceApplicationSnapshot {
  const snapshot: LicenceApplicationSnapshot = {
    id: String(application.id),
    kind: application.kind,
    scope: application.scope,
    provinceCode: application.provinceCode,
    authorityMode: application.authorityMode,
    status: application.status,
    version: application.version,
    deadlines: { ...application.deadlines },
    reasons: application.reasons,
  };
  if (application.submittedVersion !== undefined) snapshot.submittedVersion = application.submittedVersion;
  if (application.submittedAt) snapshot.submittedAt = application.submittedAt;
  if (application.acceptedAt) snapshot.acceptedAt = application.acceptedAt;
  if (licence) {
    snapshot.licence = { numbers: licence.numbers, issuedOn: licence.issuedOn, expiresOn: licence.expiresOn };
  }
  return snapshot;
}
