import { toChinaDate } from '../../domain/calendar/china-date.ts';
import { dueFilingReminders } from '../../domain/compliance/filing-obligations.ts';
import { deliverNotification } from '../notifications/deliver-notification.ts';
import { type MonitorDeps, toFiledServiceFacts } from './monitor-deps.ts';
import { renderSiteReminder } from './monitor-messages.ts';

/**
 * Job: the post-approval reminders whose day has come at the clock's now (China date) — the PSB
 * filing within 30 days of going live, domain and server expiry — each sent to the site's owner once:
 * the sent key is inserted in the same transaction as the message, and a key another run already
 * inserted makes this one send nothing.
 */
export async function sendSiteReminders(
  deps: MonitorDeps,
  options: { pageSize?: number } = {},
): Promise<{ sent: number }> {
  const now = deps.clock.now();
  const today = toChinaDate(now);
  const pageSize = options.pageSize ?? 200;
  let sent = 0;
  for (let afterId = 0; ; ) {
    const sites = await deps.read.sites.listActiveSites(afterId, pageSize);
    for (const site of sites) {
      const alreadySent = await deps.read.sites.listSentReminderKeys(site.id);
      const due = dueFilingReminders(toFiledServiceFacts(site), today, alreadySent);
      if (due.length === 0) continue;
      const owners = await deps.directory.findUsers([site.ownerUserId]);
      for (const reminder of due) {
        const isNew = await deps.transact(async (stores) => {
          if (!(await stores.sites.markReminderSent(site.id, reminder.key, now))) return false;
          await deliverNotification(
            deps.fieldCipher,
            stores.notifications,
            { addressees: owners, kind: 'site_reminder', message: renderSiteReminder(site, reminder) },
            now,
          );
          return true;
        });
        if (isNew) sent += 1;
      }
    }
    const last = sites.at(-1);
    if (!last || sites.length < pageSize) break;
    afterId = last.id;
  }
  return { sent };
}
