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
 * reminders the workflow scheduled, and delivering the mail outbox (SMTP, or .eml files under
 * <DATA_DIR>/mail). Each job runs on its own timer; a run still going when its next tick comes makes
 * that tick skip, so a slow database never piles runs up.
 */

export interface JobIntervals {
  smsExpiryMs: number;
  remindersMs: number;
  mailMs: number;
}

export const defaultJobIntervals: JobIntervals = {
  smsExpiryMs: 60_000,
  remindersMs: 5 * 60_000,
  mailMs: 10_000,
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
