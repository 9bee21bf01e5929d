import type { PageSource } from '../../app/footer/page-source.ts';
import { fetchPage } from './fetch-page.ts';
import { DEFAULT_CHROMIUM_PATH, isRendererAvailable, renderPage } from './render-page.ts';

/** Runs at most `limit` tasks at once; the others wait their turn in order. */
export function createLimiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

/**
 * The live footer check's page source: the guarded fetch, and the headless-Chromium pass when a
 * Chromium binary is installed (without one the check reports the render as unavailable). Each render
 * starts a browser, so at most `maxConcurrentRenders` run at once in this process, whatever the number
 * of users checking and sites scheduled.
 */
export function createPageSource(
  options: { executablePath?: string; maxConcurrentRenders?: number } = {},
): PageSource {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM_PATH;
  const source: PageSource = {
    fetchPage: (url, { allowHosts }) => fetchPage(url, { allowHosts }),
  };
  if (isRendererAvailable(executablePath)) {
    const limit = createLimiter(options.maxConcurrentRenders ?? 2);
    source.renderPage = (url, { allowHosts }) => limit(() => renderPage(url, { allowHosts, executablePath }));
  }
  return source;
}
