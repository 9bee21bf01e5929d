import type { Role } from '../../domain/policy/order-access.ts';
import type { AccountsDeps, NewOrganisation, Organisation, UserAccount } from '../accounts/account-stores.ts';
import { addMembership } from '../accounts/add-membership.ts';
import { createOrganisation } from '../accounts/create-organisation.ts';
import { createUserAccount } from '../accounts/create-user-account.ts';
import { ensurePlatformOrganisation } from '../accounts/ensure-platform-organisation.ts';
import { ensureSandboxAuthorities } from '../accounts/ensure-sandbox-authorities.ts';
import { recordClientAuthorisation } from '../accounts/record-client-authorisation.ts';
import { isDomainError } from '../errors.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts.ts';
import type { DemoSeedStep } from './demo-seed-step.ts';

/** The access provider every demo order is filed with. */
export const DEMO_PROVIDER: NewOrganisation & { kind: 'access_provider' } = {
  kind: 'access_provider',
  nameEn: 'Example Cloud',
  nameZh: '示例云',
  provinceCode: null,
};

/** The consultancy agent@ works for; it files on behalf of applicant@. */
export const DEMO_AGENCY: NewOrganisation & { kind: 'agency' } = {
  kind: 'agency',
  nameEn: 'Example Filing Consultancy',
  nameZh: '示例备案咨询',
  provinceCode: null,
};

/** The demo account holding `role` (the applicant is also the agency's client). */
export function getDemoAccountEmail(role: Role): string {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.roles.includes(role));
  if (!account) throw new Error(`No demo account has the role ${role}`);
  return account.email;
}

/** Display names of the demo people; the applicant is the individual of the demo's personal blog. */
const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  'applicant@demo.openbeian.test': '王小明',
  'agent@demo.openbeian.test': '周敏',
  'provider@demo.openbeian.test': '吴涛',
  'authority@demo.openbeian.test': '郑洁',
  'admin@demo.openbeian.test': '平台管理员',
};

/** Who acts in the audit log for the demo's accounts. */
const ACTOR_LABEL = 'system';

function pickDisplayName(account: DemoAccount): string {
  return DISPLAY_NAMES[account.email] ?? account.email.slice(0, account.email.indexOf('@'));
}

/**
 * The organisation by its English name, created when missing. A seed resuming after an interruption
 * (or racing another one) finds it already there.
 */
async function ensureOrganisation(
  deps: AccountsDeps,
  organisation: NewOrganisation & { kind: 'access_provider' | 'agency' },
): Promise<Organisation> {
  const existing = await deps.stores.organisations.findByName(organisation.nameEn);
  if (existing) return existing;
  try {
    return await createOrganisation(deps, { actorLabel: ACTOR_LABEL, organisation });
  } catch (error) {
    const created = await deps.stores.organisations.findByName(organisation.nameEn);
    if (isDomainError(error) && error.code === 'conflict' && created) return created;
    throw error;
  }
}

async function findOrganisationFor(
  deps: AccountsDeps,
  account: DemoAccount,
  organisations: { provider: Organisation; agency: Organisation },
): Promise<Organisation | undefined> {
  switch (account.organisation?.kind) {
    case undefined:
      return undefined;
    case 'access_provider':
      return organisations.provider;
    case 'agency':
      return organisations.agency;
    case 'platform':
      return ensurePlatformOrganisation(deps);
    case 'authority': {
      const provinceCode = account.organisation.provinceCode;
      const authority =
        provinceCode === undefined ? undefined : await deps.stores.organisations.findAuthority(provinceCode);
      if (!authority) throw new Error(`No sandbox authority for the demo account ${account.email}`);
      return authority;
    }
  }
}

