import type { NotificationAudience, NotificationTemplate } from '../../domain/workflow/order-outcome.ts';
import type { DeadlineKind } from '../../domain/workflow/order-snapshot.ts';
import { loadOrderAudiences } from '../orders/order-audiences.ts';
import type { OrderDeps } from '../orders/order-deps.ts';
import { formatOrderReference } from '../orders/order-reference.ts';
import { deliverNotification } from './deliver-notification.ts';
import { renderNotification } from './notification-templates.ts';

export interface DeadlineReminderReport {
  sent: number;
  /** Reminders whose deadline moved or ended before their time (the order went on). */
  cancelled: number;
}

const AUDIENCES: ReadonlySet<string> = new Set<NotificationAudience>(['applicant', 'provider', 'authority']);
const DEADLINE_KINDS: ReadonlySet<string> = new Set<DeadlineKind>([
  'providerReviewDue',
  'smsExpiresAt',
  'authorityReviewDue',
]);

/**
 * Job: sends the reminders the workflow scheduled (provider review due today, SMS code about to
 * expire, authority review due) whose time has come at `now` — each only if the order still has the
 * same deadline; otherwise the reminder is cancelled. Each reminder is closed and delivered (inbox and
 * mail outbox) in one transaction, so two runs never send it twice.
 */
export async function sendDeadlineReminders(
  deps: Pick<OrderDeps, 'persistence' | 'fieldCipher' | 'directory'>,
  now: Date,
  options: { limit?: number } = {},
): Promise<DeadlineReminderReport> {
  const report: DeadlineReminderReport = { sent: 0, cancelled: 0 };
  const due = await deps.persistence.read.notifications.listDueReminders(now, options.limit ?? 500);
  for (const reminder of due) {
    const order = await deps.persistence.read.orders.findOrder(reminder.orderId);
    const audiences = order ? await loadOrderAudiences(deps.directory, order) : undefined;
    await deps.persistence.transact(async (stores) => {
      const current = await stores.orders.lockOrder(reminder.orderId);
      const deadline = DEADLINE_KINDS.has(reminder.deadlineKind)
        ? current?.deadlines[reminder.deadlineKind as DeadlineKind]
        : undefined;
      const isStillDue = deadline !== undefined && deadline.getTime() === reminder.dueAt.getTime();
      if (!current || !audiences || !isStillDue || !AUDIENCES.has(reminder.audience)) {
        if (await stores.notifications.closeReminder(reminder.id, 'cancelled', now)) report.cancelled += 1;
        return;
      }
      if (!(await stores.notifications.closeReminder(reminder.id, 'sent', now))) return;
      const message = renderNotification(reminder.template as NotificationTemplate, {
        reference: formatOrderReference(current.id, current.createdAt),
        dueAt: reminder.dueAt,
      });
      await deliverNotification(
        deps.fieldCipher,
        stores.notifications,
        {
          addressees: audiences[reminder.audience as NotificationAudience],
          kind: reminder.template,
          orderId: current.id,
          message,
        },
        now,
      );
      report.sent += 1;
    });
  }
  return report;
}
