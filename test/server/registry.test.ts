import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryEntryInput, RegistryStore } from '../../src/app/registry/registry-store.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildRegistryEntry } from '../support/registry-fixtures.ts';
import { buildTestApp, type ErrorBody, readFieldErrors } from './test-app.ts';

/** Every key a registry answer may have: MIIT's public fields and the envelopes around them. */
const PUBLIC_KEYS = new Set([
  'kind',
  'items',
  'nextCursor',
  'domain',
  'matchedDomain',
  'coverage',
  'record',
  'entity',
  'service',
  'services',
  'entityNumber',
  'unitName',
  'nature',
  'id',
  'nameEn',
  'nameZh',
  'approvedOn',
  'serviceNumber',
  'serviceType',
  'serviceName',
  'domains',
  'ascii',
  'unicode',
  'isAccessLimited',
]);

function collectKeys(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectKeys(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      into.add(key);
      collectKeys(child, into);
    }
  }
  return into;
}

const XINGCHEN = '京ICP备2021034286号';
const YUNHAI = '粤ICP备05012345号';
const BLOGGER = '沪ICP备2023001234号';
const PAGED_COUNT = 25;

const entries: RegistryEntryInput[] = [
  buildRegistryEntry({ entityNumber: XINGCHEN, unitName: '北京星辰网络科技有限公司' }, [
    { index: 1, serviceName: '星辰官网', domains: ['xingchen.cn'] },
    {
      index: 2,
      serviceType: 'app',
      serviceNumber: `${XINGCHEN}-2A`,
      serviceName: '星辰App',
      domains: ['api.xingchen-app.cn'],
      contentType: null,
    },
    { index: 3, serviceName: '星辰科技', domains: ['xn--2qun4fgsx4tu.cn'] },
  ]),
  buildRegistryEntry(
    {
      entityNumber: YUNHAI,
      unitName: '广州云海信息技术有限公司',
      provinceCode: '44',
      approvedOn: '2005-03-01',
    },
    [{ index: 1, serviceName: '云海网', domains: ['yunhai.com.cn'], approvedOn: '2005-03-01' }],
  ),
  buildRegistryEntry(
    { entityNumber: BLOGGER, unitName: '张小明', nature: 'individual', provinceCode: '31' },
    [{ index: 1, serviceName: '小明的博客', domains: ['xiaoming.cn'], isAccessLimited: true }],
  ),
  ...Array.from({ length: PAGED_COUNT }, (_, i) =>
    buildRegistryEntry(
      {
        entityNumber: `浙ICP备2022${String(100_000 + i).padStart(6, '0')}号`,
        unitName: `杭州翠微第${i + 1}软件有限公司`,
        provinceCode: '33',
      },
      [{ index: 1, serviceName: `翠微应用${i + 1}`, domains: [`cuiwei${i + 1}.cn`] }],
    ),
  ),
];

