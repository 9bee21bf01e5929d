import { domainToASCII } from 'node:url';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import {
  RegistryConflictError,
  type RegistryEntryInput,
  type RegistryStore,
} from '../../src/app/registry/registry-store.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { generateRegistrySample } from '../../src/infra/db/seed/registry-sample.ts';
import { describeEachDatabase, type TestDatabase } from '../support/databases.ts';
import { buildRegistryEntry } from '../support/registry-fixtures.ts';

const TENCENT = '粤ICP备2020012345号';
const PERSON = '京ICP备16059763号';
const TENGDA = '沪ICP备2019000001号';
const SHELL = '浙ICP备2022000001号';
const STARS = '苏ICP备2023000007号';

const fixtures: RegistryEntryInput[] = [
  buildRegistryEntry(
    { entityNumber: TENCENT, unitName: '深圳市腾讯计算机系统有限公司', provinceCode: '44' },
    [
      { index: 1, serviceName: '腾讯网', domains: ['qq.com'] },
      { index: 2, serviceName: 'QQ空间', domains: ['qzone.qq.com'] },
      {
        index: 3,
        serviceNumber: `${TENCENT}-3A`,
        serviceType: 'app',
        serviceName: '微信',
        domains: [],
        contentType: null,
      },
      {
        index: 4,
        serviceNumber: `${TENCENT}-4X`,
        serviceType: 'mini_program',
        serviceName: '腾讯文档',
        domains: [],
        contentType: null,
        isAccessLimited: true,
      },
    ],
  ),
  buildRegistryEntry(
    { entityNumber: PERSON, unitName: '王伟', nature: 'individual', approvedOn: '2016-03-02' },
    [{ index: 1, serviceName: '拾光笔记', domains: ['wangwei.cn'], contentType: '博客/个人空间' }],
  ),
  buildRegistryEntry({ entityNumber: TENGDA, unitName: '上海腾达贸易有限公司', provinceCode: '31' }, [
    { index: 1, serviceName: '腾达商城', domains: [domainToASCII('腾达.中国')] },
  ]),
  buildRegistryEntry({ entityNumber: SHELL, unitName: '杭州空壳科技有限公司', provinceCode: '33' }, []),
  buildRegistryEntry(
    { entityNumber: STARS, unitName: '南京星辰信息技术有限公司', provinceCode: '32' },
    Array.from({ length: 45 }, (_, i) => ({
      index: i + 1,
      serviceName: `星辰站点${i + 1}`,
      domains: [`xingchen${i + 1}.com`],
    })),
  ),
];

async function collectAll(store: RegistryStore, text: string, limit = 20): Promise<string[]> {
  const numbers: string[] = [];
  let afterId: number | undefined;
  for (;;) {
    const page = await store.searchByName(text, { limit, afterId });
    numbers.push(...page.records.map((r) => r.service.serviceNumber));
    if (!page.hasMore) return numbers;
    afterId = page.lastId;
  }
}

