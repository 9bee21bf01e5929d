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

/**
 * The bar: WCAG 2.0 A and AA, and 2.1 AA; with axe's best practices too (landmarks, heading
 * order, named dialogs…). Only serious and critical findings fail a test, whatever the rule's tag.
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'];
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
 * elements and why) when it finds a serious or critical violation (WCAG 2.1 AA or best practice).
 * Returns every result.
 */
export async function checkAccessibility(
  page: Page,
  options: AccessibilityOptions = {},
): Promise<AxeResults> {
  const hasAxe = await page.evaluate('typeof window.axe === "object"');
  // Evaluated through the DevTools protocol: a <script> tag would be (rightly) refused by the app's CSP.
  if (!hasAxe) await page.evaluate(axeSource);
  const runOptions: RunOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
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

/**
 * Fails when the page is wider than the window (a sideways scroll on a phone), naming the elements
 * that stick out on the right: WCAG 1.4.10 asks for no two-dimensional scrolling at 320 CSS px.
 */
export async function checkNoHorizontalOverflow(page: Page): Promise<void> {
  // A string, evaluated in the page: this file is type-checked without the DOM's types.
  const found = (await page.evaluate(`(() => {
    const scrolling = document.scrollingElement || document.documentElement;
    const width = window.innerWidth;
    if (scrolling.scrollWidth <= width) return null;
    const culprits = [];
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      // Only the outermost element that sticks out: its children follow it.
      const parent = element.parentElement;
      if (parent && parent.getBoundingClientRect().right > width + 1) continue;
      const classes = typeof element.className === 'string' ? element.className.trim().split(/\\s+/).slice(0, 2) : [];
      culprits.push([element.tagName.toLowerCase(), ...classes].join('.') + ' (right edge ' + Math.round(box.right) + ' px)');
      if (culprits.length >= 5) break;
    }
    return { scrollWidth: scrolling.scrollWidth, width, culprits };
  })()`)) as { scrollWidth: number; width: number; culprits: string[] } | null;
  if (!found) return;
  const { language, viewport } = describePage(page);
  throw new Error(
    `${decodeURI(page.url())} (${language}, ${viewport}) scrolls sideways: ${found.scrollWidth} px wide in a ` +
      `${found.width} px window; sticking out: ${found.culprits.join('; ') || 'nothing visible'}`,
  );
}
