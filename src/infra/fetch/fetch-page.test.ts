import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FetchFailure,
  type FetchPageOptions,
  fetchPage,
  fetchResource,
  normalizeSiteUrl,
} from './fetch-page.ts';
import { findClosedPort, startTestServer, type TestServer } from './test-server.ts';

const NUMBER = '京ICP备2024012345号-1';
const PSB = '京公网安备11010502030143号';
const HTML = `<!doctype html><html><head><meta charset="utf-8"></head><body><footer>${NUMBER}</footer></body></html>`;

let site: TestServer;
/** A second loopback server that must never be reached (it is not allow-listed under this name). */
let target: TestServer;

beforeAll(async () => {
  target = await startTestServer((_request, response) => response.end('secret'));
  site = await startTestServer((request, response) => {
    const path = request.url ?? '/';
    const send = (status: number, type: string | undefined, body: string | Buffer, extra = {}) => {
      response.writeHead(status, { ...(type ? { 'content-type': type } : {}), ...extra });
      response.end(body);
    };
    switch (path) {
      case '/':
        return send(200, 'text/html; charset=utf-8', HTML);
      case '/gbk':
        return send(
          200,
          'text/html',
          iconv.encode(`<html><head><meta charset="gbk"></head><body>${NUMBER} ${PSB}</body></html>`, 'gbk'),
        );
      case '/gb18030':
        return send(
          200,
          'text/html; charset=gb18030',
          iconv.encode(`<html><body>${NUMBER} ${PSB} 𠮷</body></html>`, 'gb18030'),
        );
      case '/unlabelled-gbk':
        return send(200, undefined, iconv.encode(`<html><body>${NUMBER} ${PSB}</body></html>`, 'gbk'));
      case '/bom':
        return send(200, 'text/html', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HTML)]));
      case '/http-equiv':
        return send(
          200,
          'text/html',
          iconv.encode(
            `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${NUMBER}</body></html>`,
            'gbk',
          ),
        );
      case '/xhtml':
        return send(200, 'application/xhtml+xml', HTML);
      case '/gzip':
        return send(200, 'text/html; charset=utf-8', gzipSync(HTML), { 'content-encoding': 'gzip' });
      case '/gzip-bomb':
        return send(200, 'text/html', gzipSync(Buffer.alloc(5_000_000, 0x20)), {
          'content-encoding': 'gzip',
        });
      case '/large':
        return send(200, 'text/html', Buffer.alloc(200_000, 0x20));
      case '/large-chunked':
        response.writeHead(200, { 'content-type': 'text/html' });
        for (let i = 0; i < 50; i += 1) response.write(Buffer.alloc(10_000, 0x20));
        return response.end();
      case '/json':
        return send(200, 'application/json', '{"number":"京ICP备2024012345号-1"}');
      case '/404':
        return send(404, 'text/html', 'not found');
      case '/500':
        return send(500, 'text/html', 'oops');
      case '/redirect-home':
        return send(302, undefined, '', { location: '/' });
      case '/redirect-chain':
        return send(301, undefined, '', { location: '/redirect-home' });
      case '/loop':
        return send(302, undefined, '', { location: '/loop' });
      case '/redirect-no-location':
        return send(302, undefined, '');
      case '/redirect-metadata':
        return send(302, undefined, '', { location: 'http://169.254.169.254/latest/meta-data/' });
      case '/redirect-localhost':
        return send(302, undefined, '', { location: `http://localhost:${target.port}/` });
      case '/redirect-ftp':
        return send(302, undefined, '', { location: 'ftp://example.cn/' });
      case '/hang':
        return; // never answers
      case '/echo-headers':
        return send(200, 'text/html', JSON.stringify(request.headers));
      default:
        return send(404, 'text/html', 'not found');
    }
  });
});

afterAll(async () => {
  await site.close();
  await target.close();
});

const allowLocal: FetchPageOptions = { allowHosts: ['127.0.0.1'] };

