import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EligibilityAssessment } from '../src/domain/eligibility/assessment.ts';
import { runCli, runCliJson } from './run-cli.ts';

type EligibilityJson = EligibilityAssessment;

/** The acceptance commands, run through the real `openbeian` executable. */
// Each case starts real processes; on a loaded 2-core CI machine that takes seconds.
describe('openbeian CLI', { timeout: 60_000 }, () => {
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

  it("eligibility: the article's foreigner outside China, information-only site → filing possible under the article, refusing provinces named", () => {
    const { status, json } = runCliJson<EligibilityJson>([
      'eligibility',
      'examples/profiles/foreigner-outside-china-info-site.json',
      '--start',
      '2026-09-28',
    ]);
    expect(status).toBe(0);
    const filing = json.instruments.find((i) => i.instrument === 'icp_filing');
    expect(filing?.eligibility).toBe('conditional');
    expect(filing?.reasons.map((r) => r.ruleId)).toContain('filing.foreigner_outside_china.article');
    const conflict = json.conflicts.find((c) => c.id === 'foreigner_outside_china');
    expect(conflict?.provinces.map((p) => p.nameEn)).toEqual(expect.arrayContaining(['Hebei', 'Jiangxi']));
  });

  it('eligibility: the same person selling online is told the licence needs a mainland company', () => {
    const { json } = runCliJson<EligibilityJson>(['eligibility', '-', '--start', '2026-09-28'], {
      input: readFileSync('examples/profiles/foreigner-outside-china-online-sales.json', 'utf8'),
    });
    const licence = json.instruments.find((i) => i.instrument === 'icp_licence');
    expect(licence?.eligibility).toBe('not_eligible');
    expect(licence?.reasons.map((r) => r.ruleId)).toContain('licence.company_required');
    expect(licence?.nextSteps.map((s) => s.id)).toEqual(
      expect.arrayContaining(['set_up_joint_venture', 'set_up_wfoe_for_edi']),
    );
  });

  it('eligibility: a 60 % Chinese joint venture selling online files first, then gets the licence, with dates', () => {
    const { json } = runCliJson<EligibilityJson>([
      'eligibility',
      'examples/profiles/joint-venture-60-percent-online-sales.json',
      '--start',
      '2026-09-28',
    ]);
    const filing = json.instruments.find((i) => i.instrument === 'icp_filing');
    const licence = json.instruments.find((i) => i.instrument === 'icp_licence');
    expect(filing?.eligibility).toBe('eligible');
    expect(licence?.eligibility).toBe('eligible');
    expect(filing?.order).toBeLessThan(licence?.order ?? 0);
    expect(json.authority.province?.code).toBe('31');
    expect(json.timeline.phases.map((p) => p.instrument)).toEqual([
      'icp_filing',
      'icp_licence',
      'psb_filing',
    ]);
    expect(json.timeline.phases[0]?.completion?.typical).toMatch(/^2026-10-/);
  });

  it('eligibility: an invalid profile names the bad fields and exits 2', () => {
    const run = runCli(['eligibility', '-'], { input: '{"applicantKind":"martian","activities":["x"]}' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('applicantKind');
    expect(runCli(['eligibility', 'no-such-file.json']).status).toBe(2);
    expect(runCli(['eligibility', '-'], { input: 'not json' }).stderr).toContain('not valid JSON');
  });
});
