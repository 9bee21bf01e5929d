import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type Aad, type DataKey, decrypt, encrypt } from '../crypto/envelope.ts';
import { isErrnoException, syncDirectory, writeFileAtomically } from './durable-file.ts';

/**
 * Stores documents (scans, photos, signed forms) under `<dataDir>/files`, each file encrypted with
 * AES-256-GCM (crypto/envelope.ts) so no plaintext ever reaches the disk. A storage key is 128 random
 * bits in hex; files are sharded two levels deep (`ab/cd/abcd…`) so no directory grows huge.
 *
 * The envelope's AAD binds the storage key and the caller's context (say, the document id), so a file
 * copied or renamed to another key, or read for another document, fails authentication.
 */

export interface StoredFile {
  readonly storageKey: string;
  /** Size of the plaintext in bytes. */
  readonly size: number;
  /** SHA-256 of the plaintext, hex. */
  readonly sha256: string;
}

export interface FileContext {
  /** What the file belongs to, e.g. `document:<id>`; the same value must be given to read it. */
  aad: Aad;
}

export interface EncryptedFileStore {
  put(content: Buffer, context: FileContext): Promise<StoredFile>;
  /** Throws StoredFileNotFoundError when missing, DecryptionError when altered or read in another context. */
  get(storageKey: string, context: FileContext): Promise<Buffer>;
  /** Removes the file; answers false when there was none (removal is idempotent). */
  remove(storageKey: string): Promise<boolean>;
}

export interface EncryptedFileStoreOptions {
  /** `<dataDir>/files`; created on first write. */
  root: string;
  /** The files key: `deriveDataKeys(secretKey).files`. */
  key: DataKey;
}

const STORAGE_KEY = /^[0-9a-f]{32}$/;

export class InvalidStorageKeyError extends Error {
  readonly code = 'invalid_storage_key';

  constructor() {
    super('A storage key is 32 lowercase hexadecimal characters.');
    this.name = 'InvalidStorageKeyError';
  }
}

export class StoredFileNotFoundError extends Error {
  readonly code = 'stored_file_not_found';
  readonly storageKey: string;

  constructor(storageKey: string) {
    super(`No stored file ${storageKey}.`);
    this.name = 'StoredFileNotFoundError';
    this.storageKey = storageKey;
  }
}

export function isStorageKey(value: string): boolean {
  return STORAGE_KEY.test(value);
}

export function createEncryptedFileStore(options: EncryptedFileStoreOptions): EncryptedFileStore {
  const { root, key } = options;

  /** Only keys of the store's own shape reach the file system, so no key can leave the root. */
  function resolvePath(storageKey: string): { directory: string; path: string } {
    if (!isStorageKey(storageKey)) throw new InvalidStorageKeyError();
    const directory = join(root, storageKey.slice(0, 2), storageKey.slice(2, 4));
    return { directory, path: join(directory, storageKey) };
  }

  return {
    async put(content, context) {
      const storageKey = randomBytes(16).toString('hex');
      const { directory, path } = resolvePath(storageKey);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const envelope = encrypt(content, key, buildAad(storageKey, context.aad));
      await createDirectoryDurably(directory);
      await writeFileAtomically(path, envelope, { mode: 0o600, overwrite: false });
      return { storageKey, size: content.length, sha256 };
    },

    async get(storageKey, context) {
      const { path } = resolvePath(storageKey);
      let envelope: Buffer;
      try {
        envelope = await readFile(path);
      } catch (error) {
        if (isErrnoException(error) && error.code === 'ENOENT') throw new StoredFileNotFoundError(storageKey);
        throw error;
      }
      return decrypt(envelope, key, buildAad(storageKey, context.aad));
    },

    async remove(storageKey) {
      const { directory, path } = resolvePath(storageKey);
      try {
        await unlink(path);
      } catch (error) {
        if (isErrnoException(error) && error.code === 'ENOENT') return false;
        throw error;
      }
      await syncDirectory(directory);
      return true;
    },
  };
}

/** Length-prefixed so that no (storage key, context) pair can be confused with another. */
function buildAad(storageKey: string, aad: Aad): Buffer {
  const context = typeof aad === 'string' ? Buffer.from(aad, 'utf8') : aad;
  return Buffer.concat([Buffer.from(`openbeian/file/v1:${storageKey}:`, 'utf8'), context]);
}

/** Creates the shard directories (0700) and fsyncs the parent of each new one so it survives a crash. */
async function createDirectoryDurably(directory: string): Promise<void> {
  const created = await mkdir(directory, { recursive: true, mode: 0o700 });
  if (created === undefined) return;
  const firstCreated = resolve(created);
  for (let path = resolve(directory); ; path = dirname(path)) {
    await syncDirectory(dirname(path));
    if (path === firstCreated || dirname(path) === path) return;
  }
}
