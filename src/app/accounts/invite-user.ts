import type { Role } from '../../domain/policy/order-access.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { AccountsDeps, AuthGateway, Membership, UserAccount } from './account-stores.ts';
import { addMembershipWith } from './add-membership.ts';
import { assertRoleFitsOrganisation } from './organisation-roles.ts';
import type { Locale } from './preference-store.ts';

export interface InviteUserInput {
  /** Who does it, for the audit log: "user:<id>" or "cli". */
  actorLabel: string;
  email: string;
  name: string;
  /** The user's UI language, and the one their mail is written in first. */
  locale: Locale;
  /** A first role, in an organisation of the kind the role is held in. */
  membership?: { organisationId: string; role: Role } | undefined;
}

export interface InvitedUser {
  user: UserAccount;
  membership: Membership | undefined;
}

/**
 * Creates an account for someone (audited as user.invited) without a password and mails them a
 * single-use link to choose one (better-auth's password reset, see mail-password-link.ts). Everything
 * that can be refused is checked before the user is written; if recording the membership fails, the
 * user is deleted again.
 */
export async function inviteUser(
  deps: AccountsDeps & { auth: Pick<AuthGateway, 'sendPasswordLink'> },
  input: InviteUserInput,
): Promise<InvitedUser> {
  const organisation =
    input.membership === undefined
      ? undefined
      : await deps.stores.organisations.findById(input.membership.organisationId);
  if (input.membership !== undefined) {
    if (!organisation) {
      throw new DomainError('not_found', { en: 'No such organisation.', zh: '没有这个组织。' });
    }
    assertRoleFitsOrganisation(input.membership.role, organisation);
  }
  const user = await deps.credentials.createInvitedUser({ email: input.email, name: input.name });
  if (!user) {
    throw new DomainError('conflict', {
      en: 'An account with this e-mail address already exists.',
      zh: '使用此电子邮箱的账户已存在。',
    });
  }
  const now = deps.clock.now();
  let membership: Membership | undefined;
  try {
    membership = await deps.transaction(async (stores) => {
      await stores.preferences.save(user.id, { locale: input.locale, updatedAt: now.toISOString() });
      const added =
        organisation && input.membership
          ? await addMembershipWith(stores, now, {
              actorLabel: input.actorLabel,
              userId: user.id,
              organisation,
              role: input.membership.role,
            })
          : undefined;
      await appendAuditEvent(stores, {
        occurredAt: now,
        actor: input.actorLabel,
        action: 'user.invited',
        subjectType: 'user',
        subjectId: user.id,
        payload: { role: input.membership?.role ?? null, organisationId: organisation?.id ?? null },
      });
      return added;
    });
  } catch (error) {
    await deps.credentials.deleteUser(user.id);
    throw error;
  }
  // The account stands once recorded; should the mail fail, an administrator sends the link again.
  await deps.auth.sendPasswordLink(user.email);
  return { user, membership };
}