describeEachDatabase('registry API', (database) => {
  let app: FastifyInstance;
  let registry: RegistryStore;

  beforeAll(async () => {
    registry = createRegistryRepository(database.db.kysely, database.db.dialect);
    await database.db.transaction((trx) =>
      createRegistryRepository(trx, database.db.dialect).bulkInsert(entries),
    );
    ({ app } = await buildTestApp({
      registry,
      rateLimits: { publicApi: { max: 10_000, timeWindowMs: 60_000 } },
    }));
  });
  afterAll(async () => {
    await app?.close();
  });

  async function get(url: string, headers: Record<string, string> = {}) {
    const response = await app.inject({ url, headers });
    return { status: response.statusCode, body: response.json() };
  }

  const search = (q: string, extra = '') => get(`/api/registry/search?q=${encodeURIComponent(q)}${extra}`);

  it('finds a website by its exact domain, and a subdomain by the filing that covers it', async () => {
    const exact = await get('/api/registry/domains/xingchen.cn');
    expect(exact.status).toBe(200);
    expect(exact.body).toEqual({
      domain: { ascii: 'xingchen.cn', unicode: 'xingchen.cn' },
      matchedDomain: { ascii: 'xingchen.cn', unicode: 'xingchen.cn' },
      coverage: 'exact',
      record: {
        entity: {
          entityNumber: XINGCHEN,
          unitName: '北京星辰网络科技有限公司',
          nature: { id: 'enterprise', nameEn: 'Enterprise', nameZh: '企业' },
          approvedOn: '2021-06-01',
        },
        service: {
          serviceNumber: `${XINGCHEN}-1`,
          serviceType: 'website',
          serviceName: '星辰官网',
          domains: [{ ascii: 'xingchen.cn', unicode: 'xingchen.cn' }],
          approvedOn: '2021-06-01',
          isAccessLimited: false,
        },
      },
    });

    const sub = await get('/api/registry/domains/blog.xingchen.cn');
    expect(sub.body).toMatchObject({ coverage: 'parent', matchedDomain: { ascii: 'xingchen.cn' } });

    const idn = await get(`/api/registry/domains/${encodeURIComponent('星辰科技.cn')}`);
    expect(idn.body).toMatchObject({
      domain: { ascii: 'xn--2qun4fgsx4tu.cn', unicode: '星辰科技.cn' },
      record: { service: { serviceNumber: `${XINGCHEN}-3` } },
    });

    const bySearch = await search('https://www.xingchen.cn/about');
    expect(bySearch.body).toMatchObject({
      kind: 'domain',
      items: [{ service: { serviceName: '星辰官网' } }],
    });
  });

  it('looks up a 10-digit entity number with all its services, and a service number with one', async () => {
    const entity = await get(`/api/registry/numbers/${encodeURIComponent(XINGCHEN)}`);
    expect(entity.status).toBe(200);
    expect(entity.body.entity.entityNumber).toBe(XINGCHEN);
    expect(entity.body.services.map((s: { serviceNumber: string }) => s.serviceNumber)).toEqual([
      `${XINGCHEN}-1`,
      `${XINGCHEN}-2A`,
      `${XINGCHEN}-3`,
    ]);

    const app2a = await get(`/api/registry/numbers/${encodeURIComponent(`${XINGCHEN}-2A`)}`);
    expect(app2a.body.services).toEqual([
      expect.objectContaining({
        serviceNumber: `${XINGCHEN}-2A`,
        serviceType: 'app',
        serviceName: '星辰App',
      }),
    ]);

    // Pasted forms: full-width characters, lower case, no 号.
    const pasted = await get(`/api/registry/numbers/${encodeURIComponent('京icp备２０２１０３４２８６-1')}`);
    expect(pasted.body.services).toEqual([expect.objectContaining({ serviceNumber: `${XINGCHEN}-1` })]);

    const bySearch = await search(`${XINGCHEN}-2A`);
    expect(bySearch.body).toMatchObject({ kind: 'number', items: [{ service: { serviceType: 'app' } }] });
  });

  it('looks up an 8-digit number issued before 2019', async () => {
    const legacy = await get(`/api/registry/numbers/${encodeURIComponent(YUNHAI)}`);
    expect(legacy.status).toBe(200);
    expect(legacy.body).toMatchObject({
      entity: { entityNumber: YUNHAI, unitName: '广州云海信息技术有限公司', approvedOn: '2005-03-01' },
      services: [{ serviceNumber: `${YUNHAI}-1`, domains: [{ ascii: 'yunhai.com.cn' }] }],
    });
    expect((await search(`${YUNHAI}-1`)).body.items).toHaveLength(1);
  });

  it('finds unit and service names by a 2-character and by a longer Chinese substring', async () => {
    const two = await search('星辰');
    expect(two.status).toBe(200);
    expect(two.body.kind).toBe('name');
    expect(
      two.body.items.map((r: { service: { serviceNumber: string } }) => r.service.serviceNumber),
    ).toEqual(expect.arrayContaining([`${XINGCHEN}-1`, `${XINGCHEN}-2A`, `${XINGCHEN}-3`]));

    const longer = await search('云海信息技术');
    expect(longer.body.items).toEqual([
      expect.objectContaining({ entity: expect.objectContaining({ entityNumber: YUNHAI }) }),
    ]);

    const serviceName = await search('小明的博客');
    expect(serviceName.body.items).toEqual([
      expect.objectContaining({
        entity: expect.objectContaining({
          nature: { id: 'individual', nameEn: 'Individual', nameZh: '个人' },
        }),
        service: expect.objectContaining({ isAccessLimited: true }),
      }),
    ]);

    expect((await search('星辰app')).body.items).toEqual([
      expect.objectContaining({ service: expect.objectContaining({ serviceName: '星辰App' }) }),
    ]);
    expect(await search('没有这个单位')).toEqual({ status: 200, body: { kind: 'name', items: [] } });
  });

  it('pages a name search by cursor without repeating or skipping a record', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await search('翠微', `&limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(
        ...page.body.items.map((r: { service: { serviceNumber: string } }) => r.service.serviceNumber),
      );
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== undefined && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(PAGED_COUNT);
    expect(new Set(seen).size).toBe(PAGED_COUNT);
  });

  it('answers 400 with one field error for a 1-character query, a bad page size or cursor', async () => {
    const short = await search('星', '');
    expect(short.status).toBe(400);
    expect((short.body as ErrorBody).error.code).toBe('validation_failed');
    expect(readFieldErrors(short.body)).toEqual([
      { in: 'querystring', path: 'q', code: 'query_too_short', message: expect.stringContaining('2') },
    ]);

    const chinese = await get('/api/registry/search?q=%E6%98%9F', { 'accept-language': 'zh-CN' });
    expect(readFieldErrors(chinese.body)[0]?.message).toContain('请至少输入');

    const badCursor = await search('翠微', '&cursor=nope!');
    expect(readFieldErrors(badCursor.body)).toEqual([
      expect.objectContaining({ path: 'cursor', code: 'invalid_cursor' }),
    ]);

    for (const limit of ['0', '101', 'ten']) {
      const bad = await search('翠微', `&limit=${limit}`);
      expect(bad.status, `limit=${limit}`).toBe(400);
      expect(readFieldErrors(bad.body)).toEqual([
        expect.objectContaining({ in: 'querystring', path: 'limit' }),
      ]);
    }

    expect((await get('/api/registry/search')).status).toBe(400);
  });

  it('answers 400 for a malformed domain or number in the path', async () => {
    const domain = await get(`/api/registry/domains/${encodeURIComponent('not a domain')}`);
    expect(domain.status).toBe(400);
    expect(readFieldErrors(domain.body)).toEqual([expect.objectContaining({ in: 'params', path: 'domain' })]);

    const number = await get(`/api/registry/numbers/${encodeURIComponent('京ICP备12号')}`);
    expect(number.status).toBe(400);
    expect(readFieldErrors(number.body)).toEqual([expect.objectContaining({ in: 'params', path: 'number' })]);

    const licence = await get(`/api/registry/numbers/${encodeURIComponent('京B2-20212732')}`);
    expect(readFieldErrors(licence.body)).toEqual([expect.objectContaining({ path: 'number' })]);
  });

  it('answers 404 registry_record_not_found for a domain or number nobody filed', async () => {
    for (const url of [
      '/api/registry/domains/nobody-filed-this.cn',
      `/api/registry/numbers/${encodeURIComponent('京ICP备2021999999号')}`,
      `/api/registry/numbers/${encodeURIComponent(`${XINGCHEN}-9`)}`,
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.body.error.code).toBe('registry_record_not_found');
    }
  });

  it('answers with the public fields only', async () => {
    const answers = await Promise.all([
      search('星辰'),
      search('张小明'),
      get('/api/registry/domains/xiaoming.cn'),
      get(`/api/registry/numbers/${encodeURIComponent(XINGCHEN)}`),
    ]);
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect([...collectKeys(body)].filter((key) => !PUBLIC_KEYS.has(key))).toEqual([]);
    }
  });

  it('drops whatever else a store returns', async () => {
    const leaky: RegistryStore = {
      ...registry,
      async findByDomain(domain) {
        const record = await registry.findByDomain(domain);
        if (!record) return record;
        const personal = {
          leaderName: '张小明',
          mobile: '13800138000',
          certificateNumber: '110101199003074477',
        };
        return {
          entity: { ...record.entity, ...personal },
          service: { ...record.service, ...personal },
        };
      },
    };
    const { app: leakyApp } = await buildTestApp({ registry: leaky });
    try {
      const response = await leakyApp.inject('/api/registry/domains/xiaoming.cn');
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toMatch(
        /leaderName|mobile|certificateNumber|13800138000|provinceCode|contentType/,
      );
    } finally {
      await leakyApp.close();
    }
  });

  it('never answers 5xx, whatever the query, domain or number', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom(
        '京ICP备',
        '号-',
        '-2A',
        '.cn',
        'xn--',
        '%',
        '_',
        '\\',
        '"',
        "'",
        '\u0000',
        '星',
        '星辰',
      ),
    );
    const url = fc.oneof(
      fc
        .record(
          { q: text, limit: fc.oneof(text, fc.integer().map(String)), cursor: text },
          { requiredKeys: ['q'] },
        )
        .map((params) => `/api/registry/search?${new URLSearchParams(params).toString()}`),
      text.map((domain) => `/api/registry/domains/${encodeURIComponent(domain)}`),
      text.map((number) => `/api/registry/numbers/${encodeURIComponent(`京ICP备${number}`)}`),
    );
    await fc.assert(
      fc.asyncProperty(url, async (target) => {
        expect((await app.inject(target)).statusCode).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });

  it('answers 429 once a client address has spent the public budget', async () => {
    const { app: limited } = await buildTestApp({
      registry,
      rateLimits: { publicApi: { max: 3, timeWindowMs: 60_000 } },
    });
    try {
      const statuses: number[] = [];
      for (const url of [
        '/api/registry/search?q=%E6%98%9F%E8%BE%B0',
        '/api/registry/domains/xingchen.cn',
        `/api/registry/numbers/${encodeURIComponent(XINGCHEN)}`,
        '/api/registry/search?q=%E6%98%9F%E8%BE%B0',
      ]) {
        statuses.push((await limited.inject({ url, remoteAddress: '203.0.113.7' })).statusCode);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const other = await limited.inject({
        url: '/api/registry/domains/xingchen.cn',
        remoteAddress: '203.0.113.8',
      });
      expect(other.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('registry API without a database', () => {
  it('answers 503 service_unavailable', async () => {
    const { app } = await buildTestApp();
    try {
      const response = await app.inject('/api/registry/search?q=%E6%98%9F%E8%BE%B0');
      expect(response.statusCode).toBe(503);
      expect(response.json().error.code).toBe('service_unavailable');
    } finally {
      await app.close();
    }
  });
});
