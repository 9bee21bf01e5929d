import type { Generated } from 'kysely';

/**
 * ICP and EDI licence applications (src/domain/licence/) and the licences they issue. The facts, the
 * materials checklist state and the company (name and unified social credit code, both public business
 * registration data) are stored in the clear: an application holds no personal data, only marks that a
 * material was provided. The public reference (LA-2026-000123) is derived from the id and the creation
 * year, never stored.
 */
export interface LicenceApplicationsTable {
  id: Generated<number>;
  /** icp or edi. */
  kind: string;
  /** provincial or cross_regional. */
  scope: string;
  province_code: string;
  authority_mode: 'sandbox' | 'recorded';
  status: string;
  applicant_user_id: string;
  agent_org_id: string | null;
  client_user_id: string | null;
  company_name: string;
  uscc: string;
  /** JSON of the LicenceFacts the prerequisite checks run on. */
  facts: string;
  /** JSON `{ [materialId]: { provided: boolean, note?: string } }`. */
  materials: string;
  /** The materials revision being edited, and the one last submitted (its snapshot in licence_application_versions). */
  version: number;
  submitted_version: number | null;
  has_been_submitted: number;
  acceptance_due: string | null;
  review_due: string | null;
  /** JSON array of the latest materials request or rejection reasons. */
  reasons: string;
  submitted_at: string | null;
  accepted_at: string | null;
  /** When the application was approved, rejected or withdrawn. */
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One immutable snapshot of what was submitted (database triggers refuse updates and deletes). */
export interface LicenceApplicationVersionsTable {
  id: Generated<number>;
  application_id: number;
  version: number;
  company_name: string;
  facts: string;
  materials: string;
  submitted_at: string;
  submitted_by: string;
}

/** The timeline: workflow transitions and the duties recorded after approval. */
export interface LicenceApplicationEventsTable {
  id: Generated<number>;
  application_id: number;
  type: string;
  from_status: string;
  to_status: string;
  occurred_at: string;
  /** "user:<id>" or "system". */
  actor: string;
  details: string;
}

/** The last licence serial issued per authority ('11' … or 'miit') and issue year (ref-6-licence). */
export interface LicenceNumberSequencesTable {
  sequence_key: string;
  year: number;
  last_serial: number;
}

/** One row per licence an approval issued (or recorded); its numbers are unique, so never issued twice. */
export interface IssuedLicencesTable {
  id: Generated<number>;
  application_id: number;
  kind: string;
  scope: string;
  province_code: string;
  /** 京B2-20260001 or B2-20260001. */
  telecom_licence_number: string;
  /** 京ICP证260001号, provincial ICP licences only. */
  icp_licence_number: string | null;
  holder_name: string;
  /** YYYY-MM-DD, China time. */
  issued_on: string;
  expires_on: string;
  renewal_applied_on: string | null;
  created_at: string;
}

/** The annual reports filed, one per licence and year reported on (the year, not the filing year). */
export interface LicenceAnnualReportsTable {
  id: Generated<number>;
  licence_id: number;
  year: number;
  recorded_at: string;
  recorded_by: string;
}

/** Changes of the licence's particulars (name, legal representative, capital …). */
export interface LicenceChangesTable {
  id: Generated<number>;
  licence_id: number;
  /** company_name, legal_representative, registered_capital, shareholders, address, business_scope. */
  kind: string;
  description: string;
  /** When the change took effect, YYYY-MM-DD. */
  changed_on: string;
  /** When it was recorded with the licensing authority; null while it is not. */
  filed_on: string | null;
  recorded_at: string;
  recorded_by: string;
}

/** The obligation reminders sent (dueLicenceReminders keys): unique, so each goes out once. */
export interface LicenceRemindersSentTable {
  id: Generated<number>;
  licence_id: number;
  reminder_key: string;
  kind: string;
  sent_at: string;
}

export type LicenceReminderStatus = 'pending' | 'sent' | 'cancelled';

/** Deadline reminders the workflow scheduled; sent only if the deadline they remind of is unchanged. */
export interface LicenceScheduledRemindersTable {
  id: Generated<number>;
  application_id: number;
  audience: string;
  template: string;
  /** acceptanceDue or reviewDue. */
  deadline_kind: string;
  due_at: string;
  send_at: string;
  status: LicenceReminderStatus;
  processed_at: string | null;
}

/** Every table of migration 0009, composed into the DB type in schema.ts. */
export interface LicenceTables {
  licence_applications: LicenceApplicationsTable;
  licence_application_versions: LicenceApplicationVersionsTable;
  licence_application_events: LicenceApplicationEventsTable;
  licence_number_sequences: LicenceNumberSequencesTable;
  issued_licences: IssuedLicencesTable;
  licence_annual_reports: LicenceAnnualReportsTable;
  licence_changes: LicenceChangesTable;
  licence_reminders_sent: LicenceRemindersSentTable;
  licence_scheduled_reminders: LicenceScheduledRemindersTable;
}