describeEachDatabase('registry repository', (database: TestDatabase) => {
  let store: RegistryStore;

  beforeAll(async () => {
    store = createRegistryRepository(database.db.kysely, database.dialect);
    await database.db.transaction((trx) =>
      createRegistryRepository(trx, database.dialect).bulkInsert(fixtures),
    );
  });

  it('counts what it holds', async () => {
    expect(await store.count()).toEqual({ entities: 5, services: 51, domains: 49 });
  });

  it('finds a record by exact domain, Unicode form included', async () => {
    const record = await store.findByDomain('qq.com');
    expect(record).toEqual({
      entity: {
        entityNumber: TENCENT,
        unitName: '深圳市腾讯计算机系统有限公司',
        nature: 'enterprise',
        provinceCode: '44',
        approvedOn: '2021-06-01',
      },
      service: {
        serviceNumber: `${TENCENT}-1`,
        serviceType: 'website',
        serviceName: '腾讯网',
        contentType: '单位门户网站',
        domains: [{ ascii: 'qq.com', unicode: 'qq.com' }],
        approvedOn: '2021-06-01',
        isAccessLimited: false,
      },
    });
    const idn = await store.findByDomain(domainToASCII('腾达.中国'));
    expect(idn?.service.domains).toEqual([{ ascii: 'xn--r70av50a.xn--fiqs8s', unicode: '腾达.中国' }]);
    expect(await store.findByDomain('unfiled.example.cn')).toBeUndefined();
  });

  it('finds an entity with all its services, or one service, by number in any written form', async () => {
    const entity = await store.findByNumber(TENCENT);
    expect(entity?.services.map((s) => s.serviceNumber)).toEqual([
      `${TENCENT}-1`,
      `${TENCENT}-2`,
      `${TENCENT}-3A`,
      `${TENCENT}-4X`,
    ]);
    expect(entity?.services[3]).toMatchObject({ serviceType: 'mini_program', isAccessLimited: true });
    for (const form of [
      `${TENCENT}-2`,
      '粤ICP备 2020012345号-2',
      '粤ＩＣＰ备２０２００１２３４５号－２',
      '粤icp备2020012345-2',
    ]) {
      const found = await store.findByNumber(form);
      expect(
        found?.services.map((s) => s.serviceNumber),
        form,
      ).toEqual([`${TENCENT}-2`]);
    }
    expect((await store.findByNumber(`${PERSON}-1`))?.entity.unitName).toBe('王伟');
    expect((await store.findByNumber(SHELL))?.services).toEqual([]);
    expect(await store.findByNumber(`${TENCENT}-9`)).toBeUndefined();
    expect(await store.findByNumber('京ICP备2099000001号')).toBeUndefined();
    expect(await store.findByNumber('not a number')).toBeUndefined();
  });

  it('searches three or more characters of unit and service names, ASCII case-insensitively', async () => {
    expect(await collectAll(store, '腾讯计算机')).toEqual([
      `${TENCENT}-1`,
      `${TENCENT}-2`,
      `${TENCENT}-3A`,
      `${TENCENT}-4X`,
    ]);
    expect(await collectAll(store, 'qq空间')).toEqual([`${TENCENT}-2`]);
    expect(await collectAll(store, '拾光笔记')).toEqual([`${PERSON}-1`]);
    expect(await collectAll(store, '不存在的名称')).toEqual([]);
  });

  it('searches two-character substrings, common Chinese names included', async () => {
    expect(await collectAll(store, '王伟')).toEqual([`${PERSON}-1`]);
    expect(await collectAll(store, '空间')).toEqual([`${TENCENT}-2`]);
    expect(await collectAll(store, 'Qq')).toEqual([`${TENCENT}-2`]);
    expect(await collectAll(store, '腾达')).toEqual([`${TENGDA}-1`]);
    expect(await collectAll(store, '腾讯')).toEqual([
      `${TENCENT}-1`,
      `${TENCENT}-2`,
      `${TENCENT}-3A`,
      `${TENCENT}-4X`,
    ]);
    expect(await collectAll(store, '微信')).toEqual([`${TENCENT}-3A`]);
    await expect(store.searchByName('腾', { limit: 20 })).rejects.toThrow(RangeError);
  });

  it('pages through many matches in a stable order without gaps or repeats', async () => {
    const expected = Array.from({ length: 45 }, (_, i) => `${STARS}-${i + 1}`);
    const first = await store.searchByName('星辰', { limit: 20 });
    expect(first.records).toHaveLength(20);
    expect(first.hasMore).toBe(true);
    expect(await collectAll(store, '星辰', 20)).toEqual(expected);
    expect(await collectAll(store, '星辰站点', 7)).toEqual(expected);
    const last = await store.searchByName('星辰', { limit: 45 });
    expect(last.hasMore).toBe(false);
  });

  it('keeps the name indexes in step with renames, service changes and removals', async () => {
    const entry = fixtures[0];
    if (!entry) throw new Error('fixture missing');
    await database.db.transaction(async (trx) => {
      const tx = createRegistryRepository(trx, database.dialect);
      await tx.upsertEntity({ ...entry.entity, unitName: '深圳市鹅厂科技有限公司' });
      const service = entry.services[1];
      if (!service) throw new Error('fixture missing');
      await tx.upsertService(TENCENT, { ...service, serviceName: '空间相册', domains: ['qzone.com'] });
    });
    expect(await collectAll(store, '腾讯计算机')).toEqual([]);
    expect(await collectAll(store, '鹅厂科技')).toHaveLength(4);
    expect(await collectAll(store, '鹅厂')).toHaveLength(4);
    expect(await collectAll(store, 'QQ')).toEqual([]);
    expect(await collectAll(store, '相册')).toEqual([`${TENCENT}-2`]);
    expect(await store.findByDomain('qzone.qq.com')).toBeUndefined();
    expect((await store.findByDomain('qzone.com'))?.service.serviceName).toBe('空间相册');

    await database.db.transaction(async (trx) => {
      const tx = createRegistryRepository(trx, database.dialect);
      expect(await tx.removeService(`${TENCENT}-1`)).toBe(true);
      expect(await tx.removeService(`${TENCENT}-1`)).toBe(false);
    });
    expect(await store.findByDomain('qq.com')).toBeUndefined();
    expect(await collectAll(store, '腾讯网')).toEqual([]);

    await database.db.transaction(async (trx) => {
      expect(await createRegistryRepository(trx, database.dialect).removeEntity(TENCENT)).toBe(true);
    });
    expect(await store.findByNumber(TENCENT)).toBeUndefined();
    expect(await collectAll(store, '鹅厂')).toEqual([]);
    expect(await collectAll(store, '文档')).toEqual([]);
    expect(await store.findByDomain('qzone.com')).toBeUndefined();
  });

  it('refuses a domain filed under another service, a service of another entity and a missing entity', async () => {
    const other = fixtures[2]?.services[0];
    if (!other) throw new Error('fixture missing');
    await expect(
      database.db.transaction((trx) =>
        createRegistryRepository(trx, database.dialect).upsertService(PERSON, {
          ...other,
          serviceNumber: `${PERSON}-2`,
          domains: [domainToASCII('腾达.中国')],
        }),
      ),
    ).rejects.toMatchObject({ code: 'domain_taken', params: { serviceNumber: `${TENGDA}-1` } });
    await expect(
      database.db.transaction((trx) =>
        createRegistryRepository(trx, database.dialect).upsertService(PERSON, other),
      ),
    ).rejects.toMatchObject({ code: 'service_of_other_entity' });
    await expect(
      database.db.transaction((trx) =>
        createRegistryRepository(trx, database.dialect).upsertService('京ICP备2024999999号', {
          ...other,
          serviceNumber: '京ICP备2024999999号-1',
        }),
      ),
    ).rejects.toBeInstanceOf(RegistryConflictError);
    expect((await store.findByNumber(PERSON))?.services).toHaveLength(1);
  });

  it('upserts entries idempotently and lets a domain move between services of one batch', async () => {
    const before = await store.count();
    const moved = buildRegistryEntry(
      { entityNumber: TENGDA, unitName: '上海腾达贸易有限公司', provinceCode: '31' },
      [
        { index: 1, serviceName: '腾达商城', domains: [] },
        { index: 2, serviceName: '腾达新站', domains: [domainToASCII('腾达.中国')] },
      ],
    );
    await database.db.transaction((trx) =>
      createRegistryRepository(trx, database.dialect).upsertEntries([moved]),
    );
    await database.db.transaction((trx) =>
      createRegistryRepository(trx, database.dialect).upsertEntries([moved]),
    );
    expect((await store.findByDomain(domainToASCII('腾达.中国')))?.service.serviceNumber).toBe(`${TENGDA}-2`);
    expect(await store.count()).toEqual({ ...before, services: before.services + 1 });
  });

  it('streams every entry in entity order, entities without services included', async () => {
    const entries = [];
    for await (const entry of store.streamEntries(2)) entries.push(entry);
    expect(entries.map((e) => e.entity.entityNumber)).toEqual([PERSON, TENGDA, SHELL, STARS]);
    expect(entries.find((e) => e.entity.entityNumber === SHELL)?.services).toEqual([]);
  });

  it('keeps the SQLite full-text indexes consistent with their content', async () => {
    if (database.dialect !== 'sqlite') return;
    for (const table of ['registry_name_trigrams', 'registry_name_bigrams']) {
      await sql
        .raw(`insert into ${table} (${table}, rank) values ('integrity-check', 1)`)
        .execute(database.db.kysely);
    }
  });
});

