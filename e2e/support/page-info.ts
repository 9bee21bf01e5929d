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

/**
 * Runs `check` in both widths at once (each in its own browser context), one language after the
 * other: a signed-in user's saved language is per account, so two languages at once would race. Every
 * failure is reported together, each with its language and width.
 */
export async function inEveryVariant(check: (variant: PageInfo) => Promise<void>): Promise<void> {
  const failures: string[] = [];
  for (const language of LANGUAGES) {
    const results = await Promise.allSettled(VIEWPORT_NAMES.map((viewport) => check({ language, viewport })));
    results.forEach((result, index) => {
      if (result.status === 'fulfilled') return;
      const reason = result.reason instanceof Error ? result.reason.message : String(result.reason);
      failures.push(`${language}, ${VIEWPORT_NAMES[index]}: ${reason}`);
    });
  }
  if (failures.length > 0) throw new Error(failures.join('\n\n'));
}
