import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { AccountServices } from '../app/accounts/account-stores.ts';
import { ensureSandboxAuthorities } from '../app/accounts/ensure-sandbox-authorities.ts';
import type { AdminDeps } from '../app/admin/admin-stores.ts';
import { createStoredCalendarProvider } from '../app/admin/stored-calendar-provider.ts';
import { createStoredCatalogueProvider } from '../app/admin/stored-catalogue-provider.ts';
import { DEMO_PASSWORD } from '../app/demo/demo-accounts.ts';
import { type DemoSeedReport, seedDemoData } from '../app/demo/seed-demo.ts';
import type { DocumentDeps } from '../app/documents/document-deps.ts';
import type { LicenceDeps } from '../app/licences/licence-deps.ts';
import type { MonitorDeps } from '../app/monitoring/monitor-deps.ts';
import { cryptoRandom, type OrderDeps } from '../app/orders/order-deps.ts';
import { type CalendarProvider, type HealthProbe, systemClock } from '../app/ports.ts';
import type { RegistryStore } from '../app/registry/registry-store.ts';
import { defaultCatalogue } from '../domain/catalogue/default-catalogue.ts';
import { createAccountServices } from '../infra/auth/account-services.ts';
import type { AuthLogger } from '../infra/auth/create-auth.ts';
import { createPeopleDirectory } from '../infra/auth/people-directory.ts';
import { createFieldCipher, type DataKeys, deriveDataKeys } from '../infra/crypto/envelope.ts';
import { loadOrCreateSecretKey } from '../infra/crypto/key-file.ts';
import { type Database, type DatabaseLogger, openDatabase, SQLITE_FILE_NAME } from '../infra/db/database.ts';
import { migrateToLatest } from '../infra/db/migrate.ts';
import { createRegistryTransaction } from '../infra/db/registry-transaction.ts';
import { createAdminPersistence } from '../infra/db/repositories/admin-persistence.ts';
import { createAuditLogRepository } from '../infra/db/repositories/audit-log-repository.ts';
import {
  createDocumentPersistence,
  createDocumentRepository,
} from '../infra/db/repositories/document-repository.ts';
import { createLicenceDirectory } from '../infra/db/repositories/licence-directory-repository.ts';
import { createLicencePersistence } from '../infra/db/repositories/licence-repository.ts';
import { createMonitorPersistence } from '../infra/db/repositories/monitor-repository.ts';
import { createWorkflowPersistence } from '../infra/db/repositories/order-repository.ts';
import { createOrderStatsRepository } from '../infra/db/repositories/order-stats-repository.ts';
import { createPreferenceRepository } from '../infra/db/repositories/preference-repository.ts';
import {
  createRegistryRepository,
  refreshRegistryStatistics,
} from '../infra/db/repositories/registry-repository.ts';
import { generateRegistrySample } from '../infra/db/seed/registry-sample.ts';
import { renderSampleDocument } from '../infra/demo/sample-documents.ts';
import { inspectUpload } from '../infra/documents/inspect-upload.ts';
import { createPageSource } from '../infra/fetch/page-source.ts';
import { renderVerificationForm } from '../infra/pdf/verification-form.ts';
import { createEncryptedFileStore } from '../infra/storage/encrypted-file-store.ts';
import { buildApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import type { AppDeps } from './deps.ts';
import { startBackgroundJobs } from './jobs.ts';
import { buildLiveFooterDeps } from './live-footer-deps.ts';
import { createLogger, type LoggerOptions } from './logger.ts';

/** Invalid environment variables; `main` prints every problem and exits with 1. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** What the app runs on, opened once at start and closed after the HTTP server. */
export interface Dependencies {
  database: Database;
  health: HealthProbe[];
  calendar: CalendarProvider;
  accounts: AccountServices;
  registry: RegistryStore;
  /** Per-purpose keys for personal data at rest (files, fields, blind index), from the secret key. */
  dataKeys: DataKeys;
  /** The order workflow (providers, inbox and mail outbox included), with the sandbox authority. */
  orders: OrderDeps;
  /** Uploaded documents (encrypted under `<dataDir>/files`) and the verification form. */
  documents: DocumentDeps;
  /** ICP and EDI licence applications with the sandbox authorities (platform administrators for MIIT). */
  licences: LicenceDeps;
  /** Calendar overrides, catalogue edits and the audit log viewer, with the providers of both. */
  admin: AdminDeps;
  /** What the demo seed did; absent when DEMO=0. */
  demo?: DemoSeedReport;
  close(): Promise<void>;
}

/**
 * Opens what the app depends on: the database (SQLite under DATA_DIR, or PostgreSQL from
 * DATABASE_URL), migrated to the latest schema, the working-day calendar, the accounts with the
 * sandbox authorities, and — unless DEMO=0 — the demo data on an empty database. `secretKey` comes
 * from `loadOrCreateSecretKey`; every key for data at rest and for better-auth is derived from it.
 */
export async function openDependencies(
  config: Config,
  secretKey: Buffer,
  logger: DatabaseLogger & AuthLogger,
): Promise<Dependencies> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  try {
    await migrateToLatest(database, logger);
  } catch (error) {
    await database.close();
    throw error;
  }
  const registry = createRegistryRepository(database.kysely, database.dialect);
  // The seed calendar and the shipped catalogue, each with the admins' changes from the database.
  const adminPersistence = createAdminPersistence(database);
  const admin: AdminDeps = {
    ...adminPersistence,
    calendar: createStoredCalendarProvider(adminPersistence.read.calendarOverrides),
    catalogue: createStoredCatalogueProvider(defaultCatalogue, adminPersistence.read.catalogueEdits),
    shippedCatalogue: defaultCatalogue,
    clock: systemClock,
  };
  const calendarProvider: CalendarProvider = admin.calendar;
  const dataKeys = deriveDataKeys(secretKey);
  const fieldCipher = createFieldCipher(dataKeys);
  const orders: OrderDeps = {
    persistence: createWorkflowPersistence(database),
    clock: systemClock,
    calendar: calendarProvider,
    catalogue: defaultCatalogue,
    fieldCipher,
    random: cryptoRandom,
    directory: createPeopleDirectory(database.kysely),
    authorityMode: 'sandbox',
    // Submission checks the documents actually uploaded, for the demo seed as for every user.
    documentKinds: createDocumentRepository(database.kysely),
  };
  const licences: LicenceDeps = {
    persistence: createLicencePersistence(database),
    clock: systemClock,
    calendar: calendarProvider,
    catalogue: defaultCatalogue,
    fieldCipher,
    directory: createLicenceDirectory(database.kysely),
    registry,
    authorityMode: 'sandbox',
  };
  let accounts: AccountServices;
  let documents: DocumentDeps;
  let demo: DemoSeedReport | undefined;
  try {
    accounts = createAccountServices({
      database,
      secretKey,
      publicUrl: config.publicUrl,
      logger,
      clock: systemClock,
    });
    documents = {
      orders,
      persistence: createDocumentPersistence(database),
      files: createEncryptedFileStore({ root: join(config.dataDir, 'files'), key: dataKeys.files }),
      inspectFile: inspectUpload,
      renderVerificationForm,
      organisations: accounts.stores.organisations,
      maxUploadBytes: config.maxUploadBytes,
    };
    await ensureSandboxAuthorities({
      stores: accounts.stores,
      catalogue: defaultCatalogue,
      clock: systemClock,
    });
    if (config.demo) {
      demo = await seedDemoData({
        registry,
        auditLog: createAuditLogRepository(database.kysely),
        transact: createRegistryTransaction(database),
        refreshRegistryStatistics: () => refreshRegistryStatistics(database.kysely, database.dialect),
        generateRegistrySample,
        clock: systemClock,
        accounts,
        orders,
        documents,
        renderSampleDocument,
        licences,
      });
      logger.info(`demo data: ${demo.status}${demo.steps.map((step) => `, ${step.name}`).join('')}`);
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    database,
    health: [{ name: 'database', ping: () => database.ping() }],
    calendar: calendarProvider,
    accounts,
    registry,
    dataKeys,
    orders,
    documents,
    licences,
    admin,
    ...(demo === undefined ? {} : { demo }),
    close: () => database.close(),
  };
}

export interface StartupBanner {
  url: string;
  config: Config;
  demo?: DemoSeedReport | undefined;
}

/** The demo's lines: said on every start of a demo database, since all its records are made up. */
function formatDemoLines(demo: DemoSeedReport | undefined): string[] {
  if (!demo || demo.status === 'not_empty') return [];
  const lines = ['  demo data      made-up records (start with DEMO=0 on an empty database for none)'];
  if (demo.logins.length === 0) return lines;
  const width = Math.max(...demo.logins.map((login) => login.email.length));
  lines.push(`  demo sign-ins  password ${DEMO_PASSWORD}`);
  for (const login of demo.logins) lines.push(`    ${login.email.padEnd(width)}  ${login.description.en}`);
  return lines;
}

/** What a person starting the server needs to see; the demo logins join it when the seed exists. */
export function printStartupBanner(write: (text: string) => void, banner: StartupBanner): void {
  const { config } = banner;
  const database = config.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `SQLite ${join(config.dataDir, SQLITE_FILE_NAME)}`;
  write(
    [
      '',
      `OpenBeian is listening on ${banner.url}`,
      `  web app        ${config.publicUrl}/`,
      `  public URL     ${config.publicUrl}`,
      `  API reference  ${config.publicUrl}/api/docs`,
      `  health         ${config.publicUrl}/api/health`,
      `  database       ${database}`,
      `  data directory ${config.dataDir}`,
      ...formatDemoLines(banner.demo),
      '',
    ].join('\n'),
  );
}

export interface RunningServer {
  app: FastifyInstance;
  /** The address the server listens on, e.g. http://127.0.0.1:3000. */
  url: string;
  config: Config;
  /** Stops accepting requests, finishes the ones in flight, then closes the dependencies. */
  close(): Promise<void>;
}

export interface StartServerOptions {
  logger?: LoggerOptions;
  /** Where the banner goes; stdout by default. */
  write?: (text: string) => void;
  /** The built web app to serve at `/`; `dist/web` of this checkout by default. */
  webRoot?: string;
  /** Per-address limits; the browser tests raise them, since every simulated user shares 127.0.0.1. */
  rateLimits?: AppDeps['rateLimits'];
}

/** Where `vite build` writes the web app (vite.config.ts). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** Loads the configuration from `env`, opens the dependencies and listens. Throws ConfigError on bad input. */
export async function startServer(
  env: NodeJS.ProcessEnv,
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new ConfigError(loaded.error);
  const config: Config = {
    ...loaded.value,
    dataDir: resolve(loaded.value.dataDir),
    secretKeyFile: resolve(loaded.value.secretKeyFile),
  };
  await mkdir(config.dataDir, { recursive: true });
  const secretKey = await loadOrCreateSecretKey({ secret: config.secret, dataDir: config.dataDir });

  const logger = createLogger({ level: config.logLevel, ...options.logger });
  const dependencies = await openDependencies(config, secretKey, logger);
  const pages = createPageSource();
  const monitoring: MonitorDeps = {
    ...createMonitorPersistence(dependencies.database),
    clock: systemClock,
    fieldCipher: dependencies.orders.fieldCipher,
    directory: dependencies.orders.directory,
    getLiveFooterDeps: () =>
      buildLiveFooterDeps(
        {
          config,
          catalogue: defaultCatalogue,
          catalogueProvider: dependencies.admin.catalogue,
          registry: dependencies.registry,
          admin: dependencies.admin,
        },
        pages,
      ),
  };
  let app: FastifyInstance;
  try {
    app = await buildApp({
      config,
      ...(options.logger ? { logger: options.logger } : {}),
      health: dependencies.health,
      catalogue: defaultCatalogue,
      calendar: dependencies.calendar,
      clock: systemClock,
      accounts: dependencies.accounts,
      registry: dependencies.registry,
      orders: dependencies.orders,
      documents: dependencies.documents,
      licences: dependencies.licences,
      admin: dependencies.admin,
      catalogueProvider: dependencies.admin.catalogue,
      stats: createOrderStatsRepository(dependencies.database.kysely),
      preferences: createPreferenceRepository(dependencies.database.kysely),
      pages,
      monitoring,
      webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
      ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    });
  } catch (error) {
    await dependencies.close();
    throw error;
  }
  // SMS expiry, deadline reminders and the mail outbox; stopped before the database closes.
  const jobs = startBackgroundJobs({
    orders: dependencies.orders,
    catalogue: dependencies.admin.catalogue,
    database: dependencies.database,
    config,
    logger,
    licences: dependencies.licences,
    monitoring,
  });
  const close = async () => {
    try {
      await app.close();
    } finally {
      await jobs.stop();
      await dependencies.close();
    }
  };
  let url: string;
  try {
    url = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await close();
    throw error;
  }
  printStartupBanner(options.write ?? ((text) => process.stdout.write(`${text}\n`)), {
    url,
    config,
    demo: dependencies.demo,
  });
  return { app, url, config, close };
}

/** `npm start`: start, and close gracefully on SIGINT/SIGTERM (a second signal exits at once). */
async function main(): Promise<void> {
  let server: RunningServer;
  try {
    server = await startServer(
      process.env,
      process.env.WEB_ROOT ? { webRoot: resolve(process.env.WEB_ROOT) } : {},
    );
  } catch (error) {
    process.stderr.write(`openbeian: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  let closing = false;
  const shutDown = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    server.app.log.info({ signal }, 'closing');
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, 'close failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutDown);
  process.on('SIGTERM', shutDown);
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(resolve(entry)).href) {
  await main();
}
