import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { AccountServices } from '../app/accounts/account-stores.ts';
import { ensureSandboxAuthorities } from '../app/accounts/ensure-sandbox-authorities.ts';
import { type CalendarProvider, type HealthProbe, systemClock } from '../app/ports.ts';
import { createWorkingDayCalendar } from '../domain/calendar/working-day-calendar.ts';
import { defaultCatalogue } from '../domain/catalogue/default-catalogue.ts';
import { createAccountServices } from '../infra/auth/account-services.ts';
import type { AuthLogger } from '../infra/auth/create-auth.ts';
import { loadOrCreateSecretKey } from '../infra/crypto/key-file.ts';
import { type Database, type DatabaseLogger, openDatabase, SQLITE_FILE_NAME } from '../infra/db/database.ts';
import { migrateToLatest } from '../infra/db/migrate.ts';
import { buildApp } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { createLogger, type LoggerOptions } from './logger.ts';
import { ensureSecretKeyFile } from './secret-key.ts';

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
  close(): Promise<void>;
}

/**
 * Opens what the app depends on: the database (SQLite under DATA_DIR, or PostgreSQL from
 * DATABASE_URL), migrated to the latest schema, and the working-day calendar. The demo seed, the
 * calendar overrides stored by admins and the at-rest encryption (which takes `secret`) plug in here.
 */
export async function openDependencies(
  config: Config,
  secret: string,
  logger: DatabaseLogger & AuthLogger,
): Promise<Dependencies> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  try {
    await migrateToLatest(database, logger);
  } catch (error) {
    await database.close();
    throw error;
  }
  const calendar = createWorkingDayCalendar();
  let accounts: AccountServices;
  try {
    // better-auth's secret is derived from the secret (never stored); `secret` is always set here.
    const secretKey = await loadOrCreateSecretKey({ secret, dataDir: config.dataDir });
    accounts = createAccountServices({
      database,
      secretKey,
      publicUrl: config.publicUrl,
      logger,
      clock: systemClock,
    });
    await ensureSandboxAuthorities({
      stores: accounts.stores,
      catalogue: defaultCatalogue,
      clock: systemClock,
    });
  } catch (error) {
    await database.close();
    throw error;
  }
  return {
    database,
    health: [{ name: 'database', ping: () => database.ping() }],
    calendar: { getCalendar: async () => calendar },
    accounts,
    close: () => database.close(),
  };
}

export interface StartupBanner {
  url: string;
  config: Config;
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
      `  public URL     ${config.publicUrl}`,
      `  API reference  ${config.publicUrl}/api/docs`,
      `  health         ${config.publicUrl}/api/health`,
      `  database       ${database}`,
      `  data directory ${config.dataDir}`,
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
}

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
  const secret = config.secret ?? (await ensureSecretKeyFile(config.secretKeyFile));

  const logger = createLogger({ level: config.logLevel, ...options.logger });
  const dependencies = await openDependencies(config, secret, logger);
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
    });
  } catch (error) {
    await dependencies.close();
    throw error;
  }
  const close = async () => {
    try {
      await app.close();
    } finally {
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
  printStartupBanner(options.write ?? ((text) => process.stdout.write(`${text}\n`)), { url, config });
  return { app, url, config, close };
}

/** `npm start`: start, and close gracefully on SIGINT/SIGTERM (a second signal exits at once). */
async function main(): Promise<void> {
  let server: RunningServer;
  try {
    server = await startServer(process.env);
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
