import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './run-cli.ts';

/** The acceptance commands, run through the real `openbeian` executable. */
describe('openbeian CLI', () => {
  it('id: a valid resident identity number', () => {
    const { status, json } = runCliJson(['id', '11010519491231002X']);
    expect(status).toBe(0);
    expect(json).toMatchObject({
      valid: true,
      value: {
        birthDate: '1949-12-31',
        sex: 'female',
        region: { province: { code: '11', nameEn: 'Beijing' } },
      },
    });
  });

  it('id: a wrong check digit is invalid with its reason and exit code 1', () => {
    const { status, json } = runCliJson(['id', '110101199003074518']);
    expect(status).toBe(1);
    expect(json).toMatchObject({ valid: false, errors: [{ code: 'check_digit_mismatch' }] });
  });

  it('uscc: valid, and invalid with the last character changed', () => {
    expect(runCliJson(['uscc', '91350100M000100Y43'])).toMatchObject({ status: 0, json: { valid: true } });
    expect(runCliJson(['uscc', '91350100M000100Y44'])).toMatchObject({ status: 1, json: { valid: false } });
  });

  it('number: filing, legacy filing and PSB numbers', () => {
    expect(runCliJson(['number', '京ICP备2021034286号-1']).json).toMatchObject({
      valid: true,
      value: {
        kind: 'icp_filing',
        province: { nameEn: 'Beijing' },
        year: 2021,
        service: { index: 1, type: 'website' },
      },
    });
    expect(runCliJson(['number', '蜀ICP备 12005138号-1']).json).toMatchObject({
      valid: true,
      value: { kind: 'icp_filing', province: { nameEn: 'Sichuan' }, year: 2012, yearDigits: 2 },
    });
    expect(runCliJson(['number', '京公网安备11010802020134号']).json).toMatchObject({
      valid: true,
      value: { kind: 'psb_filing', province: { nameEn: 'Beijing' }, county: { nameEn: 'Haidian District' } },
    });
  });

  it('number: unquoted words are joined, as a user types them', () => {
    expect(runCliJson(['number', '蜀ICP备', '12005138号-1']).json).toMatchObject({ valid: true });
  });

  it('workdays: adds working days across the 2026 National Day holiday', () => {
    expect(runCliJson(['workdays', 'add', '2026-09-30', '5']).json).toMatchObject({ result: '2026-10-13' });
    expect(runCliJson(['workdays', 'between', '2026-09-30', '2026-10-13']).json).toMatchObject({
      workingDays: 5,
    });
  });

  it('domain and site-name print readable tables without --json', () => {
    const domain = runCli(['domain', 'https://www.例子.中国/about']);
    expect(domain.status).toBe(0);
    expect(domain.stdout).toContain('xn--fsqu00a.xn--fiqs8s');
    const name = runCli(['site-name', '张三的网站', '--province', '京', '--nature', 'individual']);
    expect(name.status).toBe(1);
    expect(name.stdout).toContain('individual_banned_word');
  });

  it('--lang zh prints Chinese messages', () => {
    const run = runCli(['id', '110101199003074518', '--lang', 'zh']);
    expect(run.stdout).toContain('无效');
  });

  it('bad input: a clear message and a non-zero exit, never a stack trace', () => {
    const badDate = runCli(['workdays', 'add', '2026-02-30', '1']);
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/^openbeian: <date>:/);
    expect(badDate.stderr).not.toContain('    at ');

    const badProvince = runCliJson([
      'site-name',
      '测试网站',
      '--province',
      'Atlantis',
      '--nature',
      'enterprise',
    ]);
    expect(badProvince.status).toBe(2);
    expect(badProvince.json).toMatchObject({ error: { code: 'unknown_province' } });

    expect(runCli(['id']).status).not.toBe(0);
    expect(runCli(['no-such-command']).status).not.toBe(0);
  });

  it('provinces lists the 31 authorities', () => {
    const { status, json } = runCliJson<unknown[]>(['provinces']);
    expect(status).toBe(0);
    expect(json).toHaveLength(31);
  });
});
