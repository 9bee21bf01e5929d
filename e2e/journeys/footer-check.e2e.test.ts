import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { setUpBrowser, visit, waitForNetworkQuiet } from '../support/fixtures.ts';
import { keyStep } from '../support/journey-screenshots.ts';
import { literal, textsFor } from '../support/journey-ui.ts';
import type { Language } from '../support/page-info.ts';

/**
 * Issue 4, acceptance: "the footer checker". A site owner pastes their home page's HTML: a footer
 * with the number as the text of a link to beian.miit.gov.cn passes; one with the number printed
 * next to the link fails that rule, which says why; and the page makes a copy-ready footer for the
 * number. Driven in Chinese at desktop width; key steps also in English and on a phone (the variants
 * paste the same HTML: the page keeps it in its form, not in the URL).
 */
const { openPage } = setUpBrowser();
const JOURNEY = 'footer-check';
const LANGUAGE: Language = 'zh-CN';
const ui = textsFor(LANGUAGE);
const t = ui.footer;
/** The demo's first approved service (src/app/demo/seed-orders.ts), so the registry knows it. */
const NUMBER = '京ICP备2026000001号-1';
const DOMAIN = 'wang-notes.cn';

const homePage = (body: string) => `<!doctype html><html><head><title>山间读书笔记</title></head><body>
<main><h1>山间读书笔记</h1><p>读书、散步和写字。</p></main>
<footer>© 2026 王小明 · ${body}</footer></body></html>`;
const COMPLIANT = homePage(`<a href="https://beian.miit.gov.cn/" target="_blank">${NUMBER}</a>`);
const NUMBER_OUTSIDE_LINK = homePage(`${NUMBER} <a href="https://beian.miit.gov.cn/">工信部备案查询</a>`);

/** Pastes the HTML (and the domain whose filing is expected) and runs the check. */
function check(html: string) {
  return async (target: Page, language: Language): Promise<void> => {
    const texts = textsFor(language).footer;
    const form = target.getByRole('region', { name: texts.check.heading });
    await form.getByRole('textbox', { name: texts.check.html }).fill(html);
    await form.getByRole('textbox', { name: texts.check.domain }).fill(DOMAIN);
    await form.getByRole('button', { name: texts.check.submit }).click();
    await form.getByRole('heading', { name: texts.result.heading }).waitFor({ timeout: 30_000 });
    await waitForNetworkQuiet(target);
  };
}

/** A rule's line in the result: its name, verdict and reason. */
function ruleLine(target: Page, rule: keyof typeof t.rules) {
  return target
    .getByRole('region', { name: t.check.heading })
    .getByRole('listitem')
    .filter({ has: target.getByText(t.rules[rule], { exact: true }) });
}

describe('the footer checker', () => {
  test('a compliant footer passes, a number outside its link fails with the reason, and a correct footer is made', async () => {
    const browserPage = await openPage({ language: LANGUAGE, viewport: 'desktop' });
    await visit(browserPage, '/footer-check');

    // The number is the link's text and the link goes to MIIT: compliant.
    await check(COMPLIANT)(browserPage, LANGUAGE);
    await expect
      .poll(() => browserPage.getByRole('alert', { name: t.result.verdict.compliant }).isVisible())
      .toBe(true);
    expect(await ruleLine(browserPage, 'filing_number_in_link').textContent()).toContain(t.verdicts.pass);
    // The registry's number for the domain is the one compared with.
    expect(
      await browserPage.getByRole('alert', { name: t.result.verdict.compliant }).textContent(),
    ).toContain(NUMBER);
    await keyStep(openPage, browserPage, JOURNEY, 'compliant-footer', { prepare: check(COMPLIANT) });

    // The number printed next to the link, which says something else: that rule fails, with why.
    await check(NUMBER_OUTSIDE_LINK)(browserPage, LANGUAGE);
    await expect
      .poll(() => browserPage.getByRole('alert', { name: t.result.verdict.non_compliant }).isVisible())
      .toBe(true);
    const inLink = ruleLine(browserPage, 'filing_number_in_link');
    const line = (await inLink.textContent()) ?? '';
    expect(line).toContain(t.verdicts.fail);
    // The reason is more than the rule's name and verdict.
    expect(
      line.replace(t.rules.filing_number_in_link, '').replace(t.verdicts.fail, '').trim().length,
    ).toBeGreaterThan(10);
    await keyStep(openPage, browserPage, JOURNEY, 'number-outside-link-fails', {
      prepare: check(NUMBER_OUTSIDE_LINK),
    });

    // A correct footer for that number, ready to copy.
    await browserPage.getByRole('button', { name: t.result.useForSnippet }).click();
    const snippet = browserPage.getByRole('region', { name: t.snippet.heading });
    await expect
      .poll(() => snippet.getByRole('textbox', { name: t.snippet.number }).inputValue())
      .toBe(NUMBER);
    await expect
      .poll(() => snippet.textContent())
      .toMatch(new RegExp(`<a href="https://beian\\.miit\\.gov\\.cn/"[^>]*>${literal(NUMBER)}</a>`));
    expect(await snippet.getByRole('button', { name: t.snippet.copyHtml }).isEnabled()).toBe(true);
    expect(await snippet.getByRole('button', { name: t.snippet.copyText }).isEnabled()).toBe(true);
    await keyStep(openPage, browserPage, JOURNEY, 'copy-ready-snippet', {
      prepare: async (target, language) => {
        const texts = textsFor(language).footer.snippet;
        const region = target.getByRole('region', { name: texts.heading });
        await region.getByRole('textbox', { name: texts.number }).fill(NUMBER);
        await region.getByRole('button', { name: texts.copyHtml }).waitFor();
      },
    });
  }, 240_000);
});
