import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomically } from './durable-file.ts';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'openbeian-durable-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('writeFileAtomically', () => {
  it('creates the file with the given mode and leaves no temporary file', async () => {
    const path = join(directory, 'a.bin');
    await writeFileAtomically(path, Buffer.from('one'), { mode: 0o600, overwrite: false });
    expect(await readFile(path, 'utf8')).toBe('one');
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(directory)).toEqual(['a.bin']);
  });

  it('keeps the first file when it must not overwrite, and replaces it when it may', async () => {
    const path = join(directory, 'a.bin');
    await writeFileAtomically(path, 'one', { mode: 0o600, overwrite: false });
    await expect(writeFileAtomically(path, 'two', { mode: 0o600, overwrite: false })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readFile(path, 'utf8')).toBe('one');
    await writeFileAtomically(path, 'three', { mode: 0o600, overwrite: true });
    expect(await readFile(path, 'utf8')).toBe('three');
    expect(await readdir(directory)).toEqual(['a.bin']);
  });
});
