import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { checkAccessibility } from './support/accessibility.ts';
import { countVisibleH1, getBaseUrl, setUpBrowser, visit, waitForSettled } from './support/fixtures.ts';
import { inEveryVariant } from './support/page-info.ts';
import { saveScreenshot } from './support/screenshots.ts';

const { openPage } = setUpBrowser();

/** Every page a visitor reaches without signing in, by a shareable URL (issue 4, "Public pages"). */
const PUBLIC_PAGES = [
  { name: 'home', path: '/' },
  { name: 'eligibility', path: '/eligibility' },
  { name: 'registry', path: '/registry?q=科技' },
  { name: 'footer-check', path: '/footer-check' },
  { name: 'number', path: '/number?n=京ICP备2024012345号-1' },
  { name: 'sign-in', path: '/sign-in' },
  { name: 'sign-up', path: '/sign-up' },
  // Unknown paths get the app from the server (200) and the app's own not-found page.
  { name: 'not-found', path: '/no-such-page' },
] as const;

function readHtmlLang(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

/** The skip link is on every page, so its text tells the UI language. */
async function readSkipLinkText(page: Page): Promise<string> {
  return (await page.locator('a[href="#main"]').textContent()) ?? '';
}

describe('public pages, in both languages and both widths', () => {
  for (const { name, path } of PUBLIC_PAGES) {
    test(`${name} (${path})`, () =>
      inEveryVariant(async ({ language, viewport }) => {
        const page = await openPage({ language, viewport });
        const response = await visit(page, path);
        expect(response.status(), `HTTP status of ${path}`).toBe(200);
        expect(await countVisibleH1(page), `h1 elements on ${path}`).toBe(1);
        expect(await readHtmlLang(page)).toBe(language);
        await saveScreenshot(page, 'public-pages', name);
        await checkAccessibility(page);
      }));
  }
});

describe('language', () => {
  test('the first visit follows the browser language', async () => {
    const chinese = await openPage({ language: 'zh-CN', viewport: 'desktop' });
    await visit(chinese, '/');
    expect(await readHtmlLang(chinese)).toBe('zh-CN');
    expect(await readSkipLinkText(chinese)).toBe('跳到主要内容');

    const english = await openPage({ language: 'en', viewport: 'desktop' });
    await visit(english, '/');
    expect(await readHtmlLang(english)).toBe('en');
    expect(await readSkipLinkText(english)).toBe('Skip to main content');
  });

  test('the switcher changes the language, and the choice is remembered after a reload', async () => {
    const page = await openPage({ language: 'en', viewport: 'desktop' });
    await visit(page, '/registry');
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文').click();
    await expect.poll(() => readHtmlLang(page)).toBe('zh-CN');
    expect(await readSkipLinkText(page)).toBe('跳到主要内容');

    await page.reload();
    await waitForSettled(page);
    expect(await readHtmlLang(page)).toBe('zh-CN');
    expect(await readSkipLinkText(page)).toBe('跳到主要内容');

    await page.getByRole('radiogroup', { name: '语言' }).getByText('English').click();
    await expect.poll(() => readHtmlLang(page)).toBe('en');
  });
});

describe('URLs', () => {
  test('a direct load of /registry?q=… keeps the query', async () => {
    const page = await openPage({ language: 'en', viewport: 'desktop' });
    await visit(page, '/registry?q=x');
    expect(new URL(page.url()).pathname).toBe('/registry');
    expect(new URL(page.url()).searchParams.get('q')).toBe('x');
  });

  test('unknown API paths stay JSON 404s', async () => {
    const page = await openPage({ language: 'en', viewport: 'desktop' });
    const response = await page.request.get(`${getBaseUrl()}/api/no-such-endpoint`);
    expect(response.status()).toBe(404);
    expect(response.headers()['content-type']).toMatch(/json/);
  });
});

describe('keyboard', () => {
  /** What has the focus now, as "<tag> <href or text>". */
  function describeFocus(page: Page): Promise<string> {
    return page.evaluate(`(() => {
      const element = document.activeElement;
      if (!element) return 'nothing';
      const href = element.getAttribute('href');
      return element.tagName.toLowerCase() + ' ' + (href ?? (element.textContent ?? '').trim());
    })()`);
  }

  test('Tab from the top reaches the skip link first, then the navigation; the skip link moves to main', async () => {
    const page = await openPage({ language: 'en', viewport: 'desktop' });
    await visit(page, '/');
    await page.keyboard.press('Tab');
    expect(await describeFocus(page)).toBe('a #main');

    const reached: string[] = [];
    for (let step = 0; step < 6; step++) {
      await page.keyboard.press('Tab');
      reached.push(await describeFocus(page));
    }
    expect(reached).toEqual([
      'a /',
      'a /eligibility',
      'a /registry',
      'a /footer-check',
      'a /number',
      // Then the controls on the right of the header.
      expect.stringMatching(/^(input|label|button|div)\b/),
    ]);

    // The skip link jumps over the header to the page's content.
    await visit(page, '/');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('main');
  });

  test('on a phone, Tab reaches the skip link first and the menu button opens the navigation', async () => {
    const page = await openPage({ language: 'en', viewport: 'mobile' });
    await visit(page, '/');
    await page.keyboard.press('Tab');
    expect(await describeFocus(page)).toBe('a #main');
    const menu = page.getByRole('button', { name: 'Open navigation' });
    await menu.focus();
    await page.keyboard.press('Enter');
    const drawerNav = page.getByRole('dialog').getByRole('navigation', { name: 'Main navigation' });
    await drawerNav.waitFor({ state: 'visible' });
    await expect.poll(() => drawerNav.getByRole('link').count()).toBeGreaterThanOrEqual(5);
  });
});
