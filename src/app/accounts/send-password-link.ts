import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { AccountsDeps, AuthGateway, UserAccount } from './account-stores.ts';
import { userNotFound } from './set-user-disabled.ts';

/**
 * Mails the user a new single-use password link (audited as user.password_link_sent): the invitation
 * again for someone who has not set a password yet, a reset link otherwise. Earlier links keep working
 * until they are used or expire.
 */
export async function sendPasswordLink(
  deps: Pick<AccountsDeps, 'transaction' | 'clock' | 'stores'> & {
    auth: Pick<AuthGateway, 'sendPasswordLink'>;
  },
  input: { actorLabel: string; userId: string },
): Promise<UserAccount> {
  const user = await deps.stores.users.findById(input.userId);
  if (!user) throw userNotFound();
  if (user.disabledAt !== null) {
    throw new DomainError('conflict', {
      en: 'The user is disabled: enable them before sending a password link.',
      zh: '该用户已停用：请先启用再发送密码链接。',
    });
  }
  await deps.auth.sendPasswordLink(user.email);
  await deps.transaction((stores) =>
    appendAuditEvent(stores, {
      occurredAt: deps.clock.now(),
      actor: input.actorLabel,
      action: 'user.password_link_sent',
      subjectType: 'user',
      subjectId: user.id,
      payload: { invitation: !user.hasPassword },
    }),
  );
  return user;
}
