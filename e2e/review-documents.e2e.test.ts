import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { checkAccessibility } from './support/accessibility.ts';
import { DEMO_USERS, setUpBrowser, visit, waitForSettled } from './support/fixtures.ts';
import { fill, textsFor } from './support/journey-ui.ts';
import { saveScreenshot } from './support/screenshots.ts';

const { openPage } = setUpBrowser();

interface QueueAnswer {
  items: { reference: string; status: string }[];
}
interface DocumentsAnswer {
  documents: { id: string; mime: string; kind: string }[];
}

/** A demo order in the provider's review with a PDF among its documents, read through the page's session. */
async function findOrderWithPdf(page: Page): Promise<{ reference: string; pdfId: string }> {
  return page.evaluate(async () => {
    const queue = (await (await fetch('/api/orders?view=queue&limit=100')).json()) as QueueAnswer;
    for (const order of queue.items) {
      if (order.status !== 'provider_review' && order.status !== 'submitted') continue;
      const answer = (await (
        await fetch(`/api/orders/${order.reference}/documents`)
      ).json()) as DocumentsAnswer;
      const pdf = answer.documents.find((document) => document.mime === 'application/pdf');
      if (pdf) return { reference: order.reference, pdfId: pdf.id };
    }
    throw new Error('No demo order in review has a PDF');
  });
}

/** The canvas as the test reads it (the e2e files compile without the DOM library). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** True when the canvas has drawn something other than blank paper. */
function hasInk(page: Page): Promise<boolean> {
  return page.locator('canvas[data-pdf-page]').evaluate((element) => {
    const canvas = element as unknown as CanvasLike;
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0) return false;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i] ?? 255) < 200 && (data[i + 3] ?? 0) > 0) return true;
    }
    return false;
  });
}

describe('the provider review page shows documents', () => {
  test('the checklist links its files into the viewer, which draws PDFs with PDF.js', async () => {
    const ui = textsFor('en');
    const page = await openPage({ language: 'en', viewport: 'desktop', signInAs: DEMO_USERS.provider });
    await visit(page, '/provider');
    const { reference } = await findOrderWithPdf(page);
    await visit(page, `/provider/orders/${reference}`);
    await waitForSettled(page);

    // The server's checklist: each item uploaded or missing, with a link to its file.
    const checklist = page.locator('[data-checklist-item]');
    await checklist.first().waitFor({ timeout: 30_000 });
    const letter = page.locator('[data-checklist-item="commitment_letter"]');
    await expect(letter.getByText(ui.provider.checklist.present, { exact: true }).count()).resolves.toBe(1);
    await letter.getByRole('button', { name: ui.provider.checklist.view }).click();

    // The viewer shows the PDF on a canvas, with pages and zoom; no "blocked by policy" text.
    const canvas = page.locator('canvas[data-pdf-page]');
    await canvas.waitFor({ timeout: 30_000 });
    await expect.poll(() => hasInk(page), { timeout: 15_000 }).toBe(true);
    await page
      .getByText(fill(ui.provider.documents.pageOf, { page: 1, count: 1 }), { exact: true })
      .waitFor();
    const before = await canvas.evaluate((element) => (element as unknown as CanvasLike).width);
    await page.getByRole('button', { name: ui.provider.documents.zoomIn }).first().click();
    await expect
      .poll(() => canvas.evaluate((element) => (element as unknown as CanvasLike).width))
      .toBeGreaterThan(before);
    await saveScreenshot(page, 'review-documents', 'pdf-in-viewer');
    await checkAccessibility(page);
  });
});
