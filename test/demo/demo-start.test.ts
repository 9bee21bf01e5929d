import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/app/demo/demo-accounts.ts';
import { DEMO_SCENARIOS } from '../../src/app/demo/seed-orders.ts';
import { DEMO_REGISTRY_SERVICES } from '../../src/app/demo/seed-registry.ts';
import { type OpenDatabaseOptions, openDatabase } from '../../src/infra/db/database.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { loadConfig } from '../../src/server/config.ts';
import { printStartupBanner, type RunningServer, startServer } from '../../src/server/server.ts';
import { getAdminPostgresUrl, isPostgresReachable } from '../support/databases.ts';

const KEJI = encodeURIComponent('科技');
/** The sample, and the demo orders the sandbox authority approved. */
const DEMO_SERVICES =
  DEMO_REGISTRY_SERVICES + DEMO_SCENARIOS.filter((scenario) => scenario.status === 'approved').length;

/** Signs in over HTTP as a browser on the public URL does; the response status. */
async function signIn(server: RunningServer, email: string, password = DEMO_PASSWORD): Promise<number> {
  const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.config.publicUrl },
    body: JSON.stringify({ email, password }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function countServices(options: OpenDatabaseOptions): Promise<number> {
  const db = await openDatabase(options);
  try {
    return (await createRegistryRepository(db.kysely, db.dialect).count()).services;
  } finally {
    await db.close();
  }
}

async function searchKeji(server: RunningServer): Promise<{ status: number; items: unknown[] }> {
  const response = await fetch(`${server.url}/api/registry/search?q=${KEJI}&limit=5`);
  const body = (await response.json()) as { items: unknown[] };
  return { status: response.status, items: body.items };
}

/** A fresh start seeds the demo, sample documents included: generous for a loaded machine. */
const SEED_TIMEOUT = 180_000;

describe('npm start on a fresh data directory', () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  const banner: string[] = [];
  const quiet = { logger: { level: 'silent' as const }, write: (text: string) => banner.push(text) };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'openbeian-start-'));
    banner.length = 0;
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('seeds the demo once, answers searches at once and prints the sign-ins, which work', {
    timeout: SEED_TIMEOUT,
  }, async () => {
    server = await startServer({ PORT: '0', DATA_DIR: dataDir }, quiet);
    expect(await searchKeji(server)).toEqual({ status: 200, items: expect.any(Array) });
    expect((await searchKeji(server)).items).toHaveLength(5);
    expect(banner.join('\n')).toContain('demo data');
    for (const account of DEMO_ACCOUNTS) {
      expect(banner.join('\n')).toContain(account.email);
      expect(await signIn(server, account.email), account.email).toBe(200);
    }
    await server.close();

    banner.length = 0;
    server = await startServer({ PORT: '0', DATA_DIR: dataDir }, quiet);
    expect(banner.join('\n')).toContain('demo data');
    await server.close();
    server = undefined;
    expect(await countServices({ dataDir })).toBe(DEMO_SERVICES);
  });

  it('seeds nothing with DEMO=0, and the demo on a later start of the still empty database', {
    timeout: SEED_TIMEOUT,
  }, async () => {
    server = await startServer({ PORT: '0', DATA_DIR: dataDir, DEMO: '0' }, quiet);
    expect(await searchKeji(server)).toEqual({ status: 200, items: [] });
    expect(await signIn(server, 'applicant@demo.openbeian.test')).toBe(401);
    expect(banner.join('\n')).not.toContain('demo data');
    await server.close();

    // The first start wrote only the built-in sandbox authorities, which do not make it "in use".
    server = await startServer({ PORT: '0', DATA_DIR: dataDir }, quiet);
    expect(await signIn(server, 'applicant@demo.openbeian.test')).toBe(200);
  });
});

describe('printStartupBanner', () => {
  const config = (() => {
    const loaded = loadConfig({ DATA_DIR: '/srv/openbeian' });
    if (!loaded.ok) throw new Error(loaded.error.join('; '));
    return loaded.value;
  })();

  it('lists the demo sign-ins with their password when the seed made them', () => {
    const lines: string[] = [];
    printStartupBanner((text) => lines.push(text), {
      url: 'http://127.0.0.1:3000',
      config,
      demo: { status: 'already_seeded', steps: [], logins: DEMO_ACCOUNTS },
    });
    const text = lines.join('\n');
    expect(text).toContain(`password ${DEMO_PASSWORD}`);
    for (const account of DEMO_ACCOUNTS) expect(text).toContain(account.email);
    expect(text).toContain('authority@demo.openbeian.test');
  });

  it('says nothing about a demo on a database with real data, or without the seed', () => {
    for (const demo of [{ status: 'not_empty' as const, steps: [], logins: [] }, undefined]) {
      const lines: string[] = [];
      printStartupBanner((text) => lines.push(text), { url: 'http://127.0.0.1:3000', config, demo });
      expect(lines.join('\n')).not.toMatch(/demo/);
    }
  });
});

describe('the demo accounts', () => {
  it('cover every role, with the sign-ins issue 3 names', () => {
    expect(new Set(DEMO_ACCOUNTS.flatMap((account) => account.roles))).toEqual(
      new Set([
        'applicant',
        'agent',
        'provider_reviewer',
        'provider_admin',
        'authority_reviewer',
        'platform_admin',
      ]),
    );
    expect(DEMO_ACCOUNTS.map((account) => account.email)).toEqual(
      expect.arrayContaining([
        'applicant@demo.openbeian.test',
        'agent@demo.openbeian.test',
        'provider@demo.openbeian.test',
        'authority@demo.openbeian.test',
        'admin@demo.openbeian.test',
      ]),
    );
    expect(DEMO_ACCOUNTS.find((account) => account.email.startsWith('authority@'))?.organisation).toEqual({
      kind: 'authority',
      provinceCode: '11',
    });
  });
});

const postgresReachable = isPostgresReachable();

describe.skipIf(!postgresReachable)('npm start on a fresh PostgreSQL database', () => {
  it(
    'seeds the demo, answers a Chinese search and signs the demo accounts in',
    async () => {
      const name = `openbeian_demo_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: getAdminPostgresUrl() });
      await admin.connect();
      const dataDir = await mkdtemp(join(tmpdir(), 'openbeian-start-pg-'));
      const url = new URL(getAdminPostgresUrl());
      url.pathname = `/${name}`;
      try {
        await admin.query(`create database ${name}`);
        const env = { PORT: '0', DATA_DIR: dataDir, DATABASE_URL: url.toString() };
        const quiet = { logger: { level: 'silent' as const }, write: () => {} };
        let server = await startServer(env, quiet);
        try {
          expect((await searchKeji(server)).items).toHaveLength(5);
          for (const account of DEMO_ACCOUNTS) {
            expect(await signIn(server, account.email), account.email).toBe(200);
          }
        } finally {
          await server.close();
        }
        server = await startServer(env, quiet);
        await server.close();
        expect(await countServices({ dataDir, databaseUrl: url.toString() })).toBe(DEMO_SERVICES);
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    SEED_TIMEOUT,
  );
});
