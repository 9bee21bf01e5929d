import { toChinaDate } from '../../domain/calendar/china-date.ts';
import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import { reason } from '../../domain/eligibility/reason.ts';
import { findLicenceAuthority } from '../../domain/licence/licence-kind.ts';
import { validateLicenceFacts } from '../../domain/licence/licence-prerequisites.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { loadPartyNames, NO_PARTY_NAMES } from '../audit/event-actor.ts';
import {
  assessLicencePrerequisites,
  type LicencePrerequisiteResult,
  lookUpFilingNumber,
  type RegistryLookup,
} from './check-licence-prerequisites.ts';
import type { LicenceDeps, LicenceStores } from './licence-deps.ts';
import { findLicenceEventActor } from './licence-event-actors.ts';
import type { LicenceApplicationRecord } from './licence-store.ts';
import {
  type LicenceApplicationView,
  type LicenceDetails,
  presentLicenceApplication,
} from './present-licence-application.ts';

/**
 * The prerequisite checks of a stored application. Its facts were valid when saved; should the catalogue
 * have changed since (a pre-approval removed), each problem shows as a failing check instead of an error.
 */
export function assessStoredPrerequisites(
  catalogue: Catalogue,
  application: LicenceApplicationRecord,
  lookup?: RegistryLookup,
): LicencePrerequisiteResult {
  const checked = validateLicenceFacts(
    {
      kind: application.kind,
      scope: application.scope,
      provinceCode: application.provinceCode,
      facts: application.facts,
    },
    catalogue,
  );
  if (!checked.ok) {
    const checks = checked.error.map((found) =>
      reason('licence.facts.invalid', 'fail', found.message.en, found.message.zh, [
        found.source ?? 'ref-9-licence',
      ]),
    );
    return {
      checks,
      blocking: checks,
      nextSteps: [],
      isMet: false,
      facts: application.facts,
      provinceCode: application.provinceCode,
    };
  }
  return assessLicencePrerequisites(catalogue, application.kind, checked.value, {
    companyName: application.companyName,
    lookup,
  });
}

/** Reads everything about an application (licence, versions, timeline) and runs its checks. */
export async function loadLicenceDetails(
  deps: Pick<LicenceDeps, 'catalogue' | 'clock' | 'registry' | 'directory'>,
  stores: LicenceStores,
  application: LicenceApplicationRecord,
): Promise<LicenceDetails> {
  const [licence, versions, events, lookup] = await Promise.all([
    application.status === 'approved' ? stores.licences.findLicenceByApplication(application.id) : undefined,
    stores.licences.listVersions(application.id),
    stores.licences.listEvents(application.id),
    lookUpFilingNumber(deps, application.facts.icpFilingNumber),
  ]);
  const authority = findLicenceAuthority(
    { scope: application.scope, provinceCode: application.provinceCode },
    deps.catalogue,
  );
  const partyNames = authority.ok
    ? await loadPartyNames(
        deps.directory,
        events.map((e) => findLicenceEventActor(e.type, e.actor, application, authority.value)),
      )
    : NO_PARTY_NAMES;
  const details: LicenceDetails = {
    application,
    versions,
    events,
    prerequisites: assessStoredPrerequisites(deps.catalogue, application, lookup),
    today: toChinaDate(deps.clock.now()),
    catalogue: deps.catalogue,
    partyNames,
  };
  if (licence) details.licence = licence;
  return details;
}

/** The application as the actor sees it now, read after a use case committed. */
export async function readLicenceView(
  deps: LicenceDeps,
  actor: Actor,
  application: LicenceApplicationRecord,
): Promise<LicenceApplicationView> {
  return presentLicenceApplication(await loadLicenceDetails(deps, deps.persistence.read, application), actor);
}
