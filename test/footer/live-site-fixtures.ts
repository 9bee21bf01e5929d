import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import iconv from 'iconv-lite';

/**
 * The live footer check's acceptance fixtures (issue 5): real pages served over HTTP on loopback, each
 * a way real sites show (or fail to show) their filing. Beijing's site is filed as
 * 京ICP备2024000456号-1 on example-bj.cn, Guangdong's as 粤ICP备2024000123号(-1) on example-gd.cn.
 */
export const BEIJING = { domain: 'example-bj.cn', number: '京ICP备2024000456号-1' };
export const GUANGDONG = {
  domain: 'example-gd.cn',
  entity: '粤ICP备2024000123号',
  number: '粤ICP备2024000123号-1',
};

const body = (footer: string, head = '') =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${head}<title>示例</title></head><body><main>${'<p>产品与服务介绍。</p>'.repeat(40)}</main>${footer}</body></html>`;

const linked = (number: string, href = 'https://beian.miit.gov.cn/') =>
  `<footer><p>© 2026 示例有限公司</p><a href="${href}" target="_blank">${number}</a></footer>`;

const PAGES: Record<string, { type: string; body: string | Buffer }> = {
  '/compliant.html': { type: 'text/html; charset=utf-8', body: body(linked(BEIJING.number)) },
  '/gbk.html': {
    // Served without a charset in the header: the meta tag says GBK, as on many older Chinese sites.
    type: 'text/html',
    body: iconv.encode(
      body(linked(BEIJING.number, 'http://beian.miit.gov.cn')).replace(
        '<meta charset="utf-8">',
        '<meta charset="gbk">',
      ),
      'gbk',
    ),
  },
  '/js-footer.html': {
    type: 'text/html; charset=utf-8',
    body: body(
      '<footer id="site-footer"></footer>',
      `<script>addEventListener('DOMContentLoaded', async () => {
        const footer = await (await fetch('/footer.json')).json();
        document.getElementById('site-footer').innerHTML =
          '<a href="https://beian.miit.gov.cn/" target="_blank">' + footer.number + '</a>';
      });</script>`,
    ),
  },
  '/footer.json': { type: 'application/json', body: JSON.stringify({ number: BEIJING.number }) },
  '/split-badge.html': {
    // The badge's text split over two links: neither holds the whole number.
    type: 'text/html; charset=utf-8',
    body: body(
      '<footer><a href="https://beian.miit.gov.cn/" target="_blank">京ICP备2024000456号</a><a href="https://beian.miit.gov.cn/" target="_blank">-1</a></footer>',
    ),
  },
  '/linked-elsewhere.html': {
    type: 'text/html; charset=utf-8',
    body: body(
      `<footer><a href="https://beian.miit.gov.cn/"><img src="data:," alt="备案"></a> <a href="/about">${BEIJING.number}</a></footer>`,
    ),
  },
  '/old-host.html': {
    type: 'text/html; charset=utf-8',
    body: body(linked(BEIJING.number, 'http://www.miitbeian.gov.cn/')),
  },
  '/guangdong.html': { type: 'text/html; charset=utf-8', body: body(linked(GUANGDONG.entity)) },
  '/no-number.html': {
    type: 'text/html; charset=utf-8',
    body: body('<footer><p>© 2026 示例有限公司</p></footer>'),
  },
};

export interface FixtureSite {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** A port on 127.0.0.1 where nothing listens. */
  closedPortOrigin: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

export async function startFixtureSite(): Promise<FixtureSite> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname;
    requests.push(path);
    const page = PAGES[path];
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      return;
    }
    response.writeHead(200, { 'content-type': page.type }).end(page.body);
  });
  const port = await listen(server);
  // Take a free port and release it, so nothing answers there.
  const spare = createServer();
  const closedPort = await listen(spare);
  await new Promise((resolve) => spare.close(resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    closedPortOrigin: `http://127.0.0.1:${closedPort}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
