import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as monitorTexts from '../../src/web/features/monitoring/locales.ts';
import { DEMO_USERS, setUpBrowser, visit, waitForNetworkQuiet, waitForSettled } from '../support/fixtures.ts';
import { type JourneyUser, keyStep } from '../support/journey-screenshots.ts';
import { fill, textsFor } from '../support/journey-ui.ts';
import type { Language } from '../support/page-info.ts';
import { saveScreenshot } from '../support/screenshots.ts';

/**
 * Issue 5, acceptance: "monitor a site". The demo applicant adds their site (a fixture site on
 * loopback, which the e2e server allow-lists with FETCH_ALLOW_HOSTS) with the day it went live, ten
 * days ago: "Check now" finds the footer compliant, and the duties show the public-security filing
 * open, due 30 days after going live. The site's address then changes to a page without a number: the
 * next check is non-compliant and says why. Finally the site is deleted. Driven in English on a phone;
 * key steps also in Chinese and at desktop width.
 */
const { openPage } = setUpBrowser();
const JOURNEY = 'site-monitor';
const LANGUAGE: Language = 'en';
const m = monitorTexts.en;
const footer = textsFor(LANGUAGE).footer;
const applicant: JourneyUser = { email: DEMO_USERS.applicant };
/** The demo's first approved service (src/app/demo/seed-orders.ts). */
const NUMBER = '京ICP备2026000001号-1';
const LABEL = `Reading notes ${Date.now().toString(36)}`;

const homePage = (footerHtml: string) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>山间读书笔记</title></head><body>
<main><h1>山间读书笔记</h1><p>读书、散步和写字。</p></main>
<footer>${footerHtml}</footer></body></html>`;
const PAGES: Record<string, string> = {
  '/': homePage(`© 2026 王小明 · <a href="https://beian.miit.gov.cn/" target="_blank">${NUMBER}</a>`),
  '/no-number': homePage('© 2026 王小明'),
};

let site: Server;
let siteUrl = '';

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

beforeAll(async () => {
  site = createServer((request, response) => {
    const page = PAGES[new URL(request.url ?? '/', 'http://fixture').pathname];
    if (page === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  siteUrl = `http://127.0.0.1:${await listen(site)}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
});

/** A China calendar date `days` from today, as the date inputs and the API write it. */
function chinaDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A date as the app shows it in English (src/web/lib/format.ts formatDate). */
function shownDate(date: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(
    new Date(`${date}T00:00:00+08:00`),
  );
}

/** Clicks "Check now" and waits for the check's answer and the refreshed history. */
async function checkNow(page: Page): Promise<void> {
  const answered = page.waitForResponse(
    (response) => /\/api\/monitor\/sites\/\d+\/checks$/.test(response.url()),
    { timeout: 90_000 },
  );
  await page.getByRole('button', { name: m.actions.checkNow }).click();
  expect((await answered).status()).toBe(201);
  await waitForNetworkQuiet(page);
}

function history(page: Page) {
  return page.getByTestId('check-history');
}

