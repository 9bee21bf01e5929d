import { DomainError } from '../errors.ts';
import type { MembershipStore } from './account-stores.ts';

/** `details.reason` of the conflict that would leave the platform without an administrator. */
export const LAST_PLATFORM_ADMIN = 'last_platform_admin';

/**
 * Refuses a change that takes the platform_admin role away from `userId` (removing the membership,
 * disabling the user) when nobody else who can sign in holds it: nobody could then administer the
 * platform through the web or the API. An invited administrator who never chose a password and a
 * disabled one do not count. Call it inside the change's transaction: on PostgreSQL it locks the
 * administrators' memberships, so two administrators removing each other cannot both succeed.
 * @throws DomainError conflict with `details.reason` "last_platform_admin".
 */
export async function assertAnotherPlatformAdmin(
  memberships: MembershipStore,
  userId: string,
): Promise<void> {
  if ((await memberships.countSignInCapableWithRole('platform_admin', userId)) > 0) return;
  throw new DomainError(
    'conflict',
    {
      en: 'This is the last platform administrator who can sign in: make someone else an administrator first.',
      zh: '这是最后一位可以登录的平台管理员：请先指定另一位管理员。',
    },
    { reason: LAST_PLATFORM_ADMIN },
  );
}
