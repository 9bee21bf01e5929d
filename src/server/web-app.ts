import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the single-page web app built by Vite (`dist/web`): its files as they are, and `index.html`
 * for any other GET outside `/api`, so `/registry?q=…` and every other app URL work on a direct load.
 * The API keeps its JSON 404 for unknown `/api` paths.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string): Promise<void> {
  const indexFile = join(webRoot, 'index.html');
  if (!existsSync(indexFile)) {
    app.log.warn(
      { webRoot },
      'The web app is not built (run `npm start` or `npx vite build`); serving the API only.',
    );
    return;
  }
  const indexHtml = readFileSync(indexFile, 'utf8');

  // Hashed bundles may be cached for good; the few unhashed files (favicon) are revalidated.
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    wildcard: false,
    index: false,
    cacheControl: false,
    // The build writes .br and .gz next to each asset (scripts/build-web.ts).
    preCompressed: true,
    allowedPath: (path) => path !== '/index.html',
    // @fastify/static 10 hands the Fastify reply here, although its types name the raw response.
    setHeaders: (reply, path) =>
      (reply as unknown as FastifyReply).header(
        'cache-control',
        path.includes('/assets/') ? IMMUTABLE : 'no-cache',
      ),
  });

  const sendIndex = (_request: unknown, reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);

  app.get('/', { schema: { hide: true } }, sendIndex);
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Unknown API paths and missing asset files stay real 404s.
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/assets/'))
      return reply.callNotFound();
    return sendIndex(request, reply);
  });
}
