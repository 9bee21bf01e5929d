import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResult,
  Migrator,
  sql,
} from 'kysely';
import type { Database, DatabaseDialect, DatabaseLogger } from './database.ts';
import * as registry from './migrations/0001-registry.ts';
import * as auditLog from './migrations/0002-audit-log.ts';
import * as accounts from './migrations/0003-accounts.ts';
import * as orders from './migrations/0004-orders.ts';
import * as documents from './migrations/0005-documents.ts';
import * as admin from './migrations/0006-admin.ts';
import * as preferences from './migrations/0007-preferences.ts';
import * as fetchAllowList from './migrations/0008-fetch-allow-list.ts';
import * as licences from './migrations/0009-licences.ts';
import * as siteMonitors from './migrations/0010-site-monitors.ts';
import * as orderListFilters from './migrations/0011-order-list-filters.ts';
import * as userDisabled from './migrations/0012-user-disabled.ts';

/** A migration file: forward-only, one `up` that branches on the dialect where SQL must differ. */
interface DialectMigration {
  up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void>;
}

/**
 * Every migration, in order. A static record (not a folder scan) so migrations load the same under
 * tsx, vitest and any bundler. Add new files at the end; never edit or reorder applied ones.
 */
const MIGRATIONS: Readonly<Record<string, DialectMigration>> = {
  '0001-registry': registry,
  '0002-audit-log': auditLog,
  '0003-accounts': accounts,
  '0004-orders': orders,
  '0005-documents': documents,
  '0006-admin': admin,
  '0007-preferences': preferences,
  '0008-fetch-allow-list': fetchAllowList,
  '0009-licences': licences,
  '0010-site-monitors': siteMonitors,
  '0011-order-list-filters': orderListFilters,
  '0012-user-disabled': userDisabled,
};

class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly dialect: DatabaseDialect) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, migration]) => [
        name,
        { up: (db: Kysely<unknown>) => migration.up(db, this.dialect) },
      ]),
    );
  }
}

export interface MigrationReport {
  /** Names applied by this run, in order; empty when the database was up to date. */
  applied: string[];
  /** Every known migration, applied now or before. */
  all: string[];
}

export class MigrationError extends Error {
  constructor(
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    super(
      `Migration ${migration ?? '(setup)'} failed: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'MigrationError';
  }
}

/**
 * Brings the schema up to date; safe to run at every start and from several processes at once
 * (Kysely takes an advisory lock on PostgreSQL; on SQLite the run is one BEGIN IMMEDIATE transaction).
 */
export async function migrateToLatest(db: Database, logger?: DatabaseLogger): Promise<MigrationReport> {
  const migrator = new Migrator({ db: db.kysely, provider: new StaticMigrationProvider(db.dialect) });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    throw new MigrationError(failed?.migrationName, error);
  }
  const applied = results.filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName);
  for (const name of applied) logger?.info(`database: applied migration ${name}`);
  if (db.dialect === 'postgres') await warnIfTrigramsIgnoreChinese(db, logger);
  return { applied, all: Object.keys(MIGRATIONS) };
}

/**
 * pg_trgm only indexes characters the database's LC_CTYPE calls alphanumeric: under the plain "C"
 * locale Chinese names produce no trigrams and name search degrades to a full scan. C.UTF-8 or any
 * other UTF-8 locale works.
 */
async function warnIfTrigramsIgnoreChinese(db: Database, logger: DatabaseLogger | undefined): Promise<void> {
  const { rows } = await sql<{ count: number }>`select cardinality(show_trgm('备案')) as count`.execute(
    db.kysely,
  );
  if ((rows[0]?.count ?? 0) === 0) {
    logger?.warn(
      'database: pg_trgm ignores Chinese characters under this database locale; create the database with a UTF-8 LC_CTYPE (e.g. C.UTF-8) for fast name search',
    );
  }
}
