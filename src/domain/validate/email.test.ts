import { describe, expect, it } from 'vitest';
import { validateEmail } from './email.ts';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('validateEmail', () => {
  it.each([
    ['name@example.com', 'name@example.com', 'example.com'],
    ['First.Last+tag@Example.COM', 'First.Last+tag@example.com', 'example.com'],
    ['ｔｅｓｔ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'test@example.com', 'example.com'],
    ['admin@例子.中国', 'admin@xn--fsqu00a.xn--fiqs8s', '例子.中国'],
    ['admin@例子。中国', 'admin@xn--fsqu00a.xn--fiqs8s', '例子.中国'],
    ['  a@b.cn  ', 'a@b.cn', 'b.cn'],
  ])('accepts %s', (input, normalized, domainUnicode) => {
    const result = validateEmail(input);
    expect(result.valid).toBe(true);
    expect(result.normalized).toBe(normalized);
    expect(result.value?.domainUnicode).toBe(domainUnicode);
  });

  it.each([
    ['', 'empty'],
    ['no-at-sign', 'invalid_email'],
    ['@example.com', 'invalid_email'],
    ['name@', 'invalid_email'],
    ['a..b@example.com', 'invalid_local_part'],
    ['.a@example.com', 'invalid_local_part'],
    ['"quoted"@example.com', 'invalid_local_part'],
    ['张三@example.com', 'invalid_local_part'],
    [`${'a'.repeat(65)}@example.com`, 'invalid_local_part'],
    ['a@localhost', 'invalid_domain'],
    ['a@-bad-.com', 'invalid_domain'],
    ['a@exa mple.com', 'invalid_domain'],
    ['a@1.2.3.4', 'invalid_domain'],
    [
      `${'a'.repeat(10)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.com`,
      'too_long',
    ],
  ])('rejects %s', (input, code) => {
    expect(codes(validateEmail(input).errors)).toEqual([code]);
  });
});