async function expectFailure(
  input: string,
  code: FetchFailure['code'],
  options: FetchPageOptions = allowLocal,
): Promise<FetchFailure> {
  const result = await fetchPage(input, options);
  if (result.ok)
    throw new Error(`expected ${code}, got ${result.value.status} from ${result.value.finalUrl}`);
  expect(result.error.code).toBe(code);
  expect(result.error.message.en).not.toBe('');
  expect(result.error.message.zh).toMatch(/[\u4e00-\u9fff]/);
  return result.error;
}

describe('normalizeSiteUrl', () => {
  it.each([
    ['example.cn', ['https://example.cn/', 'http://example.cn/']],
    ['  Example.CN/about?x=1  ', ['https://example.cn/about?x=1', 'http://example.cn/about?x=1']],
    ['example.cn:8080/path', ['https://example.cn:8080/path', 'http://example.cn:8080/path']],
    ['//example.cn', ['https://example.cn/', 'http://example.cn/']],
    ['http://example.cn', ['http://example.cn/']],
    ['HTTPS://example.cn/a#footer', ['https://example.cn/a']],
    ['http:/example.cn', ['http://example.cn/']],
    ['例子.中国', ['https://xn--fsqu00a.xn--fiqs8s/', 'http://xn--fsqu00a.xn--fiqs8s/']],
    ['https://政府.cn/首页', ['https://xn--mxtq1m.cn/%E9%A6%96%E9%A1%B5']],
    ['127.0.0.1:3000', ['https://127.0.0.1:3000/', 'http://127.0.0.1:3000/']],
    ['[::1]', ['https://[::1]/', 'http://[::1]/']],
  ])('%s → %j', (input, expected) => {
    expect(normalizeSiteUrl(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'invalid_url'],
    ['   ', 'invalid_url'],
    ['https://', 'invalid_url'],
    ['http://user:pass@example.cn/', 'invalid_url'],
    ['user@example.cn', 'invalid_url'],
    ['exa mple.cn', 'invalid_url'],
    ['ftp://example.cn/', 'unsupported_scheme'],
    ['file:///etc/passwd', 'unsupported_scheme'],
    ['javascript:alert(1)', 'unsupported_scheme'],
    ['mailto:admin@example.cn', 'unsupported_scheme'],
  ])('%j is refused as %s', (input, code) => {
    const result = normalizeSiteUrl(input);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });
});

describe('fetchPage: success', () => {
  it('fetches and decodes a page', async () => {
    const result = await fetchPage(`${site.origin}/`, allowLocal);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toMatchObject({
      requestedUrl: `${site.origin}/`,
      finalUrl: `${site.origin}/`,
      status: 200,
      redirects: [],
      contentType: 'text/html; charset=utf-8',
      charset: 'utf-8',
      charsetSource: 'header',
      html: HTML,
      bytes: Buffer.byteLength(HTML),
    });
    expect(result.value.elapsedMs).toBeGreaterThanOrEqual(0);
  });

  it('follows redirects and reports them', async () => {
    const result = await fetchPage(`${site.origin}/redirect-chain`, allowLocal);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.finalUrl).toBe(`${site.origin}/`);
    expect(result.value.redirects).toEqual([`${site.origin}/redirect-home`, `${site.origin}/`]);
    expect(result.value.html).toBe(HTML);
  });

  it('decodes a gzip body', async () => {
    const result = await fetchPage(`${site.origin}/gzip`, allowLocal);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.html).toBe(HTML);
    expect(result.value.bytes).toBe(Buffer.byteLength(HTML));
  });

  it('accepts application/xhtml+xml', async () => {
    expect((await fetchPage(`${site.origin}/xhtml`, allowLocal)).ok).toBe(true);
  });

  it('sends its user agent and asks for compressed Chinese pages', async () => {
    const result = await fetchPage(`${site.origin}/echo-headers`, allowLocal);
    if (!result.ok) throw new Error(result.error.code);
    const headers = JSON.parse(result.value.html) as Record<string, string>;
    expect(headers['user-agent']).toBe('OpenBeian footer check (+https://github.com/openbeian)');
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
    expect(headers['accept-language']).toMatch(/^zh-CN/);
  });

  it('gives https half the time when a firewall swallows it, then falls back to http', async () => {
    // Answers plain http, but never completes a TLS handshake (first byte 0x16), like a port that drops.
    const sockets = new Set<Socket>();
    const server = createNetServer((socket) => {
      sockets.add(socket);
      socket.once('data', (chunk) => {
        if (chunk[0] === 0x16) return;
        socket.end(
          `HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: ${Buffer.byteLength(HTML)}\r\n\r\n${HTML}`,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const started = performance.now();
      const result = await fetchPage(`127.0.0.1:${port}`, { ...allowLocal, timeoutMs: 1_000 });
      if (!result.ok) throw new Error(result.error.code);
      expect(result.value.requestedUrl).toBe(`http://127.0.0.1:${port}/`);
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  });

  it('tries https first and falls back to http when TLS fails', async () => {
    // The test server speaks plain http, so the https attempt fails its handshake.
    const result = await fetchPage(`127.0.0.1:${site.port}/`, allowLocal);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.requestedUrl).toBe(`http://127.0.0.1:${site.port}/`);
    expect(result.value.html).toBe(HTML);
  });
});

describe('fetchPage: charsets', () => {
  it.each([
    ['/gbk', 'gbk', 'meta'],
    ['/gb18030', 'gb18030', 'header'],
    ['/unlabelled-gbk', 'gb18030', 'sniffed'],
    ['/bom', 'utf-8', 'bom'],
    ['/http-equiv', 'gbk', 'meta'],
  ])('%s decodes as %s from %s', async (path, charset, source) => {
    const result = await fetchPage(`${site.origin}${path}`, allowLocal);
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.charset).toBe(charset);
    expect(result.value.charsetSource).toBe(source);
    expect(result.value.html).toContain(NUMBER);
    if (path !== '/bom' && path !== '/http-equiv') expect(result.value.html).toContain(PSB);
    if (path === '/gb18030') expect(result.value.html).toContain('𠮷');
  });
});

describe('fetchPage: server-side request forgery guard', () => {
  it.each([
    ['http://127.0.0.1/', '127.0.0.1'],
    ['http://localhost/', undefined],
    ['http://[::1]/', '::1'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://10.0.0.1/', '10.0.0.1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['192.168.1.1', '192.168.1.1'],
  ])('refuses %s when not allow-listed', async (url, address) => {
    const failure = await expectFailure(url, 'blocked_address', {});
    if (address) expect(failure.message.en).toContain(address);
  });

  it('refuses a private host name on its own port for its address, without connecting', async () => {
    const before = target.requests.length;
    const failure = await expectFailure(`http://localhost:${target.port}/`, 'blocked_address', {});
    expect(failure.message.en).toContain('localhost');
    expect(target.requests.length).toBe(before);
  });

  it('refuses the loopback test server itself without the allow-list', async () => {
    const before = site.requests.length;
    await expectFailure(`${site.origin}/`, 'blocked_address', {});
    expect(site.requests.length).toBe(before);
  });

  it.each([
    ['/redirect-metadata', 'blocked_address', 'http://169.254.169.254/latest/meta-data/'],
    ['/redirect-localhost', 'blocked_address', undefined],
    ['/redirect-ftp', 'unsupported_scheme', 'ftp://example.cn/'],
  ] as const)('re-checks a redirect: %s → %s', async (path, code, url) => {
    const before = target.requests.length;
    const failure = await expectFailure(`${site.origin}${path}`, code);
    expect(failure.url).toBe(url ?? `http://localhost:${target.port}/`);
    expect(target.requests.length).toBe(before);
  });

  it('refuses a port other than 80 and 443 on a public address before connecting', async () => {
    const failure = await expectFailure('http://93.184.215.14:8080/', 'blocked_port', {});
    expect(failure.message.en).toContain('8080');
    expect(failure.message.zh).toContain('8080');
  });

  it('allows any port on an allow-listed host, also by name (through the guarded lookup)', async () => {
    expect((await fetchPage(`${site.origin}/`, { allowHosts: ['127.0.0.1'] })).ok).toBe(true);
    const byName = await fetchPage(`http://LocalHost:${site.port}/`, { allowHosts: ['localhost'] });
    expect(byName.ok ? byName.value.html : byName.error.code).toBe(HTML);
  });

  it('does not fall back to http after a refused address', async () => {
    const before = target.requests.length;
    await expectFailure(`localhost:${target.port}`, 'blocked_address', {});
    expect(target.requests.length).toBe(before);
  });
});

describe('fetchPage: failures', () => {
  it('times out on a server that never answers', async () => {
    const started = performance.now();
    const failure = await expectFailure(`${site.origin}/hang`, 'timeout', { ...allowLocal, timeoutMs: 300 });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(failure.message.en).toContain('0.3 s');
  });

  it('reports too_large when the declared length passes maxBytes', async () => {
    const failure = await expectFailure(`${site.origin}/large`, 'too_large', {
      ...allowLocal,
      maxBytes: 100_000,
    });
    expect(failure.message.en).toContain('97.7 KiB');
  });

  it('reports too_large while streaming a body without a length', async () => {
    await expectFailure(`${site.origin}/large-chunked`, 'too_large', { ...allowLocal, maxBytes: 100_000 });
  });

  it('caps the decompressed size too (a gzip bomb)', async () => {
    await expectFailure(`${site.origin}/gzip-bomb`, 'too_large', { ...allowLocal, maxBytes: 1_000_000 });
  });

  it('reports a redirect loop', async () => {
    const failure = await expectFailure(`${site.origin}/loop`, 'too_many_redirects', {
      ...allowLocal,
      maxRedirects: 3,
    });
    expect(failure.message.en).toContain('3 times');
    expect(site.requests.filter((path) => path === '/loop').length).toBeGreaterThanOrEqual(4);
  });

  it('reports a closed port as connection_failed', async () => {
    const port = await findClosedPort();
    await expectFailure(`http://127.0.0.1:${port}/`, 'connection_failed');
  });

  it.each([
    ['/404', 404],
    ['/500', 500],
    ['/redirect-no-location', 302],
  ])('reports %s as http_error with its status', async (path, status) => {
    const failure = await expectFailure(`${site.origin}${path}`, 'http_error');
    expect(failure.status).toBe(status);
    expect(failure.message.en).toContain(String(status));
  });

  it('reports JSON as not_html', async () => {
    const failure = await expectFailure(`${site.origin}/json`, 'not_html');
    expect(failure.message.en).toContain('application/json');
  });

  it('reports an unresolvable name as dns_failed', async () => {
    // .invalid never resolves (RFC 2606), so no network is needed to find that out.
    await expectFailure('http://no-such-host.invalid/', 'dns_failed', {});
  });

  it('reports invalid input without fetching', async () => {
    await expectFailure('http://user:secret@example.cn/', 'invalid_url');
    await expectFailure('gopher://example.cn/', 'unsupported_scheme');
  });
});

describe('fetchResource', () => {
  it('returns a redirect as it came when maxRedirects is 0', async () => {
    const result = await fetchResource(`${site.origin}/redirect-home`, { allowHosts: ['127.0.0.1'] });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.status).toBe(302);
    expect(result.value.headers.location).toBe('/');
    expect(result.value.redirects).toEqual([]);
  });

  it('returns any status and content type', async () => {
    const result = await fetchResource(`${site.origin}/json`, { allowHosts: ['127.0.0.1'] });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value.status).toBe(200);
    expect(result.value.body.toString()).toContain('ICP');
  });

  it('applies the guard like fetchPage', async () => {
    const result = await fetchResource('http://169.254.169.254/', {});
    expect(result.ok ? undefined : result.error.code).toBe('blocked_address');
  });
});
