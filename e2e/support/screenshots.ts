import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describePage } from './page-info.ts';

/** Screenshots and the accessibility findings of a run (git-ignored); the global setup empties it first. */
export const E2E_OUTPUT_ROOT = fileURLToPath(new URL('../../test-output/e2e', import.meta.url));

/** One running number per journey, language and width, so a folder lists each journey's steps in order. */
const stepCounters = new Map<string, number>();

function toFileName(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'step';
}

/**
 * Saves a full-page screenshot as `test-output/e2e/<journey>/<language>-<viewport>-<NN>-<step>.png`
 * once the fonts (the CJK one takes a moment) are in, and returns the path.
 */
export async function saveScreenshot(page: Page, journey: string, step: string): Promise<string> {
  const { language, viewport } = describePage(page);
  const folder = join(E2E_OUTPUT_ROOT, toFileName(journey));
  const key = `${folder}|${language}|${viewport}`;
  const number = (stepCounters.get(key) ?? 0) + 1;
  stepCounters.set(key, number);
  mkdirSync(folder, { recursive: true });
  const path = join(
    folder,
    `${language}-${viewport}-${String(number).padStart(2, '0')}-${toFileName(step)}.png`,
  );
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
