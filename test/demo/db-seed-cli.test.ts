import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/app/demo/demo-accounts.ts';
import { DEMO_SCENARIOS } from '../../src/app/demo/seed-orders.ts';
import { DEMO_REGISTRY_SERVICES } from '../../src/app/demo/seed-registry.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { runCli } from '../run-cli.ts';
import { describeEachDatabase, type TestDatabase } from '../support/databases.ts';
import { buildRegistryEntry } from '../support/registry-fixtures.ts';

const APPROVED = DEMO_SCENARIOS.filter((scenario) => scenario.status === 'approved').length;

/** The CLI on the suite's database; PostgreSQL still keeps its key file in a data directory. */
function runSeed(database: TestDatabase, ...args: string[]) {
  const target = database.options.databaseUrl
    ? ['--database-url', database.options.databaseUrl, '--data-dir', database.options.dataDir]
    : ['--data-dir', database.options.dataDir];
  return runCli(['db', 'seed', ...target, ...args], { env: { DATABASE_URL: '', DATA_DIR: '', SECRET: '' } });
}

describeEachDatabase('openbeian db seed', (database) => {
  it('seeds the demo into an empty database, then finds it there', { timeout: 180_000 }, async () => {
    const first = runSeed(database, '--json');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      status: 'seeded',
      steps: [
        {
          name: 'registry',
          summary: {
            entities: expect.any(Number),
            services: DEMO_REGISTRY_SERVICES,
            domains: expect.any(Number),
          },
        },
        { name: 'accounts', summary: expect.objectContaining({ users: DEMO_ACCOUNTS.length }) },
        { name: 'orders', summary: expect.objectContaining({ orders: DEMO_SCENARIOS.length }) },
        { name: 'licences', summary: { applications: 2, licences: 1 } },
      ],
      logins: DEMO_ACCOUNTS.map((account) => ({ email: account.email, roles: account.roles })),
    });
    // The approved demo orders joined the sample.
    const services = DEMO_REGISTRY_SERVICES + APPROVED;
    const registry = createRegistryRepository(database.db.kysely, database.db.dialect);
    expect((await registry.count()).services).toBe(services);

    const again = runSeed(database, '--lang', 'zh');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('演示数据已存在');
    expect(again.stdout).toContain(`密码: ${DEMO_PASSWORD}`);
    expect((await registry.count()).services).toBe(services);
  });
});

describeEachDatabase('openbeian db seed on a database in use', (database) => {
  it('refuses with exit 2 and writes nothing', { timeout: 60_000 }, async () => {
    const registry = createRegistryRepository(database.db.kysely, database.db.dialect);
    await database.db.transaction((trx) =>
      createRegistryRepository(trx, database.db.dialect).bulkInsert([buildRegistryEntry()]),
    );
    const refused = runSeed(database, '--json');
    expect(refused.status).toBe(2);
    expect(JSON.parse(refused.stdout)).toMatchObject({ error: { code: 'database_not_empty' } });
    expect((await registry.count()).services).toBe(1);
  });
});

describe('openbeian db seed with a bad secret', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'openbeian-seed-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reports a short SECRET or an exposed key file as a usage problem, without a stack trace', {
    timeout: 60_000,
  }, () => {
    const short = runCli(['db', 'seed', '--data-dir', dataDir], {
      env: { SECRET: 'too-short', DATABASE_URL: '' },
    });
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/^openbeian: invalid configuration: SECRET: must be at least 32 characters/);

    const keyFile = join(dataDir, 'secret.key');
    writeFileSync(keyFile, `${Buffer.alloc(32, 1).toString('base64')}\n`);
    chmodSync(keyFile, 0o644);
    const exposed = runCli(['db', 'seed', '--data-dir', dataDir], { env: { SECRET: '', DATABASE_URL: '' } });
    expect(exposed.status).toBe(2);
    expect(exposed.stderr).toContain(`chmod 600 ${keyFile}`);
    expect(exposed.stderr).not.toMatch(/\n\s+at /);
  });
});
