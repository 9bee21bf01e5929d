import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import { DEMO_PASSWORD } from '../../app/demo/demo-accounts.ts';
import type { DemoSeedReport } from '../../app/demo/seed-demo.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import { loadOrCreateSecretKey, SecretKeyError } from '../../infra/crypto/key-file.ts';
import { type Database, openDatabase, UnsupportedDatabaseUrlError } from '../../infra/db/database.ts';
import { type MigrationReport, migrateToLatest } from '../../infra/db/migrate.ts';
import { CliInputError, type Output, pick } from '../output.ts';

export interface DatabaseCliOptions {
  databaseUrl?: string;
  dataDir: string;
}

/** --database-url (DATABASE_URL) and --data-dir (DATA_DIR, default ./data), as the server reads them. */
export function addDatabaseOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--database-url <url>',
        'postgres://… for PostgreSQL; unset: SQLite in the data directory',
      ).env('DATABASE_URL'),
    )
    .addOption(
      new Option('--data-dir <dir>', 'data directory (holds the SQLite file)')
        .env('DATA_DIR')
        .default('./data'),
    );
}

/**
 * Opens the database, brings it up to date and runs `fn`; a database that cannot be opened or
 * reached is a usage problem (exit 2) with a message, not a stack trace.
 */
export async function withDatabase<T>(
  options: DatabaseCliOptions,
  fn: (db: Database, migrations: MigrationReport) => Promise<T>,
): Promise<T> {
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  } catch (error) {
    throw databaseProblem(error);
  }
  try {
    let migrations: MigrationReport;
    try {
      await db.ping();
      migrations = await migrateToLatest(db);
    } catch (error) {
      throw databaseProblem(error);
    }
    return await fn(db, migrations);
  } finally {
    await db.close().catch(() => undefined);
  }
}

function databaseProblem(error: unknown): CliInputError {
  if (error instanceof UnsupportedDatabaseUrlError) {
    return new CliInputError(`--database-url: ${error.message}`, 'unsupported_database_url');
  }
  const message = error instanceof Error ? error.message || error.name : String(error);
  return new CliInputError(`cannot use the database: ${message}`, 'database_unavailable');
}

const TEXT = {
  upToDate: { en: 'Database is up to date', zh: '数据库已是最新' },
  applied: { en: 'Applied migrations', zh: '已执行迁移' },
  migrations: { en: 'migrations', zh: '个迁移' },
  seeded: { en: 'Seeded the demo data', zh: '已写入演示数据' },
  alreadySeeded: { en: 'The demo data is already there', zh: '演示数据已存在' },
  notEmpty: {
    en: 'the database already holds data: the demo is seeded only into an empty database',
    zh: '数据库中已有数据：演示数据只写入空数据库',
  },
  password: { en: 'password', zh: '密码' },
} satisfies Record<string, Localized>;

/**
 * Prepares the database exactly as `npm start` does before it listens — migrations, accounts, the
 * sandbox authorities, then the demo seed, forced on — with the same configuration (DATA_DIR and its
 * key file, SECRET, DATABASE_URL), so the demo's encrypted data is readable by the server. The
 * server module is imported here only: it loads Fastify, which `db migrate` and `user` do not need.
 */
async function seedDemoDatabase(options: DatabaseCliOptions, out: Output): Promise<DemoSeedReport> {
  const [{ loadConfig }, { openDependencies }] = await Promise.all([
    import('../../server/config.ts'),
    import('../../server/server.ts'),
  ]);
  const loaded = loadConfig({
    ...process.env,
    DATA_DIR: options.dataDir,
    DATABASE_URL: options.databaseUrl ?? '',
    DEMO: '1',
  });
  if (!loaded.ok)
    throw new CliInputError(`invalid configuration: ${loaded.error.join('; ')}`, 'invalid_config');
  const config = { ...loaded.value, dataDir: resolve(loaded.value.dataDir) };
  let dependencies: Awaited<ReturnType<typeof openDependencies>>;
  try {
    const secretKey = await loadOrCreateSecretKey({ secret: config.secret, dataDir: config.dataDir });
    dependencies = await openDependencies(config, secretKey, {
      info: () => {},
      warn: (message) => out.err(message),
      error: (message) => out.err(message),
    });
  } catch (error) {
    if (error instanceof SecretKeyError) throw new CliInputError(error.message, error.code);
    throw databaseProblem(error);
  }
  try {
    if (!dependencies.demo) throw new Error('openDependencies skipped the demo seed although DEMO=1');
    return dependencies.demo;
  } finally {
    await dependencies.close();
  }
}

function formatCounts(summary: Record<string, unknown>): string {
  return Object.entries(summary)
    .map(([key, value]) => `${String(value)} ${key}`)
    .join(', ');
}

export function registerDbCommand(program: Command, output: () => Output): void {
  const db = program
    .command('db')
    .description('database maintenance (SQLite by default, PostgreSQL with DATABASE_URL)');
  addDatabaseOptions(
    db.command('migrate').description('create or update the database schema (also done at every start)'),
  ).action(async (opts: DatabaseCliOptions) => {
    const out = output();
    await withDatabase(opts, async (database, report) => {
      if (out.json) {
        out.out(
          JSON.stringify({ dialect: database.dialect, applied: report.applied, all: report.all }, null, 2),
        );
      } else if (report.applied.length === 0) {
        out.out(
          `${pick(TEXT.upToDate, out.lang)} (${database.dialect}, ${report.all.length} ${pick(TEXT.migrations, out.lang)})`,
        );
      } else {
        out.out(`${pick(TEXT.applied, out.lang)} (${database.dialect}): ${report.applied.join(', ')}`);
      }
    });
  });

  addDatabaseOptions(
    db
      .command('seed')
      .description(
        'seed the demo data into an empty database, as `npm start` does unless DEMO=0; finishes an interrupted seed',
      ),
  ).action(async (opts: DatabaseCliOptions) => {
    const out = output();
    const report = await seedDemoDatabase(opts, out);
    if (report.status === 'not_empty')
      throw new CliInputError(pick(TEXT.notEmpty, out.lang), 'database_not_empty');
    if (out.json) {
      out.out(
        JSON.stringify(
          {
            status: report.status,
            steps: report.steps,
            logins: report.logins.map((login) => ({ email: login.email, roles: login.roles })),
          },
          null,
          2,
        ),
      );
      return;
    }
    if (report.status === 'already_seeded') out.out(pick(TEXT.alreadySeeded, out.lang));
    for (const step of report.steps) {
      out.out(`${pick(TEXT.seeded, out.lang)}: ${step.name} (${formatCounts(step.summary)})`);
    }
    if (report.logins.length > 0) {
      out.out(`${pick(TEXT.password, out.lang)}: ${DEMO_PASSWORD}`);
      for (const login of report.logins) out.out(`  ${login.email}  ${pick(login.description, out.lang)}`);
    }
  });
}
