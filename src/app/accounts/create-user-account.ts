import type { Role } from '../../domain/policy/order-access.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type {
  AccountsDeps,
  Membership,
  Organisation,
  OrganisationStore,
  UserAccount,
} from './account-stores.ts';
import { addMembershipWith } from './add-membership.ts';
import { ensurePlatformOrganisation } from './ensure-platform-organisation.ts';
import { assertRoleFitsOrganisation } from './organisation-roles.ts';

export interface CreateUserAccountInput {
  /** Who does it, for the audit log: "user:<id>" or "cli". */
  actorLabel: string;
  email: string;
  name: string;
  password: string;
  role: Role;
  /**
   * The organisation (id, English or Chinese name) the role is held in: required for agents and
   * provider staff, optional for applicants (an applicant organisation); not used for platform admins.
   */
  organisation?: string | undefined;
  /** For authority reviewers without `organisation`: the province of their sandbox authority. */
  provinceCode?: string | undefined;
}

export interface CreatedUserAccount {
  user: UserAccount;
  membership: Membership | undefined;
}

function requiredField(field: string, en: string, zh: string): DomainError {
  return new DomainError('validation_failed', { en, zh }, [
    { in: 'body', path: field, code: 'required', message: en },
  ]);
}

async function findOrganisation(organisations: OrganisationStore, key: string): Promise<Organisation> {
  const organisation = (await organisations.findById(key)) ?? (await organisations.findByName(key));
  if (!organisation) {
    throw new DomainError('not_found', {
      en: `No organisation has the id or name "${key}".`,
      zh: `没有 ID 或名称为“${key}”的组织。`,
    });
  }
  return organisation;
}

async function findOrganisationForRole(
  deps: AccountsDeps,
  input: CreateUserAccountInput,
): Promise<Organisation | undefined> {
  const { organisations } = deps.stores;
  if (input.role === 'platform_admin') return ensurePlatformOrganisation(deps);
  if (input.organisation !== undefined) return findOrganisation(organisations, input.organisation);
  if (input.role === 'applicant') return undefined;
  if (input.role === 'authority_reviewer') {
    if (input.provinceCode === undefined) {
      throw requiredField(
        'province',
        'An authority reviewer needs the province of their authority.',
        '通信管理局审核员需要指定所在省份。',
      );
    }
    const authority = await organisations.findAuthority(input.provinceCode);
    if (!authority) {
      throw new DomainError('not_found', {
        en: `No sandbox authority for province ${input.provinceCode}.`,
        zh: `省份 ${input.provinceCode} 没有沙箱通信管理局。`,
      });
    }
    return authority;
  }
  throw requiredField(
    'organisation',
    `The role ${input.role} is held in an organisation: give its id or name.`,
    `角色 ${input.role} 需要所属组织：请提供组织 ID 或名称。`,
  );
}

/**
 * Creates a user who signs in with e-mail and password, with the role given (for the CLI and the
 * demo seed). Everything that can be refused is checked before the user is written; if the
 * membership still fails, the user is deleted again.
 */
export async function createUserAccount(
  deps: AccountsDeps,
  input: CreateUserAccountInput,
): Promise<CreatedUserAccount> {
  const { min, max } = deps.credentials.passwordLength;
  if (input.password.length < min || input.password.length > max) {
    throw new DomainError(
      'validation_failed',
      { en: `The password must have ${min}–${max} characters.`, zh: `密码长度须为 ${min}–${max} 个字符。` },
      [{ in: 'body', path: 'password', code: 'password_length', message: `${min}–${max} characters` }],
    );
  }
  const organisation = await findOrganisationForRole(deps, input);
  if (organisation) assertRoleFitsOrganisation(input.role, organisation);

  const user = await deps.credentials.createUser({
    email: input.email,
    name: input.name,
    password: input.password,
  });
  if (!user) {
    throw new DomainError('conflict', {
      en: 'An account with this e-mail address already exists.',
      zh: '使用此电子邮箱的账户已存在。',
    });
  }
  try {
    const now = deps.clock.now();
    const membership = await deps.transaction(async (stores) => {
      const added = organisation
        ? await addMembershipWith(stores, now, {
            actorLabel: input.actorLabel,
            userId: user.id,
            organisation,
            role: input.role,
          })
        : undefined;
      await appendAuditEvent(stores, {
        occurredAt: now,
        actor: input.actorLabel,
        action: 'user.created',
        subjectType: 'user',
        subjectId: user.id,
        payload: { role: input.role, organisationId: organisation?.id ?? null },
      });
      return added;
    });
    return { user, membership };
  } catch (error) {
    await deps.credentials.deleteUser(user.id);
    throw error;
  }
}
