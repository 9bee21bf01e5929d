/**
 * Runs a suite on a fresh, migrated SQLite database and on a fresh PostgreSQL database.
 *
 * SQLite: a new temporary data directory per suite, removed afterwards.
 * PostgreSQL: `CREATE DATABASE openbeian_test_<pid>_<random>` per suite on the server below, dropped
 * afterwards (WITH (FORCE)), so suites and parallel test files never share state.
 *
 * Environment:
 * - TEST_DATABASE_URL — an admin connection to the PostgreSQL server (the database in it is only used
 *   to create and drop the per-suite databases). Without it the usual libpq variables apply:
 *   PGHOST (default 127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, PGDATABASE (test).
 * - REQUIRE_POSTGRES=1 — a PostgreSQL server that cannot be reached fails the run (CI sets it);
 *   otherwise the PostgreSQL suites are skipped with a message saying why.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  type Database,
  type DatabaseDialect,
  type OpenDatabaseOptions,
  openDatabase,
} from '../../src/infra/db/database.ts';
import { migrateToLatest } from '../../src/infra/db/migrate.ts';

export interface TestDatabase {
  readonly dialect: DatabaseDialect;
  /** The suite's migrated database (available inside tests and hooks). */
  readonly db: Database;
  /** Options that open the same database again: for buildApp, the CLI or a second connection. */
  readonly options: OpenDatabaseOptions;
  /** Opens another handle on the same database; the caller closes it. */
  open(): Promise<Database>;
}

export interface DescribeEachDatabaseOptions {
  /** Run migrations before the suite (default true). */
  migrate?: boolean;
}

export function getAdminPostgresUrl(): string {
  const fromEnv = process.env.TEST_DATABASE_URL?.trim();
  if (fromEnv) return fromEnv;
  const url = new URL('postgres://localhost');
  url.hostname = process.env.PGHOST || '127.0.0.1';
  url.port = process.env.PGPORT || '5432';
  url.username = encodeURIComponent(process.env.PGUSER || 'postgres');
  if (process.env.PGPASSWORD) url.password = encodeURIComponent(process.env.PGPASSWORD);
  url.pathname = `/${encodeURIComponent(process.env.PGDATABASE || 'test')}`;
  return url.toString();
}

export const isPostgresRequired = process.env.REQUIRE_POSTGRES === '1';

/**
 * Why PostgreSQL cannot be used, or undefined when it answers. Tried a few times with a generous
 * timeout: with many test files starting at once on a 2-core machine a single attempt can be slow.
 */
async function probePostgres(attempts = 3): Promise<string | undefined> {
  let problem: string | undefined;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const client = new pg.Client({
      connectionString: getAdminPostgresUrl(),
      connectionTimeoutMillis: 10_000,
    });
    try {
      await client.connect();
      await client.query('select 1');
      return undefined;
    } catch (error) {
      problem = error instanceof Error ? error.message || error.name : String(error);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return problem;
}

const postgresProblem = await probePostgres();

/**
 * Whether the test PostgreSQL server answers; with REQUIRE_POSTGRES=1 an unreachable server throws here,
 * so suites that start their own server (not through describeEachDatabase) fail instead of skipping.
 */
export function isPostgresReachable(): boolean {
  if (postgresProblem !== undefined && isPostgresRequired) {
    throw new Error(`REQUIRE_POSTGRES=1 but PostgreSQL does not answer: ${postgresProblem}`);
  }
  return postgresProblem === undefined;
}
let hasWarned = false;

export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: getAdminPostgresUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

class SuiteDatabase implements TestDatabase {
  #db: Database | undefined;
  #options: OpenDatabaseOptions | undefined;
  #cleanup: (() => Promise<void>) | undefined;

  constructor(readonly dialect: DatabaseDialect) {}

  get db(): Database {
    if (!this.#db) throw new Error('The test database is opened in beforeAll; use it inside tests and hooks');
    return this.#db;
  }

  get options(): OpenDatabaseOptions {
    if (!this.#options)
      throw new Error('The test database is opened in beforeAll; use it inside tests and hooks');
    return this.#options;
  }

  open(): Promise<Database> {
    return openDatabase(this.options);
  }

  async setUp(migrate: boolean): Promise<void> {
    const dataDir = mkdtempSync(join(tmpdir(), 'openbeian-test-'));
    if (this.dialect === 'sqlite') {
      this.#options = { dataDir };
      this.#cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
    } else {
      const name = `openbeian_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      await withAdminClient((client) => client.query(`create database ${name}`));
      const url = new URL(getAdminPostgresUrl());
      url.pathname = `/${name}`;
      this.#options = { dataDir, databaseUrl: url.toString() };
      this.#cleanup = async () => {
        await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
        rmSync(dataDir, { recursive: true, force: true });
      };
    }
    this.#db = await openDatabase(this.#options);
    if (migrate) await migrateToLatest(this.#db);
  }

  async tearDown(): Promise<void> {
    await this.#db?.close();
    this.#db = undefined;
    await this.#cleanup?.();
  }
}

/**
 * Defines the suite twice, as "<name> [sqlite]" and "<name> [postgres]", each with its own fresh
 * database. `define` receives the suite's TestDatabase; read `.db` inside tests and hooks.
 */
export function describeEachDatabase(
  name: string,
  define: (database: TestDatabase) => void,
  options: DescribeEachDatabaseOptions = {},
): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const label = `${name} [${dialect}]`;
    const suite = new SuiteDatabase(dialect);
    if (dialect === 'postgres' && postgresProblem !== undefined) {
      if (isPostgresRequired) {
        describe(label, () => {
          it('reaches PostgreSQL (REQUIRE_POSTGRES=1)', () => {
            throw new Error(
              `PostgreSQL at ${new URL(getAdminPostgresUrl()).host} is unreachable: ${postgresProblem}`,
            );
          });
        });
      } else {
        if (!hasWarned) {
          hasWarned = true;
          console.warn(
            `PostgreSQL unreachable (${postgresProblem}): PostgreSQL suites are skipped. Set REQUIRE_POSTGRES=1 to fail instead.`,
          );
        }
        describe.skip(`${label} — skipped: PostgreSQL unreachable`, () => define(suite));
      }
      continue;
    }
    describe(label, () => {
      beforeAll(() => suite.setUp(options.migrate ?? true), 120_000);
      afterAll(() => suite.tearDown(), 120_000);
      define(suite);
    });
  }
}
