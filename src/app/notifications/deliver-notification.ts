import type { Addressee, FieldCipherPort } from '../orders/order-deps.ts';
import type { NotificationStore } from './notification-store.ts';
import type { RenderedNotification } from './notification-templates.ts';

/** AAD of inbox bodies: bound to the user, so a body moved to another inbox fails authentication. */
export function inboxBodyAad(userId: string): string {
  return `inbox_messages.body:${userId}`;
}

export const MAIL_TO_AAD = 'mail_outbox.to_address';
export const MAIL_BODY_AAD = 'mail_outbox.body';

export interface MailMessage {
  subject: string;
  text: string;
}

/** Both languages in one mail, the reader's first. */
export function composeMail(message: RenderedNotification, language: 'en' | 'zh' = 'zh'): MailMessage {
  const [first, second] = language === 'en' ? (['en', 'zh'] as const) : (['zh', 'en'] as const);
  return {
    subject: `${message.title[first]} / ${message.title[second]}`,
    text: `${message.title[first]}\n\n${message.body[first]}\n\n——\n\n${message.title[second]}\n\n${message.body[second]}\n`,
  };
}

export interface NotificationDelivery {
  addressees: readonly Addressee[];
  kind: string;
  orderId?: number;
  message: RenderedNotification;
  /** Also mail addressees with an address (default true). */
  mail?: boolean;
}

/**
 * Writes one notification to each addressee's inbox and, for those with an address, to the mail
 * outbox, in the caller's transaction (so it exists exactly when the change it reports commits).
 */
export async function deliverNotification(
  cipher: FieldCipherPort,
  notifications: NotificationStore,
  delivery: NotificationDelivery,
  now: Date,
): Promise<void> {
  const unique = [...new Map(delivery.addressees.map((a) => [a.userId, a])).values()];
  if (unique.length === 0) return;
  const body = JSON.stringify(delivery.message.body);
  await notifications.insertInboxMessages(
    unique.map((addressee) => ({
      userId: addressee.userId,
      kind: delivery.kind,
      ...(delivery.orderId === undefined ? {} : { orderId: delivery.orderId }),
      title: delivery.message.title,
      body: cipher.encryptField(body, inboxBodyAad(addressee.userId)),
      createdAt: now,
    })),
  );
  if (delivery.mail === false) return;
  const mails = unique.flatMap((addressee) =>
    addressee.email === undefined
      ? []
      : [{ to: addressee.email, ...composeMail(delivery.message, addressee.language) }],
  );
  await enqueueMail(cipher, notifications, mails, now);
}

/** Queues mails to plain addresses (people of an order who are not users), encrypted at rest. */
export async function enqueueMail(
  cipher: FieldCipherPort,
  notifications: NotificationStore,
  mails: readonly (MailMessage & { to: string })[],
  now: Date,
): Promise<void> {
  if (mails.length === 0) return;
  await notifications.enqueueMail(
    mails.map((mail) => ({
      to: cipher.encryptField(mail.to, MAIL_TO_AAD),
      subject: mail.subject,
      body: cipher.encryptField(mail.text, MAIL_BODY_AAD),
      createdAt: now,
    })),
  );
}
