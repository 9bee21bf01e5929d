import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import {
  findLicenceAuthority,
  LICENCE_KIND_INFO,
  type LicenceAuthority,
  type LicenceKind,
  type LicenceScope,
} from '../../domain/licence/licence-kind.ts';
import { type LicenceMaterial, listLicenceMaterials } from '../../domain/licence/licence-materials.ts';
import {
  type AnnualReportStatus,
  assessAnnualReports,
  assessRenewal,
  changesBlockingAnnualReport,
  type IssuedLicence,
  type LicenceChangeKind,
  type RenewalStatus,
} from '../../domain/licence/licence-obligations.ts';
import { type LicenceFacts, toLicenceMaterialInput } from '../../domain/licence/licence-prerequisites.ts';
import {
  canEditLicenceApplication,
  type LicenceApplicationStatus,
} from '../../domain/licence/licence-status.ts';
import { listAllowedLicenceCommands } from '../../domain/licence/licence-transition.ts';
import { canPerformOnLicence, type LicenceAction } from '../../domain/policy/licence-access.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import type { Issue } from '../../domain/shared/issue.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import type { JsonValue } from '../../domain/workflow/order-outcome.ts';
import type { AuthorityMode } from '../../domain/workflow/order-snapshot.ts';
import type { ReturnReason } from '../../domain/workflow/return-reason.ts';
import { type EventActorView, type PartyNames, presentEventActor } from '../audit/event-actor.ts';
import {
  type LicencePrerequisiteResult,
  type LicencePrerequisitesView,
  presentPrerequisites,
} from './check-licence-prerequisites.ts';
import { findLicenceEventActor } from './licence-event-actors.ts';
import { toLicenceAccessFacts } from './licence-facts.ts';
import { formatLicenceReference } from './licence-reference.ts';
import type {
  IssuedLicenceRow,
  LicenceApplicationRecord,
  MaterialMarks,
  StoredLicenceEvent,
} from './licence-store.ts';

/** Everything known about one application: what `presentLicenceApplication` shapes for a viewer. */
export interface LicenceDetails {
  application: LicenceApplicationRecord;
  licence?: IssuedLicenceRow;
  versions: readonly { version: number; at: Date }[];
  events: readonly StoredLicenceEvent[];
  prerequisites: LicencePrerequisiteResult;
  /** Today in China, for the obligations. */
  today: string;
  catalogue: Catalogue;
  /** The names of the people and organisations in the history (loadPartyNames). */
  partyNames: PartyNames;
}

export interface LicenceDeadlinesView {
  acceptanceDue?: string;
  reviewDue?: string;
}

export interface LicenceSummaryView {
  id: number;
  /** LA-2026-000123. */
  reference: string;
  kind: LicenceKind;
  scope: LicenceScope;
  provinceCode: string;
  authorityMode: AuthorityMode;
  status: LicenceApplicationStatus;
  companyName: string;
  applicantUserId: string;
  agentOrgId?: string;
  clientUserId?: string;
  deadlines: LicenceDeadlinesView;
  hasReasons: boolean;
  createdAt: string;
  updatedAt: string;
  submittedAt?: string;
  decidedAt?: string;
}

export interface LicenceMaterialView extends LicenceMaterial {
  provided: boolean;
  note?: string;
}

export interface LicenceChangeView {
  id: number;
  kind: LicenceChangeKind;
  description: string;
  changedOn: string;
  filedOn?: string;
  recordedAt: string;
}

export interface IssuedLicenceView {
  telecomLicenceNumber: string;
  icpLicenceNumber?: string;
  holderName: string;
  issuedOn: string;
  expiresOn: string;
  renewalAppliedOn?: string;
  annualReports: number[];
  changes: LicenceChangeView[];
}

export interface AnnualReportView extends AnnualReportStatus {
  /** Changes to record with the authority before this report can be filed (ref-9-licence). */
  blockedBy: Issue[];
}

