import { type ExpressionBuilder, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { LicencePersistence, LicenceStores } from '../../../app/licences/licence-deps.ts';
import type {
  IssuedLicenceRow,
  LicenceApplicationRecord,
  LicenceApplicationUpdate,
  LicenceChangeRecord,
  LicenceStore,
  MaterialMarks,
} from '../../../app/licences/licence-store.ts';
import type { LicenceDeadlines } from '../../../domain/licence/licence-application.ts';
import type { LicenceKind, LicenceScope } from '../../../domain/licence/licence-kind.ts';
import type { LicenceNumbers } from '../../../domain/licence/licence-numbering.ts';
import type { LicenceChangeKind } from '../../../domain/licence/licence-obligations.ts';
import type { LicenceFacts } from '../../../domain/licence/licence-prerequisites.ts';
import type { LicenceApplicationStatus } from '../../../domain/licence/licence-status.ts';
import type { LicenceAccessScope } from '../../../domain/policy/licence-access.ts';
import { assertNever } from '../../../domain/shared/assert-never.ts';
import type { JsonValue } from '../../../domain/workflow/order-outcome.ts';
import type { ReturnReason } from '../../../domain/workflow/return-reason.ts';
import type { Database, DatabaseDialect } from '../database.ts';
import type { DB } from '../schema.ts';
import type { IssuedLicencesTable, LicenceApplicationsTable } from '../tables/licences.ts';
import { createAuditLogRepository } from './audit-log-repository.ts';
import { createNotificationRepository } from './notification-repository.ts';
import { toDate, toIso } from './timestamp-columns.ts';

type ApplicationRow = Selectable<LicenceApplicationsTable>;

function toApplication(row: ApplicationRow): LicenceApplicationRecord {
  const deadlines: LicenceDeadlines = {};
  const acceptanceDue = toDate(row.acceptance_due);
  const reviewDue = toDate(row.review_due);
  if (acceptanceDue) deadlines.acceptanceDue = acceptanceDue;
  if (reviewDue) deadlines.reviewDue = reviewDue;
  const application: LicenceApplicationRecord = {
    id: row.id,
    kind: row.kind as LicenceKind,
    scope: row.scope as LicenceScope,
    provinceCode: row.province_code,
    authorityMode: row.authority_mode,
    status: row.status as LicenceApplicationStatus,
    applicantUserId: row.applicant_user_id,
    companyName: row.company_name,
    uscc: row.uscc,
    facts: JSON.parse(row.facts) as LicenceFacts,
    materials: JSON.parse(row.materials) as MaterialMarks,
    version: row.version,
    hasBeenSubmitted: row.has_been_submitted === 1,
    deadlines,
    reasons: JSON.parse(row.reasons) as ReturnReason[],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
  if (row.agent_org_id !== null) application.agentOrgId = row.agent_org_id;
  if (row.client_user_id !== null) application.clientUserId = row.client_user_id;
  if (row.submitted_version !== null) application.submittedVersion = row.submitted_version;
  const submittedAt = toDate(row.submitted_at);
  const acceptedAt = toDate(row.accepted_at);
  const decidedAt = toDate(row.decided_at);
  if (submittedAt) application.submittedAt = submittedAt;
  if (acceptedAt) application.acceptedAt = acceptedAt;
  if (decidedAt) application.decidedAt = decidedAt;
  return application;
}

type ApplicationsBuilder = ExpressionBuilder<DB, 'licence_applications'>;

/** The SQL form of `isLicenceInScope` (src/domain/policy/licence-access.ts); the two must agree. */
function scopeCondition(eb: ApplicationsBuilder, scope: LicenceAccessScope) {
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`1 = 1`;
    case 'owner':
      return eb('applicant_user_id', '=', scope.userId);
    case 'client':
      return eb('client_user_id', '=', scope.userId);
    case 'agency':
      return scope.organisationIds.length === 0
        ? sql<boolean>`1 = 0`
        : eb('agent_org_id', 'in', [...scope.organisationIds]);
    case 'authority':
      return eb.and([
        eb('scope', '=', 'provincial'),
        eb('province_code', '=', scope.provinceCode),
        eb('authority_mode', '=', 'sandbox'),
        eb('has_been_submitted', '=', 1),
      ]);
    default:
      return assertNever(scope);
  }
}

type LicenceRow = Selectable<IssuedLicencesTable>;

/**
 * Licence applications, their versions and timeline, the licence number sequences, issued licences with
 * their annual reports and changes, and the licence reminders, on SQLite and PostgreSQL. Bind it to a
 * transaction for writes; `lockApplication` and `lockSequence` row-lock on PostgreSQL (SQLite's
 * BEGIN IMMEDIATE already serialises every writer).
 */
export function createLicenceRepository(executor: Kysely<DB>, dialect: DatabaseDialect): LicenceStore {
  const selectApplication = (id: number) =>
    executor.selectFrom('licence_applications').selectAll().where('id', '=', id);

  async function loadLicences(rows: readonly LicenceRow[]): Promise<IssuedLicenceRow[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const reports = await executor
      .selectFrom('licence_annual_reports')
      .select(['licence_id', 'year'])
      .where('licence_id', 'in', ids)
      .orderBy('year')
      .execute();
    const changes = await executor
      .selectFrom('licence_changes')
      .selectAll()
      .where('licence_id', 'in', ids)
      .orderBy('id')
      .execute();
    return rows.map((row) => {
      const numbers: LicenceNumbers = { telecomLicenceNumber: row.telecom_licence_number };
      if (row.icp_licence_number !== null) numbers.icpLicenceNumber = row.icp_licence_number;
      const licence: IssuedLicenceRow = {
        id: row.id,
        applicationId: row.application_id,
        kind: row.kind as LicenceKind,
        scope: row.scope as LicenceScope,
        provinceCode: row.province_code,
        numbers,
        holderName: row.holder_name,
        issuedOn: row.issued_on,
        expiresOn: row.expires_on,
        annualReports: reports.filter((r) => r.licence_id === row.id).map((r) => r.year),
        changes: changes
          .filter((c) => c.licence_id === row.id)
          .map((c) => {
            const change: LicenceChangeRecord = {
              id: c.id,
              kind: c.kind as LicenceChangeKind,
              description: c.description,
              changedOn: c.changed_on,
              recordedAt: new Date(c.recorded_at),
              recordedBy: c.recorded_by,
            };
            if (c.filed_on !== null) change.filedOn = c.filed_on;
            return change;
          }),
        createdAt: new Date(row.created_at),
      };
      if (row.renewal_applied_on !== null) licence.renewalAppliedOn = row.renewal_applied_on;
      return licence;
    });
  }

  return {
    async insertApplication(application) {
      const at = application.createdAt.toISOString();
      const row = await executor
        .insertInto('licence_applications')
        .values({
          kind: application.kind,
          scope: application.scope,
          province_code: application.provinceCode,
          authority_mode: application.authorityMode,
          status: 'draft',
          applicant_user_id: application.applicantUserId,
          agent_org_id: application.agentOrgId ?? null,
          client_user_id: application.clientUserId ?? null,
          company_name: application.companyName,
          uscc: application.uscc,
          facts: JSON.stringify(application.facts),
          materials: JSON.stringify(application.materials),
          version: 1,
          has_been_submitted: 0,
          reasons: '[]',
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async findApplication(id) {
      const row = await selectApplication(id).executeTakeFirst();
      return row ? toApplication(row) : undefined;
    },

    async lockApplication(id) {
      const query = selectApplication(id);
      const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
      return row ? toApplication(row) : undefined;
    },

    async updateApplication(id, update: LicenceApplicationUpdate) {
      const values: Updateable<LicenceApplicationsTable> = { updated_at: update.updatedAt.toISOString() };
      if (update.status !== undefined) values.status = update.status;
      if (update.facts !== undefined) values.facts = JSON.stringify(update.facts);
      if (update.materials !== undefined) values.materials = JSON.stringify(update.materials);
      if (update.version !== undefined) values.version = update.version;
      if (update.submittedVersion !== undefined) values.submitted_version = update.submittedVersion;
      if (update.hasBeenSubmitted !== undefined) values.has_been_submitted = update.hasBeenSubmitted ? 1 : 0;
      if (update.deadlines !== undefined) {
        values.acceptance_due = toIso(update.deadlines.acceptanceDue);
        values.review_due = toIso(update.deadlines.reviewDue);
      }
      if (update.reasons !== undefined) values.reasons = JSON.stringify(update.reasons);
      if (update.submittedAt !== undefined) values.submitted_at = update.submittedAt.toISOString();
      if (update.acceptedAt !== undefined) values.accepted_at = update.acceptedAt.toISOString();
      if (update.decidedAt !== undefined) values.decided_at = update.decidedAt.toISOString();
      await executor.updateTable('licence_applications').set(values).where('id', '=', id).execute();
    },

    async listApplications(query) {
      if (query.scopes.length === 0) return [];
      let select = executor
        .selectFrom('licence_applications')
        .selectAll()
        .where((eb) => eb.or(query.scopes.map((scope) => scopeCondition(eb, scope))));
      if (query.statuses !== undefined) {
        if (query.statuses.length === 0) return [];
        select = select.where('status', 'in', [...query.statuses]);
      }
      if (query.kinds !== undefined) {
        if (query.kinds.length === 0) return [];
        select = select.where('kind', 'in', [...query.kinds]);
      }
      const rows = await select
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit)
        .offset(query.offset)
        .execute();
      return rows.map(toApplication);
    },

    async insertVersion(applicationId, snapshot) {
      await executor
        .insertInto('licence_application_versions')
        .values({
          application_id: applicationId,
          version: snapshot.version,
          company_name: snapshot.companyName,
          facts: JSON.stringify(snapshot.facts),
          materials: JSON.stringify(snapshot.materials),
          submitted_at: snapshot.at.toISOString(),
          submitted_by: snapshot.by,
        })
        .execute();
    },

    async listVersions(applicationId) {
      const rows = await executor
        .selectFrom('licence_application_versions')
        .select(['version', 'submitted_at'])
        .where('application_id', '=', applicationId)
        .orderBy('version')
        .execute();
      return rows.map((r) => ({ version: r.version, at: new Date(r.submitted_at) }));
    },

    async appendEvents(applicationId, actor, events) {
      if (events.length === 0) return;
      await executor
        .insertInto('licence_application_events')
        .values(
          events.map((event) => ({
            application_id: applicationId,
            type: event.type,
            from_status: event.from,
            to_status: event.to,
            occurred_at: event.at.toISOString(),
            actor,
            details: JSON.stringify(event.details),
          })),
        )
        .execute();
    },

    async listEvents(applicationId) {
      const rows = await executor
        .selectFrom('licence_application_events')
        .selectAll()
        .where('application_id', '=', applicationId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        type: row.type,
        from: row.from_status as LicenceApplicationStatus,
        to: row.to_status as LicenceApplicationStatus,
        at: new Date(row.occurred_at),
        actor: row.actor,
        details: JSON.parse(row.details) as Record<string, JsonValue>,
      }));
    },

    async lockSequence(sequenceKey, year) {
      await executor
        .insertInto('licence_number_sequences')
        .values({ sequence_key: sequenceKey, year, last_serial: 0 })
        .onConflict((oc) => oc.columns(['sequence_key', 'year']).doNothing())
        .execute();
      const query = executor
        .selectFrom('licence_number_sequences')
        .select('last_serial')
        .where('sequence_key', '=', sequenceKey)
        .where('year', '=', year);
      const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirstOrThrow();
      return row.last_serial;
    },

    async saveSequence(sequenceKey, year, lastSerial) {
      await executor
        .updateTable('licence_number_sequences')
        .set({ last_serial: lastSerial })
        .where('sequence_key', '=', sequenceKey)
        .where('year', '=', year)
        .execute();
    },

    async isLicenceNumberTaken(numbers) {
      const row = await executor
        .selectFrom('issued_licences')
        .select('id')
        .where((eb) =>
          eb.or([
            eb('telecom_licence_number', '=', numbers.telecomLicenceNumber),
            ...(numbers.icpLicenceNumber === undefined
              ? []
              : [eb('icp_licence_number', '=', numbers.icpLicenceNumber)]),
          ]),
        )
        .executeTakeFirst();
      return row !== undefined;
    },

    async insertLicence(licence) {
      const row = await executor
        .insertInto('issued_licences')
        .values({
          application_id: licence.applicationId,
          kind: licence.kind,
          scope: licence.scope,
          province_code: licence.provinceCode,
          telecom_licence_number: licence.numbers.telecomLicenceNumber,
          icp_licence_number: licence.numbers.icpLicenceNumber ?? null,
          holder_name: licence.holderName,
          issued_on: licence.issuedOn,
          expires_on: licence.expiresOn,
          created_at: licence.createdAt.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async findLicenceByApplication(applicationId) {
      const row = await executor
        .selectFrom('issued_licences')
        .selectAll()
        .where('application_id', '=', applicationId)
        .executeTakeFirst();
      return row ? (await loadLicences([row]))[0] : undefined;
    },

    async listLicences(afterId, limit) {
      const rows = await executor
        .selectFrom('issued_licences')
        .selectAll()
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return loadLicences(rows);
    },

    async insertAnnualReport(licenceId, year, at, by) {
      const row = await executor
        .insertInto('licence_annual_reports')
        .values({ licence_id: licenceId, year, recorded_at: at.toISOString(), recorded_by: by })
        .onConflict((oc) => oc.columns(['licence_id', 'year']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async setRenewalAppliedOn(licenceId, appliedOn) {
      await executor
        .updateTable('issued_licences')
        .set({ renewal_applied_on: appliedOn })
        .where('id', '=', licenceId)
        .execute();
    },

    async insertChange(change) {
      const row = await executor
        .insertInto('licence_changes')
        .values({
          licence_id: change.licenceId,
          kind: change.kind,
          description: change.description,
          changed_on: change.changedOn,
          filed_on: change.filedOn ?? null,
          recorded_at: change.recordedAt.toISOString(),
          recorded_by: change.recordedBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async setChangeFiledOn(licenceId, changeId, filedOn) {
      const result = await executor
        .updateTable('licence_changes')
        .set({ filed_on: filedOn })
        .where('id', '=', changeId)
        .where('licence_id', '=', licenceId)
        .where('filed_on', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async listSentReminderKeys(licenceId) {
      const rows = await executor
        .selectFrom('licence_reminders_sent')
        .select('reminder_key')
        .where('licence_id', '=', licenceId)
        .execute();
      return rows.map((r) => r.reminder_key);
    },

    async claimReminder(licenceId, key, kind, at) {
      // The unique (licence_id, reminder_key) is the arbiter: a concurrent run's claim waits, then loses.
      const row = await executor
        .insertInto('licence_reminders_sent')
        .values({ licence_id: licenceId, reminder_key: key, kind, sent_at: at.toISOString() })
        .onConflict((oc) => oc.columns(['licence_id', 'reminder_key']).doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    async scheduleReminders(reminders) {
      if (reminders.length === 0) return;
      await executor
        .insertInto('licence_scheduled_reminders')
        .values(
          reminders.map((r) => ({
            application_id: r.applicationId,
            audience: r.audience,
            template: r.template,
            deadline_kind: r.deadlineKind,
            due_at: r.dueAt.toISOString(),
            send_at: r.sendAt.toISOString(),
            status: 'pending' as const,
          })),
        )
        .execute();
    },

    async listDueReminders(now, limit) {
      const rows = await executor
        .selectFrom('licence_scheduled_reminders')
        .selectAll()
        .where('status', '=', 'pending')
        .where('send_at', '<=', now.toISOString())
        .orderBy('send_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        applicationId: row.application_id,
        audience: row.audience,
        template: row.template,
        deadlineKind: row.deadline_kind,
        dueAt: new Date(row.due_at),
        sendAt: new Date(row.send_at),
      }));
    },

    async closeReminder(id, status, at) {
      const result = await executor
        .updateTable('licence_scheduled_reminders')
        .set({ status, processed_at: at.toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

function createLicenceStores(executor: Kysely<DB>, dialect: DatabaseDialect): LicenceStores {
  return {
    licences: createLicenceRepository(executor, dialect),
    notifications: createNotificationRepository(executor, dialect),
    auditLog: createAuditLogRepository(executor),
  };
}

/** The licence use cases' persistence port on one database: `deps.persistence`. */
export function createLicencePersistence(database: Database): LicencePersistence {
  return {
    read: createLicenceStores(database.kysely, database.dialect),
    transact: (work) => database.transaction((trx) => work(createLicenceStores(trx, database.dialect))),
  };
}
