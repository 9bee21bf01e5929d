import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_USERS, setUpBrowser, visit, waitForNetworkQuiet } from '../support/fixtures.ts';
import { type JourneyUser, keyStep } from '../support/journey-screenshots.ts';
import { fill, textsFor } from '../support/journey-ui.ts';
import type { Language } from '../support/page-info.ts';
import { saveScreenshot } from '../support/screenshots.ts';

/**
 * Issue 5, acceptance: "check a live site's footer". A site owner gives the address of their site
 * (here a fixture site on loopback, which the e2e server allow-lists with FETCH_ALLOW_HOSTS) and the
 * filed domain: the server fetches the page and the footer is compliant against the registry's
 * record. A footer that scripts build is seen through the headless-browser pass. A port where nothing
 * listens is "unreachable" — a neutral answer, not a failed footer. A shared `?url=` link fills the
 * form without fetching anything. An administrator allows a staging host with a note and removes it.
 * Driven in English on a phone; key steps also in Chinese and at desktop width.
 */
const { openPage } = setUpBrowser();
const JOURNEY = 'live-footer-check';
const LANGUAGE: Language = 'en';
const ui = textsFor(LANGUAGE);
const t = ui.footer;
/** The demo's first approved service (src/app/demo/seed-orders.ts), so the registry knows it. */
const NUMBER = '京ICP备2026000001号-1';
const DOMAIN = 'wang-notes.cn';

const homePage = (footer: string, script = '') => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>山间读书笔记</title></head><body>
<main><h1>山间读书笔记</h1><p>读书、散步和写字。</p></main>
<footer id="footer">${footer}</footer>${script}</body></html>`;
const LINK = `<a href="https://beian.miit.gov.cn/" target="_blank">${NUMBER}</a>`;
const PAGES: Record<string, string> = {
  '/': homePage(`© 2026 王小明 · ${LINK}`),
  // The number only appears once the page's script runs: the served HTML shows none.
  '/scripted': homePage(
    '© 2026 王小明',
    `<script>document.getElementById('footer').insertAdjacentHTML('beforeend', ${JSON.stringify(` · ${LINK}`)});</script>`,
  ),
};

let site: Server;
let siteUrl = '';
let closedUrl = '';
/** Requests the fixture site answered: a page opened with ?url= must not add any. */
let siteRequests = 0;

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

beforeAll(async () => {
  site = createServer((request, response) => {
    siteRequests += 1;
    const page = PAGES[new URL(request.url ?? '/', 'http://fixture').pathname];
    if (page === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  siteUrl = `http://127.0.0.1:${await listen(site)}/`;
  // A port that was free a moment ago and that nobody listens on now.
  const probe = createServer();
  const closedPort = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  closedUrl = `http://127.0.0.1:${closedPort}/`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
});

function livePanel(target: Page, language: Language) {
  return target.getByRole('tabpanel', { name: textsFor(language).footer.modes.live });
}

/** Fills the live form (the address only when given: a ?url= link has filled it) and runs the check. */
function checkLive(address?: string) {
  return async (target: Page, language: Language): Promise<void> => {
    const texts = textsFor(language).footer;
    const tab = target.getByRole('tab', { name: texts.modes.live });
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    const panel = livePanel(target, language);
    const url = panel.getByRole('textbox', { name: texts.live.url });
    if (address === undefined) expect(await url.inputValue()).not.toBe('');
    else await url.fill(address);
    await panel.getByRole('textbox', { name: texts.live.domain }).fill(DOMAIN);
    // The answer to this click, not the result of the check before it that is still on the page.
    const answered = target.waitForResponse((response) => response.url().endsWith('/api/footer/check-site'), {
      timeout: 60_000,
    });
    await panel.getByRole('button', { name: texts.live.submit }).click();
    await answered;
    await panel.getByRole('heading', { name: texts.result.heading }).waitFor({ timeout: 30_000 });
    await waitForNetworkQuiet(target);
  };
}

