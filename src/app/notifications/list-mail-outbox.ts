import type { Actor } from '../../domain/policy/order-access.ts';
import { DomainError } from '../errors.ts';
import { MAIL_BODY_AAD, MAIL_TO_AAD } from './deliver-notification.ts';
import type { NotificationDeps } from './notification-deps.ts';
import type { MailStatus } from './notification-store.ts';

export interface ListMailOutboxInput {
  actor: Actor;
  status?: MailStatus;
  /** 1–100, default 50. */
  limit?: number;
  offset?: number;
}

export interface MailView {
  id: number;
  to: string;
  subject: string;
  text: string;
  status: MailStatus;
  attempts: number;
  lastError?: string;
  createdAt: string;
  sentAt?: string;
}

/**
 * The mail outbox for platform administrators: without SMTP this is where sandbox mail (SMS codes,
 * notifications) can be read. Errors: not_found (not a platform administrator), validation_failed.
 */
export async function listMailOutbox(
  deps: NotificationDeps,
  input: ListMailOutboxInput,
): Promise<MailView[]> {
  if (!input.actor.roles.includes('platform_admin')) {
    throw new DomainError('not_found', { en: 'Not found.', zh: '未找到。' });
  }
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100 || !Number.isInteger(offset) || offset < 0) {
    throw new DomainError('validation_failed', {
      en: 'limit must be 1–100 and offset 0 or more.',
      zh: 'limit 应为 1–100，offset 应不小于 0。',
    });
  }
  const rows = await deps.persistence.read.notifications.listMail({
    ...(input.status === undefined ? {} : { status: input.status }),
    limit,
    offset,
  });
  return rows.map((row) => {
    const view: MailView = {
      id: row.id,
      to: deps.fieldCipher.decryptField(row.to, MAIL_TO_AAD),
      subject: row.subject,
      text: deps.fieldCipher.decryptField(row.body, MAIL_BODY_AAD),
      status: row.status,
      attempts: row.attempts,
      createdAt: row.createdAt.toISOString(),
    };
    if (row.lastError !== undefined) view.lastError = row.lastError;
    if (row.sentAt) view.sentAt = row.sentAt.toISOString();
    return view;
  });
}
