import type { LicenceDeps } from '../app/licences/licence-deps.ts';
import { sendLicenceReminders } from '../app/licences/send-licence-reminders.ts';
import type { MonitorDeps } from '../app/monitoring/monitor-deps.ts';
import { runDueSiteChecks } from '../app/monitoring/run-due-site-checks.ts';
import { sendSiteReminders } from '../app/monitoring/send-site-reminders.ts';
import { sendDeadlineReminders } from '../app/notifications/send-deadline-reminders.ts';
import { expireSmsChallenges } from '../app/orders/expire-sms-challenges.ts';
import type { OrderDeps } from '../app/orders/order-deps.ts';
import type { CatalogueProvider } from '../app/ports.ts';
import type { Database } from '../infra/db/database.ts';
import { createMailSender, type MailSender } from '../infra/mail/mail-sender.ts';
import { createOutboxDispatcher } from '../infra/mail/outbox-dispatcher.ts';
import type { Config } from './config.ts';

/**
 * The server's background work: closing SMS checks whose 24 hours ran out, sending the deadline
 * reminders the workflow scheduled, the compliance monitor's footer checks and reminders, and
 * delivering the mail outbox (SMTP, or .eml files under
 * <DATA_DIR>/mail). Each job runs on its own timer; a run still going when its next tick comes makes
 * that tick skip, so a slow database never piles runs up.
 */

export interface JobIntervals {
  smsExpiryMs: number;
  remindersMs: number;
  mailMs: number;
  licenceRemindersMs: number;
  siteChecksMs: number;
  siteRemindersMs: number;
}

export const defaultJobIntervals: JobIntervals = {
  smsExpiryMs: 60_000,
  remindersMs: 5 * 60_000,
  mailMs: 10_000,
  licenceRemindersMs: 15 * 60_000,
  siteChecksMs: 60_000,
  siteRemindersMs: 30 * 60_000,
};

export interface JobLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface StartBackgroundJobsOptions {
  orders: OrderDeps;
  /** The catalogue in force (admins' edits included), read at each run; `orders.catalogue` when absent. */
  catalogue?: CatalogueProvider;
  /** The database the outbox lives in (the one `orders.persistence` uses). */
  database: Database;
  config: Pick<Config, 'smtpUrl' | 'dataDir' | 'publicUrl'>;
  logger: JobLogger;
  intervals?: Partial<JobIntervals>;
  /** Where mail goes; by default SMTP_URL's server, or files under <DATA_DIR>/mail. */
  mailSender?: MailSender;
  /** Licence applications: their deadline reminders and the issued licences' duty reminders run when given. */
  licences?: LicenceDeps;
  /** The compliance monitor: its scheduled footer checks and post-approval reminders run when given. */
  monitoring?: MonitorDeps;
}

export interface BackgroundJobs {
  readonly mailSender: MailSender['kind'];
  /** Runs every job once now (tests, and a start that should not wait for the first tick). */
  runOnce(): Promise<void>;
  /** Stops the timers and waits for runs in flight. */
  stop(): Promise<void>;
}

/** Messages of failed runs may quote an address or a number; the log keeps neither. */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return message
    .replace(/[^\s<>@]+@[^\s<>@]+/gu, '<address>')
    .replace(/\d{6,}/gu, '<number>')
    .slice(0, 300);
}

/** The From of platform mail: noreply at the public host (localhost when that is an IP address). */
export function buildMailFrom(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  return `OpenBeian <noreply@${/[a-z]/iu.test(host) && !host.includes(':') ? host : 'localhost'}>`;
}

interface Job {
  name: string;
  intervalMs: number;
  run(): Promise<void>;
}

function startTimer(job: Job, logger: JobLogger) {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return running;
    running = job
      .run()
      .catch((error: unknown) => logger.warn(`job ${job.name} failed: ${describeFailure(error)}`))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(tick, job.intervalMs);
  // The jobs never keep the process alive on their own.
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** Starts the jobs; call `stop` before closing the database. */
export function startBackgroundJobs(options: StartBackgroundJobsOptions): BackgroundJobs {
  const intervals = { ...defaultJobIntervals, ...options.intervals };
  const { orders, logger } = options;
  const withCatalogueInForce = async (): Promise<OrderDeps> =>
    options.catalogue ? { ...orders, catalogue: await options.catalogue.getCatalogue() } : orders;
  const sender =
    options.mailSender ??
    createMailSender({ smtpUrl: options.config.smtpUrl, dataDir: options.config.dataDir });
  const dispatcher = createOutboxDispatcher({
    database: options.database,
    fieldCipher: orders.fieldCipher,
    sender,
    from: buildMailFrom(options.config.publicUrl),
    clock: orders.clock,
    logger,
  });
  const jobs: Job[] = [
    {
      name: 'sms-expiry',
      intervalMs: intervals.smsExpiryMs,
      async run() {
        const { expired } = await expireSmsChallenges(await withCatalogueInForce(), orders.clock.now());
        if (expired.length > 0) {
          logger.info(`job sms-expiry: returned ${expired.map((order) => order.reference).join(', ')}`);
        }
      },
    },
    {
      name: 'deadline-reminders',
      intervalMs: intervals.remindersMs,
      async run() {
        const report = await sendDeadlineReminders(await withCatalogueInForce(), orders.clock.now());
        if (report.sent + report.cancelled > 0) {
          logger.info(`job deadline-reminders: sent ${report.sent}, cancelled ${report.cancelled}`);
        }
      },
    },
    {
      name: 'mail-outbox',
      intervalMs: intervals.mailMs,
      async run() {
        await dispatcher.dispatchDue();
      },
    },
  ];
  const { monitoring } = options;
  if (monitoring) {
    jobs.push(
      {
        name: 'site-checks',
        intervalMs: intervals.siteChecksMs,
        async run() {
          const report = await runDueSiteChecks(monitoring, {
            onError: (siteId, error) =>
              logger.warn(`job site-checks: site ${siteId}: ${describeFailure(error)}`),
          });
          if (report.checked + report.failed > 0) {
            logger.info(`job site-checks: checked ${report.checked}, failed ${report.failed}`);
          }
        },
      },
      {
        name: 'site-reminders',
        intervalMs: intervals.siteRemindersMs,
        async run() {
          const { sent } = await sendSiteReminders(monitoring);
          if (sent > 0) logger.info(`job site-reminders: sent ${sent}`);
        },
      },
    );
  }
  const { licences } = options;
  if (licences) {
    jobs.push({
      name: 'licence-reminders',
      intervalMs: intervals.licenceRemindersMs,
      async run() {
        const report = await sendLicenceReminders(licences, licences.clock.now());
        if (report.sent + report.cancelled + report.duties > 0) {
          logger.info(
            `job licence-reminders: deadlines sent ${report.sent}, cancelled ${report.cancelled}; duties sent ${report.duties}`,
          );
        }
      },
    });
  }
  const timers = jobs.map((job) => startTimer(job, logger));
  let isStopped = false;
  return {
    mailSender: sender.kind,
    async runOnce() {
      await Promise.all(timers.map((timer) => timer.tick()));
    },
    async stop() {
      if (isStopped) return;
      isStopped = true;
      await Promise.all(timers.map((timer) => timer.stop()));
      sender.close();
    },
  };
}
