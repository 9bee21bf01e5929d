import { toChinaDate } from '../../domain/calendar/china-date.ts';
import type {
  LicenceDeadlineKind,
  LicenceNotificationAudience,
  LicenceNotificationTemplate,
} from '../../domain/licence/licence-application.ts';
import { dueLicenceReminders } from '../../domain/licence/licence-obligations.ts';
import { deliverNotification } from '../notifications/deliver-notification.ts';
import { loadLicenceAudiences } from './licence-audiences.ts';
import type { LicenceDeps } from './licence-deps.ts';
import { renderLicenceNotification, renderLicenceReminder } from './licence-notification-templates.ts';
import { formatLicenceReference } from './licence-reference.ts';
import type { IssuedLicenceRow, LicenceReminderRecord } from './licence-store.ts';
import { toIssuedLicence } from './present-licence-application.ts';

export interface LicenceReminderReport {
  /** Deadline reminders sent (acceptance check or decision due). */
  sent: number;
  /** Deadline reminders whose deadline moved or ended before their time. */
  cancelled: number;
  /** Duty reminders of issued licences sent (annual report, renewal, expiry). */
  duties: number;
}

type ReminderDeps = Pick<LicenceDeps, 'persistence' | 'fieldCipher' | 'directory'>;

const AUDIENCES: ReadonlySet<string> = new Set<LicenceNotificationAudience>(['applicant', 'authority']);
const DEADLINE_KINDS: ReadonlySet<string> = new Set<LicenceDeadlineKind>(['acceptanceDue', 'reviewDue']);
const TEMPLATES: ReadonlySet<string> = new Set<LicenceNotificationTemplate>([
  'licence_acceptance_due',
  'licence_review_due',
]);

/**
 * The reminders the workflow scheduled (acceptance check due, decision due): each sent only if the
 * application still has the same deadline, else cancelled; closed and delivered in one transaction.
 */
async function sendDeadlineReminder(
  deps: ReminderDeps,
  reminder: LicenceReminderRecord,
  now: Date,
  report: LicenceReminderReport,
): Promise<void> {
  const peek = await deps.persistence.read.licences.findApplication(reminder.applicationId);
  const audiences = peek ? await loadLicenceAudiences(deps.directory, peek) : undefined;
  await deps.persistence.transact(async (stores) => {
    const application = await stores.licences.lockApplication(reminder.applicationId);
    const deadline =
      application && DEADLINE_KINDS.has(reminder.deadlineKind)
        ? application.deadlines[reminder.deadlineKind as LicenceDeadlineKind]
        : undefined;
    const isStillDue = deadline !== undefined && deadline.getTime() === reminder.dueAt.getTime();
    const isKnown = AUDIENCES.has(reminder.audience) && TEMPLATES.has(reminder.template);
    if (!application || !audiences || !isStillDue || !isKnown) {
      if (await stores.licences.closeReminder(reminder.id, 'cancelled', now)) report.cancelled += 1;
      return;
    }
    if (!(await stores.licences.closeReminder(reminder.id, 'sent', now))) return;
    const message = renderLicenceNotification(reminder.template as LicenceNotificationTemplate, {
      reference: formatLicenceReference(application.id, application.createdAt),
      kind: application.kind,
      dueAt: reminder.dueAt,
    });
    await deliverNotification(
      deps.fieldCipher,
      stores.notifications,
      {
        addressees: audiences[reminder.audience as LicenceNotificationAudience],
        kind: reminder.template,
        message,
      },
      now,
    );
    report.sent += 1;
  });
}

/**
 * The duty reminders of one licence due today (dueLicenceReminders): each key is claimed by a unique
 * row in the transaction that delivers it, so it goes out once however often the job runs, and each is
 * checked again on the locked application so a report recorded meanwhile silences it.
 */
async function sendDutyReminders(
  deps: ReminderDeps,
  licence: IssuedLicenceRow,
  now: Date,
  today: string,
  report: LicenceReminderReport,
): Promise<void> {
  const sent = await deps.persistence.read.licences.listSentReminderKeys(licence.id);
  const due = dueLicenceReminders(toIssuedLicence(licence), today, sent);
  if (due.length === 0) return;
  const application = await deps.persistence.read.licences.findApplication(licence.applicationId);
  if (!application) return;
  const { applicant } = await loadLicenceAudiences(deps.directory, application);
  for (const reminder of due) {
    await deps.persistence.transact(async (stores) => {
      await stores.licences.lockApplication(licence.applicationId);
      const current = await stores.licences.findLicenceByApplication(licence.applicationId);
      if (!current) return;
      const stillDue = dueLicenceReminders(toIssuedLicence(current), today, []).some(
        (r) => r.key === reminder.key,
      );
      if (!stillDue) return;
      if (!(await stores.licences.claimReminder(licence.id, reminder.key, reminder.kind, now))) return;
      await deliverNotification(
        deps.fieldCipher,
        stores.notifications,
        {
          addressees: applicant,
          kind: reminder.kind.startsWith('licence_') ? reminder.kind : `licence_${reminder.kind}`,
          message: renderLicenceReminder(reminder, { numbers: current.numbers, kind: current.kind }),
        },
        now,
      );
      report.duties += 1;
    });
  }
}

/**
 * Job: at `now` (injected, so tests move the clock), sends the application deadline reminders whose
 * time has come and every issued licence's duty reminders due today in China (annual report open on
 * 1 January, due soon on 1 March, late on 1 April; renewal open, due soon and late; expiry), each to the
 * holder's inbox and mail outbox, each exactly once.
 */
export async function sendLicenceReminders(
  deps: ReminderDeps,
  now: Date,
  options: { limit?: number; batchSize?: number } = {},
): Promise<LicenceReminderReport> {
  const report: LicenceReminderReport = { sent: 0, cancelled: 0, duties: 0 };
  const store = deps.persistence.read.licences;
  for (const reminder of await store.listDueReminders(now, options.limit ?? 500)) {
    await sendDeadlineReminder(deps, reminder, now, report);
  }
  const today = toChinaDate(now);
  const batchSize = options.batchSize ?? 200;
  let afterId = 0;
  for (;;) {
    const licences = await store.listLicences(afterId, batchSize);
    for (const licence of licences) await sendDutyReminders(deps, licence, now, today, report);
    const last = licences.at(-1);
    if (!last || licences.length < batchSize) break;
    afterId = last.id;
  }
  return report;
}
