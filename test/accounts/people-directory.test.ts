import { beforeAll, expect, it } from 'vitest';
import type { AccountServices } from '../../src/app/accounts/account-stores.ts';
import { createOrganisation } from '../../src/app/accounts/create-organisation.ts';
import { createUserAccount } from '../../src/app/accounts/create-user-account.ts';
import { ensureSandboxAuthorities } from '../../src/app/accounts/ensure-sandbox-authorities.ts';
import { recordClientAuthorisation } from '../../src/app/accounts/record-client-authorisation.ts';
import { systemClock } from '../../src/app/ports.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import type { Role } from '../../src/domain/policy/order-access.ts';
import { createAccountServices } from '../../src/infra/auth/account-services.ts';
import { createPeopleDirectory } from '../../src/infra/auth/people-directory.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('people directory for the orders slice', (database) => {
  let accounts: AccountServices;
  beforeAll(async () => {
    accounts = createAccountServices({
      database: database.db,
      secretKey: Buffer.alloc(32, 3),
      publicUrl: 'http://localhost',
      clock: systemClock,
    });
    await ensureSandboxAuthorities({
      stores: accounts.stores,
      catalogue: defaultCatalogue,
      clock: systemClock,
    });
  });

  const create = async (
    email: string,
    role: Role,
    extra: { organisation?: string; provinceCode?: string } = {},
  ) =>
    (
      await createUserAccount(accounts, {
        actorLabel: 'test',
        email,
        name: email,
        password: 'password password',
        role,
        ...extra,
      })
    ).user;

  it('finds users, reviewers by provider and province, and agencies’ clients', async () => {
    const provider = await createOrganisation(accounts, {
      actorLabel: 'test',
      organisation: { kind: 'access_provider', nameEn: 'Host Co', nameZh: '主机公司', provinceCode: null },
    });
    const agency = await createOrganisation(accounts, {
      actorLabel: 'test',
      organisation: { kind: 'agency', nameEn: 'Agency Co', nameZh: '代理公司', provinceCode: null },
    });
    const reviewer = await create('reviewer@example.test', 'provider_reviewer', {
      organisation: provider.id,
    });
    await create('admin@example.test', 'provider_admin', { organisation: 'Host Co' });
    const authority = await create('authority@example.test', 'authority_reviewer', { provinceCode: '32' });
    const agent = await create('agent@example.test', 'agent', { organisation: '代理公司' });
    const client = await create('client@example.test', 'applicant');
    await recordClientAuthorisation(accounts, { userId: agent.id, clientEmail: 'client@example.test' });

    const directory = createPeopleDirectory(database.db.kysely);
    expect(await directory.findUsers([client.id, reviewer.id, 'nonsense'])).toEqual([
      { userId: reviewer.id, email: 'reviewer@example.test' },
      { userId: client.id, email: 'client@example.test' },
    ]);
    expect(await directory.listProviderReviewers(provider.id)).toEqual([
      { userId: reviewer.id, email: 'reviewer@example.test' },
    ]);
    expect(await directory.listAuthorityReviewers('32')).toEqual([
      { userId: authority.id, email: 'authority@example.test' },
    ]);
    expect(await directory.listAuthorityReviewers('11')).toEqual([]);
    expect(await directory.isAgencyClient(agency.id, client.id)).toBe(true);
    expect(await directory.isAgencyClient(agency.id, reviewer.id)).toBe(false);
  });
});
