import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrateToLatest } from '../../src/infra/db/migrate.ts';
import { describeEachDatabase } from './databases.ts';

const TABLES = [
  'audit_chain_head',
  'audit_events',
  'registry_domains',
  'registry_entities',
  'registry_services',
];

describeEachDatabase(
  'migrations',
  (database) => {
    it('start from an empty database, then apply nothing the second and third time', async () => {
      const first = await migrateToLatest(database.db);
      expect(first.applied).toEqual(first.all);
      expect(first.all.slice(0, 2)).toEqual(['0001-registry', '0002-audit-log']);
      expect((await migrateToLatest(database.db)).applied).toEqual([]);
      const other = await database.open();
      try {
        expect((await migrateToLatest(other)).applied).toEqual([]);
      } finally {
        await other.close();
      }
    });

    it('create every table in the schema', async () => {
      const tables = await database.db.kysely.introspection.getTables();
      const names = tables.map((t) => t.name).filter((name) => !name.startsWith('kysely_'));
      expect(names).toEqual(expect.arrayContaining(TABLES));
    });

    it('give each suite its own database', async () => {
      const { rows } = await sql<{ count: number }>`select count(*) as count from registry_entities`.execute(
        database.db.kysely,
      );
      expect(Number(rows[0]?.count)).toBe(0);
      if (database.dialect === 'postgres') {
        expect(database.options.databaseUrl).toMatch(/\/openbeian_test_\d+_[0-9a-f]{8}$/);
      }
    });
  },
  { migrate: false },
);

/** Runs the real executable without blocking, so two can run at once. */
function runCliAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('../../bin/openbeian.js', import.meta.url)), ...args],
      {
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: '' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describeEachDatabase(
  'migrations run by two processes at once',
  (database) => {
    it('apply each migration exactly once', { timeout: 60_000 }, async () => {
      const target = database.options.databaseUrl
        ? ['--database-url', database.options.databaseUrl]
        : ['--data-dir', database.options.dataDir];
      const runs = await Promise.all([1, 2].map(() => runCliAsync(['db', 'migrate', '--json', ...target])));
      for (const run of runs) expect(run.status, run.stderr).toBe(0);
      const reports = runs.map((run) => JSON.parse(run.stdout) as { applied: string[]; all: string[] });
      const applied = reports.flatMap((report) => report.applied);
      expect(applied.sort()).toEqual([...(reports[0]?.all ?? [])].sort());
    });
  },
  { migrate: false },
);
