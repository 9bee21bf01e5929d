import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase, SQLITE_FILE_NAME, UnsupportedDatabaseUrlError } from './database.ts';

const betterSqlitePath = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Another connection — in its own thread, as another process would be — takes the write lock,
 * increments the counter and holds the lock for `holdMs` before committing.
 */
function holdWriteLock(file: string, holdMs: number): { locked: Promise<void>; committed: Promise<void> } {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.betterSqlitePath);
    const db = new Database(workerData.file);
    db.pragma('busy_timeout = 5000');
    db.exec('begin immediate');
    db.exec('update counter set value = value + 1');
    parentPort.postMessage('locked');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
    db.exec('commit');
    db.close();
    parentPort.postMessage('committed');
    `,
    { eval: true, workerData: { file, holdMs, betterSqlitePath } },
  );
  const message = (expected: string) =>
    new Promise<void>((resolve, reject) => {
      worker.on('message', (m) => m === expected && resolve());
      worker.on('error', reject);
    });
  return { locked: message('locked'), committed: message('committed') };
}

describe('openDatabase (SQLite)', () => {
  let dataDir: string;
  let db: Database;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'openbeian-db-'));
    db = await openDatabase({ dataDir: join(dataDir, 'nested') });
    await sql`create table counter (id integer primary key, value integer not null)`.execute(db.kysely);
    await sql`insert into counter (id, value) values (1, 0)`.execute(db.kysely);
  });

  afterEach(async () => {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the data directory and sets WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    expect(db.dialect).toBe('sqlite');
    const pragma = async (name: string) =>
      Object.values((await sql.raw(`pragma ${name}`).execute(db.kysely)).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(5000);
    await expect(db.ping()).resolves.toBeUndefined();
  });

  it('takes the write lock when a transaction begins, before any write', async () => {
    const other = new BetterSqlite3(join(dataDir, 'nested', SQLITE_FILE_NAME), { timeout: 0 });
    try {
      await db.transaction(async (trx) => {
        await sql`select value from counter where id = 1`.execute(trx);
        expect(() => other.exec('begin immediate')).toThrow(/locked|busy/i);
      });
      other.exec('begin immediate');
      other.exec('rollback');
    } finally {
      other.close();
    }
  });

  it('a read-then-write transaction waits for another connection’s write instead of failing', async () => {
    const { locked, committed } = holdWriteLock(join(dataDir, 'nested', SQLITE_FILE_NAME), 300);
    await locked;
    await db.transaction(async (trx) => {
      const row = await sql<{ value: number }>`select value from counter where id = 1`.execute(trx);
      await sql`update counter set value = ${(row.rows[0]?.value ?? 0) + 1} where id = 1`.execute(trx);
    });
    await committed;
    const { rows } = await sql<{ value: number }>`select value from counter where id = 1`.execute(db.kysely);
    expect(rows[0]?.value).toBe(2);
  });

  it('(control) a deferred BEGIN in the same situation fails with SQLITE_BUSY', async () => {
    const file = join(dataDir, 'nested', SQLITE_FILE_NAME);
    const raw = new BetterSqlite3(file, { timeout: 5000 });
    try {
      const { locked, committed } = holdWriteLock(file, 300);
      await locked;
      raw.exec('begin');
      raw.prepare('select value from counter where id = 1').get();
      expect(() => raw.exec('update counter set value = value + 1 where id = 1')).toThrow(
        expect.objectContaining({ code: expect.stringMatching(/^SQLITE_BUSY/) }),
      );
      raw.exec('rollback');
      await committed;
    } finally {
      raw.close();
    }
  });

  it('serialises concurrent transactions on its single connection', async () => {
    await Promise.all(
      Array.from({ length: 25 }, () =>
        db.transaction(async (trx) => {
          const row = await sql<{ value: number }>`select value from counter where id = 1`.execute(trx);
          await new Promise((resolve) => setTimeout(resolve, 1));
          await sql`update counter set value = ${(row.rows[0]?.value ?? 0) + 1} where id = 1`.execute(trx);
        }),
      ),
    );
    const { rows } = await sql<{ value: number }>`select value from counter where id = 1`.execute(db.kysely);
    expect(rows[0]?.value).toBe(25);
  });
});

describe('openDatabase (URL)', () => {
  it('refuses a URL that is not PostgreSQL', async () => {
    await expect(
      openDatabase({ dataDir: tmpdir(), databaseUrl: 'mysql://localhost/x' }),
    ).rejects.toBeInstanceOf(UnsupportedDatabaseUrlError);
  });
});
