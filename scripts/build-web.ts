import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist/web');
const stampFile = join(outDir, '.build-stamp');
/** The stamp's first word: a build made before production mode was enforced is rebuilt. */
const STAMP_MODE = 'production';

/** Everything the bundle is made from: the web app, the shared domain and contracts, and the build setup. */
const INPUTS = ['src/web', 'src/domain', 'src/contracts', 'vite.config.ts', 'package-lock.json'];

function newestModification(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

/** True when `dist/web` is missing or older than any of its inputs. */
export function isWebBuildStale(): boolean {
  if (!existsSync(stampFile) || !existsSync(join(outDir, 'index.html'))) return true;
  if (!readFileSync(stampFile, 'utf8').startsWith(`${STAMP_MODE} `)) return true;
  const built = statSync(stampFile).mtimeMs;
  return INPUTS.some((input) => newestModification(join(root, input)) > built);
}

/** `.mjs`: the PDF viewer's worker (pdfjs-dist), 1.2 MB before compression. */
const COMPRESSIBLE = /\.(m?js|css|html|svg|json|txt)$/;

/** Writes .br and .gz beside each text asset, so the server sends them compressed without work per request. */
function compressAssets(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      compressAssets(path);
      continue;
    }
    if (!COMPRESSIBLE.test(name)) continue;
    const content = readFileSync(path);
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
  }
}

/**
 * `vite build` in a process of its own with NODE_ENV=production. Vite and the React plugin take the
 * mode from NODE_ENV when it is set, and the browser tests' global setup runs under vitest
 * (NODE_ENV=test): built in-process, the app would ship React's development build (slower, bigger).
 */
function viteBuild(): Promise<void> {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  const child = spawn(
    process.execPath,
    [vite, 'build', '--config', join(root, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    },
  );
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`vite build exited with code ${code}`)),
    );
  });
}

/** Builds the web app with Vite when it is missing or stale (`npm start` and the browser tests call this). */
export async function ensureWebBuild(
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<boolean> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (!options.force && !isWebBuildStale()) return false;
  log('Building the web app (vite build)…');
  await viteBuild();
  compressAssets(outDir);
  writeFileSync(stampFile, `${STAMP_MODE} ${new Date().toISOString()}\n`);
  log('Web app built into dist/web.');
  return true;
}

const entry = process.argv[1];
if (entry && fileURLToPath(import.meta.url) === resolve(entry)) {
  await ensureWebBuild({ force: process.argv.includes('--force') });
}
