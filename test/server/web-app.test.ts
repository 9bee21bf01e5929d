import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './test-app.ts';

const INDEX = '<!doctype html><html><body><div id="root"></div></body></html>';

describe('serving the web app', () => {
  let webRoot: string;
  let test: TestApp;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'openbeian-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), INDEX);
    writeFileSync(join(webRoot, 'assets', 'main-abc123.js'), 'console.log(1);');
    writeFileSync(join(webRoot, 'assets', 'main-abc123.js.br'), brotliCompressSync('console.log(1);'));
    writeFileSync(join(webRoot, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    test = await buildTestApp({ webRoot });
  });

  afterAll(async () => {
    await test.app.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it.each(['/', '/registry?q=%E7%A7%91%E6%8A%80', '/eligibility', '/app/orders/ORD-1', '/no/such/page'])(
    'answers %s with the app, not cached',
    async (url) => {
      const response = await test.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toBe(INDEX);
    },
  );

  it('serves hashed assets for a year and other files with revalidation', async () => {
    const asset = await test.app.inject({ method: 'GET', url: '/assets/main-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await test.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('sends the build-time compressed file to browsers that accept it', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/assets/main-abc123.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe('console.log(1);');
  });

  it('keeps JSON 404s for unknown API paths and missing assets', async () => {
    for (const url of ['/api/no-such-route', '/assets/missing.js']) {
      const response = await test.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
    }
  });

  it('still answers the API', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
  });

  it('serves the API alone when the app is not built', async () => {
    const apiOnly = await buildTestApp({ webRoot: join(webRoot, 'missing') });
    try {
      const response = await apiOnly.app.inject({ method: 'GET', url: '/registry' });
      expect(response.statusCode).toBe(404);
    } finally {
      await apiOnly.app.close();
    }
  });
});
