import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureSandboxAuthorities } from '../../src/app/accounts/ensure-sandbox-authorities.ts';
import { systemClock } from '../../src/app/ports.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { buildAdminTestApp } from '../admin/admin-test-kit.ts';
import { call, createPerson, fail, findServerErrors, type Person } from '../http/http-test-kit.ts';
import { describeEachDatabase } from '../support/databases.ts';

interface Page {
  items: {
    entityNumber: string;
    reason: string;
    services: { serviceNumber: string; hasAccess: boolean }[];
  }[];
  next?: string;
}

/**
 * Shell-entity detection (issue 5) over HTTP: of the entities filed through the platform, those with
 * no service left or none with access at a provider, for admins (every province) and a province's
 * authority reviewers (their own), on SQLite and PostgreSQL.
 */
describeEachDatabase('shell entities over HTTP', (database) => {
  let test: Awaited<ReturnType<typeof buildAdminTestApp>>;
  let admin: Person;
  let beijing: Person;
  let applicant: Person;

  beforeAll(async () => {
    test = await buildAdminTestApp(database.db);
    await ensureSandboxAuthorities({
      stores: test.accounts.stores,
      catalogue: defaultCatalogue,
      clock: systemClock,
    });
    admin = await createPerson(test, 'platform_admin');
    beijing = await createPerson(test, 'authority_reviewer', { provinceCode: '11' });
    applicant = await createPerson(test, 'applicant');
    const registry = createRegistryRepository(database.db.kysely, database.db.dialect);
    const entity = async (number: string, province: string, services: [string, boolean][]) => {
      await registry.upsertEntity({
        entityNumber: number,
        unitName: `单位 ${number}`,
        nature: 'enterprise',
        provinceCode: province,
        approvedOn: '2025-01-02',
      });
      await database.db.kysely
        .insertInto('filed_entities')
        .values({
          entity_number: number,
          certificate_index: `index-${number}`,
          province_code: province,
          order_id: null,
          updated_at: '2025-01-02T00:00:00.000Z',
        })
        .execute();
      for (const [suffix, hasAccess] of services) {
        const serviceNumber = `${number}-${suffix}`;
        await registry.upsertService(number, {
          serviceNumber,
          serviceType: 'website',
          serviceName: `网站 ${suffix}`,
          contentType: null,
          domains: [`s${suffix}-${province}-${number.length}-${Math.random().toString(36).slice(2, 8)}.cn`],
          approvedOn: '2025-01-02',
          isAccessLimited: false,
        });
        if (hasAccess) {
          await database.db.kysely
            .insertInto('filed_service_access')
            .values({
              service_number: serviceNumber,
              provider_org_id: 'provider-1',
              instance_id: null,
              order_id: null,
              created_at: '2025-01-02T00:00:00.000Z',
            })
            .execute();
        }
      }
    };
    await entity('京ICP备2025000001号', '11', [['1', true]]); // fine
    await entity('京ICP备2025000002号', '11', []); // no service left
    await entity('京ICP备2025000003号', '11', [
      ['1', false],
      ['2', false],
    ]); // no access anywhere
    await entity('京ICP备2025000004号', '11', [
      ['1', true],
      ['2', false],
    ]); // one site without access: at risk, not a shell
    await entity('沪ICP备2025000005号', '31', []); // Shanghai shell
  });
  afterAll(async () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
    await test.close();
  });

  it('lists every province’s shells to administrators, with the reason', async () => {
    const page = await call<Page>(test, 'GET', '/api/compliance/shell-entities', { cookie: admin.cookie });
    expect(page.items.map((item) => [item.entityNumber, item.reason])).toEqual([
      ['京ICP备2025000002号', 'no_active_service'],
      ['京ICP备2025000003号', 'no_service_with_access'],
      ['沪ICP备2025000005号', 'no_active_service'],
    ]);
    expect(page.next).toBeUndefined();
    const shanghai = await call<Page>(test, 'GET', '/api/compliance/shell-entities?province=31', {
      cookie: admin.cookie,
    });
    expect(shanghai.items.map((item) => item.entityNumber)).toEqual(['沪ICP备2025000005号']);
  });

  it('pages with a cursor', async () => {
    const first = await call<Page>(test, 'GET', '/api/compliance/shell-entities?limit=2', {
      cookie: admin.cookie,
    });
    expect(first.items.map((item) => item.entityNumber)).toEqual(['京ICP备2025000002号']);
    expect(first.next).toBe('京ICP备2025000002号');
    const second = await call<Page>(
      test,
      'GET',
      `/api/compliance/shell-entities?limit=2&after=${encodeURIComponent(first.next ?? '')}`,
      { cookie: admin.cookie },
    );
    expect(second.items.map((item) => item.entityNumber)).toEqual(['京ICP备2025000003号']);
  });

  it('shows an authority reviewer their own province only, and nobody else anything', async () => {
    const page = await call<Page>(test, 'GET', '/api/compliance/shell-entities?province=31', {
      cookie: beijing.cookie,
    });
    expect(page.items.map((item) => item.entityNumber)).toEqual([
      '京ICP备2025000002号',
      '京ICP备2025000003号',
    ]);
    expect(
      (await fail(test, 'GET', '/api/compliance/shell-entities', 404, { cookie: applicant.cookie })).code,
    ).toBe('not_found');
    expect((await fail(test, 'GET', '/api/compliance/shell-entities', 401)).code).toBe('unauthenticated');
  });
});
