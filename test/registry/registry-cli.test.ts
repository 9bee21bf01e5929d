import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli } from '../run-cli.ts';
import { describeEachDatabase } from '../support/databases.ts';

const sortedLines = (text: string) => text.trim().split('\n').sort();

describeEachDatabase('openbeian db / registry / audit commands', (database) => {
  let dir: string;
  const target = () =>
    database.options.databaseUrl
      ? ['--database-url', database.options.databaseUrl]
      : ['--data-dir', database.options.dataDir];
  const run = (...args: string[]) =>
    runCli([...args, ...target()], { env: { DATABASE_URL: '', DATA_DIR: '' } });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'openbeian-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates (idempotently), imports a generated sample, exports it back and verifies the audit log', {
    timeout: 60_000,
  }, () => {
    const migrate = run('db', 'migrate', '--json');
    expect(migrate.status).toBe(0);
    expect(JSON.parse(migrate.stdout)).toEqual({
      dialect: database.dialect,
      applied: [],
      all: expect.arrayContaining(['0001-registry', '0002-audit-log']),
    });

    const sample = join(dir, 'sample.csv');
    const generated = runCli(['registry', 'generate', '--count', '300', '--seed', '9', '--out', sample]);
    expect(generated.status).toBe(0);
    const csv = readFileSync(sample, 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(301);

    const imported = run('registry', 'import', sample);
    expect(imported.stdout).toContain('Imported 300 of 300 rows from sample.csv');
    expect(imported.status).toBe(0);

    const exported = run('registry', 'export');
    expect(exported.status).toBe(0);
    expect(sortedLines(exported.stdout)).toEqual(sortedLines(csv));

    const verified = run('audit', 'verify', '--json');
    expect(verified.status).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, count: 1 });
  });

  it('reports a bad row with its line, keeps the others and exits 1', { timeout: 60_000 }, () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      [
        'entity_number,unit_name,nature,entity_approved_on,service_number,service_type,service_name,content_type,domains,service_approved_on,limit_access',
        '辽ICP备2024000001号,沈阳一号科技有限公司,enterprise,2024-01-02,辽ICP备2024000001号-1,website,一号官网,,yihao-sy.cn,2024-01-02,0',
        '辽ICP备2024000002号,沈阳二号科技有限公司,enterprise,2024-01-02,辽ICP备2024000002号-1,website,二号官网,,,2024-01-02,0',
        '辽ICP备2024000003号,沈阳三号科技有限公司,enterprise,2024-01-02,,,,,,,',
      ].join('\n'),
    );
    const result = run('registry', 'import', file);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Imported 2 of 3 rows');
    expect(result.stderr).toContain('line 3: [missing_domain]');
    const badOption = run('registry', 'import', join(dir, 'sample.csv'), '--batch-size', '0');
    expect(badOption.status).toBe(2);
  });

  it('names the first broken link of a tampered audit log and exits 1', { timeout: 60_000 }, async () => {
    const { kysely } = database.db;
    if (database.dialect === 'postgres') {
      await sql`alter table audit_events disable trigger user`.execute(kysely);
      await sql`update audit_events set actor = 'someone else' where sequence = 1`.execute(kysely);
      await sql`alter table audit_events enable trigger user`.execute(kysely);
    } else {
      await sql`drop trigger audit_events_no_update`.execute(kysely);
      await sql`update audit_events set actor = 'someone else' where sequence = 1`.execute(kysely);
    }
    const result = run('audit', 'verify');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('BROKEN at event 1');
  });
});
