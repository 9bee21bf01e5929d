import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEIJING, type FixtureSite, startFixtureSite } from './live-site-fixtures.ts';

const bin = fileURLToPath(new URL('../../bin/openbeian.js', import.meta.url));

/**
 * `openbeian footer` as a user runs it. The CLI runs as a child process without blocking this one,
 * since the fixture site it fetches is served from here.
 */
function runFooter(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, 'footer', ...args],
      {
        env: { ...process.env, LANG: 'C.UTF-8', OPENBEIAN_LANG: '', FETCH_ALLOW_HOSTS: '' },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

describe('openbeian footer', { timeout: 90_000 }, () => {
  let site: FixtureSite;
  let dir: string;

  beforeAll(async () => {
    site = await startFixtureSite();
    dir = mkdtempSync(join(tmpdir(), 'openbeian-footer-'));
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('checks a saved GBK page and names its encoding', async () => {
    const file = join(dir, 'saved.html');
    writeFileSync(
      file,
      iconv.encode(
        `<html><head><meta charset="gbk"></head><body><footer><a href="https://beian.miit.gov.cn/">${BEIJING.number}</a></footer></body></html>`,
        'gbk',
      ),
    );
    const run = await runFooter([file, '--expect', BEIJING.number]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('COMPLIANT');
    expect(run.stdout).toContain('(gbk)');
    expect(run.stdout).toMatch(/✓ filing_number_matches_expected/);
  });

  it('checks a live page on an allow-listed host; non-compliant exits 1 with the reason', async () => {
    const good = await runFooter([
      `${site.origin}/compliant.html`,
      '--allow-host',
      '127.0.0.1',
      '--expect',
      BEIJING.number,
    ]);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/^COMPLIANT {2}http:\/\/127\.0\.0\.1:\d+\/compliant\.html/);
    expect(good.stdout).toContain('utf-8 (header)');

    const bad = await runFooter([`${site.origin}/split-badge.html`, '--allow-host', '127.0.0.1']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('NON-COMPLIANT');
    expect(bad.stdout).toMatch(/✗ filing_number_in_link/);
  });

  it('refuses a private address unless allow-listed: unreachable, exit 3, nothing fetched', async () => {
    const before = site.requests.length;
    const run = await runFooter([`${site.origin}/compliant.html`]);
    expect(run.status).toBe(3);
    expect(run.stdout).toContain('UNREACHABLE');
    expect(run.stdout).toContain('[blocked_address]');
    expect(site.requests.length).toBe(before);
  });

  it('--batch writes a CSV report with one row per site, in order', async () => {
    const list = join(dir, 'sites.txt');
    const report = join(dir, 'report.csv');
    writeFileSync(
      list,
      [
        '# sites to check',
        `${site.origin}/compliant.html ${BEIJING.number}`,
        `${site.origin}/old-host.html`,
        '',
        `${site.origin}/no-number.html`,
        `${site.closedPortOrigin}/`,
      ].join('\n'),
    );
    const run = await runFooter([
      '--batch',
      list,
      '--allow-host',
      '127.0.0.1',
      '--render',
      'never',
      '--format',
      'csv',
      '--out',
      report,
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'Checked 4 site(s): 1 compliant, 1 warnings, 1 non_compliant, 1 unreachable',
    );
    const rows = readFileSync(report, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('url,verdict,finalUrl,expected,found,rendered,reasons');
    expect(rows.slice(1).map((row) => row.split(',')[1])).toEqual([
      'compliant',
      'warnings',
      'non_compliant',
      'unreachable',
    ]);
    expect(rows[4]).toContain('[connection_failed]');
  });

  it('--batch --json prints the report as JSON', async () => {
    const list = join(dir, 'one.txt');
    writeFileSync(list, `${site.origin}/guangdong.html 粤ICP备2024000123号-1\n`);
    const run = await runFooter(['--batch', list, '--allow-host', '127.0.0.1', '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      expect.objectContaining({
        verdict: 'compliant',
        expected: '粤ICP备2024000123号-1',
        found: '粤ICP备2024000123号',
      }),
    ]);
  });

  it('bad input: a clear message and exit 2', async () => {
    const none = await runFooter([]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('give either a URL, domain or .html file, or --batch <file>');
    const scheme = await runFooter(['ftp://example.cn/']);
    expect(scheme.status).toBe(2);
    expect(scheme.stderr).toMatch(/^openbeian: /);
    const render = await runFooter(['example.cn', '--render', 'sometimes']);
    expect(render.status).toBe(2);
    const badList = join(dir, 'bad.txt');
    writeFileSync(badList, 'https://example.cn/\nftp://example.cn/\n');
    const badBatch = await runFooter(['--batch', badList]);
    expect(badBatch.status).toBe(2);
    expect(badBatch.stderr).toContain('line 2:');
    const missing = await runFooter(['--batch', join(dir, 'no-such-file.txt')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });
});
