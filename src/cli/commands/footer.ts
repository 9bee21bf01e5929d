import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { toFetchAllowHostName } from '../../app/admin/fetch-allow-host-name.ts';
import { DomainError } from '../../app/errors.ts';
import { checkFooter } from '../../app/footer/check-footer.ts';
import {
  checkLiveFooter,
  type LiveFooterCheck,
  type RenderMode,
} from '../../app/footer/check-live-footer.ts';
import { defaultCatalogue } from '../../domain/catalogue/default-catalogue.ts';
import type { FooterAnalysis, RuleVerdict } from '../../domain/footer/analyse-footer.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import { decodeHtml } from '../../infra/fetch/decode-html.ts';
import { normalizeSiteUrl } from '../../infra/fetch/fetch-page.ts';
import { createLimiter } from '../../infra/fetch/limiter.ts';
import { createPageSource } from '../../infra/fetch/page-source.ts';
import { CliInputError, formatTable, type Output, pick } from '../output.ts';
import { parseIntegerOption } from '../parse-options.ts';

const TEXT = {
  compliant: { en: 'COMPLIANT', zh: '合规' },
  warnings: { en: 'WARNINGS', zh: '有提示' },
  non_compliant: { en: 'NON-COMPLIANT', zh: '不合规' },
  unreachable: { en: 'UNREACHABLE', zh: '无法访问' },
  expected: { en: 'expected', zh: '应显示' },
  page: { en: 'page', zh: '页面' },
  rendered: { en: 'rendered in headless Chromium', zh: '经无头浏览器渲染' },
  renderUnavailable: {
    en: 'no headless browser here: a footer built by scripts cannot be seen',
    zh: '本机没有无头浏览器：无法看到由脚本生成的页脚',
  },
  renderFailed: { en: 'headless pass failed', zh: '无头浏览器渲染失败' },
  summary: { en: 'Checked', zh: '已检查' },
  sites: { en: 'site(s)', zh: '个网站' },
} satisfies Record<string, Localized>;

const VERDICT_MARK: Record<RuleVerdict, string> = { pass: '✓', warn: '!', fail: '✗', not_applicable: '·' };

/** One line of a batch file: `<url or domain> [expected number]`; blank lines and `#` comments skipped. */
interface BatchLine {
  line: number;
  url: string;
  expectedNumber?: string;
}

interface FooterCommandOptions {
  expect?: string;
  domain?: string;
  psb?: boolean;
  licence?: string;
  render: RenderMode;
  allowHost: string[];
  batch?: string;
  format: 'table' | 'csv' | 'json';
  out?: string;
  concurrency: string;
}

/** A report row: one site's verdict and, for non-compliant or warning pages, the rules that say why. */
interface ReportRow {
  url: string;
  verdict: LiveFooterCheck['verdict'];
  finalUrl?: string;
  expected?: string;
  found?: string;
  reasons: string;
  rendered: boolean;
}

function readBatch(file: string): BatchLine[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliInputError(`--batch: cannot read ${file}: ${(error as Error).message}`, 'cannot_read');
  }
  const lines: BatchLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.replace(/#.*$/, '').trim();
    if (trimmed === '') return;
    const [url = '', expectedNumber] = trimmed.split(/[\s,]+/, 2);
    lines.push({ line: index + 1, url, ...(expectedNumber ? { expectedNumber } : {}) });
  });
  if (lines.length === 0) throw new CliInputError(`--batch: ${file} lists no sites`, 'empty_batch');
  // A line that is no address is a mistake in the file: say where, before fetching anything.
  const bad = lines.flatMap((line) => {
    const parsed = normalizeSiteUrl(line.url);
    return parsed.ok ? [] : [`line ${line.line}: ${parsed.error.message.en}`];
  });
  if (bad.length > 0) {
    throw new CliInputError(
      `--batch: ${file} has lines that are not addresses:\n  ${bad.join('\n  ')}`,
      'invalid_url',
      bad,
    );
  }
  return lines;
}

function reasonsOf(analysis: FooterAnalysis, lang: Output['lang']): string {
  return analysis.rules
    .filter((rule) => rule.verdict === 'fail' || rule.verdict === 'warn')
    .map((rule) => `[${rule.rule}] ${pick(rule.message, lang)}`)
    .join('; ');
}

