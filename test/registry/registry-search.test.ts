import { domainToASCII } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { lookupDomain } from '../../src/app/registry/lookup-domain.ts';
import type { RegistryStore } from '../../src/app/registry/registry-store.ts';
import { searchRegistry } from '../../src/app/registry/search-registry.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildRegistryEntry } from '../support/registry-fixtures.ts';

const TENCENT = '粤ICP备2020012345号';
const NODE = '京ICP备2019000123号';

describeEachDatabase('registry search and domain lookup', (database) => {
  let registry: RegistryStore;

  beforeAll(async () => {
    registry = createRegistryRepository(database.db.kysely, database.dialect);
    await database.db.transaction((trx) =>
      createRegistryRepository(trx, database.dialect).bulkInsert([
        buildRegistryEntry(
          { entityNumber: TENCENT, unitName: '深圳市腾讯计算机系统有限公司', provinceCode: '44' },
          [
            { index: 1, serviceName: '腾讯网', domains: ['qq.com'] },
            { index: 2, serviceName: '腾讯视频', domains: [domainToASCII('腾讯.中国')] },
          ],
        ),
        buildRegistryEntry({ entityNumber: NODE, unitName: '北京节点科技有限公司' }, [
          { index: 1, serviceName: 'Node.js中文网', domains: ['nodejs.cn'] },
        ]),
        ...Array.from({ length: 30 }, (_, i) =>
          buildRegistryEntry(
            {
              entityNumber: `浙ICP备2024${String(i + 1).padStart(6, '0')}号`,
              unitName: `杭州星辰${i}号有限公司`,
              provinceCode: '33',
            },
            [{ index: 1, serviceName: '星辰官网', domains: [`xc${i}.cn`] }],
          ),
        ),
      ]),
    );
  });

  it('reads a filing number: an entity with its services, or one service', async () => {
    const entity = await searchRegistry({ registry }, { query: ` ${TENCENT} ` });
    expect(entity).toMatchObject({ ok: true, value: { kind: 'number' } });
    if (!entity.ok) return;
    expect(entity.value.records.map((r) => r.service.serviceNumber)).toEqual([
      `${TENCENT}-1`,
      `${TENCENT}-2`,
    ]);
    const service = await searchRegistry({ registry }, { query: '粤ICP备2020012345号-2' });
    expect(service.ok && service.value.records.map((r) => r.service.serviceName)).toEqual(['腾讯视频']);
    expect(await searchRegistry({ registry }, { query: '京ICP备2099000001号' })).toEqual({
      ok: true,
      value: { kind: 'number', records: [] },
    });
    expect(await searchRegistry({ registry }, { query: '京ICP备123号' })).toMatchObject({
      ok: false,
      error: { field: 'query', issue: { code: 'bad_digits' } },
    });
  });

  it('reads a domain or URL, Unicode domains included', async () => {
    const url = await searchRegistry({ registry }, { query: 'https://WWW.QQ.com/index.html' });
    expect(url.ok && url.value.kind).toBe('domain');
    expect(url.ok && url.value.records[0]?.service.serviceNumber).toBe(`${TENCENT}-1`);
    const idn = await searchRegistry({ registry }, { query: '腾讯.中国' });
    expect(idn.ok && idn.value.records[0]?.service.serviceName).toBe('腾讯视频');
    expect(await searchRegistry({ registry }, { query: 'unfiled.cn' })).toEqual({
      ok: true,
      value: { kind: 'domain', records: [] },
    });
  });

  it('reads anything else as part of a name, paged by cursor', async () => {
    const named = await searchRegistry({ registry }, { query: 'Node.js中文网' });
    expect(named.ok && named.value).toMatchObject({
      kind: 'name',
      records: [{ service: { serviceNumber: `${NODE}-1` } }],
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchRegistry({ registry }, { query: '星辰', limit: 12, cursor });
      if (!page.ok) throw new Error(page.error.issue.code);
      seen.push(...page.value.records.map((r) => r.entity.unitName));
      cursor = page.value.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
  });

  it('answers bad input with an issue code, never an exception', async () => {
    const cases: [Parameters<typeof searchRegistry>[1], string, string][] = [
      [{ query: '腾' }, 'query', 'query_too_short'],
      [{ query: '  ' }, 'query', 'query_too_short'],
      [{ query: '\u0000\u0000' }, 'query', 'query_too_short'],
      [{ query: '腾'.repeat(101) }, 'query', 'query_too_long'],
      [{ query: '腾讯', cursor: 'not-a-cursor' }, 'cursor', 'invalid_cursor'],
      [{ query: '腾讯', cursor: '💥' }, 'cursor', 'invalid_cursor'],
      [{ query: '腾讯', limit: 0 }, 'limit', 'invalid_limit'],
      [{ query: '腾讯', limit: 101 }, 'limit', 'invalid_limit'],
      [{ query: '腾讯', limit: 1.5 }, 'limit', 'invalid_limit'],
    ];
    for (const [input, field, code] of cases) {
      expect(await searchRegistry({ registry }, input), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { field, issue: { code } },
      });
    }
  });

  it('treats query syntax of FTS5, LIKE and SQL as plain text', async () => {
    for (const query of [
      '""',
      '%_',
      '\\\\',
      "腾讯' OR 1=1 --",
      'NEAR(腾讯 网)',
      '腾讯*',
      '😀😀',
      'a\u0000b',
    ]) {
      const result = await searchRegistry({ registry }, { query });
      expect(result, JSON.stringify(query)).toMatchObject({ ok: true, value: { kind: 'name', records: [] } });
    }
  });

  it('looks up a domain: exact, through www, or covered by its registrable domain', async () => {
    expect(await lookupDomain({ registry }, { domain: 'qq.com' })).toMatchObject({
      ok: true,
      value: { found: true, coverage: 'exact', matchedDomain: { ascii: 'qq.com' } },
    });
    expect(await lookupDomain({ registry }, { domain: 'www.qq.com' })).toMatchObject({
      ok: true,
      value: {
        found: true,
        coverage: 'exact',
        domain: { ascii: 'www.qq.com' },
        matchedDomain: { ascii: 'qq.com' },
      },
    });
    expect(await lookupDomain({ registry }, { domain: 'https://v.qq.com:8443/x' })).toMatchObject({
      ok: true,
      value: {
        found: true,
        coverage: 'parent',
        domain: { ascii: 'v.qq.com' },
        matchedDomain: { ascii: 'qq.com' },
      },
    });
    expect(await lookupDomain({ registry }, { domain: 'example.cn' })).toEqual({
      ok: true,
      value: { found: false, domain: { ascii: 'example.cn', unicode: 'example.cn' } },
    });
    expect(await lookupDomain({ registry }, { domain: '1.2.3.4' })).toMatchObject({
      ok: false,
      error: { field: 'domain', issue: { code: 'ip_address_not_allowed' } },
    });
    expect(await lookupDomain({ registry }, { domain: '' })).toMatchObject({
      ok: false,
      error: { field: 'domain', issue: { code: 'empty' } },
    });
  });
});
