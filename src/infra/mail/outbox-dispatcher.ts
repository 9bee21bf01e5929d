import { MAIL_BODY_AAD, MAIL_TO_AAD } from '../../app/notifications/deliver-notification.ts';
import type { Clock } from '../../app/ports.ts';
import type { FieldCipher } from '../crypto/envelope.ts';
import type { Database, DatabaseLogger } from '../db/database.ts';
import { createNotificationRepository } from '../db/repositories/notification-repository.ts';
import type { MailSender } from './mail-sender.ts';

export interface OutboxDispatcherOptions {
  database: Database;
  fieldCipher: FieldCipher;
  sender: MailSender;
  /** The From header, e.g. "OpenBeian <noreply@beian.example.cn>". */
  from: string;
  clock?: Clock;
  logger?: DatabaseLogger;
  /** A claim older than this is taken over (its dispatcher died mid-send). Default 10 minutes. */
  leaseMs?: number;
  /** Attempts before a mail is given up as failed. Default 8 (the last about 2 hours after the first). */
  maxAttempts?: number;
}

export interface DispatchReport {
  sent: number;
  /** Failed this time, to be retried later. */
  retrying: number;
  /** Failed for the last time. */
  failed: number;
}

export interface OutboxDispatcher {
  /** Sends up to `limit` due mails once. */
  dispatchDue(limit?: number): Promise<DispatchReport>;
  /** Dispatches every `intervalMs` until the returned stop function is called (and awaited). */
  start(intervalMs: number): () => Promise<void>;
}

const MINUTE_MS = 60_000;
const MAX_BACKOFF_MS = 60 * MINUTE_MS;

/** Server replies often quote the address; the stored error and the log must not. */
function redact(message: string): string {
  return message.replace(/[^\s<>@]+@[^\s<>@]+/gu, '<address>').slice(0, 300);
}

/**
 * Delivers the transactional mail outbox: claims due mails (concurrent dispatchers never take the
 * same one), decrypts recipient and body, sends them through the sender (SMTP, or .eml files under the
 * data directory), and marks each sent, or schedules a retry with exponential backoff (1 min, 2, 4 …
 * at most 1 h) until `maxAttempts`.
 */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const clock = options.clock ?? { now: () => new Date() };
  const leaseMs = options.leaseMs ?? 10 * MINUTE_MS;
  const maxAttempts = options.maxAttempts ?? 8;
  const store = createNotificationRepository(options.database.kysely, options.database.dialect);

  async function dispatchDue(limit = 50): Promise<DispatchReport> {
    const report: DispatchReport = { sent: 0, retrying: 0, failed: 0 };
    const now = clock.now();
    const claimed = await store.claimDueMail(now, new Date(now.getTime() - leaseMs), limit);
    for (const mail of claimed) {
      try {
        await options.sender.send({
          id: mail.id,
          from: options.from,
          to: options.fieldCipher.decryptField(mail.to, MAIL_TO_AAD),
          subject: mail.subject,
          text: options.fieldCipher.decryptField(mail.body, MAIL_BODY_AAD),
        });
        await store.markMailSent(mail.id, clock.now());
        report.sent += 1;
      } catch (error) {
        const message = redact(error instanceof Error ? error.message : String(error));
        const attempts = mail.attempts + 1;
        if (attempts >= maxAttempts) {
          await store.markMailFailed(mail.id, message);
          report.failed += 1;
          options.logger?.warn(
            `mail: outbox mail ${mail.id} failed for good after ${attempts} attempts: ${message}`,
          );
        } else {
          const backoff = Math.min(MINUTE_MS * 2 ** (attempts - 1), MAX_BACKOFF_MS);
          await store.markMailFailed(mail.id, message, new Date(clock.now().getTime() + backoff));
          report.retrying += 1;
          options.logger?.warn(`mail: outbox mail ${mail.id} failed (attempt ${attempts}): ${message}`);
        }
      }
    }
    if (report.sent > 0) options.logger?.info(`mail: sent ${report.sent} mail(s) via ${options.sender.kind}`);
    return report;
  }

  function start(intervalMs: number): () => Promise<void> {
    // A run longer than the interval is not overlapped by the next tick: that tick is skipped.
    let running: Promise<void> | undefined;
    const tick = () => {
      if (running) return;
      running = dispatchDue()
        .then(() => undefined)
        .catch((error: unknown) =>
          options.logger?.warn(
            `mail: dispatch failed: ${redact(error instanceof Error ? error.message : String(error))}`,
          ),
        )
        .finally(() => {
          running = undefined;
        });
    };
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
    };
  }

  return { dispatchDue, start };
}
