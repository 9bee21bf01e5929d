import type { LicenceDeadlines } from '../../domain/licence/licence-application.ts';
import type { LicenceKind, LicenceScope } from '../../domain/licence/licence-kind.ts';
import type { LicenceNumbers } from '../../domain/licence/licence-numbering.ts';
import type { LicenceChangeKind } from '../../domain/licence/licence-obligations.ts';
import type { LicenceFacts } from '../../domain/licence/licence-prerequisites.ts';
import type { LicenceApplicationStatus } from '../../domain/licence/licence-status.ts';
import type { LicenceAccessScope } from '../../domain/policy/licence-access.ts';
import type { JsonValue } from '../../domain/workflow/order-outcome.ts';
import type { AuthorityMode } from '../../domain/workflow/order-snapshot.ts';
import type { ReturnReason } from '../../domain/workflow/return-reason.ts';

/**
 * The licence port: applications with their versions and timeline, the number sequences, the licences
 * issued with their duties, and the reminders. Bound to the database or to the caller's transaction.
 */

/** Whether the applicant marked a checklist material as provided, with an optional note. */
export interface MaterialMark {
  provided: boolean;
  note?: string;
}

/** By material id (licence-materials.ts); ids no longer in the checklist are kept but not shown. */
export type MaterialMarks = Record<string, MaterialMark>;

export interface LicenceApplicationRecord {
  id: number;
  kind: LicenceKind;
  scope: LicenceScope;
  provinceCode: string;
  authorityMode: AuthorityMode;
  status: LicenceApplicationStatus;
  applicantUserId: string;
  agentOrgId?: string;
  clientUserId?: string;
  companyName: string;
  /** Unified social credit code, canonical (upper case, no spaces). */
  uscc: string;
  facts: LicenceFacts;
  materials: MaterialMarks;
  version: number;
  submittedVersion?: number;
  hasBeenSubmitted: boolean;
  deadlines: LicenceDeadlines;
  reasons: ReturnReason[];
  submittedAt?: Date;
  acceptedAt?: Date;
  decidedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewLicenceApplicationRecord {
  kind: LicenceKind;
  scope: LicenceScope;
  provinceCode: string;
  authorityMode: AuthorityMode;
  applicantUserId: string;
  agentOrgId?: string;
  clientUserId?: string;
  companyName: string;
  uscc: string;
  facts: LicenceFacts;
  materials: MaterialMarks;
  createdAt: Date;
}

/** The fields a transition or a save changes. Absent keys stay as they are; `null` clears. */
export interface LicenceApplicationUpdate {
  status?: LicenceApplicationStatus;
  facts?: LicenceFacts;
  materials?: MaterialMarks;
  version?: number;
  submittedVersion?: number | null;
  hasBeenSubmitted?: boolean;
  deadlines?: LicenceDeadlines;
  reasons?: ReturnReason[];
  submittedAt?: Date;
  acceptedAt?: Date;
  decidedAt?: Date;
  updatedAt: Date;
}

export interface LicenceListQuery {
  /** An application is listed when it is in any scope; no scopes, no applications. */
  scopes: readonly LicenceAccessScope[];
  statuses?: readonly LicenceApplicationStatus[];
  kinds?: readonly LicenceKind[];
  limit: number;
  offset: number;
}

export interface LicenceVersionSnapshot {
  version: number;
  companyName: string;
  facts: LicenceFacts;
  materials: MaterialMarks;
  at: Date;
  by: string;
}

/** One entry of the timeline: a transition (from ≠ to) or a duty recorded on the licence. */
export interface LicenceTimelineEvent {
  type: string;
  from: LicenceApplicationStatus;
  to: LicenceApplicationStatus;
  at: Date;
  details: Record<string, JsonValue>;
}

export interface StoredLicenceEvent extends LicenceTimelineEvent {
  id: number;
  actor: string;
}

export interface LicenceChangeRecord {
  id: number;
  kind: LicenceChangeKind;
  description: string;
  /** When the change took effect. */
  changedOn: string;
  /** When it was recorded with the licensing authority, if it was. */
  filedOn?: string;
  recordedAt: Date;
  recordedBy: string;
}

export interface IssuedLicenceRow {
  id: number;
  applicationId: number;
  kind: LicenceKind;
  scope: LicenceScope;
  provinceCode: string;
  numbers: LicenceNumbers;
  holderName: string;
  issuedOn: string;
  expiresOn: string;
  renewalAppliedOn?: string;
  /** Years reported on, ascending. */
  annualReports: number[];
  changes: LicenceChangeRecord[];
  createdAt: Date;
}

export interface NewIssuedLicence {
  applicationId: number;
  kind: LicenceKind;
  scope: LicenceScope;
  provinceCode: string;
  numbers: LicenceNumbers;
  holderName: string;
  issuedOn: string;
  expiresOn: string;
  createdAt: Date;
}

export interface NewLicenceChange {
  licenceId: number;
  kind: LicenceChangeKind;
  description: string;
  changedOn: string;
  filedOn?: string;
  recordedAt: Date;
  recordedBy: string;
}

export interface NewLicenceReminder {
  applicationId: number;
  audience: string;
  template: string;
  deadlineKind: string;
  dueAt: Date;
  sendAt: Date;
}

export interface LicenceReminderRecord extends NewLicenceReminder {
  id: number;
}

export interface LicenceStore {
  insertApplication(application: NewLicenceApplicationRecord): Promise<number>;
  findApplication(id: number): Promise<LicenceApplicationRecord | undefined>;
  /** Reads the application and holds it until the transaction ends (PostgreSQL: FOR UPDATE). */
  lockApplication(id: number): Promise<LicenceApplicationRecord | undefined>;
  updateApplication(id: number, update: LicenceApplicationUpdate): Promise<void>;
  /** Latest change first. */
  listApplications(query: LicenceListQuery): Promise<LicenceApplicationRecord[]>;