export interface LicenceObligationsView {
  /** The day (China time) the states are for. */
  today: string;
  renewal: RenewalStatus;
  annualReports: AnnualReportView[];
}

export interface LicenceEventView {
  type: string;
  from: LicenceApplicationStatus;
  to: LicenceApplicationStatus;
  at: string;
  details: Record<string, JsonValue>;
  /** Who took the step, and for whom. */
  actor: EventActorView;
}

export interface LicenceApplicationView extends LicenceSummaryView {
  kindName: Localized;
  authority: LicenceAuthority;
  uscc: string;
  facts: LicenceFacts;
  version: number;
  submittedVersion?: number;
  acceptedAt?: string;
  /** The latest materials request or rejection, each reason on its field (materials.<id>). */
  reasons: ReturnReason[];
  prerequisites: LicencePrerequisitesView;
  materials: LicenceMaterialView[];
  /** True when every required material is marked provided. */
  areMaterialsComplete: boolean;
  allowedActions: LicenceAction[];
  licence?: IssuedLicenceView;
  obligations?: LicenceObligationsView;
  versions: { version: number; submittedAt: string }[];
  events: LicenceEventView[];
}

function toDeadlinesView(application: LicenceApplicationRecord): LicenceDeadlinesView {
  const view: LicenceDeadlinesView = {};
  if (application.deadlines.acceptanceDue)
    view.acceptanceDue = application.deadlines.acceptanceDue.toISOString();
  if (application.deadlines.reviewDue) view.reviewDue = application.deadlines.reviewDue.toISOString();
  return view;
}

export function presentLicenceSummary(application: LicenceApplicationRecord): LicenceSummaryView {
  const view: LicenceSummaryView = {
    id: application.id,
    reference: formatLicenceReference(application.id, application.createdAt),
    kind: application.kind,
    scope: application.scope,
    provinceCode: application.provinceCode,
    authorityMode: application.authorityMode,
    status: application.status,
    companyName: application.companyName,
    applicantUserId: application.applicantUserId,
    deadlines: toDeadlinesView(application),
    hasReasons: application.reasons.length > 0,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  };
  if (application.agentOrgId !== undefined) view.agentOrgId = application.agentOrgId;
  if (application.clientUserId !== undefined) view.clientUserId = application.clientUserId;
  if (application.submittedAt) view.submittedAt = application.submittedAt.toISOString();
  if (application.decidedAt) view.decidedAt = application.decidedAt.toISOString();
  return view;
}

/** The checklist of the application's facts, each material with the applicant's mark. */
export function listMaterialViews(
  application: Pick<LicenceApplicationRecord, 'kind' | 'scope' | 'provinceCode'>,
  facts: LicenceFacts,
  marks: MaterialMarks,
  catalogue: Catalogue,
): LicenceMaterialView[] {
  const input = toLicenceMaterialInput({
    kind: application.kind,
    scope: application.scope,
    provinceCode: application.provinceCode,
    facts,
  });
  return listLicenceMaterials(input, catalogue).map((material) => {
    const mark = marks[material.id];
    const view: LicenceMaterialView = { ...material, provided: mark?.provided === true };
    if (mark?.note !== undefined) view.note = mark.note;
    return view;
  });
}

/** The commands and edits the actor may take on the application in its current status. */
export function listLicenceActions(actor: Actor, application: LicenceApplicationRecord): LicenceAction[] {
  const facts = toLicenceAccessFacts(application);
  const actions: LicenceAction[] = listAllowedLicenceCommands(application.status).filter((command) =>
    canPerformOnLicence(actor, facts, command),
  );
  if (canEditLicenceApplication(application.status) && canPerformOnLicence(actor, facts, 'edit')) {
    actions.unshift('edit');
  }
  if (application.status === 'approved' && canPerformOnLicence(actor, facts, 'record_obligation')) {
    actions.push('record_obligation');
  }
  return actions;
}

