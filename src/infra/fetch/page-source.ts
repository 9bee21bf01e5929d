import type { PageSource } from '../../app/footer/page-source.ts';
import { fetchPage } from './fetch-page.ts';
import { DEFAULT_CHROMIUM_PATH, isRendererAvailable, renderPage } from './render-page.ts';

/** Thrown when a limiter's queue is full: the caller reports the work as not done rather than wait. */
export class LimiterBusyError extends Error {
  constructor() {
    super('Too many tasks are waiting.');
    this.name = 'LimiterBusyError';
  }
}

/**
 * Runs at most `limit` tasks at once; up to `maxWaiting` others wait their turn in order, and any more
 * are refused with LimiterBusyError. A finishing task hands its slot straight to the next in line, so
 * no newcomer slips in between.
 */
export function createLimiter(limit: number, maxWaiting = Number.POSITIVE_INFINITY) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) {
      if (waiting.length >= maxWaiting) throw new LimiterBusyError();
      await new Promise<void>((resolve) => waiting.push(resolve));
    } else {
      active += 1;
    }
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

/**
 * The live footer check's page source: the guarded fetch, and the headless-Chromium pass when a
 * Chromium binary is installed (without one the check reports the render as unavailable). Each render
 * starts a browser, so at most `maxConcurrentRenders` run at once in this process and `maxWaitingRenders`
 * wait, whatever the number of users checking and sites scheduled; beyond that a check goes without
 * the headless pass (LimiterBusyError, reported as unavailable).
 */
export function createPageSource(
  options: { executablePath?: string; maxConcurrentRenders?: number; maxWaitingRenders?: number } = {},
): PageSource {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM_PATH;
  const source: PageSource = {
    fetchPage: (url, { allowHosts }) => fetchPage(url, { allowHosts }),
  };
  if (isRendererAvailable(executablePath)) {
    const limit = createLimiter(options.maxConcurrentRenders ?? 2, options.maxWaitingRenders ?? 4);
    source.renderPage = (url, { allowHosts }) => limit(() => renderPage(url, { allowHosts, executablePath }));
  }
  return source;
}
