import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { validateDomain } from './domain.ts';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('validateDomain', () => {
  it.each([
    ['https://WWW.Example.COM./path', 'example.com'],
    ['example.com', 'example.com'],
    ['ｅｘａｍｐｌｅ．ｃｏｍ', 'example.com'],
    ['http://user:secret@example.com:8080/a?b=c#d', 'example.com'],
    ['//example.cn/index.html', 'example.cn'],
    ['example.com.', 'example.com'],
    ['www.example.com.cn', 'example.com.cn'],
    ['例子。中国', 'xn--fsqu00a.xn--fiqs8s'],
  ])('normalises %s to %s', (input, normalized) => {
    const result = validateDomain(input);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.normalized).toBe(normalized);
  });

  it('converts IDN both ways', () => {
    for (const input of ['例子.中国', 'xn--fsqu00a.xn--fiqs8s']) {
      const result = validateDomain(input);
      expect(result.valid).toBe(true);
      expect(result.value).toMatchObject({
        ascii: 'xn--fsqu00a.xn--fiqs8s',
        unicode: '例子.中国',
        registrableDomain: { ascii: 'xn--fsqu00a.xn--fiqs8s', unicode: '例子.中国' },
        publicSuffix: { ascii: 'xn--fiqs8s', unicode: '中国' },
        isIdn: true,
        isFileable: true,
      });
    }
  });

  it('keeps the registrable domain and warns about the subdomain', () => {
    const result = validateDomain('blog.example.com.cn');
    expect(result.valid).toBe(true);
    expect(result.normalized).toBe('example.com.cn');
    expect(result.value).toMatchObject({
      inputHost: 'blog.example.com.cn',
      registrableDomain: { ascii: 'example.com.cn' },
      publicSuffix: { ascii: 'com.cn' },
      subdomain: { ascii: 'blog' },
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'subdomain_given', source: 'ref-5-domains' }),
    ]);
  });

  it('files government .gov.cn subdomains on their own', () => {
    const result = validateDomain('www.tax.example.gov.cn');
    expect(result.normalized).toBe('tax.example.gov.cn');
    expect(codes(result.warnings)).toEqual(['government_subdomain']);
  });

  it.each([
    ['foo.io', 'io'],
    ['foo.org', 'org'],
    ['foo.co.uk', 'co.uk'],
    ['example.dev', 'dev'],
  ])('rejects %s: suffix not fileable, with the note of the known case', (input, suffix) => {
    const result = validateDomain(input);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'tld_not_fileable',
        source: 'ref-5-tlds',
        params: expect.objectContaining({ suffix }),
      }),
    ]);
    expect(result.value?.isFileable).toBe(false);
    const note = defaultCatalogue.tlds.notFileable.find((n) => n.tld === suffix.split('.').at(-1));
    if (note) expect(result.errors[0]?.message.en).toContain(note.note.en);
  });

  it.each([
    ['example.中国'],
    ['example.公司'],
    ['example.gov.cn'],
    ['example.bj.cn'],
    ['example.公益.cn'],
    ['example.xyz'],
  ])('accepts fileable suffix %s', (input) => {
    expect(validateDomain(input).valid).toBe(true);
  });

  it('treats catalogue suffixes missing from the Public Suffix List as suffixes', () => {
    const result = validateDomain('example.公益.cn');
    expect(result.value?.registrableDomain.unicode).toBe('example.公益.cn');
    expect(result.value?.publicSuffix.unicode).toBe('公益.cn');
    expect(result.warnings).toEqual([]);
  });

  it('matches catalogue entries stored as punycode too', () => {
    const catalogue: Catalogue = {
      ...defaultCatalogue,
      index: { ...defaultCatalogue.index, fileableTlds: new Set(['xn--fiqs8s']) },
      tlds: { ...defaultCatalogue.tlds, fileable: ['xn--fiqs8s'] },
    };
    expect(validateDomain('例子.中国', { catalogue }).valid).toBe(true);
    expect(codes(validateDomain('example.com', { catalogue }).errors)).toEqual(['tld_not_fileable']);
  });

  it.each([
    ['', 'empty'],
    ['https://', 'empty'],
    ['192.168.1.1', 'ip_address_not_allowed'],
    ['http://10.0.0.1:8080/', 'ip_address_not_allowed'],
    ['[::1]', 'ip_address_not_allowed'],
    ['localhost', 'localhost_not_allowed'],
    ['-bad-.com', 'label_hyphen'],
    ['a_b.com', 'invalid_characters'],
    ['a..com', 'empty_label'],
    [`${'a'.repeat(64)}.com`, 'label_too_long'],
    [`${'a.'.repeat(127)}com`, 'domain_too_long'],
    ['exa mple.com', 'invalid_domain'],
    ['com.cn', 'bare_public_suffix'],
    ['com', 'bare_public_suffix'],
    ['中国', 'bare_public_suffix'],
  ])('rejects %s (%s)', (input, code) => {
    const result = validateDomain(input);
    expect(result.valid).toBe(false);
    expect(codes(result.errors)).toEqual([code]);
  });

  it('does not strip www when www is the registrable name', () => {
    expect(validateDomain('www.com').normalized).toBe('www.com');
  });
});
