import { expect, it } from 'vitest';
import { ensurePlatformOrganisation } from '../../src/app/accounts/ensure-platform-organisation.ts';
import { ensureSandboxAuthorities } from '../../src/app/accounts/ensure-sandbox-authorities.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import { createAccountStores } from '../../src/infra/auth/account-services.ts';
import { describeEachDatabase } from '../support/databases.ts';

const clock = { now: () => new Date('2026-11-30T02:00:00Z') };

describeEachDatabase('built-in organisations', (database) => {
  it('seeds the 31 sandbox authorities once, one per province, however often it runs', async () => {
    const stores = createAccountStores(database.db.kysely, database.db.dialect);
    const deps = { stores, catalogue: defaultCatalogue, clock };
    const runs = await Promise.all([ensureSandboxAuthorities(deps), ensureSandboxAuthorities(deps)]);
    expect(runs.map((run) => run.created).sort((a, b) => a - b)).toEqual([0, 31]);
    expect(await ensureSandboxAuthorities(deps)).toEqual({ created: 0 });

    const { items, total } = await stores.organisations.list({ kind: 'authority', limit: 100, offset: 0 });
    expect(total).toBe(31);
    expect(new Set(items.map((authority) => authority.provinceCode))).toEqual(
      new Set(defaultCatalogue.provinces.map((province) => province.code)),
    );
    expect(await stores.organisations.findAuthority('31')).toMatchObject({
      kind: 'authority',
      nameEn: 'Shanghai Communications Administration',
      nameZh: '上海市通信管理局',
    });
  });

  it('creates the platform organisation once', async () => {
    const stores = createAccountStores(database.db.kysely, database.db.dialect);
    const first = await ensurePlatformOrganisation({ stores, clock });
    const second = await ensurePlatformOrganisation({ stores, clock });
    expect(second).toEqual(first);
    expect((await stores.organisations.list({ kind: 'platform', limit: 10, offset: 0 })).total).toBe(1);
  });
});