describeEachDatabase('registry name search against a brute-force scan', (database: TestDatabase) => {
  const entries = [...generateRegistrySample({ services: 1_500, seed: 42 })];
  const names = entries.flatMap((e) =>
    e.services.map((s) => ({ number: s.serviceNumber, text: [e.entity.unitName, s.serviceName] })),
  );
  const lowerAscii = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());

  beforeAll(async () => {
    await database.db.transaction((trx) =>
      createRegistryRepository(trx, database.dialect).bulkInsert(entries),
    );
  });

  it.each([
    ['index matches sorted in memory', 5_000],
    ['an ordered walk once matches exceed the cap', 10],
  ])(
    'returns exactly the services whose unit or service name contains the query (%s)',
    async (_plan, cap) => {
      const store = createRegistryRepository(database.db.kysely, database.dialect, {
        searchCandidateCap: cap,
      });
      const queries = new Set<string>(['有限公司', '科技', '公司', '王', 'APP']);
      for (const [i, { text }] of names.entries()) {
        if (i % 97 !== 0) continue;
        const chars = [...(text[i % 2] ?? '')];
        const length = 2 + (i % 3);
        const start = i % Math.max(1, chars.length - length + 1);
        queries.add(chars.slice(start, start + length).join(''));
      }
      for (const query of queries) {
        if ([...query].length < 2) continue;
        const needle = lowerAscii(query);
        const expected = names
          .filter(({ text }) => text.some((t) => lowerAscii(t).includes(needle)))
          .map(({ number }) => number)
          .sort();
        const found = (await collectAll(store, query, 50)).sort();
        expect(found, query).toEqual(expected);
      }
    },
  );
});