describe('the site monitor', () => {
  test('an applicant adds a site, checks it, sees it fail after a change, and deletes it', async () => {
    const goLiveOn = chinaDate(-10);
    const psbDueOn = chinaDate(20);
    const page = await openPage({ language: LANGUAGE, viewport: 'mobile', signInAs: applicant.email });
    await visit(page, '/monitor');
    expect(await page.getByRole('heading', { level: 1, name: m.title }).isVisible()).toBe(true);
    expect(await page.getByText(m.intro.footer).isVisible()).toBe(true);
    await keyStep(openPage, page, JOURNEY, 'monitor-explained', { user: applicant });

    // The form: the address is required, the go-live date turns the PSB filing reminders on.
    await page.getByRole('link', { name: m.actions.add }).first().click();
    await waitForSettled(page);
    expect(new URL(page.url()).pathname).toBe('/monitor/new');
    await page.getByRole('button', { name: m.form.create }).click();
    const address = page.getByRole('textbox', { name: m.form.url });
    await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText(m.form.urlRequired).isVisible()).toBe(true);

    const fillForm = async (target: Page, language: Language) => {
      const texts = language === 'en' ? monitorTexts.en : monitorTexts.zh;
      await target.getByRole('textbox', { name: texts.form.label }).fill(LABEL);
      await target.getByRole('textbox', { name: texts.form.url }).fill(siteUrl);
      await target.getByRole('textbox', { name: texts.form.expectedNumber }).fill(NUMBER);
      await target.getByLabel(texts.form.goLiveOn, { exact: true }).fill(goLiveOn);
    };
    await fillForm(page, LANGUAGE);
    expect(await page.getByRole('combobox', { name: m.form.interval }).inputValue()).toBe('24');
    await keyStep(openPage, page, JOURNEY, 'add-site-form', { user: applicant, prepare: fillForm });

    await page.getByRole('button', { name: m.form.create }).click();
    await page.waitForURL(/\/monitor\/\d+$/u, { timeout: 30_000 });
    await waitForSettled(page);
    expect(await page.getByRole('heading', { level: 1, name: LABEL }).isVisible()).toBe(true);

    // Check now: the footer shows the expected number as a link to MIIT.
    await checkNow(page);
    const compliant = page.getByRole('region', {
      name: fill(m.detail.checkNow.result, { verdict: m.verdicts.compliant }),
    });
    await expect.poll(() => compliant.isVisible()).toBe(true);
    const manualCompliant = history(page)
      .locator('[data-check-verdict="compliant"]')
      .filter({ hasText: m.history.trigger.manual });
    await expect.poll(() => manualCompliant.count()).toBeGreaterThan(0);

    // The duties: the PSB filing is open, due 30 days after going live.
    const psb = page.getByRole('article', { name: m.duties.psb.title });
    const duty = (await psb.textContent()) ?? '';
    expect(duty).toContain(m.duties.psb.states.open);
    expect(duty).toContain(fill(m.duties.due, { date: shownDate(psbDueOn) }));
    expect(duty).toContain(fill(m.duties.daysLeft_other, { count: 20 }));
    await keyStep(openPage, page, JOURNEY, 'site-compliant', { user: applicant });

    // The address changes to a page without a number.
    await page.getByRole('link', { name: m.actions.edit }).click();
    await waitForSettled(page);
    const url = page.getByRole('textbox', { name: m.form.url });
    expect(await url.inputValue()).toBe(siteUrl);
    expect(await page.getByLabel(m.form.goLiveOn, { exact: true }).inputValue()).toBe(goLiveOn);
    await url.fill(`${siteUrl}no-number`);
    await page.getByRole('button', { name: m.form.save }).click();
    await page.waitForURL(/\/monitor\/\d+$/u, { timeout: 30_000 });
    await waitForSettled(page);
    expect(await page.getByText(`${siteUrl}no-number`).first().isVisible()).toBe(true);

    await checkNow(page);
    const nonCompliant = page.getByRole('region', {
      name: fill(m.detail.checkNow.result, { verdict: m.verdicts.non_compliant }),
    });
    await expect.poll(() => nonCompliant.isVisible()).toBe(true);
    const said = (await nonCompliant.textContent()) ?? '';
    expect(said).toContain(footer.rules.filing_number_present);
    expect(said).toContain('No ICP filing number');
    // The history keeps both, newest first, and the newest is open with its reason.
    const failed = history(page)
      .locator('[data-check-verdict="non_compliant"]')
      .filter({ hasText: m.history.trigger.manual });
    await expect.poll(() => failed.first().textContent()).toContain('No ICP filing number');
    expect(await manualCompliant.count()).toBeGreaterThan(0);
    await keyStep(openPage, page, JOURNEY, 'site-non-compliant', { user: applicant });

    // The list: the site with its last verdict.
    await page.getByRole('link', { name: m.actions.allSites }).click();
    await waitForSettled(page);
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: fill(m.actions.open, { name: LABEL }) }) });
    await expect.poll(() => card.textContent()).toContain(m.verdicts.non_compliant);
    await keyStep(openPage, page, JOURNEY, 'monitor-list', { user: applicant });

    // The dashboard counts the sites by their last verdict and leads to the monitor.
    await visit(page, '/app');
    const summary = page.getByRole('region', { name: m.card.title });
    await expect.poll(() => summary.textContent()).toContain(m.verdicts.non_compliant);
    await saveScreenshot(page, JOURNEY, 'dashboard-card');
    await summary.getByRole('link', { name: m.card.open }).click();
    await waitForSettled(page);

    // Deleting asks first, then the site is gone from the list.
    await card.getByRole('link', { name: fill(m.actions.open, { name: LABEL }) }).click();
    await waitForSettled(page);
    await page.getByRole('button', { name: m.actions.delete }).click();
    const dialog = page.getByRole('dialog', { name: m.detail.delete.title });
    await dialog.waitFor();
    await keyStep(openPage, page, JOURNEY, 'delete-site-confirm', {
      user: applicant,
      prepare: async (target, language) => {
        const texts = language === 'en' ? monitorTexts.en : monitorTexts.zh;
        await target.getByRole('button', { name: texts.actions.delete }).click();
        await target.getByRole('dialog', { name: texts.detail.delete.title }).waitFor();
      },
    });
    await dialog.getByRole('button', { name: m.detail.delete.confirm }).click();
    await page.waitForURL(/\/monitor$/u, { timeout: 30_000 });
    await waitForSettled(page);
    await expect
      .poll(() => page.getByRole('link', { name: fill(m.actions.open, { name: LABEL }) }).count())
      .toBe(0);
  }, 600_000);
});
