import { randomBytes } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MIN_SECRET_LENGTH } from './config.ts';

/** Thrown when the key file exists but cannot serve as the secret; the server prints it and exits. */
export class SecretKeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyFileError';
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function isAlreadyThere(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EEXIST';
}

async function readSecret(file: string): Promise<string> {
  const secret = (await readFile(file, 'utf8')).trim();
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new SecretKeyFileError(
      `${file} holds fewer than ${MIN_SECRET_LENGTH} characters: restore it from a backup (data encrypted with it needs the same key), or set SECRET`,
    );
  }
  const { mode } = await stat(file);
  // Owner-only permissions are checked, not fixed: someone widened them on purpose or by mistake.
  if ((mode & 0o077) !== 0) {
    throw new SecretKeyFileError(
      `${file} is readable by other users (mode ${(mode & 0o777).toString(8)}): run chmod 600 ${file}`,
    );
  }
  return secret;
}

/**
 * The secret from the key file, created with 32 random bytes (hex) and mode 0600 on first start.
 * `wx` makes two servers starting at once agree on one key: the loser reads the winner's file.
 */
export async function ensureSecretKeyFile(file: string): Promise<string> {
  try {
    return await readSecret(file);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (!isAlreadyThere(error)) throw error;
  }
  return readSecret(file);
}
