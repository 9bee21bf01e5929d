import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page, Request, Response } from 'playwright-core';
import { afterAll, beforeAll, inject, onTestFailed, onTestFinished } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/demo-accounts.ts';
import { launchChromium, VIEWPORTS, type ViewportName } from './browser.ts';
import { type Language, rememberPage } from './page-info.ts';
import { E2E_OUTPUT_ROOT } from './screenshots.ts';

/** The demo seed's sign-ins (src/app/demo/demo-accounts.ts), all with DEMO_PASSWORD. */
export const DEMO_USERS = {
  applicant: 'applicant@demo.openbeian.test',
  agent: 'agent@demo.openbeian.test',
  provider: 'provider@demo.openbeian.test',
  authority: 'authority@demo.openbeian.test',
  admin: 'admin@demo.openbeian.test',
} as const;

/** The e2e server's address from the global setup, without a trailing slash. */
/** Which demo server this file's browser tests talk to: SQLite by default (see global-setup.ts). */
let database: 'sqlite' | 'postgres' = 'sqlite';

/**
 * Points this file's browser tests at the server on PostgreSQL; call it at the top of the file.
 * Returns false when that server is not running (PostgreSQL unreachable, and not required).
 */
export function selectPostgresServer(): boolean {
  database = 'postgres';
  return inject('postgresBaseUrl') !== '';
}

/** The file's server is the one on PostgreSQL: journeys run there for the data path, not the screenshots. */
export function isOnPostgresServer(): boolean {
  return database === 'postgres';
}

export function getBaseUrl(): string {
  return database === 'postgres' ? inject('postgresBaseUrl') : inject('baseUrl');
}

export interface OpenPageOptions {
  language: Language;
  viewport: ViewportName;
  /**
   * Signs in through the API before the page opens (DEMO_PASSWORD unless `password` is given). The
   * session is shared by the file's later pages for the same user; a test that signs out or changes
   * the password passes `freshSession`. The account's saved UI language is set to `language` (it
   * would win over the browser's) unless `keepSavedLanguage`.
   */
  signInAs?: string;
  password?: string;
  freshSession?: boolean;
  keepSavedLanguage?: boolean;
  /** Console errors this test provokes on purpose, matched against "<text> <url>". */
  allowConsoleErrors?: readonly RegExp[];
}

