import type { Page } from 'playwright-core';
import type { ViewportName } from './browser.ts';

/** The UI languages, as the browser announces them (the context's locale). */
export type Language = 'en' | 'zh-CN';
export const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
export const VIEWPORT_NAMES: readonly ViewportName[] = ['desktop', 'mobile'];

export interface PageInfo {
  language: Language;
  viewport: ViewportName;
}

const pages = new WeakMap<Page, PageInfo>();

export function rememberPage(page: Page, info: PageInfo): void {
  pages.set(page, info);
}

/** The language and width a page was opened with by `openPage`. */
export function describePage(page: Page): PageInfo {
  const info = pages.get(page);
  if (!info) throw new Error('This page was not opened with openPage() from e2e/support/fixtures.ts');
  return info;
}
