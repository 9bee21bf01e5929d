import { describe, expect, it } from 'vitest';
import {
  analyseFooter,
  type FooterExpectations,
  type FooterRuleId,
  type FooterVerdict,
  type RuleVerdict,
} from './analyse-footer.ts';
import { buildFooterSnippet } from './footer-snippet.ts';

const FILLER = `<main>${'<p>正文内容 Lorem ipsum dolor sit amet.</p>'.repeat(80)}</main>`;

function page(footer: string, options: { head?: string; before?: string } = {}): string {
  return `<!doctype html><html><head>${options.head ?? ''}</head><body>${options.before ?? ''}${FILLER}${footer}</body></html>`;
}

const GOOD_FOOTER =
  '<footer><a href="https://beian.miit.gov.cn/" target="_blank">京ICP备2021034286号-1</a> ' +
  '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010802020134" target="_blank">京公网安备11010802020134号</a></footer>';

interface Case {
  name: string;
  html: string;
  expect?: FooterExpectations;
  rules: Partial<Record<FooterRuleId, RuleVerdict>>;
  verdict?: FooterVerdict;
}

const cases: Case[] = [
  {
    name: 'a correct footer with PSB number',
    html: page(GOOD_FOOTER),
    expect: { expectedNumber: '京ICP备2021034286号-1', psbRequired: true },
    rules: {
      filing_number_present: 'pass',
      filing_number_matches_expected: 'pass',
      filing_number_in_link: 'pass',
      filing_link_target: 'pass',
      filing_number_position: 'pass',
      psb_number: 'pass',
      psb_link: 'pass',
      licence_number: 'not_applicable',
    },
    verdict: 'compliant',
  },
  {
    name: 'no number at all',
    html: page('<footer>© 2026 Example</footer>'),
    rules: { filing_number_present: 'fail', filing_link_target: 'fail', psb_number: 'not_applicable' },
    verdict: 'non_compliant',
  },
  {
    name: 'a number only inside a script is ignored',
    html: page('<footer>© 2026</footer><script>var icp = "京ICP备2021034286号-1";</script>'),
    rules: { filing_number_present: 'fail' },
  },
  {
    name: 'number and link in separate anchors',
    html: page(
      '<footer><span>京ICP备2021034286号-1</span> <a href="https://beian.miit.gov.cn">工信部备案查询</a></footer>',
    ),
    rules: { filing_number_in_link: 'fail', filing_link_target: 'pass' },
    verdict: 'non_compliant',
  },
  {
    name: 'http link with a path and no trailing slash passes',
    html: page(
      '<footer><a href="http://beian.miit.gov.cn/#/Integrated/index">京ICP备2021034286号-1</a></footer>',
    ),
    rules: { filing_link_target: 'pass', filing_number_in_link: 'pass' },
    verdict: 'compliant',
  },
  {
    name: 'the retired miitbeian.gov.cn host is a warning',
    html: page('<footer><a href="http://www.miitbeian.gov.cn/">京ICP备2021034286号-1</a></footer>'),
    rules: { filing_link_target: 'warn' },
    verdict: 'warnings',
  },
  {
    name: 'a link elsewhere fails',
    html: page('<footer><a href="https://example.com/icp">京ICP备2021034286号-1</a></footer>'),
    rules: { filing_link_target: 'fail' },
  },
  {
    name: 'a number at the top of the page is a warning',
    html: page('', {
      before: '<div><a href="https://beian.miit.gov.cn/">京ICP备2021034286号-1</a></div>',
    }),
    rules: { filing_number_position: 'warn' },
  },
  {
    name: 'a footer class counts as the footer wherever it is',
    html: page('', {
      before: '<div class="site-footer"><a href="https://beian.miit.gov.cn/">京ICP备2021034286号-1</a></div>',
    }),
    rules: { filing_number_position: 'pass' },
  },
  {
    name: 'entity number outside Guangdong is a warning',
    html: page('<footer><a href="https://beian.miit.gov.cn/">京ICP备2021034286号</a></footer>'),
    expect: { expectedNumber: '京ICP备2021034286号-1' },
    rules: { filing_number_matches_expected: 'warn' },
  },
  {
    name: 'entity number in Guangdong passes',
    html: page('<footer><a href="https://beian.miit.gov.cn/">粤ICP备2021034286号</a></footer>'),
    expect: { expectedNumber: '粤ICP备2021034286号-1' },
    rules: { filing_number_matches_expected: 'pass' },
  },
  {
    name: 'another service of the entity fails',
    html: page('<footer><a href="https://beian.miit.gov.cn/">京ICP备2021034286号-2</a></footer>'),
    expect: { expectedNumber: '京ICP备2021034286号-1' },
    rules: { filing_number_matches_expected: 'fail' },
  },
  {
    name: 'another entity fails',
    html: page('<footer><a href="https://beian.miit.gov.cn/">京ICP备2021034287号-1</a></footer>'),
    expect: { expectedNumber: '京ICP备2021034286号-1' },
    rules: { filing_number_matches_expected: 'fail' },
  },
  {
    name: 'spaces, full-width characters and split markup are tolerated',
    html: page(
      '<footer><a href="https://beian.miit.gov.cn/">京ICP备 <b>２０２１０３４２８６</b>号－１</a></footer>',
    ),
    expect: { expectedNumber: '京ICP备2021034286号-1' },
    rules: {
      filing_number_present: 'pass',
      filing_number_matches_expected: 'pass',
      filing_number_in_link: 'pass',
    },
  },
  {
    name: 'a malformed number fails',
    html: page('<footer><a href="https://beian.miit.gov.cn/">京ICP备202103428号-1</a></footer>'),
    rules: { filing_number_present: 'fail' },
  },
  {
    name: 'a missing 号 is a warning',
    html: page('<footer><a href="https://beian.miit.gov.cn/">京ICP备2021034286</a></footer>'),
    rules: { filing_number_present: 'warn' },
  },
  {
    name: 'required PSB number missing fails',
    html: page('<footer><a href="https://beian.miit.gov.cn/">京ICP备2021034286号-1</a></footer>'),
    expect: { psbRequired: true },
    rules: { psb_number: 'fail', psb_link: 'not_applicable' },
  },
  {
    name: 'PSB number without a link fails its link rule',
    html: page(
      '<footer><a href="https://beian.miit.gov.cn/">京ICP备2021034286号-1</a> 京公网安备11010802020134号</footer>',
    ),
    rules: { psb_number: 'pass', psb_link: 'fail' },
  },
  {
    name: 'legacy PSB recordcode link passes on the current host',
    html: page(
      '<footer><a href="https://beian.miit.gov.cn/">京ICP备2021034286号-1</a> <a href="https://beian.mps.gov.cn/portal/registerSystemInfo?recordcode=11010802020134">京公网安备 11010802020134号</a></footer>',
    ),
    rules: { psb_link: 'pass' },
  },
  {
    name: 'the former PSB host is a warning',
    html: page(
      '<footer><a href="https://beian.miit.gov.cn/">京ICP备2021034286号-1</a> <a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=11010802020134">京公网安备11010802020134号</a></footer>',
    ),
    rules: { psb_link: 'warn' },
  },
  {
    name: 'a PSB link to another record fails',
    html: page(
      '<footer><a href="https://beian.miit.gov.cn/">京ICP备2021034286号-1</a> <a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010802020135">京公网安备11010802020134号</a></footer>',
    ),
    rules: { psb_link: 'fail' },
  },
  {
    name: 'the licence held is shown',
    html: page(
      '<footer><a href="https://beian.miit.gov.cn/">京ICP备2021034286号-1</a> <span>京ICP证030173号</span></footer>',
    ),
    expect: { licenceNumber: '京ICP证030173号' },
    rules: { licence_number: 'pass' },
  },
  {
    name: 'the telecom licence held is shown',
    html: page(
      '<footer><a href="https://beian.miit.gov.cn/">京ICP备2021034286号-1</a> 增值电信业务经营许可证：京B2-20212732</footer>',
    ),
    expect: { licenceNumber: '京B2-20212732' },
    rules: { licence_number: 'pass' },
  },
  {
    name: 'a licence held but not shown fails',
    html: page('<footer><a href="https://beian.miit.gov.cn/">京ICP备2021034286号-1</a></footer>'),
    expect: { licenceNumber: '京ICP证030173号' },
    rules: { licence_number: 'fail' },
  },
  {
    name: 'only a licence number is a warning for the filing number',
    html: page('<footer>京ICP证030173号</footer>'),
    rules: { filing_number_present: 'warn' },
  },
];