function toRow(url: string, check: LiveFooterCheck, lang: Output['lang']): ReportRow {
  if (check.outcome === 'unreachable') {
    return {
      url,
      verdict: 'unreachable',
      reasons: `[${check.failure.code}] ${pick(check.failure.message, lang)}`,
      rendered: false,
    };
  }
  const filing = check.analysis.found.find((found) => found.kind === 'icp_filing');
  return {
    url,
    verdict: check.verdict,
    finalUrl: check.page.finalUrl,
    ...(check.expected ? { expected: check.expected.number } : {}),
    ...(filing ? { found: filing.normalized } : {}),
    reasons: reasonsOf(check.analysis, lang),
    rendered: check.render.status === 'used',
  };
}

/** 1 when any page is non-compliant, 3 when none is but some could not be fetched, else 0. */
function exitCodeOf(verdicts: readonly LiveFooterCheck['verdict'][]): number {
  if (verdicts.includes('non_compliant')) return 1;
  if (verdicts.includes('unreachable')) return 3;
  return 0;
}

function printAnalysis(out: Output, analysis: FooterAnalysis, heading: string[]): void {
  const lang = out.lang;
  out.out(
    [
      ...heading,
      '',
      ...analysis.rules.map(
        (rule) => `  ${VERDICT_MARK[rule.verdict]} ${rule.rule.padEnd(32)} ${pick(rule.message, lang)}`,
      ),
    ].join('\n'),
  );
}

function printSingle(out: Output, target: string, check: LiveFooterCheck): void {
  const lang = out.lang;
  if (out.json) {
    out.out(JSON.stringify(check, null, 2));
    return;
  }
  if (check.outcome === 'unreachable') {
    out.out(
      `${pick(TEXT.unreachable, lang)}  ${target}\n  [${check.failure.code}] ${pick(check.failure.message, lang)}`,
    );
    return;
  }
  const heading = [`${pick(TEXT[check.verdict], lang)}  ${check.page.finalUrl}`];
  heading.push(
    `  ${pick(TEXT.page, lang)}: HTTP ${check.page.status}, ${check.page.charset} (${check.page.charsetSource}), ${check.page.bytes} B, ${Math.round(check.page.elapsedMs)} ms`,
  );
  if (check.expected)
    heading.push(`  ${pick(TEXT.expected, lang)}: ${check.expected.number} (${check.expected.source})`);
  if (check.render.status === 'used') heading.push(`  ${pick(TEXT.rendered, lang)}`);
  if (check.render.status === 'unavailable') heading.push(`  ${pick(TEXT.renderUnavailable, lang)}`);
  if (check.render.status === 'failed') {
    heading.push(
      `  ${pick(TEXT.renderFailed, lang)}: [${check.render.failure.code}] ${pick(check.render.failure.message, lang)}`,
    );
  }
  printAnalysis(out, check.analysis, heading);
}

function writeReport(out: Output, rows: ReportRow[], options: FooterCommandOptions): void {
  const format = out.json ? 'json' : options.format;
  let text: string;
  if (format === 'json') {
    text = `${JSON.stringify(rows, null, 2)}\n`;
  } else if (format === 'csv') {
    text = stringify(rows, {
      header: true,
      columns: ['url', 'verdict', 'finalUrl', 'expected', 'found', 'rendered', 'reasons'],
      cast: { boolean: (value) => (value ? 'yes' : 'no') },
    });
  } else {
    text = `${formatTable(
      ['url', 'verdict', 'found', 'reasons'],
      rows.map((row) => [row.url, row.verdict, row.found ?? '', row.reasons.slice(0, 120)]),
    )}\n`;
  }
  if (options.out) {
    try {
      writeFileSync(options.out, text);
    } catch (error) {
      throw new CliInputError(
        `--out: cannot write ${options.out}: ${(error as Error).message}`,
        'cannot_write',
      );
    }
  } else {
    process.stdout.write(text);
  }
  if (!out.json) {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.verdict, (counts.get(row.verdict) ?? 0) + 1);
    const parts = [...counts].map(([verdict, count]) => `${count} ${verdict}`);
    out.err(
      `${pick(TEXT.summary, out.lang)} ${rows.length} ${pick(TEXT.sites, out.lang)}: ${parts.join(', ')}`,
    );
  }
}

function isHtmlFile(target: string): boolean {
  return /\.x?html?$/i.test(target) && existsSync(target) && statSync(target).isFile();
}