export interface E2eBrowser {
  /**
   * A new page in a fresh browser context (own cookies and storage) with the language as the browser's
   * locale and the viewport's size. Uncaught page errors and console errors fail the test when it ends.
   */
  openPage(options: OpenPageOptions): Promise<Page>;
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

function describeConsoleMessage(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return `console.error: ${message.text()}${url ? ` (${url}${lineNumber ? `:${lineNumber}` : ''})` : ''}`;
}

/** An anonymous visitor's `/api/me` answers 401: that is an answer, not a fault of the page. */
function isAnonymousMeProbe(message: ConsoleMessage): boolean {
  const { url } = message.location();
  return /status of 401/.test(message.text()) && URL.canParse(url) && new URL(url).pathname === '/api/me';
}

/**
 * One Chromium for the test file (launched before its first test, closed after its last). Call at
 * the top of an `*.e2e.test.ts` file: `const { openPage } = setUpBrowser();`.
 */
export function setUpBrowser(): E2eBrowser {
  let browser: Browser | undefined;
  // One sign-in per user and file: the session cookie is reused by every later context.
  const sessions = new Map<string, Promise<StorageState>>();

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const signIn = (email: string, password: string, fresh: boolean): Promise<StorageState> => {
    const key = `${email}\n${password}`;
    let session = fresh ? undefined : sessions.get(key);
    if (!session) {
      session = (async () => {
        if (!browser)
          throw new Error('setUpBrowser(): the browser is not running (call it at the top level)');
        const context = await browser.newContext();
        try {
          const origin = getBaseUrl();
          // better-auth checks the Origin of a sign-in against PUBLIC_URL, as a browser would send it.
          const response = await context.request.post(`${origin}/api/auth/sign-in/email`, {
            data: { email, password },
            headers: { origin },
          });
          if (!response.ok()) {
            throw new Error(`Sign-in as ${email} failed: HTTP ${response.status()} ${await response.text()}`);
          }
          return await context.storageState();
        } finally {
          await context.close();
        }
      })();
      if (!fresh) {
        sessions.set(key, session);
        // A failed sign-in is not cached: the next test tries again and reports its own failure.
        session.catch(() => sessions.delete(key));
      }
    }
    return session;
  };

  return {
    async openPage(options) {
      if (!browser) throw new Error('setUpBrowser(): the browser is not running (call it at the top level)');
      const storageState = options.signInAs
        ? await signIn(options.signInAs, options.password ?? DEMO_PASSWORD, options.freshSession ?? false)
        : undefined;
      const context = await browser.newContext({
        locale: options.language,
        viewport: VIEWPORTS[options.viewport],
        ...(storageState ? { storageState } : {}),
      });
      if (options.signInAs && !options.keepSavedLanguage) {
        const origin = getBaseUrl();
        const response = await context.request.put(`${origin}/api/me/preferences`, {
          data: { locale: options.language },
          headers: { origin },
        });
        if (!response.ok()) {
          await context.close();
          throw new Error(`Saving the language of ${options.signInAs} failed: HTTP ${response.status()}`);
        }
      }
      const problems: string[] = [];
      const allowed = options.allowConsoleErrors ?? [];
      context.on('weberror', (error) => problems.push(`pageerror: ${error.error().stack ?? error.error()}`));
      context.on('console', (message) => {
        if (message.type() !== 'error') return;
        if (!options.signInAs && isAnonymousMeProbe(message)) return;
        const text = `${message.text()} ${message.location().url}`;
        if (allowed.some((pattern) => pattern.test(text))) return;
        problems.push(describeConsoleMessage(message));
      });
      // What the page showed when its test failed: the first thing to look at in a CI log's artifacts.
      onTestFailed(async ({ task }) => {
        const folder = join(E2E_OUTPUT_ROOT, 'failures');
        mkdirSync(folder, { recursive: true });
        const name = task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
        for (const [index, open] of context.pages().entries()) {
          await open
            .screenshot({
              path: join(folder, `${name}-${options.language}-${options.viewport}-${index + 1}.png`),
            })
            .catch(() => undefined);
        }
      });
      onTestFinished(async () => {
        await context.close();
        if (problems.length > 0) {
          throw new Error(
            `The page reported ${problems.length} error(s) (${options.language}, ${options.viewport}):\n` +
              problems.map((problem) => `  - ${problem}`).join('\n'),
          );
        }
      });
      const page = await context.newPage();
      trackRequests(page);
      rememberPage(page, { language: options.language, viewport: options.viewport });
      return page;
    },
  };
}

/** The requests of each page opened by `openPage` that have not finished yet, and when that last changed. */
const requestsInFlight = new WeakMap<Page, { requests: Set<Request>; changedAt: number }>();

function trackRequests(page: Page): void {
  const state = { requests: new Set<Request>(), changedAt: Date.now() };
  requestsInFlight.set(page, state);
  const done = (request: Request) => {
    state.requests.delete(request);
    state.changedAt = Date.now();
  };
  page.on('request', (request) => {
    // A redirect continues as a new request; the one it came from is over.
    const from = request.redirectedFrom();
    if (from) state.requests.delete(from);
    state.requests.add(request);
    state.changedAt = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
}

/**
 * Resolves once no request of the page has been in flight for `quietMs`: the lazy page chunk, its
 * texts and its API calls are in. Playwright's `networkidle` waits a fixed 500 ms and only once per
 * document, so it neither sees requests a click starts in the single-page app nor is quick. A request
 * that stays open (a live preview) is given up on after `timeoutMs`; the test's own assertions follow.
 */
export async function waitForNetworkQuiet(page: Page, quietMs = 150, timeoutMs = 10_000): Promise<void> {
  const state = requestsInFlight.get(page);
  if (!state) {
    await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => {});
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (state.requests.size === 0 && Date.now() - state.changedAt >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Opens `path` on the e2e server and waits until the app has settled: the page's h1 is shown and no
 * request is in flight (lazy page chunk and its API calls done). Returns the document's HTTP response.
 */
export async function visit(page: Page, path: string): Promise<Response> {
  const response = await page.goto(new URL(path, `${getBaseUrl()}/`).href, { waitUntil: 'load' });
  if (!response) throw new Error(`No response for ${path}`);
  await waitForSettled(page);
  return response;
}

/** After a navigation inside the app: the page's h1 is shown and no request is in flight. */
export async function waitForSettled(page: Page): Promise<void> {
  // A page without an h1 is reported by the test's own h1 assertion, with a clearer message than a timeout.
  await page
    .locator('h1')
    .first()
    .waitFor({ state: 'visible', timeout: 15_000 })
    .catch(() => {});
  await waitForNetworkQuiet(page);
}

/** The number of h1 elements a reader meets (hidden ones excluded); every page must have exactly one. */
export function countVisibleH1(page: Page): Promise<number> {
  return page.locator('h1:visible').count();
}