describe('analyseFooter', () => {
  it.each(cases)('$name', ({ html, expect: expectations, rules, verdict }) => {
    const analysis = analyseFooter(html, expectations);
    const byRule = Object.fromEntries(analysis.rules.map((r) => [r.rule, r.verdict]));
    expect(byRule).toMatchObject(rules);
    if (verdict) expect(analysis.verdict).toBe(verdict);
    for (const rule of analysis.rules) {
      expect(rule.message.en).not.toBe('');
      expect(rule.message.zh).not.toBe('');
    }
  });

  it('answers every rule once, in a fixed order, with evidence for findings', () => {
    const analysis = analyseFooter(page(GOOD_FOOTER));
    expect(analysis.rules.map((r) => r.rule)).toEqual([
      'filing_number_present',
      'filing_number_matches_expected',
      'filing_number_in_link',
      'filing_link_target',
      'filing_number_position',
      'psb_number',
      'psb_link',
      'licence_number',
    ]);
    expect(analysis.rules[2]?.evidence).toContain('href="https://beian.miit.gov.cn/"');
    expect(analysis.found.map((f) => f.normalized)).toEqual([
      '京ICP备2021034286号-1',
      '京公网安备11010802020134号',
    ]);
  });

  it('treats the snippet it generates as compliant', () => {
    const snippet = buildFooterSnippet({
      number: '京ICP备2021034286号-1',
      psbNumber: '京公网安备11010802020134号',
      licenceNumber: '京B2-20212732',
    });
    if (!snippet.ok) throw new Error('snippet failed');
    const analysis = analyseFooter(page(`<footer>${snippet.value.html}</footer>`), {
      expectedNumber: '京ICP备2021034286号-1',
      psbRequired: true,
      licenceNumber: '京B2-20212732',
    });
    expect(analysis.verdict).toBe('compliant');
  });

  it('copes with a large page quickly', () => {
    const big = page(GOOD_FOOTER, { before: '<div><span>文字 text</span></div>'.repeat(40_000) });
    expect(big.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    expect(analyseFooter(big).verdict).toBe('compliant');
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
