import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deriveDataKeys } from '../../src/infra/crypto/envelope.ts';
import { loadOrCreateSecretKey } from '../../src/infra/crypto/key-file.ts';
import { inspectUpload } from '../../src/infra/documents/inspect-upload.ts';
import { createEncryptedFileStore } from '../../src/infra/storage/encrypted-file-store.ts';
import { makeJpegWithGps } from './fixtures.ts';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'openbeian-intake-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('document intake: inspect, encrypt, store, read back', () => {
  it('stores a sanitised photo encrypted under the data directory and returns it unchanged', async () => {
    const secretKey = await loadOrCreateSecretKey({ dataDir });
    const store = createEncryptedFileStore({
      root: join(dataDir, 'files'),
      key: deriveDataKeys(secretKey).files,
    });
    const upload = await makeJpegWithGps();

    const inspected = await inspectUpload(upload, {
      maxBytes: 10 * 1024 * 1024,
      allowedKinds: ['jpeg', 'png'],
    });
    if (!inspected.ok) throw new Error(inspected.error.code);
    const stored = await store.put(inspected.value.content, { aad: 'document:42' });
    expect(stored.sha256).toBe(inspected.value.sha256);
    expect(stored.size).toBe(inspected.value.size);

    expect((await readdir(dataDir)).sort()).toEqual(['files', 'secret.key']);
    const onDisk = await readFile(
      join(dataDir, 'files', stored.storageKey.slice(0, 2), stored.storageKey.slice(2, 4), stored.storageKey),
    );
    expect(onDisk.includes(Buffer.from('FixturePhoneCo'))).toBe(false);
    expect(onDisk.includes(inspected.value.content.subarray(0, 64))).toBe(false);
    await expect(sharp(onDisk).metadata()).rejects.toThrow();

    // A restart reads the same key file and can decrypt what was stored before it.
    const restarted = createEncryptedFileStore({
      root: join(dataDir, 'files'),
      key: deriveDataKeys(await loadOrCreateSecretKey({ dataDir })).files,
    });
    const read = await restarted.get(stored.storageKey, { aad: 'document:42' });
    expect(read.equals(inspected.value.content)).toBe(true);
    expect((await sharp(read).metadata()).exif).toBeUndefined();
  });
});
