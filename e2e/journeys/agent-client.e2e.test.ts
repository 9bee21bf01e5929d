import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { buildResidentId } from '../../src/domain/order-content/fixtures.ts';
import { ORDER_STATUS_LABELS } from '../../src/domain/workflow/order-status.ts';
import { DEMO_USERS, setUpBrowser, visit, waitForSettled } from '../support/fixtures.ts';
import {
  fillIndividualFiling,
  goToWizardStep,
  nextWizardStep,
  uploadRequiredDocuments,
} from '../support/journey-order.ts';
import { type JourneyUser, keyStep } from '../support/journey-screenshots.ts';
import { chooseOption, fill, textsFor } from '../support/journey-ui.ts';
import type { Language } from '../support/page-info.ts';

/**
 * Issue 4, acceptance: "An agent files for a client". The demo agent picks their client (王小明,
 * the demo applicant, who authorised the agency) on the dashboard, starts a new order for them and
 * adds a website to the client's filed entity on the client's server at the provider, then saves
 * and submits it. Driven in Chinese on a phone; key steps also in English and at desktop width.
 *
 * The provider's part is what a provider gives a customer by hand: its organisation ID (account
 * settings) and a service code of the client's instance (instances page).
 */
const { openPage } = setUpBrowser();
const JOURNEY = 'agent-client';
const LANGUAGE: Language = 'zh-CN';
const ui = textsFor(LANGUAGE);
const w = ui.wizard;
const agent: JourneyUser = { email: DEMO_USERS.agent };
/** The client's filed entity: the demo applicant's own (src/app/demo/seed-orders.ts). */
const CLIENT = {
  name: '王小明',
  email: DEMO_USERS.applicant,
  idNumber: buildResidentId('110105', '1990-03-07', '123'),
};
/** The client's Beijing instance at the demo provider that still can issue a code. */
const CLIENT_INSTANCE = { name: 'bj-web-2', ip: '101.200.35.19', region: 'cn-beijing' };
const DOMAIN = `wang-travel-${Date.now().toString(36)}.cn`;

