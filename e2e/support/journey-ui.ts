import type { Locator, Page } from 'playwright-core';
import * as adminTexts from '../../src/web/features/admin/locales.ts';
import * as authTexts from '../../src/web/features/auth/locales.ts';
import * as authorityTexts from '../../src/web/features/authority/locales.ts';
import * as dashboardTexts from '../../src/web/features/dashboard/locales.ts';
import * as eligibilityTexts from '../../src/web/features/eligibility/locales.ts';
import * as footerTexts from '../../src/web/features/footer-check/locales.ts';
import * as inboxTexts from '../../src/web/features/inbox/locales.ts';
import * as orderTexts from '../../src/web/features/order/locales.ts';
import * as wizardTexts from '../../src/web/features/order-wizard/locales.ts';
import * as providerTexts from '../../src/web/features/provider/locales.ts';
import * as registryTexts from '../../src/web/features/registry/locales.ts';
import * as commonTexts from '../../src/web/i18n/locales/common.ts';
import type { Language } from './page-info.ts';

/**
 * The UI's own texts in a language, by namespace: journeys find buttons, labels and headings by the
 * words a user reads, taken from the locale files so that a reworded label changes one place.
 */
export function textsFor(language: Language) {
  const pick = <T>(module: { en: T; zh: T }): T => (language === 'en' ? module.en : module.zh);
  return {
    admin: pick(adminTexts),
    auth: pick(authTexts),
    authority: pick(authorityTexts),
    common: pick(commonTexts),
    dashboard: pick(dashboardTexts),
    eligibility: pick(eligibilityTexts),
    footer: pick(footerTexts),
    inbox: pick(inboxTexts),
    order: pick(orderTexts),
    provider: pick(providerTexts),
    registry: pick(registryTexts),
    wizard: pick(wizardTexts),
  };
}
export type UiTexts = ReturnType<typeof textsFor>;

/** i18next interpolation, for the few texts with a value in them ("Go to step: {{name}}"). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

/** Escapes a text for use inside a RegExp (a label with "(…)" or "?" in it). */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Picks `option` in a Mantine Select as a user does (open it, click the option). A Select whose
 * value already reads `option` is left alone: clicking the chosen option again would clear it.
 */
export async function chooseOption(page: Page, combobox: Locator, option: string | RegExp): Promise<void> {
  const current = await combobox.inputValue();
  if (typeof option === 'string' ? current === option : option.test(current)) return;
  await combobox.click();
  // Only the open dropdown's options are visible (closed ones stay mounted but hidden).
  await page
    .getByRole('option', { name: option, exact: typeof option === 'string' })
    .first()
    .click();
}

/** The text of the `<code>` in an element, e.g. the one-time service code in the provider's notice. */
export async function readCode(container: Locator): Promise<string> {
  return ((await container.locator('code').first().textContent()) ?? '').trim();
}
