import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/openbeian.js', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real executable, as a user would after `npm install`. */
export function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, LANG: 'C.UTF-8', OPENBEIAN_LANG: '', ...options.env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI with --json and parses its standard output. */
export function runCliJson<T = Record<string, unknown>>(args: string[], options: { input?: string } = {}) {
  const run = runCli([...args, '--json'], options);
  return { ...run, json: JSON.parse(run.stdout) as T };
}