describe('an agent files for a client', () => {
  test('the agent picks the client, starts an order for them, saves and submits it', async () => {
    // What the provider hands over: its organisation ID and a service code of the client's instance.
    const en = textsFor('en');
    const providerPage = await openPage({
      language: 'en',
      viewport: 'desktop',
      signInAs: DEMO_USERS.provider,
    });
    await visit(providerPage, '/account');
    const organisations = (await providerPage.locator('main dl').textContent()) ?? '';
    const providerId = /\(ID (\d+)\)/.exec(organisations)?.[1];
    expect(providerId, `organisation ID in "${organisations}"`).toBeDefined();
    await visit(providerPage, '/provider/instances');
    const card = providerPage
      .getByRole('listitem')
      .filter({ has: providerPage.getByRole('heading', { name: CLIENT_INSTANCE.name, exact: true }) });
    await card
      .getByRole('button', { name: fill(en.provider.instances.issueFor, { name: CLIENT_INSTANCE.name }) })
      .click();
    const notice = card.getByRole('alert').filter({ hasText: en.provider.instances.issuedOnce });
    await notice.waitFor({ timeout: 30_000 });
    const serviceCode = ((await notice.locator('code').first().textContent()) ?? '').trim();
    expect(serviceCode.length).toBeGreaterThan(8);
    await providerPage.context().close();

    // The agent's dashboard: every client's entities, or one client's.
    const page = await openPage({ language: LANGUAGE, viewport: 'mobile', signInAs: agent.email });
    await visit(page, '/app');
    const clientSelect = page.getByRole('combobox', { name: ui.dashboard.client.label });
    await clientSelect.waitFor({ timeout: 30_000 });
    const entities = page.locator('section[aria-labelledby="entities-title"]');
    const orders = page.locator('section[aria-labelledby="orders-title"]');
    const entityNames = () => entities.getByRole('heading', { level: 3 }).allTextContents();
    // With every client shown, each order says whose it is (on a phone, a line of the order's card).
    const clientLines = orders.getByText(new RegExp(`^${ui.dashboard.orders.client}: `));
    await expect.poll(() => clientLines.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await clientLines.allTextContents()).toContain(`${ui.dashboard.orders.client}: ${CLIENT.name}`);
    const allClientsEntities = await entityNames();
    const scoped = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/api/orders' &&
        new URL(response.url()).searchParams.get('client') !== null &&
        response.ok(),
      { timeout: 30_000 },
    );
    await chooseOption(page, clientSelect, new RegExp(`^${CLIENT.name}`));
    const scopeNote = page.getByText(fill(ui.dashboard.client.scopeNote, { name: CLIENT.name })).first();
    await expect.poll(() => scopeNote.isVisible()).toBe(true);
    // The API is asked for the client's orders, and the URL names the client.
    const clientId = new URL((await scoped).url()).searchParams.get('client');
    await expect.poll(() => new URL(page.url()).searchParams.get('client')).toBe(clientId);
    await waitForSettled(page);
    // The lists change: the client's own filings join the entities; orders need no client label.
    await expect.poll(() => clientLines.count(), { timeout: 30_000 }).toBe(0);
    await expect
      .poll(async () => (await entityNames()).length, { timeout: 30_000 })
      .toBeGreaterThan(allClientsEntities.length);
    expect(await entityNames()).toEqual(expect.arrayContaining(allClientsEntities));
    // The cards the client does not scope say whose they are.
    await expect
      .poll(() => page.getByText(fill(ui.dashboard.client.licencesScope, { name: CLIENT.name })).isVisible())
      .toBe(true);
    // A reload keeps the client.
    await page.reload({ waitUntil: 'load' });
    await waitForSettled(page);
    await expect.poll(() => scopeNote.isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await clientSelect.inputValue()).toContain(CLIENT.name);
    await keyStep(openPage, page, JOURNEY, 'dashboard-client-chosen', { user: agent });

    // "New filing" carries the client into the order form.
    await page.getByRole('link', { name: ui.dashboard.newFiling }).first().click();
    await page.getByRole('heading', { level: 1, name: w.start.title }).waitFor({ timeout: 30_000 });
    await waitForSettled(page);
    expect(new URL(page.url()).searchParams.get('client')).toBeTruthy();
    const start = page.locator('main form');
    await expect
      .poll(() => start.getByRole('combobox', { name: w.start.client }).inputValue())
      .toContain(CLIENT.email);
    const fillStart = async (form: Page, language: Language) => {
      const texts = textsFor(language).wizard.start;
      const fields = form.locator('main form');
      const certificate = fields.getByRole('textbox', { name: texts.certificateNumber });
      await certificate.fill(CLIENT.idNumber);
      await certificate.blur();
      // The number is decoded on blur and fills in the province: wait, or picking it would race it.
      await fields.getByText(fill(texts.decoded, { region: '' }).trim()).waitFor({ timeout: 30_000 });
      await chooseOption(form, fields.getByRole('combobox', { name: texts.province }), /^(北京|Beijing\b)/);
      await fields.getByRole('textbox', { name: texts.domain, exact: true }).fill(DOMAIN);
      // The agent has no server of their own: the client's is at another provider, named by its ID.
      await chooseOption(form, fields.getByRole('combobox', { name: texts.hosting }), texts.otherProvider);
      await fields.getByRole('textbox', { name: texts.providerId }).fill(providerId ?? '');
    };
    await fillStart(page, LANGUAGE);
    await keyStep(openPage, page, JOURNEY, 'new-order-for-client', { user: agent, prepare: fillStart });
    await start.getByRole('button', { name: w.start.submit }).click();

    // The client's entity is filed: a website is added to it.
    await page.waitForURL(/\/app\/orders\/[^/]+\/edit$/, { timeout: 60_000 });
    const reference = decodeURIComponent(new URL(page.url()).pathname.split('/')[3] ?? '');
    const detected = page.getByTestId('detected-type');
    await detected.waitFor({ timeout: 30_000 });
    await expect.poll(() => detected.textContent()).toContain(ORDER_STATUS_LABELS.draft.zh);
    await fillIndividualFiling(page, LANGUAGE, {
      name: CLIENT.name,
      address: '北京市朝阳区示例路1号院2号楼301室',
      mobile: '13800138000',
      emergencyPhone: '13700137000',
      email: 'wangxiaoming@example.cn',
      siteName: '小明旅行笔记',
      domain: DOMAIN,
      serviceCode,
      access: { ipAddresses: CLIENT_INSTANCE.ip, region: CLIENT_INSTANCE.region },
    });
    expect(await uploadRequiredDocuments(page, LANGUAGE)).toBeGreaterThanOrEqual(3);

    // Saved as a draft at any point …
    await page
      .getByRole('navigation', { name: w.nav.wizardActions })
      .getByRole('button', { name: w.save.button })
      .click();
    const savedAt = new RegExp(`^${fill(w.save.savedAt, { time: 'TIME' }).replace('TIME', '.+')}$`);
    await expect
      .poll(() => page.getByTestId('save-status').textContent(), { timeout: 30_000 })
      .toMatch(savedAt);
    await keyStep(openPage, page, JOURNEY, 'draft-saved', {
      user: agent,
      prepare: goToWizardStep('documents'),
    });

    // … and submitted after the final check.
    await nextWizardStep(page, LANGUAGE, 'review');
    await page.getByText(w.review.nothingMissing).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: w.review.submit }).click();
    await page.waitForURL((url) => url.pathname === `/app/orders/${reference}`, { timeout: 60_000 });
    await expect
      .poll(
        () =>
          page
            .locator('main')
            .getByText(ORDER_STATUS_LABELS.submitted.zh, { exact: true })
            .first()
            .isVisible(),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    await keyStep(openPage, page, JOURNEY, 'submitted-for-client', { user: agent });
  }, 300_000);
});
