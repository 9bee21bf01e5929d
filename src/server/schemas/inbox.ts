import { z } from 'zod';
import { MAX_INBOX_PAGE } from '../../app/notifications/list-inbox.ts';
import { localizedSchema } from './common.ts';

/** Wire forms of the in-app inbox and of the mail outbox administrators read. */

const recordId = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const inboxMessageSchema = z
  .object({
    id: z.number().int(),
    kind: z
      .string()
      .describe('The template: order_returned, sms_code, order_approved, provider_review_due …'),
    orderId: z.number().int().optional().describe('The order the message is about.'),
    title: localizedSchema,
    body: localizedSchema,
    createdAt: z.string(),
    readAt: z.string().optional(),
  })
  .meta({ id: 'InboxMessage', description: 'An in-app notification, in both languages.' });

export const inboxQuerySchema = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_INBOX_PAGE)
    .default(20)
    .describe(`At most this many (1–${MAX_INBOX_PAGE}, default 20).`),
  beforeId: recordId
    .optional()
    .describe('Messages older than this id: the `nextBeforeId` of the previous page.'),
  unreadOnly: z.enum(['true', 'false']).optional().describe('true: only unread messages.'),
  orderId: recordId.optional().describe('Only the messages about this order (its numeric id).'),
});

export const inboxPageSchema = z
  .object({
    items: z.array(inboxMessageSchema).describe('Newest first.'),
    unread: z.number().int().describe('Unread messages in all, whatever the filters.'),
    nextBeforeId: z
      .number()
      .int()
      .optional()
      .describe('Pass as beforeId for the next page; absent on the last.'),
  })
  .meta({ id: 'InboxPage' });

export const markReadBodySchema = z
  .strictObject({
    ids: z
      .array(z.number().int().min(1).max(Number.MAX_SAFE_INTEGER))
      .max(500)
      .optional()
      .describe('The messages to mark read; every unread message when absent.'),
  })
  .nullish()
  .meta({ id: 'MarkInboxReadRequest' });

export const markReadResultSchema = z
  .object({ updated: z.number().int().describe('Messages that were unread and are now read.') })
  .meta({ id: 'MarkInboxReadResult' });

export const mailStatusSchema = z.enum(['pending', 'sending', 'sent', 'failed']);

export const mailSchema = z
  .object({
    id: z.number().int(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    status: mailStatusSchema,
    attempts: z.number().int(),
    lastError: z.string().optional(),
    createdAt: z.string(),
    sentAt: z.string().optional(),
  })
  .meta({
    id: 'OutboxMail',
    description: 'A mail of the transactional outbox (sandbox SMS codes included).',
  });

export const mailOutboxQuerySchema = z.object({
  status: mailStatusSchema.optional(),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(50)
    .describe('At most this many (1–100, default 50).'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('Skip this many first.'),
});
