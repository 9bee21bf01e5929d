import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { launchChromium, VIEWPORTS, type ViewportName } from '../e2e/support/browser.ts';

/**
 * A developer's look at a page: `tsx scripts/screenshot.ts <url> <out.png> [desktop|mobile] [en|zh-CN]
 * [email password]` signs in first when credentials are given (same origin as the URL).
 */
const [url, out, viewport = 'desktop', language = 'en', email, password] = process.argv.slice(2);
if (!url || !out) {
  process.stderr.write(
    'usage: tsx scripts/screenshot.ts <url> <out.png> [desktop|mobile] [en|zh-CN] [email password]\n',
  );
  process.exit(2);
}
const browser = await launchChromium();
try {
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport as ViewportName],
    locale: language,
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') process.stderr.write(`console: ${message.text()}\n`);
  });
  page.on('pageerror', (error) => process.stderr.write(`pageerror: ${error.message}\n`));
  const origin = new URL(url).origin;
  if (email && password) {
    const response = await page.request.post(`${origin}/api/auth/sign-in/email`, {
      data: { email, password },
      headers: { origin },
    });
    if (!response.ok()) throw new Error(`sign-in failed: ${response.status()}`);
  }
  await page.goto(url, { waitUntil: 'networkidle' });
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  process.stdout.write(`${out}\n`);
} finally {
  await browser.close();
}
