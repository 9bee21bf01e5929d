import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OrderContentDraft } from '../../src/domain/order-content/order-content.ts';
import { base, blog, certificateNumber, contentWith, docs, portal } from '../orders/order-type-content.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  bringToAuthorityOverHttp,
  buildHttpTestApp,
  call,
  createPerson,
  createProviderStaff,
  fail,
  fileToApprovalOverHttp,
  findServerErrors,
  type HttpJourney,
  type HttpTestApp,
  type OrderAnswer,
  type Person,
  type ProviderStaff,
  provisionInstance,
  send,
  withAccess,
} from './http-test-kit.ts';

/**
 * Every order type after the first filing, end to end over HTTP, detected (never chosen) from the
 * certificate number and domain against the registry: add service, add access, change, cancel access,
 * cancel service, cancel entity — each checked in the public registry.
 */

interface CreatedOrder {
  order: OrderAnswer & { entityNumber?: string; serviceNumber?: string; content: OrderContentDraft };
  warnings: { code: string }[];
}

describeEachDatabase('every order type over HTTP', (database) => {
  let test: HttpTestApp;
  let owner: Person;
  let authority: Person;
  let main: ProviderStaff;
  let other: ProviderStaff;
  let codes: string[];
  let instanceId: number;
  let entityNumber: string;

  const journey = (
    create: Record<string, unknown>,
    content: OrderContentDraft,
    provider = main,
  ): HttpJourney => ({
    owner,
    provider,
    authority,
    create: { certificateNumber, province: '11', ...create },
    content,
  });

  async function open(intent: string, domain: string | undefined, provider = main): Promise<CreatedOrder> {
    return call<CreatedOrder>(test, 'POST', '/api/orders', {
      cookie: owner.cookie,
      status: 201,
      payload: {
        intent,
        certificateNumber,
        province: '京',
        providerOrgId: provider.providerOrgId,
        ...(domain === undefined ? {} : { domain }),
      },
    });
  }

  async function withdraw(created: CreatedOrder): Promise<void> {
    const answer = await call<{ order: OrderAnswer }>(
      test,
      'POST',
      `/api/orders/${created.order.reference}/withdraw`,
      { cookie: owner.cookie },
    );
    expect(answer.order.status).toBe('withdrawn');
  }

  const registryDomain = (domain: string) => send(test, 'GET', `/api/registry/domains/${domain}`);
  const registryNumber = (number: string) =>
    send(test, 'GET', `/api/registry/numbers/${encodeURIComponent(number)}`);

  beforeAll(async () => {
    test = await buildHttpTestApp(database.db);
    owner = await createPerson(test, 'applicant');
    authority = await createPerson(test, 'authority_reviewer', { provinceCode: '11' });
    main = await createProviderStaff(test, 'Main Cloud');
    other = await createProviderStaff(test, 'Other Cloud');
    ({ instanceId, codes } = await provisionInstance(test, main, owner, { codes: 5 }));
    const approved = await fileToApprovalOverHttp(
      test,
      journey(
        { intent: 'file_service', domain: 'example-tech.cn' },
        withAccess(base, instanceId, codes.slice(0, 1)),
      ),
    );
    entityNumber = approved.numbers?.entityNumber ?? '';
    expect(entityNumber).toMatch(/^京ICP备2026\d{6}号$/u);
  }, 120_000);
  afterAll(() => test.close());

  it('adds a service: detected from the filed entity and a new domain, numbered -2', async () => {
    const created = await open('file_service', 'example-docs.cn');
    expect(created.order).toMatchObject({ type: 'add_service', entityNumber });
    await withdraw(created);

    const approved = await fileToApprovalOverHttp(
      test,
      journey(
        { intent: 'file_service', domain: 'example-docs.cn' },
        withAccess(contentWith([docs]), instanceId, codes.slice(1, 2)),
      ),
    );
    expect(approved.order.type).toBe('add_service');
    expect(approved.numbers).toEqual({ entityNumber, serviceNumbers: [`${entityNumber}-2`] });
    const entry = (await registryNumber(entityNumber)).json() as { services: { serviceNumber: string }[] };
    expect(entry.services.map((s) => s.serviceNumber)).toEqual([`${entityNumber}-1`, `${entityNumber}-2`]);
  });

  it('adds access through another provider; the number stays the same', async () => {
    const access = await provisionInstance(test, other, owner);
    const approved = await fileToApprovalOverHttp(
      test,
      journey(
        { intent: 'file_service', domain: 'example-tech.cn' },
        withAccess(contentWith([portal]), access.instanceId, access.codes),
        other,
      ),
    );
    expect(approved.order).toMatchObject({ type: 'add_access', serviceNumber: `${entityNumber}-1` });
    expect(approved.numbers).toBeUndefined();

    const again = await fail(test, 'POST', '/api/orders', 400, {
      cookie: owner.cookie,
      payload: {
        intent: 'file_service',
        certificateNumber,
        province: '11',
        domain: 'example-tech.cn',
        providerOrgId: other.providerOrgId,
      },
    });
    expect(again.details).toEqual([expect.objectContaining({ code: 'already_accessed_here' })]);
  });

  it('starts a change from the data on file, only for the account that holds the filing', async () => {
    const mine = await open('change', 'example-tech.cn');
    expect(mine.order.type).toBe('change');
    expect(mine.order.content.entity).toEqual(base.entity);
    expect(mine.order.content.services).toEqual([
      expect.objectContaining({ domain: 'example-tech.cn', name: portal.name }),
    ]);
    await withdraw(mine);

    const stranger = await createPerson(test, 'applicant');
    const refused = await fail(test, 'POST', '/api/orders', 400, {
      cookie: stranger.cookie,
      payload: {
        intent: 'change',
        certificateNumber,
        province: '11',
        domain: 'example-tech.cn',
        providerOrgId: main.providerOrgId,
      },
    });
    expect(refused.details).toEqual([
      expect.objectContaining({
        in: 'body',
        path: 'certificateNumber',
        code: 'filing_held_by_another_account',
      }),
    ]);
  });

  it('changes a service; the registry shows the new name', async () => {
    const approved = await fileToApprovalOverHttp(
      test,
      journey(
        { intent: 'change', domain: 'example-tech.cn' },
        contentWith([{ ...portal, name: '示例科技官方网站' }]),
      ),
    );
    expect(approved.order.type).toBe('change');
    const lookup = (await registryDomain('example-tech.cn')).json() as {
      record: { service: { serviceNumber: string; serviceName: string } };
    };
    expect(lookup.record.service).toMatchObject({
      serviceNumber: `${entityNumber}-1`,
      serviceName: '示例科技官方网站',
    });
  });

  it('cancels one provider’s access without an SMS check', async () => {
    const order = await bringToAuthorityOverHttp(
      test,
      journey({ intent: 'cancel_access', domain: 'example-tech.cn' }, contentWith([portal]), other),
    );
    expect(order.type).toBe('cancel_access');
    const approved = await call<{ order: { events: { type: string }[] } }>(
      test,
      'POST',
      `/api/orders/${order.reference}/approve-authority`,
      { cookie: authority.cookie },
    );
    expect(approved.order.events.map((e) => e.type)).not.toContain('sms_code_accepted');
    // The access is gone: filing with that provider is an added access again.
    const again = await open('file_service', 'example-tech.cn', other);
    expect(again.order.type).toBe('add_access');
    await withdraw(again);
    expect((await registryDomain('example-tech.cn')).statusCode).toBe(200);
  });

  it('cancels a service; its suffix is never issued again', async () => {
    const approved = await fileToApprovalOverHttp(
      test,
      journey({ intent: 'cancel_service', domain: 'example-docs.cn' }, contentWith([docs])),
    );
    expect(approved.order).toMatchObject({ type: 'cancel_service', serviceNumber: `${entityNumber}-2` });
    expect((await registryDomain('example-docs.cn')).statusCode).toBe(404);

    const added = await fileToApprovalOverHttp(
      test,
      journey(
        { intent: 'file_service', domain: 'example-blog.cn' },
        withAccess(contentWith([blog]), instanceId, codes.slice(2, 3)),
      ),
    );
    expect(added.numbers?.serviceNumbers).toEqual([`${entityNumber}-3`]);
  });

  it('cancels the entity with all its services; the certificate then files anew', async () => {
    const created = await open('cancel_entity', undefined);
    expect(created.order.type).toBe('cancel_entity');
    expect(created.warnings.map((w) => w.code)).toEqual(['cancels_all_services']);
    await withdraw(created);

    const approved = await fileToApprovalOverHttp(
      test,
      journey({ intent: 'cancel_entity' }, { entity: base.entity, services: [], attachments: [] }),
    );
    expect(approved.order.type).toBe('cancel_entity');
    expect((await registryNumber(entityNumber)).statusCode).toBe(404);
    expect((await registryDomain('example-tech.cn')).statusCode).toBe(404);
    const fresh = await open('file_service', 'example-tech.cn');
    expect(fresh.order.type).toBe('first_filing');
    await withdraw(fresh);
  });

  it('answered no request with a 5xx', () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
  });
});
