import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WriteFileAtomicallyOptions {
  /** Permission bits of the new file (before the umask). */
  mode: number;
  /**
   * `false`: fail with EEXIST when the target exists (two writers agree on the first file).
   * `true`: replace it.
   */
  overwrite: boolean;
}

/**
 * Writes `content` so that the target path either does not exist or holds the whole content, even
 * after a crash or power loss: a private temporary file in the same directory is written and
 * fsynced, then renamed (or hard-linked, when the target must not be replaced), then the directory
 * is fsynced so the new entry itself is durable.
 */
export async function writeFileAtomically(
  path: string,
  content: Uint8Array | string,
  options: WriteFileAtomicallyOptions,
): Promise<void> {
  const directory = dirname(path);
  const temporaryPath = join(directory, `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const handle = await open(
    temporaryPath,
    constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
    options.mode,
  );
  let isTemporaryPresent = true;
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite) {
      await rename(temporaryPath, path);
      isTemporaryPresent = false;
    } else {
      await link(temporaryPath, path);
    }
  } finally {
    if (isTemporaryPresent) await unlink(temporaryPath).catch(ignoreMissing);
  }
  await syncDirectory(directory);
}

/** Makes directory entries (new files, renames, new sub-directories) survive a crash. */
export async function syncDirectory(path: string): Promise<void> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch (error) {
    // Windows cannot fsync a directory handle (EPERM/EISDIR); NTFS journals the rename itself.
    if (process.platform !== 'win32') throw error;
  } finally {
    await handle?.close();
  }
}

export function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}

function ignoreMissing(error: unknown): void {
  if (isErrnoException(error) && error.code === 'ENOENT') return;
  throw error;
}
