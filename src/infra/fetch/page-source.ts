import type { PageSource } from '../../app/footer/page-source.ts';
import { fetchPage } from './fetch-page.ts';
import { createLimiter } from './limiter.ts';
import { DEFAULT_CHROMIUM_PATH, isRendererAvailable, renderPage } from './render-page.ts';

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
