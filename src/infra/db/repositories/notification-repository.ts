import type { Kysely, Selectable } from 'kysely';
import type {
  InboxRecord,
  MailRecord,
  NotificationStore,
} from '../../../app/notifications/notification-store.ts';
import type { Localized } from '../../../domain/shared/localized.ts';
import type { DatabaseDialect } from '../database.ts';
import type { DB } from '../schema.ts';
import type { InboxMessagesTable, MailOutboxTable } from '../tables/notifications.ts';

function toInbox(row: Selectable<InboxMessagesTable>): InboxRecord {
  const message: InboxRecord = {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    title: JSON.parse(row.title) as Localized,
    body: row.body,
    createdAt: new Date(row.created_at),
  };
  if (row.order_id !== null) message.orderId = row.order_id;
  if (row.read_at !== null) message.readAt = new Date(row.read_at);
  return message;
}

function toMail(row: Selectable<MailOutboxTable>): MailRecord {
  const mail: MailRecord = {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    nextAttemptAt: new Date(row.next_attempt_at),
  };
  if (row.last_error !== null) mail.lastError = row.last_error;
  if (row.sent_at !== null) mail.sentAt = new Date(row.sent_at);
  return mail;
}

/** Inbox, mail outbox and scheduled reminders on SQLite and PostgreSQL. */
export function createNotificationRepository(
  executor: Kysely<DB>,
  dialect: DatabaseDialect,
): NotificationStore {
  return {
    async insertInboxMessages(messages) {
      if (messages.length === 0) return;
      await executor
        .insertInto('inbox_messages')
        .values(
          messages.map((m) => ({
            user_id: m.userId,
            kind: m.kind,
            order_id: m.orderId ?? null,
            title: JSON.stringify(m.title),
            body: m.body,
            created_at: m.createdAt.toISOString(),
          })),
        )
        .execute();
    },

    async listInbox(userId, page) {
      let query = executor.selectFrom('inbox_messages').selectAll().where('user_id', '=', userId);
      if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
      if (page.unreadOnly) query = query.where('read_at', 'is', null);
      if (page.orderId !== undefined) query = query.where('order_id', '=', page.orderId);
      const rows = await query.orderBy('id', 'desc').limit(page.limit).execute();
      return rows.map(toInbox);
    },

    async countUnread(userId) {
      const row = await executor
        .selectFrom('inbox_messages')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async markRead(userId, at, ids) {
      if (ids !== undefined && ids.length === 0) return 0;
      let query = executor
        .updateTable('inbox_messages')
        .set({ read_at: at.toISOString() })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids !== undefined) query = query.where('id', 'in', [...ids]);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    async enqueueMail(mail) {
      if (mail.length === 0) return;
      await executor
        .insertInto('mail_outbox')
        .values(
          mail.map((m) => ({
            to_address: m.to,
            subject: m.subject,
            body: m.body,
            status: 'pending' as const,
            attempts: 0,
            created_at: m.createdAt.toISOString(),
            next_attempt_at: m.createdAt.toISOString(),
          })),
        )
        .execute();
    },

    async listMail(filter) {
      let query = executor.selectFrom('mail_outbox').selectAll();
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      const rows = await query.orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
      return rows.map(toMail);
    },

    async claimDueMail(now, staleBefore, limit) {
      const due = executor
        .selectFrom('mail_outbox')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now.toISOString())]),
            eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleBefore.toISOString())]),
          ]),
        )
        .orderBy('id')
        .limit(limit);
      // PostgreSQL: concurrent dispatchers skip each other's rows instead of waiting or double-sending.
      const candidates = dialect === 'postgres' ? due.forUpdate().skipLocked() : due;
      const rows = await executor
        .updateTable('mail_outbox')
        .set({ status: 'sending', claimed_at: now.toISOString() })
        .where('id', 'in', candidates)
        .returningAll()
        .execute();
      return rows.map(toMail).sort((a, b) => a.id - b.id);
    },

    async markMailSent(id, at) {
      await executor
        .updateTable('mail_outbox')
        .set((eb) => ({
          status: 'sent',
          sent_at: at.toISOString(),
          attempts: eb('attempts', '+', 1),
          last_error: null,
          claimed_at: null,
        }))
        .where('id', '=', id)
        .execute();
    },

    async markMailFailed(id, error, retryAt) {
      await executor
        .updateTable('mail_outbox')
        .set((eb) => ({
          status: retryAt === undefined ? 'failed' : 'pending',
          attempts: eb('attempts', '+', 1),
          last_error: error.slice(0, 500),
          claimed_at: null,
          ...(retryAt === undefined ? {} : { next_attempt_at: retryAt.toISOString() }),
        }))
        .where('id', '=', id)
        .execute();
    },

    async scheduleReminders(reminders) {
      if (reminders.length === 0) return;
      await executor
        .insertInto('scheduled_reminders')
        .values(
          reminders.map((r) => ({
            order_id: r.orderId,
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
        .selectFrom('scheduled_reminders')
        .selectAll()
        .where('status', '=', 'pending')
        .where('send_at', '<=', now.toISOString())
        .orderBy('send_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        orderId: row.order_id,
        audience: row.audience,
        template: row.template,
        deadlineKind: row.deadline_kind,
        dueAt: new Date(row.due_at),
        sendAt: new Date(row.send_at),
      }));
    },

    async closeReminder(id, status, at) {
      const result = await executor
        .updateTable('scheduled_reminders')
        .set({ status, processed_at: at.toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
