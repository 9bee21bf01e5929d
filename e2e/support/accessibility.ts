import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { AxeResults, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { describePage } from './page-info.ts';
import { E2E_OUTPUT_ROOT } from './screenshots.ts';

const require = createRequire(import.meta.url);
/** axe-core's browser build, injected into the page under test (it is not part of the app's bundle). */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The bar: WCAG 2.0 A and AA, and 2.1 AA. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export interface AccessibilityOptions {
  /** CSS selectors axe should skip, e.g. a third-party widget this test does not own. */
  exclude?: readonly string[];
}

function formatViolation(violation: Result): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => {
      const summary = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
      return `      ${node.target.join(' ')}\n        ${node.html.slice(0, 160)}\n        ${summary}`;
    })
    .join('\n');
  const more = violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : '';
  return `  - ${violation.id} (${violation.impact}): ${violation.help}\n    ${violation.helpUrl}\n${nodes}${more}`;
}

/**
 * Runs axe-core on the page as it is now and fails with a readable list (rule id, impact, the first
 * elements and why) when it finds a serious or critical WCAG 2.1 AA violation. Returns every result.
 */
export async function checkAccessibility(
  page: Page,
  options: AccessibilityOptions = {},
): Promise<AxeResults> {
  const hasAxe = await page.evaluate('typeof window.axe === "object"');
  // Evaluated through the DevTools protocol: a <script> tag would be (rightly) refused by the app's CSP.
  if (!hasAxe) await page.evaluate(axeSource);
  const runOptions: RunOptions = { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] };
  const exclude = options.exclude ?? [];
  const results = await page.evaluate(
    // Runs in the page, where axe-core is now a global.
    ([runOptions, exclude]) => {
      const { axe } = globalThis as unknown as { axe: typeof import('axe-core') };
      return exclude.length > 0
        ? axe.run({ exclude: exclude.map((selector) => [selector]) }, runOptions)
        : axe.run(runOptions);
    },
    [runOptions, exclude] as const,
  );
  const blocking = results.violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ''));
  if (blocking.length > 0) {
    const { language, viewport } = describePage(page);
    const where = `${decodeURI(page.url())} (${language}, ${viewport})`;
    const rules = blocking.map((violation) => `${violation.id} ×${violation.nodes.length}`).join(', ');
    // One line per failing page, so a run's findings can be read (and forwarded) at a glance.
    mkdirSync(E2E_OUTPUT_ROOT, { recursive: true });
    appendFileSync(join(E2E_OUTPUT_ROOT, 'axe-violations.txt'), `${where}: ${rules}\n`);
    throw new Error(
      `axe-core found ${blocking.length} serious/critical violation(s) [${rules}] on ${where}:\n` +
        blocking.map(formatViolation).join('\n'),
    );
  }
  return results;
}
