import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { AccountsDeps, UserAccount } from './account-stores.ts';
import { assertAnotherPlatformAdmin } from './platform-admin-guard.ts';

export interface SetUserDisabledInput {
  /** Who does it, for the audit log: "user:<id>" or "cli". */
  actorLabel: string;
  /** The administrator's own user id: nobody disables themselves. */
  actorUserId?: string | undefined;
  userId: string;
  disabled: boolean;
}

export function userNotFound(): DomainError {
  return new DomainError('not_found', { en: 'No such user.', zh: '没有这个用户。' });
}

/**
 * Disables a user (audited as user.disabled): in the same transaction their sessions and outstanding
 * password links are deleted; signing in is refused with ACCOUNT_DISABLED
 * (src/infra/auth/create-auth.ts), a session cookie of theirs no longer signs a request in
 * (src/server/plugins/auth.ts) and their API tokens stop working (authenticate-api-token.ts).
 * Re-enabling (user.enabled) lets them sign in again with the same password and tokens. Asking for the
 * state the user is already in changes nothing and logs nothing.
 */
export async function setUserDisabled(
  deps: Pick<AccountsDeps, 'transaction' | 'clock'>,
  input: SetUserDisabledInput,
): Promise<UserAccount> {
  const now = deps.clock.now();
  return deps.transaction(async (stores) => {
    const found = await stores.users.findById(input.userId);
    if (!found) throw userNotFound();
    if ((found.disabledAt !== null) === input.disabled) return found;
    if (input.disabled) {
      if (found.id === input.actorUserId) {
        throw new DomainError('conflict', {
          en: 'You cannot disable your own account.',
          zh: '不能停用自己的账户。',
        });
      }
      const memberships = await stores.memberships.listForUser(found.id);
      if (memberships.some((m) => m.role === 'platform_admin')) {
        await assertAnotherPlatformAdmin(stores.memberships, found.id);
      }
    }
    const disabledAt = input.disabled ? now.toISOString() : null;
    if (!(await stores.users.setDisabledAt(found.id, disabledAt))) throw userNotFound();
    if (input.disabled) await stores.users.revokeSignIns(found.id);
    await appendAuditEvent(stores, {
      occurredAt: now,
      actor: input.actorLabel,
      action: input.disabled ? 'user.disabled' : 'user.enabled',
      subjectType: 'user',
      subjectId: found.id,
    });
    return { ...found, disabledAt };
  });
}
