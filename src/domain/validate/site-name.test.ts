import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { validateSiteName } from './site-name.ts';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('validateSiteName', () => {
  it.each([
    ['张三的读书笔记', 7],
    ['ABC科技', 5],
    ['A(B)-C学习', 5],
    ['ＡＢＣ科技（官方）', 7],
  ])('accepts %s and counts %i characters', (name, length) => {
    const result = validateSiteName(name, { nature: 'enterprise' });
    expect(result.errors).toEqual([]);
    expect(result.value?.length).toBe(length);
  });

  it('counts Han characters, letters and digits but not ()-', () => {
    expect(validateSiteName('小站(v2)-测试').value?.countedCharacters).toEqual([
      '小',
      '站',
      'v',
      '2',
      '测',
      '试',
    ]);
  });

  it.each([
    ['', ['empty']],
    ['小站', ['too_short']],
    ['A1', ['too_short', 'only_digits_or_latin']],
    ['abcdef', ['only_digits_or_latin']],
    ['123456', ['only_digits_or_latin']],
    ['我的小站!', ['special_characters']],
    ['我的 小站', ['special_characters']],
    ['我的小站★', ['special_characters']],
    ['测'.repeat(51), ['too_long']],
  ])('rejects %s', (name, expected) => {
    expect(codes(validateSiteName(name, { nature: 'enterprise' }).errors)).toEqual(expected);
  });

  it('cites the lexicon source for length rules', () => {
    const [tooShort] = validateSiteName('小站').errors;
    expect(tooShort).toMatchObject({ source: 'ref-4-site-names', params: { length: 2, min: 3 } });
    const [tooLong] = validateSiteName('测'.repeat(51)).errors;
    expect(tooLong).toMatchObject({ source: 'openbeian-estimate' });
  });

  it.each([
    ['example', 'example.com'],
    ['example.com', 'https://www.example.com/'],
    ['Example', 'blog.example.com'],
    ['例子网', '例子网.中国'],
    ['例子网', 'xn--fsqu00ab82a.xn--fiqs8s'],
  ])('rejects the domain as name: %s for %s', (name, domain) => {
    expect(codes(validateSiteName(name, { domain }).errors)).toContain('name_equals_domain');
  });

  it('does not take a subdomain label for the domain', () => {
    expect(codes(validateSiteName('blog', { domain: 'blog.example.com' }).errors)).not.toContain(
      'name_equals_domain',
    );
  });

  it('accepts a name that merely contains the domain label', () => {
    expect(codes(validateSiteName('例子网资料库', { domain: '例子网.中国' }).errors)).toEqual([]);
  });

  it.each(['中国', '中华', '中央', '国家', '人民', '人大', '反腐', '纪检', '监察', '信访', '维权', '投诉'])(
    'reserves the prefix %s for state bodies',
    (prefix) => {
      const name = `${prefix}学习资料`;
      expect(codes(validateSiteName(name, { nature: 'enterprise' }).errors)).toContain('reserved_prefix');
      for (const nature of ['government', 'public_institution']) {
        const result = validateSiteName(name, { nature });
        expect(codes(result.errors)).not.toContain('reserved_prefix');
        expect(codes(result.warnings)).not.toContain('reserved_prefix');
      }
    },
  );

  it('only warns about a reserved prefix when the nature is unknown', () => {
    const result = validateSiteName('中国学习资料');
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'reserved_prefix',
        source: 'ref-4-site-names',
        params: { word: '中国' },
      }),
    ]);
  });

  it('allows reserved words inside a name', () => {
    expect(codes(validateSiteName('学习中国文化', { nature: 'enterprise' }).errors)).toEqual([]);
  });

  it.each(['赌博', '博彩', '色情', '六合彩'])('rejects the sensitive word %s for everyone', (word) => {
    const result = validateSiteName(`快乐${word}之家`, { nature: 'government' });
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'sensitive_word', source: 'ref-4-site-names', params: { word } }),
    ]);
  });

  it.each([
    '导航',
    '工作室',
    '论坛',
    '平台',
    '热线',
    '社区',
    '社团',
    '网络',
    '网站',
    '网址',
    '主页',
    '资讯',
    '公司',
    '企业',
    '官网',
    '商城',
    '购物',
  ])('rejects %s on personal sites only', (word) => {
    const name = `小明${word}笔记`;
    const individual = validateSiteName(name, { nature: 'individual' });
    expect(individual.errors).toEqual([
      expect.objectContaining({ code: 'individual_banned_word', params: expect.objectContaining({ word }) }),
    ]);
    expect(codes(validateSiteName(name, { nature: 'enterprise' }).errors)).toEqual([]);
  });

  it('lists every violated rule with its offending word', () => {
    const result = validateSiteName('中国赌博论坛网站!', { nature: 'individual', domain: 'example.com' });
    expect(result.errors.map((e) => [e.code, e.params?.word])).toEqual([
      ['special_characters', undefined],
      ['reserved_prefix', '中国'],
      ['sensitive_word', '赌博'],
      ['individual_banned_word', '论坛'],
      ['individual_banned_word', '网站'],
    ]);
    for (const error of result.errors) expect(error.source).toBeDefined();
  });

  it('applies the provincial list for individuals in that province only', () => {
    const catalogue: Catalogue = {
      ...defaultCatalogue,
      lexicon: {
        ...defaultCatalogue.lexicon,
        provinceIndividualBanned: { '44': { words: ['小铺'], sources: ['ref-4-site-names-provinces'] } },
      },
    };
    const guangdong = validateSiteName('小明的小铺子', { nature: 'individual', province: '粤', catalogue });
    expect(guangdong.errors).toEqual([
      expect.objectContaining({
        code: 'province_banned_word',
        source: 'ref-4-site-names-provinces',
        params: { word: '小铺', province: '44' },
      }),
    ]);
    expect(validateSiteName('小明的小铺子', { nature: 'individual', province: '11', catalogue }).valid).toBe(
      true,
    );
    expect(validateSiteName('小明的小铺子', { nature: 'enterprise', province: '44', catalogue }).valid).toBe(
      true,
    );
  });

  it('warns on an unknown province', () => {
    expect(codes(validateSiteName('小明的读书笔记', { province: 'Atlantis' }).warnings)).toEqual([
      'unknown_province',
    ]);
  });
});