/** The domain's view of an issued licence, for the obligations and reminders. */
export function toIssuedLicence(licence: IssuedLicenceRow): IssuedLicence {
  const issued: IssuedLicence = {
    issuedOn: licence.issuedOn,
    expiresOn: licence.expiresOn,
    annualReports: licence.annualReports,
  };
  if (licence.renewalAppliedOn !== undefined) issued.renewalAppliedOn = licence.renewalAppliedOn;
  return issued;
}

export function toLicenceChanges(licence: IssuedLicenceRow) {
  return licence.changes.map((change) => ({
    kind: change.kind,
    changedOn: change.changedOn,
    ...(change.filedOn === undefined ? {} : { recordedOn: change.filedOn }),
  }));
}

function presentObligations(licence: IssuedLicenceRow, today: string): LicenceObligationsView {
  const issued = toIssuedLicence(licence);
  const changes = toLicenceChanges(licence);
  return {
    today,
    renewal: assessRenewal(issued, today),
    annualReports: assessAnnualReports(issued, today).map((report) => ({
      ...report,
      blockedBy: report.state === 'done' ? [] : changesBlockingAnnualReport(changes, report.forYear),
    })),
  };
}

function presentLicence(licence: IssuedLicenceRow): IssuedLicenceView {
  const view: IssuedLicenceView = {
    telecomLicenceNumber: licence.numbers.telecomLicenceNumber,
    holderName: licence.holderName,
    issuedOn: licence.issuedOn,
    expiresOn: licence.expiresOn,
    annualReports: [...licence.annualReports],
    changes: licence.changes.map((change) => ({
      id: change.id,
      kind: change.kind,
      description: change.description,
      changedOn: change.changedOn,
      ...(change.filedOn === undefined ? {} : { filedOn: change.filedOn }),
      recordedAt: change.recordedAt.toISOString(),
    })),
  };
  if (licence.numbers.icpLicenceNumber !== undefined)
    view.icpLicenceNumber = licence.numbers.icpLicenceNumber;
  if (licence.renewalAppliedOn !== undefined) view.renewalAppliedOn = licence.renewalAppliedOn;
  return view;
}

/**
 * An application as `actor` may see it (call only for actors the policy lets view it). It holds no
 * personal data (company facts and material marks only), so every viewer sees the same fields; what
 * differs is the actions open to them.
 */
export function presentLicenceApplication(details: LicenceDetails, actor: Actor): LicenceApplicationView {
  const { application, licence, prerequisites, catalogue } = details;
  const authority = findLicenceAuthority(
    { scope: application.scope, provinceCode: application.provinceCode },
    catalogue,
  );
  if (!authority.ok) throw new Error(`Licence application ${application.id} has an unknown province`);
  const materials = listMaterialViews(application, application.facts, application.materials, catalogue);
  const view: LicenceApplicationView = {
    ...presentLicenceSummary(application),
    kindName: LICENCE_KIND_INFO[application.kind].name,
    authority: authority.value,
    uscc: application.uscc,
    facts: application.facts,
    version: application.version,
    reasons: application.reasons,
    prerequisites: presentPrerequisites(prerequisites),
    materials,
    areMaterialsComplete: materials.every((m) => !m.required || m.provided),
    allowedActions: listLicenceActions(actor, application),
    versions: details.versions.map((v) => ({ version: v.version, submittedAt: v.at.toISOString() })),
    events: details.events.map((e) => ({
      type: e.type,
      from: e.from,
      to: e.to,
      at: e.at.toISOString(),
      details: e.details,
      actor: presentEventActor(
        findLicenceEventActor(e.type, e.actor, application, authority.value),
        details.partyNames,
        // Nothing of a licence application is masked for any viewer (see above).
        { masked: false },
      ),
    })),
  };
  if (application.submittedVersion !== undefined) view.submittedVersion = application.submittedVersion;
  if (application.acceptedAt) view.acceptedAt = application.acceptedAt.toISOString();
  if (licence) {
    view.licence = presentLicence(licence);
    view.obligations = presentObligations(licence, details.today);
  }
  return view;
}
