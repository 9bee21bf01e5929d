import type { Generated } from 'kysely';

/**
 * The in-app inbox and the transactional mail outbox, both written in the transaction of the change
 * they report. Bodies can carry personal data (SMS codes, names), so they are stored encrypted; titles
 * never carry any.
 */
export interface InboxMessagesTable {
  id: Generated<number>;
  user_id: string;
  /** The template, e.g. order_returned, sms_code. */
  kind: string;
  order_id: number | null;
  /** JSON {en, zh}. */
  title: string;
  /** Encrypted JSON {en, zh}. */
  body: string;
  created_at: string;
  read_at: string | null;
}

export type MailStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface MailOutboxTable {
  id: Generated<number>;
  /** Encrypted recipient address. */
  to_address: string;
  subject: string;
  /** Encrypted plain-text body. */
  body: string;
  status: MailStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  /** The dispatcher takes pending mail whose time has come; retries back off. */
  next_attempt_at: string;
  /** When a dispatcher claimed it; a claim older than the lease is taken over. */
  claimed_at: string | null;
  sent_at: string | null;
}

export type ReminderStatus = 'pending' | 'sent' | 'cancelled';

/** Reminders the workflow scheduled; sent only if the deadline they remind of is still the same. */
export interface ScheduledRemindersTable {
  id: Generated<number>;
  order_id: number;
  audience: string;
  template: string;
  /** providerReviewDue, smsExpiresAt or authorityReviewDue. */
  deadline_kind: string;
  due_at: string;
  send_at: string;
  status: ReminderStatus;
  processed_at: string | null;
}

export interface NotificationTables {
  inbox_messages: InboxMessagesTable;
  mail_outbox: MailOutboxTable;
  scheduled_reminders: ScheduledRemindersTable;
}
