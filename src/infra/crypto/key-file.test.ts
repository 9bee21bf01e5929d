import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecretKey, SecretKeyError } from './key-file.ts';

const isPosix = process.platform !== 'win32';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'openbeian-key-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

async function expectSecretKeyError(promise: Promise<unknown>, code: SecretKeyError['code']): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SecretKeyError);
  expect((error as SecretKeyError).code).toBe(code);
}

describe('loadOrCreateSecretKey', () => {
  it('creates a 32-byte key file with mode 0600 on first start and reads it back afterwards', async () => {
    const nested = join(dataDir, 'data');
    const key = await loadOrCreateSecretKey({ dataDir: nested });
    expect(key).toHaveLength(32);
    const path = join(nested, 'secret.key');
    if (isPosix) expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(Buffer.from((await readFile(path, 'utf8')).trim(), 'base64').equals(key)).toBe(true);
    expect((await loadOrCreateSecretKey({ dataDir: nested })).equals(key)).toBe(true);
  });

  it('gives concurrent first starts one and the same key', async () => {
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateSecretKey({ dataDir })));
    for (const key of keys) expect(key.equals(keys[0] as Buffer)).toBe(true);
  });

  it.runIf(isPosix)('refuses a key file that group or others can read', async () => {
    await loadOrCreateSecretKey({ dataDir });
    const path = join(dataDir, 'secret.key');
    await chmod(path, 0o644);
    const error = await loadOrCreateSecretKey({ dataDir }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(SecretKeyError);
    expect((error as SecretKeyError).code).toBe('key_file_exposed');
    expect((error as Error).message).toContain(`chmod 600 ${path}`);
    await chmod(path, 0o640);
    await expectSecretKeyError(loadOrCreateSecretKey({ dataDir }), 'key_file_exposed');
  });

  it('refuses a damaged key file instead of replacing it', async () => {
    const path = join(dataDir, 'secret.key');
    await writeFile(path, 'c2hvcnQ=\n', { mode: 0o600 });
    await expectSecretKeyError(loadOrCreateSecretKey({ dataDir }), 'key_file_invalid');
    await writeFile(path, 'not base64 at all!!\n', { mode: 0o600 });
    await expectSecretKeyError(loadOrCreateSecretKey({ dataDir }), 'key_file_invalid');
    expect(await readFile(path, 'utf8')).toBe('not base64 at all!!\n');
  });

  it('derives the key from SECRET without touching the data directory', async () => {
    const secret = 'correct horse battery staple, twice over';
    const key = await loadOrCreateSecretKey({ secret, dataDir });
    expect(key).toHaveLength(32);
    expect((await loadOrCreateSecretKey({ secret, dataDir })).equals(key)).toBe(true);
    expect((await loadOrCreateSecretKey({ secret: `${secret}!`, dataDir })).equals(key)).toBe(false);
    expect(key.equals(Buffer.from(secret).subarray(0, 32))).toBe(false);
    await expect(stat(join(dataDir, 'secret.key'))).rejects.toThrow();
  });

  it('treats an empty SECRET as unset and refuses a short one', async () => {
    expect(await loadOrCreateSecretKey({ secret: '', dataDir })).toHaveLength(32);
    await expectSecretKeyError(loadOrCreateSecretKey({ secret: 'too short', dataDir }), 'secret_too_short');
  });
});
