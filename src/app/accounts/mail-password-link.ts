import { composeMail, enqueueMail } from '../notifications/deliver-notification.ts';
import type { NotificationStore } from '../notifications/notification-store.ts';
import type { RenderedNotification } from '../notifications/notification-templates.ts';
import type { FieldCipherPort } from '../orders/order-deps.ts';
import type { Clock } from '../ports.ts';
import type { UserDirectory } from './account-stores.ts';
import type { PreferenceStore } from './preference-store.ts';

export interface PasswordLinkMailDeps {
  stores: { users: UserDirectory; preferences: PreferenceStore };
  notifications: NotificationStore;
  fieldCipher: FieldCipherPort;
  clock: Clock;
  /** Where users reach the web app (config.publicUrl). */
  publicUrl: string;
  /** How long the link works, for the mail's text. */
  expiresInHours: number;
}

/** The web app's page that sets the password (src/web/features/auth/reset-password-page.tsx). */
export function buildPasswordLinkUrl(publicUrl: string, token: string): string {
  const url = new URL('/reset-password', publicUrl);
  url.searchParams.set('token', token);
  return url.href;
}

/** The mail: an invitation for a user who never had a password, a reset otherwise. */
export function renderPasswordLinkMail(input: {
  name: string;
  link: string;
  isInvitation: boolean;
  expiresInHours: number;
}): RenderedNotification {
  const { name, link, expiresInHours: hours } = input;
  if (input.isInvitation) {
    return {
      title: { en: 'Your OpenBeian account', zh: '您的 OpenBeian 账户' },
      body: {
        en: `Hello ${name},\n\nan administrator created an OpenBeian account for you. Choose your password here to sign in:\n\n${link}\n\nThe link works once, for ${hours} hours. If it has expired, ask your administrator for a new one.`,
        zh: `${name}，您好：\n\n管理员已为您创建 OpenBeian 账户。请通过以下链接设置密码后登录：\n\n${link}\n\n该链接仅可使用一次，${hours} 小时内有效。如已过期，请联系管理员重新发送。`,
      },
    };
  }
  return {
    title: { en: 'Reset your OpenBeian password', zh: '重置您的 OpenBeian 密码' },
    body: {
      en: `Hello ${name},\n\nsomeone asked to reset the password of your OpenBeian account. Choose a new password here:\n\n${link}\n\nThe link works once, for ${hours} hours. If you did not ask for it, ignore this mail: your password stays as it is.`,
      zh: `${name}，您好：\n\n有人申请重置您的 OpenBeian 账户密码。请通过以下链接设置新密码：\n\n${link}\n\n该链接仅可使用一次，${hours} 小时内有效。如非本人操作，请忽略本邮件，您的密码不会改变。`,
    },
  };
}

/**
 * Puts a password link better-auth issued into the mail outbox, in the user's language first. Disabled
 * users get none: they could not sign in with the new password anyway.
 */
export async function mailPasswordLink(
  deps: PasswordLinkMailDeps,
  link: { userId: string; token: string },
): Promise<void> {
  const user = await deps.stores.users.findById(link.userId);
  if (!user || user.disabledAt !== null) return;
  const preferences = await deps.stores.preferences.find(user.id);
  const message = renderPasswordLinkMail({
    name: user.name,
    link: buildPasswordLinkUrl(deps.publicUrl, link.token),
    isInvitation: !user.hasPassword,
    expiresInHours: deps.expiresInHours,
  });
  const language = preferences?.locale === 'en' ? 'en' : 'zh';
  await enqueueMail(
    deps.fieldCipher,
    deps.notifications,
    [{ to: user.email, ...composeMail(message, language) }],
    deps.clock.now(),
  );
}
