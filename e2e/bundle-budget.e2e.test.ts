import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';

/**
 * Issue 4: "initial JavaScript for public pages ≤ 300 KB gzip (route-level code splitting)". Reads the
 * Vite manifest of the build the global setup made (dist/web) and adds up, per public route, the
 * gzipped JavaScript a first visit downloads before the page can render: the entry chunk, the
 * route's lazy page chunk, and every chunk either imports statically. (Lazy imports a page makes
 * later, e.g. charts, are not counted: they are fetched only when used.)
 */
const BUDGET_BYTES = 300 * 1024;

const WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));
const MANIFEST = join(WEB_ROOT, '.vite/manifest.json');

/** The public routes and the page module each lazy-loads (src/web/app/router.tsx), relative to src/web. */
const PUBLIC_ROUTES = [
  { path: '/', module: 'features/home/home-page.tsx' },
  { path: '/eligibility', module: 'features/eligibility/eligibility-page.tsx' },
  { path: '/registry', module: 'features/registry/registry-page.tsx' },
  { path: '/footer-check', module: 'features/footer-check/footer-check-page.tsx' },
  { path: '/number', module: 'features/number/number-page.tsx' },
  { path: '/sign-in', module: 'features/auth/sign-in-page.tsx' },
  { path: '/sign-up', module: 'features/auth/sign-up-page.tsx' },
];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

function readManifest(): Manifest {
  if (!existsSync(MANIFEST)) {
    throw new Error(`${MANIFEST} is missing: vite.config.ts needs build.manifest: true, and a build.`);
  }
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
}

/** The chunk and everything it imports statically, as manifest keys. */
function collectStaticImports(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`The Vite manifest has no chunk for ${key}`);
  into.add(key);
  for (const imported of chunk.imports ?? []) collectStaticImports(manifest, imported, into);
  return into;
}

const gzippedSizes = new Map<string, number>();
function gzippedSize(file: string): number {
  let size = gzippedSizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(WEB_ROOT, file))).length;
    gzippedSizes.set(file, size);
  }
  return size;
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('bundle budget', () => {
  test(`initial JavaScript of every public page ≤ ${BUDGET_BYTES / 1024} KB gzip`, () => {
    const manifest = readManifest();
    const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
    if (!entryKey) throw new Error('The Vite manifest has no entry chunk');
    const entry = collectStaticImports(manifest, entryKey);

    const rows = PUBLIC_ROUTES.map(({ path, module }) => {
      const keys = collectStaticImports(manifest, module, new Set(entry));
      const files = [...keys].map((key) => manifest[key]?.file ?? '').filter((file) => file.endsWith('.js'));
      const css = [...new Set([...keys].flatMap((key) => manifest[key]?.css ?? []))];
      return {
        path,
        chunks: files.length,
        javascript: files.reduce((sum, file) => sum + gzippedSize(file), 0),
        css: css.reduce((sum, file) => sum + gzippedSize(file), 0),
      };
    });
    process.stdout.write(
      `[bundle] initial download per public page (gzip):\n${rows
        .map(
          (row) =>
            `  ${row.path.padEnd(14)} JavaScript ${kilobytes(row.javascript).padStart(9)} in ${row.chunks} chunk(s), CSS ${kilobytes(row.css)}`,
        )
        .join('\n')}\n`,
    );
    const overBudget = rows.filter((row) => row.javascript > BUDGET_BYTES);
    expect(
      overBudget.map((row) => `${row.path}: ${kilobytes(row.javascript)}`),
      'public pages over the JavaScript budget',
    ).toEqual([]);
  });
});
