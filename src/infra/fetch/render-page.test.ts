import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRendererAvailable, renderPage } from './render-page.ts';
import { startTestServer, type TestServer } from './test-server.ts';

const NUMBER = '京ICP备2024012345号-1';

let site: TestServer;
/** Reachable only as `localhost`, which is not allow-listed: it must never see a request. */
let target: TestServer;

beforeAll(async () => {
  target = await startTestServer((_request, response) => response.end('secret'));
  site = await startTestServer((request, response) => {
    const html = (body: string) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(
        `<!doctype html><html><head><title>示例</title></head><body><main>首页</main>${body}</body></html>`,
      );
    };
    switch (request.url) {
      case '/':
        // The footer arrives by script, after a fetch, as on many builder-made sites.
        return html(`<script>
          fetch('/footer.json').then((r) => r.json()).then((footer) => {
            document.body.insertAdjacentHTML('beforeend',
              '<footer><a href="https://beian.miit.gov.cn/">' + footer.number + '</a></footer>');
          });
        </script>`);
      case '/footer.json':
        response.writeHead(200, { 'content-type': 'application/json' });
        return response.end(JSON.stringify({ number: NUMBER }));
      case '/redirect':
        response.writeHead(302, { location: '/' });
        return response.end();
      case '/probe':
        return html(`<img src="http://localhost:${target.port}/img.png">
          <img src="/image-to-target">
          <img src="http://169.254.169.254/latest/meta-data/">
          <script>
            fetch('http://localhost:${target.port}/steal').catch(() => {});
            try { new WebSocket('ws://localhost:${target.port}/ws'); } catch {}
          </script>
          <footer>${NUMBER}</footer>`);
      case '/image-to-target':
        // Chromium does not route the request after a redirect, so this one must be followed by us.
        response.writeHead(302, { location: `http://localhost:${target.port}/via-redirect.png` });
        return response.end();
      case '/busy':
        // Keeps the page's only thread busy for good once loaded: even reading the DOM waits.
        return html(
          `<footer>${NUMBER}</footer><script>addEventListener('load', () => { for (;;) {} });</script>`,
        );
      case '/poster':
        return html(`<footer>${NUMBER}</footer><script>
          fetch('/collect', { method: 'POST', body: 'data' }).catch(() => {});
        </script>`);
      case '/to-metadata':
        response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        return response.end();
      default:
        response.writeHead(404, { 'content-type': 'text/html' });
        return response.end('not found');
    }
  });
});

afterAll(async () => {
  await site.close();
  await target.close();
});

const options = { allowHosts: ['127.0.0.1'], timeoutMs: 20_000 };

describe.skipIf(!isRendererAvailable())('renderPage', () => {
  it('renders a footer built by a script, following a redirect through the guard', async () => {
    const result = await renderPage(`${site.origin}/redirect`, options);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
    expect(result.value.finalUrl).toBe(`${site.origin}/`);
    expect(result.value.html).toContain(`>${NUMBER}</a></footer>`);
    expect(result.value.blockedRequests).toBe(0);
    expect(site.requests).toEqual(expect.arrayContaining(['/redirect', '/', '/footer.json']));
  });

  it('refuses sub-requests to addresses that are not allow-listed', async () => {
    const result = await renderPage(`${site.origin}/probe`, options);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
    expect(result.value.html).toContain(NUMBER);
    // Three images (one through a redirect), one fetch and one WebSocket.
    expect(result.value.blockedRequests).toBeGreaterThanOrEqual(4);
    expect(site.requests).toContain('/image-to-target');
    expect(target.requests).toEqual([]);
  });

  it('gives up at its deadline on a page that never lets go, and closes the browser', async () => {
    const started = performance.now();
    const result = await renderPage(`${site.origin}/busy`, { ...options, timeoutMs: 4_000 });
    expect(result.ok ? undefined : result.error.code).toBe('timeout');
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('sends only GET and HEAD requests for the page', async () => {
    const result = await renderPage(`${site.origin}/poster`, options);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message.en}`);
    expect(result.value.blockedRequests).toBeGreaterThanOrEqual(1);
    expect(site.requests).not.toContain('/collect');
  });

  it('returns the main document’s failure when it is refused', async () => {
    const direct = await renderPage('http://169.254.169.254/', options);
    expect(direct.ok ? undefined : direct.error.code).toBe('blocked_address');

    const redirected = await renderPage(`${site.origin}/to-metadata`, options);
    expect(redirected.ok ? undefined : redirected.error.code).toBe('blocked_address');
    expect(redirected.ok ? undefined : redirected.error.url).toBe('http://169.254.169.254/latest/meta-data/');
  });
});

describe('isRendererAvailable', () => {
  it('is false for a missing or non-executable file and for a folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'render-page-'));
    const file = join(folder, 'chromium');
    writeFileSync(file, '#!/bin/sh\n', { mode: 0o644 });
    try {
      expect(isRendererAvailable(join(folder, 'missing'))).toBe(false);
      expect(isRendererAvailable(file)).toBe(false);
      expect(isRendererAvailable(folder)).toBe(false);
      chmodSync(file, 0o755);
      expect(isRendererAvailable(file)).toBe(true);
    } finally {
      rmSync(folder, { recursive: true });
    }
  });
});
