import type { Page } from 'playwright-core';
import { waitForNetworkQuiet } from './fixtures.ts';
import { makePdf, makePng } from './journey-files.ts';
import { chooseOption, fill, textsFor, type UiTexts } from './journey-ui.ts';
import type { Language } from './page-info.ts';

/** Catalogue names the API sends in the UI language (not in the locale files). */
const CATALOGUE = {
  en: { individual: 'Individual', blog: 'Blog / personal space', chinese: 'Simplified Chinese' },
  'zh-CN': { individual: '个人', blog: '博客/个人空间', chinese: '简体中文' },
} as const;

export interface IndividualFiling {
  name: string;
  address: string;
  mobile: string;
  emergencyPhone: string;
  email: string;
  siteName: string;
  domain: string;
  serviceCode: string;
  /** Typed when the filer has no instance of their own at the provider (an agent, say). */
  access?: { ipAddresses: string; region: string };
}

/** The wizard's "Next: <step>" button, and the step's heading once it is shown. */
export async function nextWizardStep(
  page: Page,
  language: Language,
  next: keyof UiTexts['wizard']['steps'],
): Promise<void> {
  const w = textsFor(language).wizard;
  await page.getByRole('button', { name: fill(w.nav.next, { name: w.steps[next] }) }).click();
  await page.getByRole('heading', { level: 2, name: w.steps[next] }).first().waitFor();
}

/**
 * Fills the wizard's entity, website and access steps for an individual who is their own entity
 * leader and website admin, with a personal blog in Chinese, and stops on the documents step.
 */
export async function fillIndividualFiling(
  page: Page,
  language: Language,
  filing: IndividualFiling,
): Promise<void> {
  const w = textsFor(language).wizard;
  const names = CATALOGUE[language];
  const panel = page.locator('#wizard-step');
  await chooseOption(page, panel.getByRole('combobox', { name: w.fields.nature }), names.individual);
  await panel.getByRole('textbox', { name: w.fields.individualName }).fill(filing.name);
  await panel.getByRole('textbox', { name: w.fields.investorOrAuthority }).fill(filing.name);
  await panel.getByRole('button', { name: w.entity.useRegion }).click();
  await panel.getByRole('textbox', { name: w.fields.certificateAddress }).fill(filing.address);
  await panel.getByRole('textbox', { name: w.fields.mailingAddress }).fill(filing.address);
  const leader = panel.getByRole('region', { name: w.entity.leaderTitle });
  await leader.getByRole('textbox', { name: w.fields.personName }).fill(filing.name);
  await leader.getByLabel(w.fields.certificateValidUntil).fill('2040-12-31');
  await leader.getByRole('textbox', { name: w.fields.mobile }).fill(filing.mobile);
  await leader.getByRole('textbox', { name: w.fields.emergencyPhone }).fill(filing.emergencyPhone);
  await leader.getByRole('textbox', { name: w.fields.email }).fill(filing.email);
  await nextWizardStep(page, language, 'services');

  await panel.getByRole('textbox', { name: w.fields.serviceName }).fill(filing.siteName);
  await panel.getByRole('textbox', { name: w.fields.homeUrl }).fill(`https://${filing.domain}/`);
  await chooseOption(page, panel.getByRole('combobox', { name: w.fields.contentCategory }), names.blog);
  // A MultiSelect: its pills cover the input, so the click goes to the field itself.
  await panel.getByRole('combobox', { name: w.fields.languages }).click({ force: true });
  await page.getByRole('option', { name: names.chinese, exact: true }).click();
  await page.keyboard.press('Escape');
  await panel.getByRole('checkbox', { name: w.services.noPreApproval }).check();
  await panel.getByRole('checkbox', { name: w.services.adminSameAsLeader }).check();
  await nextWizardStep(page, language, 'access');

  await panel.getByRole('textbox', { name: w.fields.serviceCode }).fill(filing.serviceCode);
  if (filing.access) {
    await panel.getByRole('textbox', { name: w.fields.ipAddresses }).fill(filing.access.ipAddresses);
    await panel.getByRole('textbox', { name: w.fields.region, exact: true }).fill(filing.access.region);
  }
  await nextWizardStep(page, language, 'documents');
}

/**
 * Uploads a file for every required document of the checklist through its drop zone's file input
 * (a PDF for forms and letters, a PNG "scan" otherwise), and waits until each is listed.
 */
export async function uploadRequiredDocuments(page: Page, language: Language): Promise<number> {
  const w = textsFor(language).wizard;
  const panel = page.locator('#wizard-step');
  const required = panel
    .getByRole('region')
    .filter({ has: page.getByText(w.documents.required, { exact: true }) });
  await required.first().waitFor({ timeout: 30_000 });
  const names = await required.getByRole('heading', { level: 3 }).allTextContents();
  for (const [index, name] of names.entries()) {
    const file = /form|letter|核验单|承诺书/i.test(name)
      ? makePdf(`document-${index + 1}.pdf`)
      : makePng(`scan-${index + 1}.png`);
    // The drop zone's own file input (what a click on the zone opens): a file chooser event raced the
    // zone's re-render after the previous upload now and then.
    await panel.getByLabel(fill(w.documents.chooseFiles, { name }), { exact: true }).setInputFiles(file);
    await panel
      .getByRole('list', { name: fill(w.documents.filesOf, { name }) })
      .getByText(file.name)
      .waitFor({ timeout: 30_000 });
  }
  await waitForNetworkQuiet(page);
  return names.length;
}

/** Moves a fresh wizard page to a step with its "Next: …" buttons (a phone has no stepper). */
export function goToWizardStep(target: keyof UiTexts['wizard']['steps']) {
  return async (page: Page, language: Language): Promise<void> => {
    const w = textsFor(language).wizard;
    await page.getByTestId('detected-type').waitFor({ timeout: 30_000 });
    const order = ['entity', 'services', 'access', 'documents', 'review'] as const;
    for (const next of order.slice(1, order.indexOf(target) + 1)) {
      await page.getByRole('button', { name: fill(w.nav.next, { name: w.steps[next] }) }).click();
    }
    await waitForNetworkQuiet(page);
  };
}
