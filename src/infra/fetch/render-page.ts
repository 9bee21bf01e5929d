import { accessSync, constants as fs, statSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { chromium, type Route } from 'playwright-core';
import type { RenderedPage } from '../../app/footer/page-source.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  checkFetchTarget,
  type FetchFailure,
  fetchFailure,
  fetchResource,
  normalizeSiteUrl,
  REDIRECT_STATUSES,
} from './fetch-page.ts';
import { createLimiter } from './limiter.ts';

/*
 * Some sites build their footer in JavaScript, so the raw HTML has no 备案 number. This pass renders the
 * page in headless Chromium (issue 5). Chromium itself never opens a connection: every request it makes
 * is answered by fetchResource, behind the same address guard, limits and timeouts as fetchPage.
 */

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_MAX_REQUESTS = 150;
const DEFAULT_MAX_TOTAL_BYTES = 10 * 1024 * 1024;
/** After `load`, scripts that fetch the footer get this long to go quiet. */
const NETWORK_IDLE_MS = 3_000;
/** Past the deadline, the render's own timeouts get this long to report before the deadline does. */
const DEADLINE_GRACE_MS = 1_000;
/** How long closing a browser may take before the render returns anyway. */
const CLOSE_WAIT_MS = 5_000;
/** Redirects followed per request or navigation, as fetchPage does by default. */
const MAX_REDIRECTS = 5;
/** Requests fetched at once; also bounds the memory of bodies in flight. */
const PARALLEL_FETCHES = 6;

/*
 * Defence in depth, for whatever bypasses request interception (a redirect Chromium follows itself is
 * not routed, nor are preconnects or WebRTC): a SOCKS proxy on a port below 1024, which nobody
 * unprivileged can listen on, so such connections fail; with a SOCKS proxy Playwright also maps every
 * host name to "not found" inside Chromium, and WebRTC is confined to the dead proxy.
 */
const DEAD_PROXY = 'socks5://127.0.0.1:9';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--disable-sync',
  '--no-first-run',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];

/** Page APIs that open connections request interception does not see. */
const DISABLE_DIRECT_SOCKETS = `for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'WebTransport']) {
  try { delete globalThis[name]; } catch {}
}`;

/** Hop-by-hop and framing headers: fetchResource already decoded the body and Playwright frames it. */
const DROPPED_RESPONSE_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'content-encoding',
  'content-length',
  'keep-alive',
  'transfer-encoding',
]);
const DROPPED_REQUEST_HEADERS: ReadonlySet<string> = new Set([
  'accept-encoding',
  'connection',
  'content-length',
  'host',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
]);

export interface RenderPageOptions {
  allowHosts?: readonly string[];
  /** For the whole render: start, navigation, scripts and the wait for network idle. */
  timeoutMs?: number;
  executablePath?: string;
  /** Requests after this many are refused (counted in blockedRequests). */
  maxRequests?: number;
  /** Bytes of all responses together; requests beyond are refused. */
  maxTotalBytes?: number;
}

export type { RenderedPage };

