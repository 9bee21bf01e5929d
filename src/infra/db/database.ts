import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { ImmediateSqliteDialect } from './sqlite-dialect.ts';

export type DatabaseDialect = 'sqlite' | 'postgres';

/** What the database layer reports; a pino logger fits. Messages never carry personal data. */
export interface DatabaseLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface OpenDatabaseOptions {
  /** `postgres://…` (or `postgresql://…`) selects PostgreSQL; absent or empty selects SQLite. */
  databaseUrl?: string | undefined;
  /** Holds the SQLite file (`openbeian.sqlite`); created when missing. */
  dataDir: string;
  logger?: DatabaseLogger | undefined;
}

/**
 * One handle for both databases. Queries go through `kysely`; writes that belong together go through
 * `transaction`. On SQLite there is one connection: inside `transaction` use only the `trx` it hands
 * you — a query on `kysely` there waits for the transaction to end and never runs. Open one handle
 * per process on a SQLite file: better-sqlite3 is synchronous, so a second handle in the same process
 * waiting for the first one's write lock would block the very thread that has to release it.
 */
export interface Database {
  readonly kysely: Kysely<DB>;
  readonly dialect: DatabaseDialect;
  /**
   * Runs `fn` in one transaction: SQLite `BEGIN IMMEDIATE` (the write lock up front, transactions
   * serialised on the single connection), PostgreSQL READ COMMITTED on a pooled connection.
   */
  transaction<T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T>;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const SQLITE_FILE_NAME = 'openbeian.sqlite';

/** How long a SQLite writer waits for another process's write lock before SQLITE_BUSY. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export class UnsupportedDatabaseUrlError extends Error {
  constructor() {
    super('DATABASE_URL must start with postgres:// or postgresql:// (leave it unset to use SQLite)');
    this.name = 'UnsupportedDatabaseUrlError';
  }
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(url);
}

/** Opens SQLite (default) or PostgreSQL. Run `migrateToLatest` before use. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const url = options.databaseUrl?.trim() ?? '';
  if (url === '') return openSqlite(options);
  if (!isPostgresUrl(url)) throw new UnsupportedDatabaseUrlError();
  return openPostgres(url, options.logger);
}

function openSqlite(options: OpenDatabaseOptions): Database {
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, SQLITE_FILE_NAME);
  const connection = new BetterSqlite3(file);
  try {
    const mode = connection.pragma('journal_mode = WAL', { simple: true });
    if (String(mode).toLowerCase() !== 'wal') {
      throw new Error(`SQLite could not switch ${file} to WAL mode (got "${String(mode)}")`);
    }
    // FULL: a committed approval survives power loss, not only a process crash (perf-reliability §2.3).
    connection.pragma('synchronous = FULL');
    connection.pragma('foreign_keys = ON');
    connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    // 64 MB page cache: registry lookups at national scale stay in memory without a large RSS.
    connection.pragma('cache_size = -65536');
    connection.pragma('temp_store = MEMORY');
  } catch (error) {
    connection.close();
    throw error;
  }
  const kysely = new Kysely<DB>({ dialect: new ImmediateSqliteDialect(connection) });
  options.logger?.info(`database: SQLite ${file}`);
  return {
    kysely,
    dialect: 'sqlite',
    transaction: (fn) => kysely.transaction().execute(fn),
    ping: async () => {
      await sql`select 1`.execute(kysely);
    },
    close: async () => {
      // Lets SQLite refresh the planner statistics it found missing during this session.
      await sql`pragma optimize`.execute(kysely);
      await kysely.destroy();
    },
  };
}

/**
 * int8 (bigint ids, count(*)) as JavaScript numbers, as SQLite returns them, so both databases give
 * repositories the same types. Ids and counts stay far below 2^53 (9 quadrillion).
 */
function parseInt8(value: string): number {
  return Number(value);
}

const INT8_OID = 20;

const postgresTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? parseInt8
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

function openPostgres(url: string, logger: DatabaseLogger | undefined): Database {
  const pool = new pg.Pool({
    connectionString: url,
    types: postgresTypes,
    application_name: 'openbeian',
    max: 10,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', (error) => logger?.warn(`database: idle PostgreSQL connection failed: ${error.message}`));
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  logger?.info(`database: PostgreSQL ${describePostgresTarget(url)}`);
  return {
    kysely,
    dialect: 'postgres',
    transaction: (fn) => kysely.transaction().execute(fn),
    ping: async () => {
      await sql`select 1`.execute(kysely);
    },
    close: () => kysely.destroy(),
  };
}

/** Host and database name only: the URL may carry a password. */
function describePostgresTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return '(unparsable URL)';
  }
}
