import { hkdfSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isErrnoException, writeFileAtomically } from '../storage/durable-file.ts';

/** The length in bytes of the secret key every purpose key is derived from. */
export const SECRET_KEY_BYTES = 32;

/** The file under the data directory that holds the secret key when no SECRET is configured. */
export const SECRET_KEY_FILE_NAME = 'secret.key';

/**
 * A configured SECRET is a passphrase, not key material, so it must carry enough entropy on its own:
 * HKDF extracts but does not stretch. 32 characters is what `openssl rand -base64 24` prints.
 */
export const MIN_SECRET_LENGTH = 32;

/** Fixed so that the same SECRET gives the same key on every start and every machine. */
const SECRET_HKDF_SALT = 'openbeian/secret-key/salt/v1';
const SECRET_HKDF_INFO = 'openbeian/secret-key/v1';

/** Why the secret key could not be loaded. The message names the file and the fix, never key bytes. */
export class SecretKeyError extends Error {
  readonly code: 'secret_too_short' | 'key_file_exposed' | 'key_file_invalid' | 'key_file_unreadable';

  constructor(code: SecretKeyError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretKeyError';
    this.code = code;
  }
}

export interface LoadSecretKeyOptions {
  /** The SECRET from configuration; when set, the key file is neither read nor created. */
  secret?: string | undefined;
  /** The data directory; the key file lives at `<dataDir>/secret.key`. */
  dataDir: string;
}

/**
 * The 32-byte secret key that encrypts personal data at rest (DESIGN.md §6): derived from the
 * configured SECRET when there is one, otherwise read from `<dataDir>/secret.key`, which is created
 * with mode 0600 on first start. A key file that group or others may read is refused: a leaked key
 * decrypts every scan and certificate number.
 */
export async function loadOrCreateSecretKey(options: LoadSecretKeyOptions): Promise<Buffer> {
  if (options.secret !== undefined && options.secret !== '') return deriveKeyFromSecret(options.secret);
  const path = join(options.dataDir, SECRET_KEY_FILE_NAME);
  const existing = await readKeyFile(path);
  if (existing) return existing;
  return createKeyFile(options.dataDir, path);
}

function deriveKeyFromSecret(secret: string): Buffer {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new SecretKeyError(
      'secret_too_short',
      `SECRET must be at least ${MIN_SECRET_LENGTH} characters (for example the output of \`openssl rand -base64 32\`).`,
    );
  }
  return Buffer.from(hkdfSync('sha256', secret, SECRET_HKDF_SALT, SECRET_HKDF_INFO, SECRET_KEY_BYTES));
}

/** Undefined when the file does not exist yet; throws for every other problem. */
async function readKeyFile(path: string): Promise<Buffer | undefined> {
  let mode: number;
  try {
    mode = (await stat(path)).mode;
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return undefined;
    throw new SecretKeyError('key_file_unreadable', `Cannot read the key file ${path}.`, { cause: error });
  }
  // Windows has no POSIX permission bits; there the data directory's ACL is what protects the file.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new SecretKeyError(
      'key_file_exposed',
      `The key file ${path} is readable by group or others (mode ${formatMode(mode)}); run \`chmod 600 ${path}\` and start again.`,
    );
  }
  return decodeKeyFile(path, await readFile(path, 'utf8'));
}

function decodeKeyFile(path: string, text: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || key.length !== SECRET_KEY_BYTES) {
    throw new SecretKeyError(
      'key_file_invalid',
      `The key file ${path} must hold ${SECRET_KEY_BYTES} bytes in base64; it looks damaged. Restore it from a backup — data encrypted with the lost key cannot be read.`,
    );
  }
  return key;
}

/**
 * Links the new key into place from a fully written temporary file, so that two processes starting
 * at once agree on one key and nobody ever reads a half-written file.
 */
async function createKeyFile(dataDir: string, path: string): Promise<Buffer> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(SECRET_KEY_BYTES);
  try {
    await writeFileAtomically(path, `${key.toString('base64')}\n`, { mode: 0o600, overwrite: false });
  } catch (error) {
    if (isErrnoException(error) && error.code === 'EEXIST') {
      const winner = await readKeyFile(path);
      if (winner) return winner;
    }
    throw new SecretKeyError('key_file_unreadable', `Cannot create the key file ${path}.`, { cause: error });
  }
  return key;
}

function formatMode(mode: number): string {
  return `0${(mode & 0o777).toString(8)}`;
}
