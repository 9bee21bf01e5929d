import type { PageSource } from '../../app/footer/page-source.ts';
import { fetchPage } from './fetch-page.ts';
import { DEFAULT_CHROMIUM_PATH, isRendererAvailable, renderPage } from './render-page.ts';

/**
 * The live footer check's page source: the guarded fetch, and the headless-Chromium pass when a
 * Chromium binary is installed (without one the check reports the render as unavailable).
 */
export function createPageSource(options: { executablePath?: string } = {}): PageSource {
  const executablePath = options.executablePath ?? DEFAULT_CHROMIUM_PATH;
  const source: PageSource = {
    fetchPage: (url, { allowHosts }) => fetchPage(url, { allowHosts }),
  };
  if (isRendererAvailable(executablePath)) {
    source.renderPage = (url, { allowHosts }) => renderPage(url, { allowHosts, executablePath });
  }
  return source;
}
