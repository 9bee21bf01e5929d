import { describe, expect, it } from 'vitest';
import { countByVerdict, siteName } from './site-facts.ts';

describe('countByVerdict', () => {
  it('counts each last verdict, and the sites not checked yet', () => {
    expect(
      countByVerdict([
        { lastVerdict: 'compliant' },
        { lastVerdict: 'non_compliant' },
        { lastVerdict: 'compliant' },
        { lastVerdict: 'unreachable' },
        {},
      ]),
    ).toEqual({ compliant: 2, warnings: 0, non_compliant: 1, unreachable: 1, unchecked: 1 });
  });

  it('is all zeros for no site', () => {
    expect(countByVerdict([])).toEqual({
      compliant: 0,
      warnings: 0,
      non_compliant: 0,
      unreachable: 0,
      unchecked: 0,
    });
  });
});

describe('siteName', () => {
  it.each([
    [{ label: '示例官网', url: 'https://www.example.cn/' }, '示例官网'],
    [{ url: 'https://www.example.cn/' }, 'www.example.cn'],
    [{ url: 'http://127.0.0.1:8080/' }, '127.0.0.1:8080'],
    [{ url: 'https://www.example.cn/shop/' }, 'www.example.cn/shop/'],
  ])('%o is called %s', (site, expected) => {
    expect(siteName(site)).toBe(expected);
  });
});
