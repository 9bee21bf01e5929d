import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { checkAccessibility } from './accessibility.ts';
import { VIEWPORTS, type ViewportName } from './browser.ts';
import { type E2eBrowser, getBaseUrl, isOnPostgresServer, visit, waitForNetworkQuiet } from './fixtures.ts';
import { describePage, type Language, rememberPage } from './page-info.ts';
import { saveScreenshot } from './screenshots.ts';

/** Who a variant signs in as: a demo login (DEMO_PASSWORD) or an account the journey created. */
export interface JourneyUser {
  email: string;
  password?: string;
}

/** The same page in the other language: the journey drives one language, the variants show the other. */
export function otherLanguage(language: Language): Language {
  return language === 'en' ? 'zh-CN' : 'en';
}

function otherViewport(viewport: ViewportName): ViewportName {
  return viewport === 'desktop' ? 'mobile' : 'desktop';
}

/**
 * Runs the axe check and records a failure without stopping the journey: the later steps still run
 * (and are still screenshotted), and the test fails at its end with every finding.
 */
export async function checkAccessibilitySoftly(page: Page): Promise<void> {
  try {
    await checkAccessibility(page);
  } catch (error) {
    expect.soft(error instanceof Error ? error.message : String(error), 'axe-core').toBe('no violation');
  }
}

/** Two animation frames: the layout after a resize (Mantine's media-query hooks re-render on it). */
async function settleLayout(page: Page): Promise<void> {
  // A string: the e2e code is type-checked without the DOM library.
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
  );
  await settleNetwork(page);
}

/**
 * No request in flight, or 5 s: a re-render may fetch (a chart, a preview), but a page that keeps a
 * request open (a live preview frame) is not waited for until the test's timeout.
 */
function settleNetwork(page: Page): Promise<void> {
  return waitForNetworkQuiet(page, 150, 5_000);
}

export interface ShootOptions {
  /** Run axe at this width too (the page's own width is always checked). */
  checkOtherWidth?: boolean;
  /** Skip axe at the page's own width (a variant checks the other width only). */
  skipOwnWidth?: boolean;
}

/**
 * Screenshots the page as it is at its own width and at the other one (desktop 1280 px ⇄ phone
 * 390 px, by resizing the same page: the state of a wizard or a dialog is kept), with the axe check
 * at the widths asked for, then gives the page its width back.
 */
export async function shootBothWidths(
  page: Page,
  journey: string,
  step: string,
  options: ShootOptions = {},
): Promise<void> {
  const info = describePage(page);
  // From the top: a page scrolled to a field would draw its fixed header across the middle.
  await page.evaluate('window.scrollTo(0, 0)');
  await saveScreenshot(page, journey, step);
  if (!options.skipOwnWidth) await checkAccessibilitySoftly(page);
  const other = otherViewport(info.viewport);
  try {
    await page.setViewportSize(VIEWPORTS[other]);
    rememberPage(page, { language: info.language, viewport: other });
    await settleLayout(page);
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, journey, step);
    if (options.checkOtherWidth) await checkAccessibilitySoftly(page);
  } finally {
    await page.setViewportSize(VIEWPORTS[info.viewport]);
    rememberPage(page, info);
    await settleLayout(page);
  }
}

export interface CaptureOptions {
  /** The language of the variant (the other one than the journey's, usually). */
  language: Language;
  /** Brings a fresh page of the URL to the state of the step: a wizard step, an open tab. */
  prepare?: ((page: Page, language: Language) => Promise<void>) | undefined;
  /** The width axe checks in the variant (the other width is screenshotted only). */
  viewport?: ViewportName;
}

/**
 * A key step seen by someone else at the same URL: a fresh browser context in `language`, signed in
 * as `user` (or anonymous), screenshotted at desktop and phone width, with the axe check at
 * `viewport`. The context is closed at once (a long journey would otherwise keep dozens open).
 */
export async function captureVariants(
  openPage: E2eBrowser['openPage'],
  url: string,
  user: JourneyUser | undefined,
  journey: string,
  step: string,
  options: CaptureOptions,
): Promise<void> {
  const viewport = options.viewport ?? 'desktop';
  const page = await openPage({
    language: options.language,
    viewport,
    ...(user ? { signInAs: user.email, ...(user.password ? { password: user.password } : {}) } : {}),
  });
  try {
    await visit(page, url);
    await options.prepare?.(page, options.language);
    await settleNetwork(page);
    await shootBothWidths(page, journey, step);
  } finally {
    await page.context().close();
  }
}

export interface KeyStepOptions {
  /** Who the variant signs in as; omit for a public page. */
  user?: JourneyUser | undefined;
  /** See CaptureOptions.prepare. */
  prepare?: CaptureOptions['prepare'];
  /** The URL the variant opens, when the driven page's own URL does not lead to this state. */
  url?: string;
}

/**
 * One key step of a journey, in all four variants: the driven page as it is (its language, both
 * widths) and the same URL in the other language (both widths). axe runs on two of the four: the
 * driven page at its width and the variant at the other width, so each language and each width is
 * checked once. A variant signed in as the driven user saves its language on the account (the
 * fixtures do, so it wins over the browser's); the driven user's language is saved back afterwards.
 */
export async function keyStep(
  openPage: E2eBrowser['openPage'],
  page: Page,
  journey: string,
  step: string,
  options: KeyStepOptions = {},
): Promise<void> {
  // The SQLite run takes the screenshots and variants; on PostgreSQL the journey checks the data path.
  if (isOnPostgresServer()) return;
  const { language, viewport } = describePage(page);
  await settleNetwork(page);
  await shootBothWidths(page, journey, step);
  const url = options.url ?? page.url();
  await captureVariants(openPage, url, options.user, journey, step, {
    language: otherLanguage(language),
    prepare: options.prepare,
    viewport: otherViewport(viewport),
  });
  if (options.user) {
    const origin = getBaseUrl();
    const response = await page.request.put(`${origin}/api/me/preferences`, {
      data: { locale: language },
      headers: { origin },
    });
    expect(response.ok(), `restoring the saved language of ${options.user.email}`).toBe(true);
  }
}