describe('the live footer check', () => {
  test('a live compliant site passes, a script-built footer is rendered, a closed port is unreachable', async () => {
    const page = await openPage({
      language: LANGUAGE,
      viewport: 'mobile',
      // The refused ftp: address below: the browser logs the 400 it answers.
      allowConsoleErrors: [/status of 400 .*\/api\/footer\/check-site/],
    });
    await visit(page, '/footer-check');
    const panel = livePanel(page, LANGUAGE);

    // Not a web address: the reason shows on the address field, and nothing is judged.
    await page.getByRole('tab', { name: t.modes.live }).click();
    const address = panel.getByRole('textbox', { name: t.live.url });
    await address.fill('ftp://wang-notes.cn/');
    const refused = page.waitForResponse((response) => response.url().endsWith('/api/footer/check-site'));
    await panel.getByRole('button', { name: t.live.submit }).click();
    expect((await refused).status()).toBe(400);
    await expect.poll(() => address.getAttribute('aria-invalid')).toBe('true');
    expect(await panel.getByRole('heading', { name: t.result.heading }).count()).toBe(0);

    // The number is the link's text, the link goes to MIIT and it is the registry's number: compliant.
    await checkLive(siteUrl)(page, LANGUAGE);
    const compliant = panel.getByRole('alert', { name: t.result.verdict.compliant });
    await expect.poll(() => compliant.isVisible()).toBe(true);
    expect(await compliant.textContent()).toContain(NUMBER);
    const facts = (await panel.getByTestId('page-facts').textContent()) ?? '';
    expect(facts).toContain(siteUrl);
    expect(facts).toContain(fill(t.live.facts.status, { status: 200 }));
    expect(facts).toContain('UTF-8');
    expect(await panel.getByTestId('render-note').count(), 'no headless pass for a served footer').toBe(0);
    const inLink = panel
      .getByRole('listitem')
      .filter({ has: page.getByText(t.rules.filing_number_in_link, { exact: true }) });
    expect(await inLink.textContent()).toContain(t.verdicts.pass);
    // The address is in the page's URL, to share.
    expect(new URL(page.url()).searchParams.get('url')).toBe(siteUrl);

    // A shared link fills the live form but fetches nothing until asked.
    const before = siteRequests;
    const shared = await openPage({ language: LANGUAGE, viewport: 'mobile' });
    await visit(shared, page.url());
    const sharedPanel = livePanel(shared, LANGUAGE);
    expect(await sharedPanel.getByRole('textbox', { name: t.live.url }).inputValue()).toBe(siteUrl);
    expect(await sharedPanel.getByRole('heading', { name: t.result.heading }).count()).toBe(0);
    expect(siteRequests, 'requests to the site on opening a ?url= link').toBe(before);
    await shared.context().close();

    await keyStep(openPage, page, JOURNEY, 'live-site-compliant', { prepare: checkLive() });

    // A footer that a script writes: the headless pass (on by default when the served HTML shows no
    // number) sees it, and says so.
    await panel.getByText(t.live.advanced, { exact: true }).click();
    const renderMode = panel.getByRole('combobox', { name: t.live.render });
    expect(await renderMode.inputValue()).toBe('auto');
    await checkLive(`${siteUrl}scripted`)(page, LANGUAGE);
    await expect
      .poll(() => panel.getByRole('alert', { name: t.result.verdict.compliant }).isVisible())
      .toBe(true);
    expect(await panel.getByTestId('render-note').textContent()).toContain('Chromium');
    await saveScreenshot(page, JOURNEY, 'script-built-footer-rendered');

    // Nothing listens on the port: unreachable, which is neither red nor non-compliant.
    await checkLive(closedUrl)(page, LANGUAGE);
    const unreachable = panel.getByRole('alert', { name: t.live.unreachable.title });
    await expect.poll(() => unreachable.isVisible()).toBe(true);
    const said = (await unreachable.textContent()) ?? '';
    expect(said).toContain(t.live.unreachable.body);
    expect(said).toContain(t.live.failure.connection_failed);
    expect(await panel.getByRole('alert', { name: t.result.verdict.non_compliant }).count()).toBe(0);
    await keyStep(openPage, page, JOURNEY, 'live-site-unreachable', { prepare: checkLive() });
  }, 300_000);

  test('an administrator allows a staging host with a note, then removes it', async () => {
    const admin: JourneyUser = { email: DEMO_USERS.admin };
    const a = ui.admin.allowList;
    const host = 'staging.wang-notes.cn';
    const page = await openPage({ language: LANGUAGE, viewport: 'mobile', signInAs: admin.email });
    await visit(page, '/admin/allow-list');
    expect(await page.getByText(a.description).isVisible()).toBe(true);

    // The host from the server's configuration is listed, read-only.
    const list = page.getByRole('region', { name: a.list.title }).getByRole('list');
    const configured = list.getByRole('listitem').filter({ hasText: '127.0.0.1' });
    expect(await configured.textContent()).toContain(a.list.configured);
    expect(await configured.getByRole('button').count()).toBe(0);

    const form = page.getByRole('region', { name: a.form.title });
    await form.getByRole('textbox', { name: a.form.host }).fill(host);
    await form.getByRole('textbox', { name: a.form.note }).fill('Staging copy of wang-notes.cn');
    await form.getByRole('button', { name: a.form.submit }).click();
    await expect
      .poll(() => page.getByRole('alert', { name: fill(a.form.added, { host }) }).isVisible())
      .toBe(true);
    const row = list.getByRole('listitem').filter({ hasText: host });
    await expect.poll(() => row.textContent()).toContain('Staging copy of wang-notes.cn');
    await waitForNetworkQuiet(page);
    await keyStep(openPage, page, JOURNEY, 'allow-list-host-added', { user: admin });

    await row.getByRole('button', { name: fill(a.list.removeLabel, { host }) }).click();
    const dialog = page.getByRole('dialog', { name: a.remove.title });
    await dialog.waitFor();
    await keyStep(openPage, page, JOURNEY, 'allow-list-remove-confirm', {
      user: admin,
      prepare: async (target, language) => {
        const texts = textsFor(language).admin.allowList;
        await target.getByRole('button', { name: fill(texts.list.removeLabel, { host }) }).click();
        await target.getByRole('dialog', { name: texts.remove.title }).waitFor();
      },
    });
    await dialog.getByRole('button', { name: a.remove.confirm }).click();
    await expect
      .poll(() => page.getByRole('alert', { name: fill(a.remove.done, { host }) }).isVisible())
      .toBe(true);
    await expect.poll(() => row.count()).toBe(0);
  }, 240_000);
});
