import { describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/app/audit/verify-audit-log.ts';
import { exportRegistry } from '../../src/app/registry/export-registry.ts';
import { type ImportReport, importRegistry } from '../../src/app/registry/import-registry.ts';
import { REGISTRY_CSV_COLUMNS } from '../../src/app/registry/registry-csv.ts';
import type { Database } from '../../src/infra/db/database.ts';
import { createRegistryTransaction } from '../../src/infra/db/registry-transaction.ts';
import { createAuditLogRepository } from '../../src/infra/db/repositories/audit-log-repository.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { describeEachDatabase } from '../support/databases.ts';

const HEADER = REGISTRY_CSV_COLUMNS.join(',');

const SAMPLE = [
  HEADER,
  '京ICP备2021034286号,北京星辰网络科技有限公司,enterprise,2021-06-01,京ICP备2021034286号-1,website,星辰官网,单位门户网站,xingchen.com,2021-06-01,0',
  '京ICP备2021034286号,北京星辰网络科技有限公司,企业,2021-06-01,京ICP备2021034286号-2A,app,星辰助手,,,2024-01-05,1',
  '京ICP备202103428号,坏行科技有限公司,enterprise,2021-06-01,,,,,,,',
  '蜀ICP备 12005138号,王伟,个人,2012-05-01,蜀ICP备12005138号-1,网站,拾光笔记,博客/个人空间,wangwei.cn；WWW.wangwei.net,2012/5/1,否',
  '浙ICP备2022000001号,杭州空壳科技有限公司,enterprise,2022-01-01,,,,,,,',
  '',
].join('\n');

async function runImport(db: Database, text: string, batchSize = 500): Promise<ImportReport> {
  const result = await importRegistry(
    { transact: createRegistryTransaction(db), now: () => new Date('2026-03-01T00:00:00.000Z') },
    { source: [Buffer.from(text, 'utf8')], sourceName: 'sample.csv', actor: 'cli', batchSize },
  );
  if (!result.ok) throw new Error(`import refused: ${result.error.message.en}`);
  return result.value;
}

async function exportText(db: Database): Promise<string> {
  let text = '';
  for await (const chunk of exportRegistry({ registry: createRegistryRepository(db.kysely, db.dialect) }))
    text += chunk;
  return text;
}

describeEachDatabase('registry import and export', (database) => {
  it('imports the good rows, names the line of the bad one, and audits each batch', async () => {
    const report = await runImport(database.db, SAMPLE);
    expect(report).toMatchObject({ rows: 5, imported: 4, failed: 1 });
    expect(report.errors).toEqual([
      { line: 4, issue: expect.objectContaining({ code: 'invalid_entity_number' }) },
    ]);
    const store = createRegistryRepository(database.db.kysely, database.dialect);
    expect((await store.findByDomain('wangwei.net'))?.entity).toMatchObject({
      entityNumber: '蜀ICP备12005138号',
      unitName: '王伟',
      nature: 'individual',
      provinceCode: '51',
    });
    expect((await store.findByNumber('京ICP备2021034286号'))?.services.map((s) => s.serviceType)).toEqual([
      'website',
      'app',
    ]);
    expect(await store.count()).toEqual({ entities: 3, services: 3, domains: 3 });
    const audit = await verifyAuditLog({ auditLog: createAuditLogRepository(database.db.kysely) });
    expect(audit).toMatchObject({ ok: true, count: 1 });
    const [event] = await createAuditLogRepository(database.db.kysely).readEvents(0, 1);
    expect(JSON.parse(event?.payload ?? '{}')).toEqual({
      source: 'sample.csv',
      firstLine: 2,
      lastLine: 6,
      rows: 4,
    });
  });

  it('exports canonical rows that import back to the same registry', async () => {
    const exported = await exportText(database.db);
    expect(exported.split('\n')).toEqual([
      HEADER,
      '京ICP备2021034286号,北京星辰网络科技有限公司,enterprise,2021-06-01,京ICP备2021034286号-1,website,星辰官网,单位门户网站,xingchen.com,2021-06-01,0',
      '京ICP备2021034286号,北京星辰网络科技有限公司,enterprise,2021-06-01,京ICP备2021034286号-2A,app,星辰助手,,,2024-01-05,1',
      '蜀ICP备12005138号,王伟,individual,2012-05-01,蜀ICP备12005138号-1,website,拾光笔记,博客/个人空间,wangwei.cn;wangwei.net,2012-05-01,0',
      '浙ICP备2022000001号,杭州空壳科技有限公司,enterprise,2022-01-01,,,,,,,',
      '',
    ]);
    const again = await runImport(database.db, exported);
    expect(again).toMatchObject({ rows: 4, imported: 4, failed: 0 });
    expect(await exportText(database.db)).toBe(exported);

    await database.db.transaction(async (trx) => {
      const store = createRegistryRepository(trx, database.dialect);
      for (const number of ['京ICP备2021034286号', '蜀ICP备12005138号', '浙ICP备2022000001号']) {
        await store.removeEntity(number);
      }
    });
    expect(await runImport(database.db, exported)).toMatchObject({ imported: 4, failed: 0 });
    expect(await exportText(database.db)).toBe(exported);
  });

  it('fails only the row whose domain is filed elsewhere, keeping its batch-mates', async () => {
    const text = [
      HEADER,
      '沪ICP备2023000001号,上海一号科技有限公司,enterprise,2023-01-01,沪ICP备2023000001号-1,,一号官网,,yihao.cn,2023-01-01,',
      '沪ICP备2023000002号,上海二号科技有限公司,enterprise,2023-01-01,沪ICP备2023000002号-1,,二号官网,,xingchen.com,2023-01-01,',
      '沪ICP备2023000003号,上海三号科技有限公司,enterprise,2023-01-01,沪ICP备2023000003号-1,,三号官网,,sanhao.cn,2023-01-01,',
    ].join('\r\n');
    const report = await runImport(database.db, text, 2);
    expect(report).toMatchObject({ rows: 3, imported: 2, failed: 1 });
    expect(report.errors).toEqual([
      {
        line: 3,
        issue: expect.objectContaining({
          code: 'domain_taken',
          params: expect.objectContaining({ domain: 'xingchen.com' }),
        }),
      },
    ]);
    const store = createRegistryRepository(database.db.kysely, database.dialect);
    expect((await store.findByDomain('sanhao.cn'))?.entity.unitName).toBe('上海三号科技有限公司');
    expect((await store.findByDomain('xingchen.com'))?.entity.unitName).toBe('北京星辰网络科技有限公司');
    expect((await verifyAuditLog({ auditLog: createAuditLogRepository(database.db.kysely) })).ok).toBe(true);
  });

  it('reports malformed records, wrong column counts and every problem of a row with its line', async () => {
    const text = [
      HEADER,
      '"闽ICP备2023000001号",福建一号,enterprise,2023-01-01,,,,,,,',
      '闽ICP备2023000002号,福建二号,enterprise,2023-01-01',
      '闽ICP备2023000003号,"多行',
      '名称",enterprise,2023-01-01,,,,,,,',
      '闽ICP备2023000004号,,martian,2023-02-30,,,,,,,',
      '闽ICP备2023000005号,福建五号,enterprise,2023-01-01,闽ICP备2023000005号-1X,website,五号,,,2023-01-01,maybe',
      '闽ICP备2023000006号,"福建"六号",enterprise,2023-01-01,,,,,,,',
      '闽ICP备2023000007号,福建七号,enterprise,2023-01-01,,,,,,,',
    ].join('\n');
    const report = await runImport(database.db, text);
    const byLine = new Map<number, string[]>();
    for (const { line, issue } of report.errors) byLine.set(line, [...(byLine.get(line) ?? []), issue.code]);
    expect(Object.fromEntries(byLine)).toEqual({
      3: ['wrong_column_count'],
      6: ['required', 'unknown_nature', 'invalid_date'],
      7: ['service_type_mismatch', 'invalid_flag'],
      8: ['malformed_csv'],
    });
    expect(report).toMatchObject({ rows: 7, failed: 4, imported: 3 });
    const store = createRegistryRepository(database.db.kysely, database.dialect);
    expect((await store.findByNumber('闽ICP备2023000003号'))?.entity.unitName).toBe('多行 名称');
    expect(await store.findByNumber('闽ICP备2023000007号')).toBeDefined();
  });
});

describe('registry import of an unreadable file', () => {
  const noStores = {
    transact: () => Promise.reject(new Error('nothing may be written')),
    now: () => new Date(),
  };
  const run = (text: string) =>
    importRegistry(noStores, { source: [text], sourceName: 'x.csv', actor: 'cli' });

  it('refuses an empty file, unknown and missing columns before writing anything', async () => {
    expect(await run('')).toMatchObject({ ok: false, error: { code: 'empty_file' } });
    expect(await run(`${HEADER},colour\n`)).toMatchObject({ ok: false, error: { code: 'unknown_column' } });
    expect(await run('entity_number,unit_name\n京ICP备2021034286号,x\n')).toMatchObject({
      ok: false,
      error: {
        code: 'missing_columns',
        params: {
          columns: 'nature,entity_approved_on,service_number,service_name,domains,service_approved_on',
        },
      },
    });
  });
});
