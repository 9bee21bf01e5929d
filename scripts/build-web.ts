import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist/web');
const stampFile = join(outDir, '.build-stamp');

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
  const built = statSync(stampFile).mtimeMs;
  return INPUTS.some((input) => newestModification(join(root, input)) > built);
}

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

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

/** Builds the web app with Vite when it is missing or stale (`npm start` and the browser tests call this). */
export async function ensureWebBuild(
  options: { force?: boolean; log?: (line: string) => void } = {},
): Promise<boolean> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (!options.force && !isWebBuildStale()) return false;
  log('Building the web app (vite build)…');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  compressAssets(outDir);
  writeFileSync(stampFile, `${new Date().toISOString()}\n`);
  log('Web app built into dist/web.');
  return true;
}

const entry = process.argv[1];
if (entry && fileURLToPath(import.meta.url) === resolve(entry)) {
  await ensureWebBuild({ force: process.argv.includes('--force') });
}
