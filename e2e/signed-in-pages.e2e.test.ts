import { describe, expect, test } from 'vitest';
import { checkAccessibility } from './support/accessibility.ts';
import { countVisibleH1, DEMO_USERS, setUpBrowser, visit, waitForSettled } from './support/fixtures.ts';
import { chooseOption, textsFor } from './support/journey-ui.ts';
import { inEveryVariant } from './support/page-info.ts';
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
      }));
  }
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
