import { describe, expect, test } from 'vitest';
import { getBaseUrl } from './support/fixtures.ts';
import { type LighthousePreset, type LighthouseReport, runLighthouse } from './support/lighthouse.ts';

/**
 * Issue 4's quality bar: Lighthouse 12.2.3 in Debian's Chromium scores performance ≥ 90 and
 * accessibility ≥ 95 on the home page and the eligibility wizard.
 *
 * Settings, chosen to be honest and repeatable: Lighthouse's own **desktop preset** (1350×940, 40 ms
 * RTT, 10 Mbit/s, no CPU slowdown) with its default *simulated* throttling — the numbers mean what
 * Lighthouse's desktop report means anywhere, rather than "no throttling on localhost", which would
 * flatter any page. The issue does not name a form factor; the mobile default (slow 4G, 4× CPU slowdown)
 * is not run in the suite (on a shared 2-core CI machine its CPU simulation mostly measures the
 * machine): `runLighthouse(url, 'mobile')` measures it when wanted. Performance is the median of five
 * runs, Lighthouse's own advice for variance: on this shared machine its CPU benchmark index moves
 * between about 800 and 1,600 from one run to the next, and with three runs two slow ones decided a
 * CI run (home: 97, 81, 85). This file runs after every other browser test (e2e/support/sequencer.ts), one page
 * at a time, each run in a fresh Chromium.
 */
const PAGES = [
  { name: 'home', path: '/' },
  { name: 'eligibility wizard', path: '/eligibility' },
];
const MIN_PERFORMANCE = 90;
const MIN_ACCESSIBILITY = 95;
const RUNS = 5;

/** One run, retried once when Lighthouse loses the trace or a protocol answer (on a busy machine). */
async function measure(path: string, preset: LighthousePreset): Promise<LighthouseReport> {
  const url = `${getBaseUrl()}${path}`;
  try {
    return await runLighthouse(url, preset);
  } catch (error) {
    process.stdout.write(`[lighthouse] ${path} ${preset}: ${String(error)}; running again\n`);
    return runLighthouse(url, preset);
  }
}

function formatReport(report: LighthouseReport, label: string): string {
  const { performance, accessibility } = report.scores;
  const audits = [
    ...report.failingAudits.performance.map((audit) => `    performance: ${audit}`),
    ...report.failingAudits.accessibility.map((audit) => `    accessibility: ${audit}`),
  ];
  return [
    `[lighthouse] ${label}: performance ${performance}, accessibility ${accessibility}`,
    `    ${report.metrics.join(' · ')} (machine: benchmark index ${report.benchmarkIndex})`,
    ...audits,
  ].join('\n');
}

describe('Lighthouse', () => {
  for (const { name, path } of PAGES) {
    test(`${name} (${path}), desktop: performance ≥ ${MIN_PERFORMANCE} (median of ${RUNS}), accessibility ≥ ${MIN_ACCESSIBILITY}`, {
      timeout: 600_000,
    }, async () => {
      const reports: LighthouseReport[] = [];
      for (let run = 1; run <= RUNS; run++) {
        const report = await measure(path, 'desktop');
        reports.push(report);
        process.stdout.write(`${formatReport(report, `${path} desktop run ${run}`)}\n`);
      }
      const byPerformance = [...reports].sort((a, b) => a.scores.performance - b.scores.performance);
      const median = byPerformance[Math.floor(RUNS / 2)] as LighthouseReport;
      const worstAccessibility = Math.min(...reports.map((report) => report.scores.accessibility));
      const summary = formatReport(median, `${path} desktop median`);
      expect(median.scores.performance, summary).toBeGreaterThanOrEqual(MIN_PERFORMANCE);
      expect(worstAccessibility, summary).toBeGreaterThanOrEqual(MIN_ACCESSIBILITY);
    });
  }
});
