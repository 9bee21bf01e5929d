import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureWebBuild } from '../../scripts/build-web.ts';
import { type RunningServer, startServer } from '../../src/server/server.ts';
import { getAdminPostgresUrl, isPostgresReachable, withAdminClient } from '../../test/support/databases.ts';
import { CHROMIUM_PATH, launchChromium } from './browser.ts';
import { E2E_OUTPUT_ROOT } from './screenshots.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the e2e server listens, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
    /** The same demo on PostgreSQL; '' when PostgreSQL does not answer (and REQUIRE_POSTGRES is unset). */
    postgresBaseUrl: string;
    /** That server's database, for tests that check what the journey wrote there. */
    postgresDatabaseUrl: string;
  }
}

const INSTALL_HINT =
  'Run `sh scripts/ensure-browser.sh` (npm test does) to install chromium and fonts-noto-cjk.';

/** Fails early, with the fix, when the browser or the CJK font is missing: every journey needs both. */
async function checkBrowser(): Promise<void> {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM_PATH}, which is missing. ${INSTALL_HINT}`);
  }
  try {
    const browser = await launchChromium();
    await browser.close();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`Chromium at ${CHROMIUM_PATH} does not start: ${reason}. ${INSTALL_HINT}`);
  }
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' });
  } catch {
    // No fontconfig tools: Chromium brings fontconfig, so this only happens on unusual systems.
  }
  if (!/Noto Sans CJK/i.test(fonts)) {
    throw new Error(`No Noto Sans CJK font: Chinese pages would render as empty boxes. ${INSTALL_HINT}`);
  }
}

/** A port nobody listens on right now; the server gets it next (PUBLIC_URL must be known before start). */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface DemoServer {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

/** A demo server on a free port with a fresh data directory (and `env`'s database when given). */
async function startDemoServer(env: { DATABASE_URL?: string }): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'openbeian-e2e-'));
  let server: RunningServer | undefined;
  // Another process may take the probed port before the server binds it; a new port then.
  for (let attempt = 1; !server; attempt++) {
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    try {
      server = await startServer(
        {
          // Only what the server reads: an inherited DATABASE_URL or SECRET must not leak in.
          DATA_DIR: dataDir,
          HOST: '127.0.0.1',
          PORT: String(port),
          // better-auth accepts a sign-in only from this origin.
          PUBLIC_URL: baseUrl,
          DEMO: '1',
          LOG_LEVEL: 'warn',
          // The live footer check and the site monitor journeys fetch fixture sites on loopback.
          FETCH_ALLOW_HOSTS: '127.0.0.1',
          ...env,
        },
        {
          write: () => {},
          // Every simulated user and Lighthouse share one address: the per-address limits would trip.
          rateLimits: {
            publicApi: { max: 100_000, timeWindowMs: 60_000 },
            signIn: { max: 10_000, timeWindowMs: 60_000 },
          },
        },
      );
    } catch (error) {
      const inUse = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
      if (!inUse || attempt >= 5) {
        rmSync(dataDir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const running = server;
  return {
    url: running.url.replace(/\/$/, ''),
    dataDir,
    close: async () => {
      try {
        await running.close();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Once per `vitest run` of the e2e project: the web app built (only when stale), Chromium checked, and
 * one server on a free port with a fresh SQLite database and the demo seed. Tests read its address
 * with `inject('baseUrl')`.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await checkBrowser();
  await ensureWebBuild({ log: (line) => process.stdout.write(`[e2e] ${line}\n`) });
  // Screenshots of an earlier run would mix with this run's; the folder holds nothing else.
  rmSync(E2E_OUTPUT_ROOT, { recursive: true, force: true });

  const sqlite = await startDemoServer({});
  project.provide('baseUrl', sqlite.url);
  process.stdout.write(`[e2e] server ${sqlite.url} (SQLite in ${sqlite.dataDir})\n`);

  // The same demo on PostgreSQL, for journeys that must hold on both databases (licence applications).
  let postgres: DemoServer | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  let postgresDatabaseUrl = '';
  if (isPostgresReachable()) {
    const name = `openbeian_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
    await withAdminClient((client) => client.query(`create database ${name}`));
    dropDatabase = async () => {
      await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
    };
    const url = new URL(getAdminPostgresUrl());
    url.pathname = `/${name}`;
    postgresDatabaseUrl = url.toString();
    try {
      postgres = await startDemoServer({ DATABASE_URL: postgresDatabaseUrl });
    } catch (error) {
      await dropDatabase();
      await sqlite.close();
      throw error;
    }
    process.stdout.write(`[e2e] server ${postgres.url} (PostgreSQL database ${name})\n`);
  }
  project.provide('postgresBaseUrl', postgres?.url ?? '');
  project.provide('postgresDatabaseUrl', postgresDatabaseUrl);

  return async () => {
    try {
      await postgres?.close();
      await dropDatabase?.();
    } finally {
      await sqlite.close();
    }
  };
}
