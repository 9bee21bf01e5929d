import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { type Config, desktopConfig, type Flags, type Result } from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser.ts';

/**
 * A Chromium that Lighthouse drives over the DevTools port (Lighthouse opens its own tabs and throttles
 * them; Playwright's pipe connection would compete with it). Same binary and flags as the journeys.
 */
interface DebuggableChromium {
  port: number;
  close(): Promise<void>;
}

async function launchDebuggableChromium(): Promise<DebuggableChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'openbeian-lighthouse-'));
  const child: ChildProcess = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${output}`)), 30_000);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${output}`)));
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  return {
    port,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      // Chromium's helper processes may still be writing to the profile for a moment after it exits.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch {
        // A leftover temporary profile is not a test failure.
      }
    },
  };
}

export type LighthousePreset = 'desktop' | 'mobile';
export type LighthouseCategory = 'performance' | 'accessibility';

export interface LighthouseReport {
  url: string;
  preset: LighthousePreset;
  /** 0–100 per category, as the Lighthouse report shows them. */
  scores: Record<LighthouseCategory, number>;
  /** Lab metrics of the run, e.g. "first-contentful-paint: 0.6 s". */
  metrics: string[];
  /** Lighthouse's measure of the machine's CPU speed (a few hundred on a busy CI VM, 1,000+ on a desktop). */
  benchmarkIndex: number;
  /** Audits of a category that do not pass, with what Lighthouse says about them. */
  failingAudits: Record<LighthouseCategory, string[]>;
}

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

/**
 * A category's audits that score below 0.9: the weighted ones (metrics) first, then the unweighted
 * opportunities that say why (text compression, unused JavaScript …), worst first within each.
 */
function listFailingAudits(lhr: Result, category: LighthouseCategory): string[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  return refs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(
      ({ audit }) =>
        audit &&
        audit.score !== null &&
        audit.score < 0.9 &&
        (audit.scoreDisplayMode === 'numeric' ||
          audit.scoreDisplayMode === 'binary' ||
          audit.scoreDisplayMode === 'metricSavings'),
    )
    .sort(
      (a, b) =>
        Number(b.ref.weight > 0) - Number(a.ref.weight > 0) || (a.audit?.score ?? 0) - (b.audit?.score ?? 0),
    )
    .map(({ audit }) => {
      if (!audit) return '';
      const value = audit.displayValue ? ` — ${audit.displayValue}` : '';
      return `${audit.id} (score ${Math.round((audit.score ?? 0) * 100)}): ${audit.title}${value}`;
    });
}

/**
 * One Lighthouse run (performance and accessibility) of `url` in a Chromium of its own (a browser
 * that lost a protocol response on a busy machine stays broken for the next run). `desktop` is
 * Lighthouse's desktop preset; `mobile` is its default (a mid-range phone on slow 4G), both with
 * Lighthouse's own simulated throttling.
 */
export async function runLighthouse(url: string, preset: LighthousePreset): Promise<LighthouseReport> {
  const chromium = await launchDebuggableChromium();
  try {
    return await runLighthouseIn(chromium.port, url, preset);
  } finally {
    await chromium.close();
  }
}

async function runLighthouseIn(
  port: number,
  url: string,
  preset: LighthousePreset,
): Promise<LighthouseReport> {
  const flags: Flags = {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility'],
  };
  const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
  const result = await lighthouse(url, flags, config);
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  const score = (category: LighthouseCategory) => Math.round((lhr.categories[category]?.score ?? 0) * 100);
  return {
    url,
    preset,
    scores: { performance: score('performance'), accessibility: score('accessibility') },
    metrics: METRICS.map((id) => `${id}: ${lhr.audits[id]?.displayValue ?? '?'}`),
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    failingAudits: {
      performance: listFailingAudits(lhr, 'performance'),
      accessibility: listFailingAudits(lhr, 'accessibility'),
    },
  };
}
