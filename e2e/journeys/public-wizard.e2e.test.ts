import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ViewportName } from '../support/browser.ts';
import {
  countVisibleH1,
  setUpBrowser,
  visit,
  waitForNetworkQuiet,
  waitForSettled,
} from '../support/fixtures.ts';
import { shootBothWidths } from '../support/journey-screenshots.ts';
import { chooseOption, literal, textsFor } from '../support/journey-ui.ts';
import type { Language } from '../support/page-info.ts';

const { openPage } = setUpBrowser();
const JOURNEY = 'public-wizard';

/**
 * Issue 4, acceptance: "The public wizard completed in English and in Chinese". A Chinese citizen in
 * Beijing with an information site goes through every step to the result (licence outcome with its
 * rules and sources, where to file, document checklist, dated timeline), then turns it into a draft
 * order, which asks them to sign up and opens the order form with their answers. Each language is
 * driven once (English at desktop width, Chinese on a phone); each step is also screenshotted at the
 * other width by resizing the same page, so the wizard's state is kept.
 */
const RUNS: { language: Language; viewport: ViewportName; domain: string }[] = [
  { language: 'en', viewport: 'desktop', domain: 'wizard-notes-en.cn' },
  { language: 'zh-CN', viewport: 'mobile', domain: 'wizard-notes-zh.cn' },
];

async function step(page: Page, name: string): Promise<void> {
  await waitForNetworkQuiet(page);
  await shootBothWidths(page, JOURNEY, name);
}

describe('the public eligibility wizard', () => {
  for (const { language, viewport, domain } of RUNS) {
    test(`completed in ${language} (${viewport}) to the result, then turned into a draft order after sign-up`, async () => {
      const ui = textsFor(language);
      const t = ui.eligibility;
      const page = await openPage({ language, viewport });
      await visit(page, '/eligibility');
      expect(await countVisibleH1(page)).toBe(1);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);

      // 1. Who applies.
      const form = page.locator('main form');
      await form.getByRole('radio', { name: t.applicant.kinds.chinese_individual }).check();
      await step(page, 'applicant');
      await form.getByRole('button', { name: t.nav.next, exact: true }).click();

      // 2. Where: in mainland China, ID card from Beijing, with a mainland mobile number.
      await expect.poll(() => new URL(page.url()).hash).toBe('#location');
      await form
        .getByRole('radiogroup', { name: t.location.inChina })
        .getByRole('radio', { name: t.yesNo.yes })
        .check();
      await chooseOption(
        page,
        form.getByRole('combobox', { name: t.location.certificateProvincePerson }),
        language === 'en' ? /^Beijing\b/ : /^北京/,
      );
      await form
        .getByRole('radiogroup', { name: t.location.mobile })
        .getByRole('radio', { name: t.yesNo.yes })
        .check();
      await step(page, 'location');
      await form.getByRole('button', { name: t.nav.next, exact: true }).click();

      // 3. The site: hosted in the mainland, an information site on a .cn domain.
      await expect.poll(() => new URL(page.url()).hash).toBe('#site');
      await form
        .getByRole('radiogroup', { name: t.site.hosting })
        .getByRole('radio', { name: t.yesNo.yes })
        .check();
      await form.getByRole('textbox', { name: t.site.domain }).fill(domain);
      await form.getByRole('checkbox', { name: t.site.activityNames.information_only }).check();
      await step(page, 'site');
      await form.getByRole('button', { name: t.nav.next, exact: true }).click();

      // 4. The answers to check, then the assessment.
      await expect.poll(() => new URL(page.url()).hash).toBe('#review');
      await expect.poll(() => form.getByRole('heading', { name: t.review.heading }).isVisible()).toBe(true);
      await expect.poll(() => form.getByText(domain, { exact: true }).isVisible()).toBe(true);
      await step(page, 'review');
      await form.getByRole('button', { name: t.nav.assess }).click();

      // 5. The result: the licence outcome with its rules and their sources …
      await expect.poll(() => new URL(page.url()).hash).toBe('#result');
      const main = page.locator('main');
      const instruments = main.getByRole('region', { name: t.result.instruments });
      await instruments.waitFor({ state: 'visible', timeout: 30_000 });
      await waitForSettled(page);
      await expect
        .poll(() => main.getByText(t.result.licenceType.icp_filing, { exact: true }).first().isVisible())
        .toBe(true);
      await expect
        .poll(() => main.getByRole('heading', { name: t.result.overall.conditional }).isVisible())
        .toBe(true);
      // Every outcome names its rule; source links point to the sources list.
      expect(await instruments.getByRole('code').count()).toBeGreaterThan(0);
      expect(await instruments.getByRole('link', { name: /^(Source|来源)/ }).count()).toBeGreaterThan(0);
      // … where to file (Beijing, because of the ID card) and its province rules …
      const authority = main.getByRole('region', { name: t.result.authority });
      await expect.poll(() => authority.getByText(t.result.basis.id_card).isVisible()).toBe(true);
      // … the document checklist …
      const checklist = main.getByRole('region', { name: t.result.checklist, exact: true });
      expect(await checklist.getByRole('listitem').count()).toBeGreaterThan(2);
      // … the dated timeline …
      const timeline = main.getByRole('region', { name: t.result.timeline, exact: true });
      expect(
        await timeline.getByRole('columnheader', { name: t.result.columns.latest }).first().isVisible(),
      ).toBe(true);
      expect(await timeline.getByRole('row').count()).toBeGreaterThan(3);
      // … and the list of sources.
      const sources = main.getByRole('region', { name: t.result.sources, exact: true });
      expect(await sources.getByRole('listitem').count()).toBeGreaterThan(5);
      await shootBothWidths(page, JOURNEY, 'result', { checkOtherWidth: true });

      // 6. "Turn this into a draft filing" asks an anonymous visitor to create an account …
      await main.getByRole('button', { name: t.result.actions.draft }).click();
      await page.waitForURL((url) => url.pathname === '/sign-up');
      await waitForSettled(page);
      expect(new URL(page.url()).searchParams.get('redirect')).toBe('/app/orders/new?fromEligibility=true');
      const auth = ui.auth.signUp;
      await expect
        .poll(() => page.getByRole('heading', { level: 1, name: auth.title }).isVisible())
        .toBe(true);
      await page
        .getByRole('textbox', { name: auth.name })
        .fill(language === 'en' ? 'Wizard Reader' : '向导读者');
      await page
        .getByRole('textbox', { name: auth.email })
        .fill(`wizard-${language}-${Date.now()}@example.com`);
      await page.getByRole('textbox', { name: auth.password, exact: true }).fill('wizard-journey-1');
      await step(page, 'sign-up');
      await page.getByRole('button', { name: auth.submit }).click();

      // … and then opens the order form, prefilled from the answers.
      const wizard = ui.wizard.start;
      await page.waitForURL((url) => url.pathname === '/app/orders/new', { timeout: 60_000 });
      await page.getByRole('heading', { level: 1, name: wizard.title }).waitFor({ timeout: 60_000 });
      await waitForSettled(page);
      await expect.poll(() => page.getByText(wizard.prefilled).isVisible()).toBe(true);
      expect(await page.getByRole('textbox', { name: wizard.domain, exact: true }).inputValue()).toBe(domain);
      expect(await page.getByRole('combobox', { name: wizard.province }).inputValue()).toMatch(
        new RegExp(`^${literal(language === 'en' ? 'Beijing' : '北京')}`),
      );
      await step(page, 'draft-order');
    });
  }
});