/** Whether the Chromium binary exists and may be executed; the renderer is optional. */
export function isRendererAvailable(executablePath: string = DEFAULT_CHROMIUM_PATH): boolean {
  try {
    if (!statSync(executablePath).isFile()) return false;
    accessSync(executablePath, fs.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Renders a page in a fresh headless Chromium and returns its DOM after scripts ran. A main document
 * that cannot be fetched returns fetchResource's failure (blocked stays distinguishable from
 * unreachable). Throws when Chromium cannot be started, and on bugs rather than hiding them.
 */
export async function renderPage(
  url: string,
  options: RenderPageOptions = {},
): Promise<Result<RenderedPage, FetchFailure>> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const remaining = () => Math.max(0, Math.floor(timeoutMs - (performance.now() - started)));
  const candidates = normalizeSiteUrl(url);
  if (!candidates.ok) return candidates;
  const target = new URL(candidates.value[0] ?? url);
  const allowHosts = options.allowHosts ?? [];

  // Refuse an IP literal or a port before paying for a browser start; host names are checked per request.
  const refused = await checkFetchTarget(target, { allowHosts });
  if (refused) return err(refused);

  const budget = new RequestBudget(options.maxRequests ?? DEFAULT_MAX_REQUESTS, {
    maxTotalBytes: options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES,
  });
  const closing = new AbortController();
  /** The latest main-frame navigation's failure or redirect, read after each goto. */
  let mainOutcome: ForwardOutcome = {};
  let handlerError: unknown;

  const browser = await chromium.launch({
    executablePath: options.executablePath ?? DEFAULT_CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    proxy: { server: DEAD_PROXY },
    timeout: Math.max(1, remaining()),
  });
  /*
   * One deadline for everything after the launch: a page can keep Chromium busy forever (a script
   * looping after `load` blocks even reading the DOM), so the render is raced against the clock and
   * the browser closed whatever it is doing.
   */
  const render = async (): Promise<Result<RenderedPage, FetchFailure>> => {
    const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false });
    await context.addInitScript({ content: DISABLE_DIRECT_SOCKETS });
    await context.routeWebSocket(
      () => true,
      (socket) => {
        budget.blocked += 1;
        return socket.close({ code: 1008, reason: 'blocked by the footer check' });
      },
    );
    const page = await context.newPage();
    // Popups would only add requests; the footer is on the page itself.
    context.on('page', (popup) => {
      if (popup !== page) popup.close().catch(() => undefined);
    });

    await context.route('**/*', async (route) => {
      const request = route.request();
      const isMainDocument = request.isNavigationRequest() && request.frame() === page.mainFrame();
      try {
        const outcome = await forward(route, {
          allowHosts,
          budget,
          timeoutMs: remaining(),
          signal: closing.signal,
          isMainDocument,
        });
        if (isMainDocument) mainOutcome = outcome;
      } catch (error) {
        // After closing, nothing waits for the request any more. Before, it is a bug: Chromium must not
        // be left waiting, and the caller should see it.
        if (!closing.signal.aborted) handlerError ??= error;
        await route.abort('failed').catch(() => undefined);
      }
    });

    /*
     * Chromium does not route the request that follows a redirect (Playwright fires routes for the first
     * request of a chain only), so a redirect handed to it would connect unguarded. Main-frame redirects
     * are therefore aborted and followed here with a new goto, which is routed like any first request.
     */
    const navigate = async (start: string): Promise<FetchFailure | undefined> => {
      let next = start;
      for (let redirects = 0; ; redirects += 1) {
        mainOutcome = {};
        let status: number | undefined;
        try {
          status = (
            await page.goto(next, { waitUntil: 'load', timeout: Math.max(1, remaining()) })
          )?.status();
        } catch {
          if (handlerError !== undefined) throw handlerError;
          if (mainOutcome.redirect === undefined) {
            return (
              mainOutcome.failure ??
              (remaining() === 0
                ? fetchFailure('timeout', next, { timeoutMs })
                : fetchFailure('connection_failed', next, { host: new URL(next).hostname }))
            );
          }
        }
        if (mainOutcome.redirect === undefined) {
          return status !== undefined && status >= 400
            ? fetchFailure('http_error', next, { status })
            : undefined;
        }
        if (redirects >= MAX_REDIRECTS) {
          return fetchFailure('too_many_redirects', next, { maxRedirects: MAX_REDIRECTS });
        }
        next = mainOutcome.redirect;
      }
    };
    const settle = () =>
      page
        .waitForLoadState('networkidle', { timeout: Math.max(1, Math.min(NETWORK_IDLE_MS, remaining())) })
        .catch(() => undefined);

    const failure = await navigate(target.href);
    if (failure) return err(failure);
    await settle();
    // A script that sends the page elsewhere (location.href = …) through a redirect is followed once.
    const scripted = mainOutcome.redirect;
    if (scripted !== undefined) {
      const scriptedFailure = await navigate(scripted);
      if (scriptedFailure) return err(scriptedFailure);
      await settle();
    }
    if (handlerError !== undefined) throw handlerError;

    const finalUrl = page.url();
    // A script may have navigated to an address that was refused: Chromium then shows its own error
    // page, which has no footer.
    if (!finalUrl.startsWith('http:') && !finalUrl.startsWith('https:')) {
      return err(
        mainOutcome.failure ?? fetchFailure('connection_failed', finalUrl, { host: target.hostname }),
      );
    }
    const html = await page.evaluate('document.documentElement.outerHTML');
    return ok({
      finalUrl,
      html: typeof html === 'string' ? html : '',
      elapsedMs: Math.round(performance.now() - started),
      blockedRequests: budget.blocked,
    });
  };
  const work = render();
  // The render may still settle (or fail on the closed browser) after the deadline won the race.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Result<RenderedPage, FetchFailure>>((resolve) => {
    timer = setTimeout(
      () => resolve(err(fetchFailure('timeout', target.href, { timeoutMs }))),
      remaining() + DEADLINE_GRACE_MS,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    closing.abort();
    await Promise.race([browser.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_WAIT_MS))]);
  }
}

