import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganisation } from '../../src/app/accounts/create-organisation.ts';
import {
  buildEnterpriseOrderContent,
  buildEnterpriseUscc,
  buildIndividualOrderContent,
} from '../../src/domain/order-content/fixtures.ts';
import type { OrderContentDraft } from '../../src/domain/order-content/order-content.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildHttpTestApp,
  call,
  createPerson,
  createProviderStaff,
  fail,
  findServerErrors,
  HTTP_START,
  type HttpTestApp,
  type OrderAnswer,
  type Person,
  type ProviderStaff,
  provisionInstance,
  readFieldPaths,
  withAccess,
} from './http-test-kit.ts';

/**
 * GET /api/orders filters on the server: province, deadline flag (the same working-day flags the
 * summaries carry), free-text search, an agent's client, paging with the total; bad values are 400s
 * with field errors, and a client who did not authorise the agent is a 404.
 */

interface Summary extends OrderAnswer {
  provinceCode: string;
  domain?: string;
  deadlineFlag: string;
  clientUserId?: string;
}

interface Page {
  items: Summary[];
  hasMore: boolean;
  total: number;
}

const DAY = 86_400_000;

describeEachDatabase('order lists over HTTP', (database) => {
  let test: HttpTestApp;
  let provider: ProviderStaff;
  let owner: Person;
  let agent: Person;
  let client: Person;
  let stranger: Person;
  let agencyId: string;
  /** The submitted orders by name. */
  const orders = new Map<string, Summary>();
  const reviewer = () => ({ cookie: provider.reviewer.cookie });
  const list = (query: string, person: { cookie: string } = reviewer()) =>
    call<Page>(test, 'GET', `/api/orders?${query}`, person);
  const ids = (page: Page) => page.items.map((o) => o.id).sort((a, b) => a - b);
  const idsOf = (...names: string[]) => names.map((name) => orders.get(name)?.id ?? 0).sort((a, b) => a - b);

  async function file(
    name: string,
    content: OrderContentDraft,
    province: string,
    submittedAt: number,
  ): Promise<void> {
    test.clock.set(new Date(submittedAt));
    const { instanceId, codes } = await provisionInstance(test, provider, owner, { province });
    const withCodes = withAccess(content, instanceId, codes);
    const { order } = await call<{ order: Summary }>(test, 'POST', '/api/orders', {
      cookie: owner.cookie,
      status: 201,
      payload: {
        intent: 'file_service',
        certificateNumber: content.entity?.certificateNumber,
        province,
        domain: content.services?.[0]?.domain,
        providerOrgId: provider.providerOrgId,
      },
    });
    const url = `/api/orders/${order.reference}`;
    const saved = await call<{ validation: { fieldErrors: unknown[] } }>(test, 'PUT', `${url}/draft`, {
      cookie: owner.cookie,
      payload: { content: withCodes },
    });
    expect(saved.validation.fieldErrors).toEqual([]);
    const submitted = await call<{ order: Summary }>(test, 'POST', `${url}/submit`, { cookie: owner.cookie });
    orders.set(name, submitted.order);
  }

  function enterprise(province: string, organisationCode: string, name: string, domain: string) {
    const base = buildEnterpriseOrderContent({ entity: { provinceCode: province } });
    const county = base.entity?.countyCode ?? '';
    return buildEnterpriseOrderContent({
      entity: {
        provinceCode: province,
        certificateNumber: buildEnterpriseUscc(county, organisationCode),
        name,
      },
      services: [{ domain, homeUrl: `https://${domain}/` }],
    });
  }

  beforeAll(async () => {
    test = await buildHttpTestApp(database.db);
    provider = await createProviderStaff(test, 'List Filter Cloud');
    owner = await createPerson(test, 'applicant');
    const start = new Date(HTTP_START).getTime();
    // Filed a week ago (overdue now), yesterday and today: the flags differ at HTTP_START.
    await file(
      'alpha',
      enterprise('11', 'MA01ALFA', '北京阿尔法科技有限公司', 'alpha-shop.cn'),
      '11',
      start - 7 * DAY,
    );
    await file(
      'beta',
      enterprise('44', 'MA01BETA', '广州贝塔网络有限公司', 'beta-news.cn'),
      '44',
      start - DAY,
    );
    await file(
      'gamma',
      enterprise('44', 'MA01GAMA', 'Gamma Trading Co., Ltd.', 'gamma-trade.com.cn'),
      '44',
      start,
    );
    await file('wang', buildIndividualOrderContent(), '11', start);
    test.clock.set(HTTP_START);

    const agency = await createOrganisation(test.accounts, {
      actorLabel: 'test',
      organisation: {
        kind: 'agency',
        nameEn: `List Agents ${process.pid}`,
        nameZh: '列表代理',
        provinceCode: null,
      },
    });
    agencyId = agency.id;
    agent = await createPerson(test, 'agent', { organisation: agency.id });
    client = await createPerson(test, 'applicant');
    stranger = await createPerson(test, 'applicant');
    await call(test, 'POST', '/api/agent/clients', {
      cookie: agent.cookie,
      payload: { clientEmail: client.email },
      status: 201,
    });
    // Two drafts for the client and one of the agent's own.
    const drafts: [string, string | undefined][] = [
      ['MA01CL11', client.userId],
      ['MA01CL12', client.userId],
      ['MA01WN01', undefined],
    ];
    for (const [code, clientUserId] of drafts) {
      const content = enterprise('11', code, `客户${code}公司`, `${code.toLowerCase()}.cn`);
      await call(test, 'POST', '/api/orders', {
        cookie: agent.cookie,
        status: 201,
        payload: {
          intent: 'file_service',
          certificateNumber: content.entity?.certificateNumber,
          province: '11',
          domain: content.services?.[0]?.domain,
          providerOrgId: provider.providerOrgId,
          ...(clientUserId === undefined ? {} : { agentOrgId: agency.id, clientUserId }),
        },
      });
    }
  }, 240_000);
  afterAll(async () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
    await test.close();
  });

  it('lists the queue by province, by code, name or abbreviation', async () => {
    const all = await list('view=queue');
    expect(all.total).toBe(4);
    expect(ids(all)).toEqual(idsOf('alpha', 'beta', 'gamma', 'wang'));
    for (const key of ['44', '广东', 'Guangdong', '粤']) {
      const guangdong = await list(`view=queue&province=${encodeURIComponent(key)}`);
      expect(ids(guangdong), key).toEqual(idsOf('beta', 'gamma'));
      expect(guangdong.total).toBe(2);
    }
    expect(ids(await list('view=queue&province=11,44'))).toEqual(idsOf('alpha', 'beta', 'gamma', 'wang'));
  });

  it('filters by deadline flag exactly as the summaries flag the orders', async () => {
    const all = await list('view=queue');
    const flags = new Set(all.items.map((o) => o.deadlineFlag));
    expect(flags.size).toBeGreaterThan(1);
    expect(orders.get('alpha')?.id).toBe(all.items.find((o) => o.deadlineFlag === 'overdue')?.id);
    for (const flag of ['overdue', 'due_today', 'due_soon', 'on_track', 'none']) {
      const filtered = await list(`view=queue&flag=${flag}`);
      const expected = all.items.filter((o) => o.deadlineFlag === flag).map((o) => o.id);
      expect(ids(filtered), flag).toEqual(expected.sort((a, b) => a - b));
      expect(filtered.total, flag).toBe(expected.length);
    }
    const several = await list('view=queue&flag=overdue,due_today,due_soon,on_track');
    expect(several.total).toBe(4);
    // The queue is sorted by the active deadline: the overdue order comes first.
    expect(all.items[0]?.id).toBe(orders.get('alpha')?.id);
    // Time passes: ten days later every provider review deadline has passed.
    test.clock.set(new Date(new Date(HTTP_START).getTime() + 10 * DAY));
    try {
      expect((await list('view=queue&flag=overdue')).total).toBe(4);
      expect((await list('view=queue&flag=on_track')).total).toBe(0);
    } finally {
      test.clock.set(HTTP_START);
    }
  });

  it('searches references, ids, domains and organisation names, and individuals only by the whole name', async () => {
    const alpha = orders.get('alpha') as Summary;
    const search = async (q: string) => ids(await list(`view=all&q=${encodeURIComponent(q)}`));
    expect(await search(alpha.reference)).toEqual([alpha.id]);
    expect(await search(alpha.reference.toLowerCase())).toEqual([alpha.id]);
    expect(await search(String(alpha.id))).toEqual([alpha.id]);
    // The same number under another year's reference is no match.
    expect(await search(alpha.reference.replace('OB-2026', 'OB-2019'))).toEqual([]);
    expect(await search('beta-news')).toEqual(idsOf('beta'));
    expect(await search('BETA-NEWS.CN')).toEqual(idsOf('beta'));
    expect(await search('阿尔法')).toEqual(idsOf('alpha'));
    expect(await search('gamma trading')).toEqual(idsOf('gamma'));
    expect(await search('  ＧＡＭＭＡ  ')).toEqual(idsOf('gamma'));
    // An individual's name is the person's: found by the whole name, not by a part.
    expect(await search('王小明')).toEqual(idsOf('wang'));
    expect(await search('小明')).toEqual([]);
    // LIKE wildcards are text.
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
    // Search combines with the other filters.
    expect(ids(await list('view=all&q=cn&province=44'))).toEqual(idsOf('beta', 'gamma'));
    // Nobody finds what they may not see.
    expect((await list(`q=${encodeURIComponent('阿尔法')}`, stranger)).total).toBe(0);
  });

  it('finds an individual by name only for those who see the name unmasked', async () => {
    const admin = await createPerson(test, 'platform_admin');
    const byName = `view=all&q=${encodeURIComponent('王小明')}`;
    // The reviewer, and the owner, see 王小明 in the clear: the name finds the order.
    expect(ids(await list(byName))).toEqual(idsOf('wang'));
    expect(ids(await list(byName, owner))).toEqual(idsOf('wang'));
    // Administrators see 王** and may not confirm the whole name by a match or a total.
    for (const masked of [provider.admin, admin]) {
      const found = await list(byName, masked);
      expect(found.items).toEqual([]);
      expect(found.total).toBe(0);
      // They list the order, and find it by what they do see.
      expect((await list('view=all', masked)).items.map((o) => o.id)).toContain(orders.get('wang')?.id);
      const domain = orders.get('wang')?.domain ?? '';
      expect(ids(await list(`view=all&q=${encodeURIComponent(domain)}`, masked))).toEqual(idsOf('wang'));
      expect(ids(await list(`view=all&q=${encodeURIComponent('阿尔法')}`, masked))).toEqual(idsOf('alpha'));
    }
  });

  it('pages with a stable order and a total', async () => {
    const whole = await list('view=all&limit=100');
    expect(whole.total).toBe(4);
    const seen: number[] = [];
    for (let offset = 0; offset < 4; offset += 3) {
      const page = await list(`view=all&limit=3&offset=${offset}`);
      expect(page.total).toBe(4);
      expect(page.hasMore).toBe(offset === 0);
      seen.push(...page.items.map((o) => o.id));
    }
    expect(seen).toEqual(whole.items.map((o) => o.id));
    const again = await list('view=all&limit=100');
    expect(again.items.map((o) => o.id)).toEqual(whole.items.map((o) => o.id));
    const deadline = await list('view=all&sort=deadline&limit=2&offset=2');
    expect(deadline.items.map((o) => o.id)).toEqual(
      (await list('view=all&sort=deadline')).items.slice(2).map((o) => o.id),
    );
    expect((await list('view=all&offset=50')).items).toEqual([]);
  });

  it('lists one authorised client for an agent, and refuses other clients with a 404', async () => {
    const everything = await list('view=all', agent);
    expect(everything.total).toBe(3);
    const forClient = await list(`view=all&client=${client.userId}`, agent);
    expect(forClient.total).toBe(2);
    expect(forClient.items.every((o) => o.clientUserId === client.userId)).toBe(true);
    const queue = await list(`view=queue&client=${client.userId}`, agent);
    expect(queue.total).toBe(2);
    const refused = await fail(test, 'GET', `/api/orders?client=${stranger.userId}`, 404, {
      cookie: agent.cookie,
    });
    expect(refused.code).toBe('not_found');
    // The client is no client of an applicant or a reviewer.
    for (const person of [owner, provider.reviewer]) {
      const error = await fail(test, 'GET', `/api/orders?client=${client.userId}`, 404, {
        cookie: person.cookie,
      });
      expect(error.code).toBe('not_found');
    }
    // The client sees the two orders filed for them.
    expect((await list('view=all', client)).total).toBe(2);
    expect(agencyId).toBeTruthy();
  });

  it('answers bad filters with 400 and the field', async () => {
    const cases: [string, string][] = [
      ['province=Atlantis', 'province'],
      ['flag=late', 'flag'],
      ['flag=overdue,soonish', 'flag'],
      ['client=abc', 'client'],
      ['sort=name', 'sort'],
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['offset=-1', 'offset'],
      [`q=${'x'.repeat(101)}`, 'q'],
      [`q=${'x'.repeat(201)}`, 'q'],
      // PostgreSQL refuses NUL in text: a 400, not a 500.
      [`q=${encodeURIComponent('王\u0000')}`, 'q'],
      [`q=${encodeURIComponent('\u0000')}`, 'q'],
      [`q=${encodeURIComponent('alpha\tshop')}`, 'q'],
    ];
    for (const [query, field] of cases) {
      const error = await fail(test, 'GET', `/api/orders?${query}`, 400, reviewer());
      expect(error.code, query).toBe('validation_failed');
      expect(
        readFieldPaths(error).map((path) => path.split('.')[0]),
        query,
      ).toContain(field);
    }
  });
});
