import { describe, expect, it } from 'vitest';
import { buildFooterSnippet } from './footer-snippet.ts';

describe('buildFooterSnippet', () => {
  it('links the filing number to beian.miit.gov.cn in a new tab with rel=noopener', () => {
    const snippet = buildFooterSnippet({ number: '京ICP备 2021034286号－1' });
    expect(snippet).toEqual({
      ok: true,
      value: {
        html: [
          '<div class="beian-footer" style="text-align:center">',
          '  <a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener">京ICP备2021034286号-1</a>',
          '</div>',
        ].join('\n'),
        text: '京ICP备2021034286号-1',
        numbers: { filing: '京ICP备2021034286号-1' },
      },
    });
  });

  it('adds the PSB number linked to its record page and the licence number', () => {
    const snippet = buildFooterSnippet({
      number: '京ICP备2021034286号-1',
      psbNumber: '京公网安备 11010802020134号',
      licenceNumber: '京ICP证030173号',
    });
    if (!snippet.ok) throw new Error('expected a snippet');
    expect(snippet.value.html).toContain(
      '<a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010802020134" target="_blank" rel="noopener">京公网安备11010802020134号</a>',
    );
    expect(snippet.value.html).toContain('<span>京ICP证030173号</span>');
    expect(snippet.value.text).toBe('京ICP备2021034286号-1 | 京公网安备11010802020134号 | 京ICP证030173号');
  });

  it.each([
    [{ number: 'ICP 2021' }, 'number', 'not_a_filing_number'],
    [{ number: '京ICP备2021034286号-1', psbNumber: '京公网安备123' }, 'psbNumber', 'bad_digits'],
    [{ number: '京ICP备2021034286号-1', licenceNumber: 'B2-2021' }, 'licenceNumber', 'bad_digits'],
  ] as const)('refuses %o in %s with %s', (input, field, code) => {
    const snippet = buildFooterSnippet(input);
    expect(snippet.ok).toBe(false);
    if (snippet.ok) return;
    expect(snippet.error.field).toBe(field);
    expect(snippet.error.issue.code).toBe(code);
  });
});
