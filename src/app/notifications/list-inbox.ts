import type { Actor } from '../../domain/policy/order-access.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import { DomainError } from '../errors.ts';
import { isRecordId } from '../orders/order-errors.ts';
import { inboxBodyAad } from './deliver-notification.ts';
import type { NotificationDeps } from './notification-deps.ts';

export const MAX_INBOX_PAGE = 100;

export interface ListInboxInput {
  actor: Actor;
  /** 1–100, default 20. */
  limit?: number;
  /** Messages older than this id (the last id of the previous page). */
  beforeId?: number;
  unreadOnly?: boolean;
  /** Only the messages about this order (the order page's notifications). */
  orderId?: number;
}

export interface InboxMessageView {
  id: number;
  /** The template: order_returned, sms_code, provider_review_due … */
  kind: string;
  orderId?: number;
  title: Localized;
  body: Localized;
  createdAt: string;
  readAt?: string;
}

export interface ListInboxResult {
  messages: InboxMessageView[];
  /** Unread messages in all (not only those of the page or of the order filtered on). */
  unread: number;
  /** Pass as beforeId for the next page; absent on the last page. */
  nextBeforeId?: number;
}

/**
 * The actor's in-app notifications, newest first, optionally only those about one order (only the
 * actor's own messages are read, so the filter reveals nothing about orders they may not see).
 * Errors: validation_failed (bad paging or order id).
 */
export async function listInbox(deps: NotificationDeps, input: ListInboxInput): Promise<ListInboxResult> {
  const limit = input.limit ?? 20;
  const badCursor = input.beforeId !== undefined && !isRecordId(input.beforeId);
  const badOrder = input.orderId !== undefined && !isRecordId(input.orderId);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_INBOX_PAGE || badCursor || badOrder) {
    throw new DomainError('validation_failed', {
      en: `limit must be 1–${MAX_INBOX_PAGE}, beforeId a message id and orderId an order id.`,
      zh: `limit 应为 1–${MAX_INBOX_PAGE}，beforeId 应为消息编号，orderId 应为订单编号。`,
    });
  }
  const { userId } = input.actor;
  const store = deps.persistence.read.notifications;
  const rows = await store.listInbox(userId, {
    limit: limit + 1,
    ...(input.beforeId === undefined ? {} : { beforeId: input.beforeId }),
    ...(input.unreadOnly ? { unreadOnly: true } : {}),
    ...(input.orderId === undefined ? {} : { orderId: input.orderId }),
  });
  const page = rows.slice(0, limit);
  const messages = page.map((row) => {
    const view: InboxMessageView = {
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: JSON.parse(deps.fieldCipher.decryptField(row.body, inboxBodyAad(userId))) as Localized,
      createdAt: row.createdAt.toISOString(),
    };
    if (row.orderId !== undefined) view.orderId = row.orderId;
    if (row.readAt) view.readAt = row.readAt.toISOString();
    return view;
  });
  const last = page.at(-1);
  return {
    messages,
    unread: await store.countUnread(userId),
    ...(rows.length > limit && last ? { nextBeforeId: last.id } : {}),
  };
}