export function registerFooterCommand(program: Command, output: () => Output): void {
  program
    .command('footer')
    .description(
      'check a site’s filing footer: a live URL or domain, a saved .html file, or --batch a list of sites',
    )
    .argument('[target]', 'URL or domain of the site, or a path to an .html file')
    .option('--expect <number>', 'the number the page should show (…号-1, or the entity number in Guangdong)')
    .option('--psb', 'the site has a public-security filing, so its number must be shown')
    .option('--licence <number>', 'the ICP licence or telecom licence number the operator holds')
    .option(
      '--render <mode>',
      'headless-Chromium pass: auto (when no number is served), always, never',
      'auto',
    )
    .option(
      '--allow-host <host>',
      'fetch this host although it resolves to a private address (repeatable; FETCH_ALLOW_HOSTS also counts)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--batch <file>', 'a file with one site per line: <url or domain> [expected number]')
    .option('--format <format>', 'batch report: table, csv or json', 'table')
    .option('--out <file>', 'write the batch report to a file instead of standard output')
    .option('--concurrency <n>', 'sites checked at once in a batch', '4')
    .action(async (target: string | undefined, options: FooterCommandOptions) => {
      const out = output();
      if (!['auto', 'always', 'never'].includes(options.render)) {
        throw new CliInputError('--render must be auto, always or never', 'invalid_option');
      }
      if (!['table', 'csv', 'json'].includes(options.format)) {
        throw new CliInputError('--format must be table, csv or json', 'invalid_option');
      }
      if ((target === undefined) === (options.batch === undefined)) {
        throw new CliInputError(
          'give either a URL, domain or .html file, or --batch <file>',
          'missing_target',
        );
      }
      const fromEnv = (process.env.FETCH_ALLOW_HOSTS ?? '').split(',');
      const allowHosts = [...options.allowHost, ...fromEnv]
        .filter((host) => host.trim() !== '')
        .map((host) => {
          try {
            return toFetchAllowHostName(host);
          } catch (error) {
            const message =
              error instanceof DomainError ? pick(error.localizedMessage, out.lang) : String(error);
            throw new CliInputError(`--allow-host / FETCH_ALLOW_HOSTS: ${message}`, 'invalid_host');
          }
        });
      const expectations = {
        ...(options.psb ? { psbRequired: true } : {}),
        ...(options.licence === undefined ? {} : { licenceNumber: options.licence }),
      };

      if (target !== undefined && isHtmlFile(target)) {
        const decoded = decodeHtml(readFileSync(target));
        const checked = await checkFooter(
          { catalogue: defaultCatalogue },
          {
            html: decoded.html,
            ...(options.expect === undefined ? {} : { expectedNumber: options.expect }),
            ...expectations,
          },
        );
        if (!checked.ok)
          throw new CliInputError(pick(checked.error.issue.message, out.lang), checked.error.issue.code);
        const { analysis } = checked.value;
        if (out.json) out.out(JSON.stringify({ ...checked.value, charset: decoded.charset }, null, 2));
        else
          printAnalysis(out, analysis, [
            `${pick(TEXT[analysis.verdict], out.lang)}  ${target} (${decoded.charset})`,
          ]);
        process.exitCode = exitCodeOf([analysis.verdict]);
        return;
      }

      const deps = {
        catalogue: defaultCatalogue,
        pages: createPageSource(),
        listAllowHosts: async () => allowHosts,
      };
      const checkOne = async (url: string, expectedNumber: string | undefined) => {
        const checked = await checkLiveFooter(deps, {
          url,
          render: options.render,
          ...(options.domain === undefined ? {} : { domain: options.domain }),
          ...(expectedNumber === undefined ? {} : { expectedNumber }),
          ...expectations,
        });
        if (!checked.ok)
          throw new CliInputError(pick(checked.error.issue.message, out.lang), checked.error.issue.code);
        return checked.value;
      };

      if (target !== undefined) {
        const check = await checkOne(target, options.expect);
        printSingle(out, target, check);
        process.exitCode = exitCodeOf([check.verdict]);
        return;
      }

      const lines = readBatch(options.batch as string);
      const concurrency = parseIntegerOption(options.concurrency, '--concurrency');
      if (concurrency < 1 || concurrency > 32)
        throw new CliInputError('--concurrency must be 1–32', 'invalid_number');
      const bar =
        process.stderr.isTTY && !out.json
          ? new cliProgress.SingleBar(
              { format: '{bar} {value}/{total} sites | {url}', stream: process.stderr },
              cliProgress.Presets.shades_classic,
            )
          : undefined;
      bar?.start(lines.length, 0, { url: '' });
      const limit = createLimiter(concurrency);
      const rows = await Promise.all(
        lines.map((line) =>
          limit(async () => {
            const check = await checkOne(line.url, line.expectedNumber ?? options.expect);
            bar?.increment({ url: line.url });
            return toRow(line.url, check, out.lang);
          }),
        ),
      );
      bar?.stop();
      writeReport(out, rows, options);
      process.exitCode = exitCodeOf(rows.map((row) => row.verdict));
    });
}
