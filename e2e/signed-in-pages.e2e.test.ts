import { describe, expect, test } from 'vitest';
import { checkAccessibility, checkNoHorizontalOverflow } from './support/accessibility.ts';
import {
  countVisibleH1,
  DEMO_USERS,
  getBaseUrl,
  setUpBrowser,
  visit,
  waitForSettled,
} from './support/fixtures.ts';
import { chooseOption, textsFor } from './support/journey-ui.ts';
import { inEveryVariant, LANGUAGES } from './support/page-info.ts';
import { saveScreenshot } from './support/screenshots.ts';

const { openPage } = setUpBrowser();

/** Every console page (issue 4), opened by the demo user whose role it is for. */
const CONSOLE_PAGES = [
  { path: '/app', user: DEMO_USERS.applicant },
  { path: '/app', user: DEMO_USERS.agent },
  { path: '/account', user: DEMO_USERS.applicant },
  { path: '/inbox', user: DEMO_USERS.applicant },
  { path: '/licences', user: DEMO_USERS.applicant },
  { path: '/licences/new', user: DEMO_USERS.applicant },
  { path: '/licences', user: DEMO_USERS.admin },
  { path: '/monitor', user: DEMO_USERS.applicant },
  { path: '/provider', user: DEMO_USERS.provider },
  { path: '/provider/instances', user: DEMO_USERS.provider },
  { path: '/provider/stats', user: DEMO_USERS.provider },
  { path: '/authority', user: DEMO_USERS.authority },
  { path: '/authority/sms', user: DEMO_USERS.authority },
  { path: '/authority/licences', user: DEMO_USERS.authority },
  { path: '/authority/shell-entities', user: DEMO_USERS.authority },
  { path: '/authority/stats', user: DEMO_USERS.authority },
  { path: '/admin', user: DEMO_USERS.admin },
  { path: '/admin/catalogue', user: DEMO_USERS.admin },
  { path: '/admin/calendar', user: DEMO_USERS.admin },
  { path: '/admin/users', user: DEMO_USERS.admin },
  { path: '/admin/audit', user: DEMO_USERS.admin },
  { path: '/admin/allow-list', user: DEMO_USERS.admin },
  { path: '/admin/shell-entities', user: DEMO_USERS.admin },
  { path: '/admin/stats', user: DEMO_USERS.admin },
] as const;

/** "admin/catalogue as admin" → a screenshot step name. */
function stepName(path: string, user: string): string {
  return `${path.slice(1).replace(/\//g, '-')}-as-${user.split('@')[0]}`;
}

describe('console pages, in both languages and both widths', () => {
  for (const { path, user } of CONSOLE_PAGES) {
    test(`${path} as ${user}`, () =>
      inEveryVariant(async ({ language, viewport }) => {
        const page = await openPage({ language, viewport, signInAs: user });
        await visit(page, path);
        // Still on the page: not sent to sign-in, and not shown the "not for your role" page.
        expect(new URL(page.url()).pathname, 'where the browser ended up').toBe(path);
        await saveScreenshot(page, 'console-pages', stepName(path, user));
        expect(await countVisibleH1(page), `h1 elements on ${path}`).toBe(1);
        await checkAccessibility(page);
        if (viewport === 'mobile') await checkNoHorizontalOverflow(page);
      }));
  }
});

describe('console states the list above does not reach', () => {
  test('a monitored site’s settings (/monitor/:id/edit)', async () => {
    // The demo seed monitors no site: the agent adds one for this test and removes it afterwards.
    const setup = await openPage({ language: 'en', viewport: 'desktop', signInAs: DEMO_USERS.agent });
    const origin = getBaseUrl();
    const created = await setup.request.post(`${origin}/api/monitor/sites`, {
      data: { label: 'Accessibility check', url: 'https://a11y-check.example.cn/' },
      headers: { origin },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    try {
      await inEveryVariant(async ({ language, viewport }) => {
        const page = await openPage({ language, viewport, signInAs: DEMO_USERS.agent });
        await visit(page, `/monitor/${id}/edit`);
        expect(new URL(page.url()).pathname).toBe(`/monitor/${id}/edit`);
        await saveScreenshot(page, 'console-pages', 'monitor-edit-as-agent');
        expect(await countVisibleH1(page)).toBe(1);
        await checkAccessibility(page);
        if (viewport === 'mobile') await checkNoHorizontalOverflow(page);
      });
    } finally {
      await setup.request.delete(`${origin}/api/monitor/sites/${id}`, { headers: { origin } });
    }
  });

  test('the page an applicant gets at /admin, and a page that does not exist', () =>
    inEveryVariant(async ({ language, viewport }) => {
      const common = textsFor(language).common;
      const page = await openPage({ language, viewport, signInAs: DEMO_USERS.applicant });
      for (const [path, title] of [
        ['/admin', common.states.forbiddenTitle],
        ['/app/no-such-page', common.states.notFoundTitle],
      ] as const) {
        await visit(page, path);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
        await saveScreenshot(page, 'console-pages', `${path.slice(1).replace(/\//g, '-')}-as-applicant`);
        expect(await countVisibleH1(page)).toBe(1);
        await checkAccessibility(page);
        if (viewport === 'mobile') await checkNoHorizontalOverflow(page);
      }
    }));

  test('the phone menu, open, with a console’s links', async () => {
    for (const language of LANGUAGES) {
      const page = await openPage({ language, viewport: 'mobile', signInAs: DEMO_USERS.admin });
      await visit(page, '/admin');
      await page.getByRole('button', { name: textsFor(language).common.nav.menu }).click();
      await page.getByRole('dialog').getByRole('navigation').waitFor({ state: 'visible' });
      await saveScreenshot(page, 'console-pages', 'menu-open-as-admin');
      await checkAccessibility(page);
      await checkNoHorizontalOverflow(page);
    }
  });
});

describe('the provider queue keeps its filters in the address', () => {
  test('a filter and a search go into the URL and survive a reload', async () => {
    const en = textsFor('en').provider.queue;
    const page = await openPage({ language: 'en', viewport: 'desktop', signInAs: DEMO_USERS.provider });
    await visit(page, '/provider');
    const form = page.getByRole('form', { name: en.filters });
    await chooseOption(page, form.getByRole('combobox', { name: en.flag }), en.flags.overdue);
    await page.waitForURL((url) => url.searchParams.get('flag') === 'overdue', { timeout: 30_000 });
    await form.getByRole('searchbox', { name: en.search }).fill('OB-');
    await page.waitForURL((url) => url.searchParams.get('q') === 'OB-', { timeout: 30_000 });
    await page.reload({ waitUntil: 'load' });
    await waitForSettled(page);
    const url = new URL(page.url());
    expect([url.searchParams.get('flag'), url.searchParams.get('q')]).toEqual(['overdue', 'OB-']);
    await expect
      .poll(() => form.getByRole('combobox', { name: en.flag }).inputValue(), { timeout: 30_000 })
      .toBe(en.flags.overdue);
    expect(await form.getByRole('searchbox', { name: en.search }).inputValue()).toBe('OB-');
    // Back goes to the list before the search.
    await page.goBack({ waitUntil: 'load' });
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 30_000 }).toBeNull();
    await expect.poll(() => form.getByRole('searchbox', { name: en.search }).inputValue()).toBe('');
  }, 120_000);
});
