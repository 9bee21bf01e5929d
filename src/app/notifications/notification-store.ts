import type { Localized } from '../../domain/shared/localized.ts';

/**
 * The in-app inbox, the mail outbox and scheduled reminders. Bodies and mail addresses cross this port
 * encrypted (the caller holds the field cipher); titles and subjects carry no personal data.
 */

export interface NewInboxMessage {
  userId: string;
  kind: string;
  orderId?: number;
  title: Localized;
  /** Encrypted JSON of the Localized body. */
  body: string;
  createdAt: Date;
}

export interface InboxRecord extends NewInboxMessage {
  id: number;
  readAt?: Date;
}

export interface NewMail {
  /** Encrypted address. */
  to: string;
  subject: string;
  /** Encrypted text. */
  body: string;
  createdAt: Date;
}

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface MailRecord extends NewMail {
  id: number;
  status: MailStatus;
  attempts: number;
  lastError?: string;
  nextAttemptAt: Date;
  sentAt?: Date;
}

export interface NewReminder {
  orderId: number;
  audience: string;
  template: string;
  deadlineKind: string;
  dueAt: Date;
  sendAt: Date;
}

export interface ReminderRecord extends NewReminder {
  id: number;
}

export interface NotificationStore {
  insertInboxMessages(messages: readonly NewInboxMessage[]): Promise<void>;
  /** Newest first; `beforeId` pages backwards. */
  listInbox(
    userId: string,
    page: { limit: number; beforeId?: number; unreadOnly?: boolean; orderId?: number },
  ): Promise<InboxRecord[]>;
  countUnread(userId: string): Promise<number>;
  /** Marks the user's messages read (all of them when `ids` is absent); returns how many changed. */
  markRead(userId: string, at: Date, ids?: readonly number[]): Promise<number>;

  enqueueMail(mail: readonly NewMail[]): Promise<void>;
  /** Newest first. */
  listMail(filter: { status?: MailStatus; limit: number; offset: number }): Promise<MailRecord[]>;
  /**
   * Claims up to `limit` mails due at `now` (and mails whose claim is older than `staleBefore`, left by
   * a dispatcher that died), marking them sending. Concurrent dispatchers never claim the same mail.
   */
  claimDueMail(now: Date, staleBefore: Date, limit: number): Promise<MailRecord[]>;
  markMailSent(id: number, at: Date): Promise<void>;
  /** Counts the attempt; `retryAt` schedules another, its absence gives up (status failed). */
  markMailFailed(id: number, error: string, retryAt?: Date): Promise<void>;

  scheduleReminders(reminders: readonly NewReminder[]): Promise<void>;
  /** Pending reminders whose time has come, oldest first. */
  listDueReminders(now: Date, limit: number): Promise<ReminderRecord[]>;
  /** Closes a pending reminder; false when another job closed it first. */
  closeReminder(id: number, status: 'sent' | 'cancelled', at: Date): Promise<boolean>;
}
