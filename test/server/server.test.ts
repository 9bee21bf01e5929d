import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, type RunningServer, startServer } from '../../src/server/server.ts';
import { getAdminPostgresUrl, isPostgresReachable } from '../support/databases.ts';

const serverEntry = fileURLToPath(new URL('../../src/server/server.ts', import.meta.url));

describe('startServer', { timeout: 180_000 }, () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  const banner: string[] = [];
  const quiet = { logger: { level: 'silent' as const }, write: (text: string) => banner.push(text) };

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'openbeian-server-'));
    banner.length = 0;
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('listens on SQLite, answers the health check and creates the key file with mode 0600', async () => {
    server = await startServer({ PORT: '0', DATA_DIR: join(dataDir, 'nested') }, quiet);
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' } } });
    await expect(stat(join(dataDir, 'nested', 'openbeian.sqlite'))).resolves.toBeTruthy();
    expect(response.headers.get('x-request-id')).toBeTruthy();

    const keyFile = join(dataDir, 'nested', 'secret.key');
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    // 32 random bytes in base64, as src/infra/crypto/key-file.ts writes and reads them.
    expect(Buffer.from((await readFile(keyFile, 'utf8')).trim(), 'base64')).toHaveLength(32);
    expect(banner.join('\n')).toContain(server.url);
    expect(banner.join('\n')).toContain('/api/docs');
  });

  it('keeps the key file across starts', async () => {
    const env = { PORT: '0', DATA_DIR: dataDir };
    server = await startServer(env, quiet);
    const first = await readFile(join(dataDir, 'secret.key'), 'utf8');
    await server.close();
    server = await startServer(env, quiet);
    expect(await readFile(join(dataDir, 'secret.key'), 'utf8')).toBe(first);
  });

  it('uses SECRET without creating a key file', async () => {
    server = await startServer({ PORT: '0', DATA_DIR: dataDir, SECRET: 'x'.repeat(40) }, quiet);
    await expect(stat(join(dataDir, 'secret.key'))).rejects.toThrow();
  });

  it('refuses a key file other users can read', async () => {
    const keyFile = join(dataDir, 'secret.key');
    await writeFile(keyFile, `${'a'.repeat(64)}\n`);
    await chmod(keyFile, 0o644);
    await expect(startServer({ PORT: '0', DATA_DIR: dataDir }, quiet)).rejects.toThrow(/chmod 600/);
  });

  it('refuses a truncated key file instead of replacing it', async () => {
    const keyFile = join(dataDir, 'secret.key');
    await writeFile(keyFile, 'short\n', { mode: 0o600 });
    await expect(startServer({ PORT: '0', DATA_DIR: dataDir }, quiet)).rejects.toThrow(/32 bytes in base64/);
    expect(await readFile(keyFile, 'utf8')).toBe('short\n');
  });

  it('npm start exits 1 with the key file problem in one line, without a stack trace', () => {
    const keyFile = join(dataDir, 'secret.key');
    writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o640 });
    const started = spawnSync(process.execPath, ['--import', 'tsx', serverEntry], {
      encoding: 'utf8',
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, SECRET: '', DATABASE_URL: '' },
      timeout: 120_000,
    });
    expect(started.status).toBe(1);
    expect(started.stderr).toBe(
      `openbeian: The key file ${keyFile} is readable by group or others (mode 0640); run \`chmod 600 ${keyFile}\` and start again.\n`,
    );
  }, 120_000);

  it('throws a ConfigError listing every bad variable', async () => {
    const failure = await startServer({ PORT: 'http', SECRET: 'short', DATA_DIR: dataDir }, quiet).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ConfigError);
    expect((failure as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['PORT', 'SECRET']);
    expect((failure as ConfigError).message).toContain('PORT');
  });
});

const POSTGRES_ADMIN_URL = getAdminPostgresUrl();
const postgresReachable = isPostgresReachable();

describe.skipIf(!postgresReachable)('startServer on PostgreSQL', { timeout: 180_000 }, () => {
  it('migrates a fresh database and answers the health check', async () => {
    const name = `openbeian_server_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
    await admin.connect();
    const dataDir = await mkdtemp(join(tmpdir(), 'openbeian-server-pg-'));
    try {
      await admin.query(`create database ${name}`);
      const server = await startServer(
        // The demo seed on PostgreSQL has its own tests (test/demo); here only start-up and health.
        {
          PORT: '0',
          DATA_DIR: dataDir,
          DEMO: '0',
          DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`,
        },
        { logger: { level: 'silent' }, write: () => {} },
      );
      try {
        const response = await fetch(`${server.url}/api/health`);
        expect(response.status).toBe(200);
        expect(await response.json()).toMatchObject({ checks: { database: { status: 'ok' } } });
      } finally {
        await server.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
