import { type Command, Option } from 'commander';
import type { Localized } from '../../domain/shared/localized.ts';
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
} satisfies Record<string, Localized>;

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
}
