import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DecryptionError, deriveDataKeys } from '../crypto/envelope.ts';
import {
  createEncryptedFileStore,
  InvalidStorageKeyError,
  isStorageKey,
  StoredFileNotFoundError,
} from './encrypted-file-store.ts';

const keys = deriveDataKeys(Buffer.alloc(32, 1));
const isPosix = process.platform !== 'win32';

let dataDir: string;
let root: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'openbeian-files-'));
  root = join(dataDir, 'files');
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function pathOf(storageKey: string): string {
  return join(root, storageKey.slice(0, 2), storageKey.slice(2, 4), storageKey);
}

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('encrypted file store', () => {
  it('stores a file encrypted, sharded and private, and reads it back', async () => {
    const store = createEncryptedFileStore({ root, key: keys.files });
    const content = Buffer.concat([Buffer.from('身份证 110101199003078515 '), randomBytes(4096)]);
    const stored = await store.put(content, { aad: 'document:1' });

    expect(isStorageKey(stored.storageKey)).toBe(true);
    expect(stored.size).toBe(content.length);
    expect(stored.sha256).toBe(createHash('sha256').update(content).digest('hex'));

    const onDisk = await readFile(pathOf(stored.storageKey));
    expect(onDisk.includes(Buffer.from('110101199003078515'))).toBe(false);
    expect(onDisk.includes(content.subarray(-64))).toBe(false);
    if (isPosix) {
      expect((await stat(pathOf(stored.storageKey))).mode & 0o777).toBe(0o600);
      expect((await stat(join(root, stored.storageKey.slice(0, 2)))).mode & 0o777).toBe(0o700);
    }
    expect(await listFiles(root)).toEqual([pathOf(stored.storageKey)]);

    expect((await store.get(stored.storageKey, { aad: 'document:1' })).equals(content)).toBe(true);
  });

  it('gives every file its own key and stores empty content too', async () => {
    const store = createEncryptedFileStore({ root, key: keys.files });
    const first = await store.put(Buffer.alloc(0), { aad: 'a' });
    const second = await store.put(Buffer.alloc(0), { aad: 'a' });
    expect(first.storageKey).not.toBe(second.storageKey);
    expect(await store.get(first.storageKey, { aad: 'a' })).toHaveLength(0);
  });

  it('refuses to read a file in another context or under another key', async () => {
    const store = createEncryptedFileStore({ root, key: keys.files });
    const stored = await store.put(Buffer.from('scan'), { aad: 'document:1' });
    await expect(store.get(stored.storageKey, { aad: 'document:2' })).rejects.toBeInstanceOf(DecryptionError);

    const moved = await store.put(Buffer.from('other'), { aad: 'document:1' });
    await copyFile(pathOf(stored.storageKey), pathOf(moved.storageKey));
    await expect(store.get(moved.storageKey, { aad: 'document:1' })).rejects.toMatchObject({
      code: 'authentication_failed',
    });

    const otherStore = createEncryptedFileStore({ root, key: deriveDataKeys(Buffer.alloc(32, 2)).files });
    await expect(otherStore.get(stored.storageKey, { aad: 'document:1' })).rejects.toMatchObject({
      code: 'key_mismatch',
    });
  });

  it.each([
    '../../secret.key',
    '..',
    '/etc/passwd',
    'ABCDEF0123456789ABCDEF0123456789',
    '0123456789abcdef0123456789abcde',
    '0123456789abcdef0123456789abcdef0',
    '0123456789abcdef/123456789abcdef',
    '0123456789abcdef\u0000123456789abcde',
    '',
  ])('refuses the storage key %j', async (storageKey) => {
    const store = createEncryptedFileStore({ root, key: keys.files });
    await expect(store.get(storageKey, { aad: 'x' })).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(store.remove(storageKey)).rejects.toBeInstanceOf(InvalidStorageKeyError);
  });

  it('removes files idempotently and reports a missing file with a typed error', async () => {
    const store = createEncryptedFileStore({ root, key: keys.files });
    const stored = await store.put(Buffer.from('scan'), { aad: 'document:1' });
    expect(await store.remove(stored.storageKey)).toBe(true);
    expect(await store.remove(stored.storageKey)).toBe(false);
    const error = await store
      .get(stored.storageKey, { aad: 'document:1' })
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(StoredFileNotFoundError);
    expect((error as StoredFileNotFoundError).storageKey).toBe(stored.storageKey);
  });

  it('leaves no temporary files behind when writes run concurrently', async () => {
    await mkdir(root, { recursive: true });
    const store = createEncryptedFileStore({ root, key: keys.files });
    const stored = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        store.put(Buffer.from(`file ${index}`), { aad: `d:${index}` }),
      ),
    );
    const files = await listFiles(root);
    expect(files.sort()).toEqual(stored.map((file) => pathOf(file.storageKey)).sort());
    for (const [index, file] of stored.entries()) {
      expect((await store.get(file.storageKey, { aad: `d:${index}` })).toString()).toBe(`file ${index}`);
    }
  });
});