/** Request count and byte budget of one render, and how many requests were refused. */
class RequestBudget {
  blocked = 0;
  requests = 0;
  bytes = 0;
  /** Requests fetched at once; also bounds the memory of bodies in flight. */
  readonly inFlight = createLimiter(PARALLEL_FETCHES);
  readonly maxTotalBytes: number;

  constructor(
    readonly maxRequests: number,
    limits: { maxTotalBytes: number },
  ) {
    this.maxTotalBytes = limits.maxTotalBytes;
  }

  /** Takes one request from the budget, or returns false when it is spent. */
  take(): boolean {
    if (this.requests >= this.maxRequests || this.bytes >= this.maxTotalBytes) return false;
    this.requests += 1;
    return true;
  }
}

interface ForwardOutcome {
  failure?: FetchFailure;
  /** A main-frame redirect target, for renderPage to navigate to. */
  redirect?: string;
}

/** Answers one intercepted request through fetchResource, or refuses it. */
async function forward(
  route: Route,
  context: {
    allowHosts: readonly string[];
    budget: RequestBudget;
    timeoutMs: number;
    signal: AbortSignal;
    isMainDocument: boolean;
  },
): Promise<ForwardOutcome> {
  const { budget } = context;
  const request = route.request();
  const url = request.url();
  if (!url.startsWith('http:') && !url.startsWith('https:')) {
    budget.blocked += 1;
    await route.abort('blockedbyclient');
    return {
      failure: fetchFailure('unsupported_scheme', url, { scheme: new URL(url).protocol.replace(/:$/, '') }),
    };
  }
  // Reading a footer needs no writes: a page must not use the server to post anywhere.
  if (request.method() !== 'GET' && request.method() !== 'HEAD') {
    budget.blocked += 1;
    await route.abort('blockedbyclient');
    return {};
  }
  if (!budget.take()) {
    budget.blocked += 1;
    await route.abort('blockedbyclient');
    return { failure: fetchFailure('too_large', url, { maxBytes: budget.maxTotalBytes }) };
  }

  const sentHeaders = requestHeaders(await request.allHeaders());
  const result = await budget.inFlight(() =>
    fetchResource(url, {
      method: request.method(),
      headers: sentHeaders,
      allowHosts: context.allowHosts,
      timeoutMs: Math.max(1, context.timeoutMs),
      maxBytes: Math.max(0, budget.maxTotalBytes - budget.bytes),
      // Subresources are followed here, each hop through the guard, because Chromium would not route
      // the follow-up request; the main document's redirects go back to renderPage.
      maxRedirects: context.isMainDocument ? 0 : MAX_REDIRECTS,
      signal: context.signal,
    }),
  );

  if (!result.ok) {
    const refused = ['blocked_address', 'blocked_port', 'unsupported_scheme', 'too_large'];
    if (refused.includes(result.error.code)) {
      budget.blocked += 1;
      await route.abort('blockedbyclient');
    } else {
      await route.abort(result.error.code === 'timeout' ? 'timedout' : 'failed');
    }
    return { failure: result.error };
  }
  const { status, headers, body } = result.value;
  const location = Array.isArray(headers.location) ? headers.location[0] : headers.location;
  if (REDIRECT_STATUSES.has(status) && location !== undefined) {
    // Never hand Chromium a redirect: it would follow it without routing the next request.
    let redirect: string | undefined;
    try {
      redirect = new URL(location, url).href;
    } catch {
      redirect = undefined;
    }
    if (context.isMainDocument && redirect !== undefined) {
      await route.abort('aborted');
      return { redirect };
    }
    await route.abort('failed');
    return {
      failure: context.isMainDocument
        ? fetchFailure('http_error', url, { status, location })
        : fetchFailure('too_many_redirects', url, { maxRedirects: MAX_REDIRECTS }),
    };
  }
  budget.bytes += body.length;
  await route.fulfill({ status, headers: responseHeaders(headers), body });
  return {};
}

function requestHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !DROPPED_REQUEST_HEADERS.has(name.toLowerCase())),
  );
}

function responseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || DROPPED_RESPONSE_HEADERS.has(name)) continue;
    // Playwright splits a multi-valued set-cookie on newlines.
    result[name] = Array.isArray(value) ? value.join(name === 'set-cookie' ? '\n' : ', ') : value;
  }
  return result;
}