  insertVersion(applicationId: number, snapshot: LicenceVersionSnapshot): Promise<void>;
  /** Every submitted version, oldest first, without content. */
  listVersions(applicationId: number): Promise<{ version: number; at: Date }[]>;
  appendEvents(applicationId: number, actor: string, events: readonly LicenceTimelineEvent[]): Promise<void>;
  listEvents(applicationId: number): Promise<StoredLicenceEvent[]>;

  /** The last serial of the sequence and year, created at 0, held until the transaction ends. */
  lockSequence(sequenceKey: string, year: number): Promise<number>;
  saveSequence(sequenceKey: string, year: number, lastSerial: number): Promise<void>;
  /** True when either number is already on an issued licence. */
  isLicenceNumberTaken(numbers: LicenceNumbers): Promise<boolean>;
  insertLicence(licence: NewIssuedLicence): Promise<number>;
  findLicenceByApplication(applicationId: number): Promise<IssuedLicenceRow | undefined>;
  /** Licences in id order after `afterId`, for the reminders job. */
  listLicences(afterId: number, limit: number): Promise<IssuedLicenceRow[]>;
  /** False when the year was already recorded. */
  insertAnnualReport(licenceId: number, year: number, at: Date, by: string): Promise<boolean>;
  setRenewalAppliedOn(licenceId: number, appliedOn: string): Promise<void>;
  insertChange(change: NewLicenceChange): Promise<number>;
  setChangeFiledOn(licenceId: number, changeId: number, filedOn: string): Promise<boolean>;

  listSentReminderKeys(licenceId: number): Promise<string[]>;
  /** Claims the reminder key for the licence; false when it was sent (or claimed) before. */
  claimReminder(licenceId: number, key: string, kind: string, at: Date): Promise<boolean>;

  scheduleReminders(reminders: readonly NewLicenceReminder[]): Promise<void>;
  /** Pending deadline reminders whose time has come, oldest first. */
  listDueReminders(now: Date, limit: number): Promise<LicenceReminderRecord[]>;
  /** Closes a pending reminder; false when another run closed it first. */
  closeReminder(id: number, status: 'sent' | 'cancelled', at: Date): Promise<boolean>;
}