/** The account with every role of the demo account, created (or completed) as needed. */
async function ensureAccount(
  deps: AccountsDeps,
  account: DemoAccount,
  organisation: Organisation | undefined,
): Promise<{ user: UserAccount; memberships: number }> {
  const [firstRole, ...otherRoles] = account.roles;
  if (firstRole === undefined) throw new Error(`The demo account ${account.email} has no role`);
  let user = await deps.stores.users.findByEmail(account.email);
  if (!user) {
    try {
      const created = await createUserAccount(deps, {
        actorLabel: ACTOR_LABEL,
        email: account.email,
        name: pickDisplayName(account),
        password: DEMO_PASSWORD,
        role: firstRole,
        ...(organisation ? { organisation: organisation.id } : {}),
      });
      user = created.user;
    } catch (error) {
      user = await deps.stores.users.findByEmail(account.email);
      if (!(isDomainError(error) && error.code === 'conflict' && user)) throw error;
    }
  }
  if (!organisation) return { user, memberships: 0 };
  const held = new Set<Role>(
    (await deps.stores.memberships.listForUser(user.id))
      .filter((membership) => membership.organisationId === organisation.id)
      .map((membership) => membership.role),
  );
  // The first role's membership is missing only when an earlier seed stopped between the two writes.
  for (const role of [firstRole, ...otherRoles]) {
    if (held.has(role)) continue;
    await addMembership(deps, {
      actorLabel: ACTOR_LABEL,
      userId: user.id,
      organisationId: organisation.id,
      role,
    });
  }
  return { user, memberships: account.roles.length };
}

/**
 * The people of the demo (issue 3, "Running it"): the access provider 示例云 Example Cloud, the
 * agency 示例备案咨询 Example Filing Consultancy, the 31 sandbox authorities, and one sign-in per
 * role — all with the published password DEMO_PASSWORD — plus the applicant's letter of authorisation
 * for the agency. better-auth writes users in transactions of its own, so the step cannot commit as
 * one: every write first looks for what an interrupted seed left, and the completion is recorded last.
 */
export const seedAccountsStep: DemoSeedStep = {
  name: 'accounts',
  logins: DEMO_ACCOUNTS,

  async hasData({ accounts }) {
    const page = { limit: 1, offset: 0 };
    if ((await accounts.stores.users.list(page)).total > 0) return true;
    // Authorities (and the platform) are built in: any other organisation was made by someone.
    for (const kind of ['access_provider', 'agency', 'applicant_org'] as const) {
      if ((await accounts.stores.organisations.list({ kind, ...page })).total > 0) return true;
    }
    return false;
  },

  async run(deps, complete) {
    const { accounts } = deps;
    await ensureSandboxAuthorities({
      stores: accounts.stores,
      catalogue: deps.orders.catalogue,
      clock: accounts.clock,
    });
    const organisations = {
      provider: await ensureOrganisation(accounts, DEMO_PROVIDER),
      agency: await ensureOrganisation(accounts, DEMO_AGENCY),
    };
    let memberships = 0;
    for (const account of DEMO_ACCOUNTS) {
      const organisation = await findOrganisationFor(accounts, account, organisations);
      memberships += (await ensureAccount(accounts, account, organisation)).memberships;
    }

    const clientEmail = getDemoAccountEmail('applicant');
    const agent = await accounts.stores.users.findByEmail(getDemoAccountEmail('agent'));
    const client = await accounts.stores.users.findByEmail(clientEmail);
    if (!agent || !client) throw new Error('The demo agent and client accounts are missing');
    const authorised = await accounts.stores.clientAuthorisations.findActive(
      organisations.agency.id,
      client.id,
    );
    if (!authorised) {
      await recordClientAuthorisation(accounts, {
        userId: agent.id,
        agencyId: organisations.agency.id,
        clientEmail,
      });
    }

    const authorities = await accounts.stores.organisations.list({ kind: 'authority', limit: 1, offset: 0 });
    await deps.transact((stores) =>
      complete(stores, {
        users: DEMO_ACCOUNTS.length,
        memberships,
        organisations: 2,
        sandboxAuthorities: authorities.total,
        clientAuthorisations: 1,
      }),
    );
  },
};
