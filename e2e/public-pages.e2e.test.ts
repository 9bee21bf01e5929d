import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { checkAccessibility, checkNoHorizontalOverflow } from './support/accessibility.ts';
import { countVisibleH1, getBaseUrl, setUpBrowser, visit, waitForSettled } from './support/fixtures.ts';
import { textsFor } from './support/journey-ui.ts';
import { inEveryVariant, LANGUAGES } from './support/page-info.ts';
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
        if (viewport === 'mobile') await checkNoHorizontalOverflow(page);
      }));
  }

  test('the phone menu, open', async () => {
    for (const language of LANGUAGES) {
      const page = await openPage({ language, viewport: 'mobile' });
      await visit(page, '/');
      await page.getByRole('button', { name: textsFor(language).common.nav.menu }).click();
      await page.getByRole('dialog').getByRole('navigation').waitFor({ state: 'visible' });
      await saveScreenshot(page, 'public-pages', 'menu-open');
      await checkAccessibility(page);
      await checkNoHorizontalOverflow(page);
    }
  });
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

describe('language remembered per user', () => {
  test('chosen while signed in, it follows the user to a fresh browser in another language', async () => {
    const email = `language-${Date.now()}@example.test`;
    const password = 'language-test-password';
    const en = textsFor('en');
    const zh = textsFor('zh-CN');

    // A new account, created through the form in an English browser, keeps English…
    const first = await openPage({ language: 'en', viewport: 'desktop' });
    await visit(first, '/sign-up');
    await first.getByRole('textbox', { name: en.auth.signUp.name }).fill('Language Tester');
    await first.getByRole('textbox', { name: en.auth.signUp.email }).fill(email);
    await first.locator('input[autocomplete="new-password"]').fill(password);
    await first.getByRole('button', { name: en.auth.signUp.submit }).click();
    await first.waitForURL((url) => url.pathname !== '/sign-up', { timeout: 30_000 });
    await waitForSettled(first);
    const readSaved = async () => {
      const response = await first.request.get(`${getBaseUrl()}/api/me`);
      return ((await response.json()) as { preferences?: { locale?: string | null } }).preferences?.locale;
    };
    expect(await readSaved(), 'the language saved at sign-up').toBe('en');

    // …until the user switches to Chinese, which is saved on the account.
    await first.getByRole('radiogroup', { name: en.common.language.label }).getByText('中文').click();
    await expect.poll(() => readHtmlLang(first)).toBe('zh-CN');
    await expect.poll(readSaved).toBe('zh-CN');

    // Another browser, in English, signs in through the form: the UI turns Chinese.
    const second = await openPage({ language: 'en', viewport: 'mobile' });
    await visit(second, '/sign-in');
    expect(await readHtmlLang(second)).toBe('en');
    await second.getByRole('textbox', { name: en.auth.signIn.email }).fill(email);
    await second.locator('input[autocomplete="current-password"]').fill(password);
    await second.getByRole('button', { name: en.auth.signIn.submit, exact: true }).click();
    await second.waitForURL((url) => url.pathname !== '/sign-in', { timeout: 30_000 });
    await waitForSettled(second);
    expect(await readHtmlLang(second)).toBe('zh-CN');
    expect(await readSkipLinkText(second)).toBe(zh.common.skipToContent);

    // And a reload there starts in Chinese from the first paint.
    await second.reload({ waitUntil: 'domcontentloaded' });
    await second.locator('a[href="#main"]').waitFor({ state: 'attached' });
    expect(await readSkipLinkText(second)).toBe(zh.common.skipToContent);
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

  test('the skip link on the eligibility result leaves the wizard on its result', async () => {
    const t = textsFor('en').eligibility;
    const page = await openPage({ language: 'en', viewport: 'desktop' });
    await visit(page, '/eligibility');
    await page.getByRole('button', { name: t.examples.foreignInfo }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe('#review');
    await page.getByRole('button', { name: t.nav.assess, exact: true }).click();
    const result = page.getByRole('heading', { name: t.result.heading, level: 2 });
    await result.waitFor({ state: 'visible' });
    await waitForSettled(page);
    expect(new URL(page.url()).hash).toBe('#result');

    await page.locator('a[href="#main"]').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('main');
    // Not a hash change: the URL, the history and the wizard's step are as they were.
    expect(new URL(page.url()).hash).toBe('#result');
    await page.waitForTimeout(300);
    expect(await result.isVisible()).toBe(true);
    expect(new URL(page.url()).hash).toBe('#result');
  });

  test('a link to another page moves the focus to its heading and announces it; a search on the page does not', async () => {
    const common = textsFor('en').common;
    const registry = textsFor('en').registry;
    const page = await openPage({ language: 'en', viewport: 'desktop' });
    await visit(page, '/');
    // The brand link is named by what it shows (WCAG 2.5.3, label in name).
    const brand = page.getByRole('link', { name: `${common.brand} home page`, exact: true });
    expect(await brand.textContent()).toBe(common.brand);

    const link = page.getByRole('navigation', { name: common.nav.mainNavigation }).getByRole('link', {
      name: common.nav.registry,
    });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/registry');
    await waitForSettled(page);
    await expect.poll(() => describeFocus(page)).toBe(`h1 ${registry.title}`);
    await expect.poll(() => page.getByTestId('route-announcer').textContent()).toBe(registry.title);

    // A search changes the query only: the focus stays in the search box.
    const box = page.getByRole('searchbox', { name: registry.form.label });
    await box.fill('科技');
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === '科技');
    await waitForSettled(page);
    expect(await page.evaluate('document.activeElement && document.activeElement.getAttribute("type")')).toBe(
      'search',
    );

    // A page that focuses its own first field (sign-in) keeps that focus.
    await page.getByRole('banner').getByRole('link', { name: common.auth.signIn }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await waitForSettled(page);
    await page.waitForTimeout(300);
    expect(await page.evaluate('document.activeElement && document.activeElement.getAttribute("type")')).toBe(
      'email',
    );
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
