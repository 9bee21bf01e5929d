import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnyNumber } from '../../src/domain/numbers/detect-number.ts';
import type { Validation } from '../../src/domain/shared/issue.ts';
import { validateDomain } from '../../src/domain/validate/domain.ts';
import { validateEmail } from '../../src/domain/validate/email.ts';
import {
  validateForeignPermanentResidence,
  validateHkMacaoPermit,
  validatePassport,
  validateTaiwanPermit,
} from '../../src/domain/validate/person-documents.ts';
import { validateLandline, validateMobile } from '../../src/domain/validate/phone.ts';
import { validateResidentId } from '../../src/domain/validate/resident-id.ts';
import { validateSiteName } from '../../src/domain/validate/site-name.ts';
import { validateUscc } from '../../src/domain/validate/uscc.ts';
import { buildTestApp, type ErrorBody, readFieldErrors, type TestApp } from './test-app.ts';

interface Case {
  url: string;
  body: Record<string, unknown>;
  expected: Validation<unknown>;
  valid: boolean;
}

/** Each validator route with a sample and what the domain answers for it directly. */
const cases: Case[] = [
  {
    url: '/api/validate/resident-id',
    body: { value: '11010519491231002X', at: '2026-11-30' },
    expected: validateResidentId('11010519491231002X', { at: '2026-11-30' }),
    valid: true,
  },
  {
    url: '/api/validate/resident-id',
    body: { value: '110101199003074518' },
    expected: validateResidentId('110101199003074518', { at: '2026-11-30' }),
    valid: false,
  },
  {
    url: '/api/validate/uscc',
    body: { value: '91350100M000100Y43' },
    expected: validateUscc('91350100M000100Y43'),
    valid: true,
  },
  {
    url: '/api/validate/domain',
    body: { value: 'https://www.例子.中国/about' },
    expected: validateDomain('https://www.例子.中国/about'),
    valid: true,
  },
  {
    url: '/api/validate/site-name',
    body: { value: '张三的博客', province: '11', nature: 'individual', domain: 'zhangsan.cn' },
    expected: validateSiteName('张三的博客', { province: '11', nature: 'individual', domain: 'zhangsan.cn' }),
    valid: true,
  },
  {
    url: '/api/validate/mobile',
    body: { value: '+86 138 1234 5678' },
    expected: validateMobile('+86 138 1234 5678'),
    valid: true,
  },
  {
    url: '/api/validate/landline',
    body: { value: '0755-1234567 转 801' },
    expected: validateLandline('0755-1234567 转 801'),
    valid: true,
  },
  {
    url: '/api/validate/email',
    body: { value: 'li.lei@例子.中国' },
    expected: validateEmail('li.lei@例子.中国'),
    valid: true,
  },
  {
    url: '/api/validate/passport',
    body: { value: 'E12345678' },
    expected: validatePassport('E12345678'),
    valid: true,
  },
  {
    url: '/api/validate/hk-macao-permit',
    body: { value: 'H12345678' },
    expected: validateHkMacaoPermit('H12345678'),
    valid: true,
  },
  {
    url: '/api/validate/taiwan-permit',
    body: { value: '12345678' },
    expected: validateTaiwanPermit('12345678'),
    valid: true,
  },
  {
    url: '/api/validate/foreign-permanent-residence',
    body: { value: 'nope' },
    expected: validateForeignPermanentResidence('nope'),
    valid: false,
  },
  {
    url: '/api/numbers/parse',
    body: { value: '京ICP备2021034286号-1' },
    expected: parseAnyNumber('京ICP备2021034286号-1'),
    valid: true,
  },
  {
    url: '/api/numbers/parse',
    body: { value: '京公网安备11010802020134号' },
    expected: parseAnyNumber('京公网安备11010802020134号'),
    valid: true,
  },
  {
    url: '/api/numbers/parse',
    body: { value: '京B2-20212732' },
    expected: parseAnyNumber('京B2-20212732'),
    valid: true,
  },
  {
    url: '/api/numbers/parse',
    body: { value: '京ICP证030173号' },
    expected: parseAnyNumber('京ICP证030173号'),
    valid: true,
  },
  { url: '/api/numbers/parse', body: { value: 'hello' }, expected: parseAnyNumber('hello'), valid: false },
];

const validatorUrls = [...new Set(cases.map((c) => c.url))];

describe('validator and number routes', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(async () => {
    await test.app.close();
  });

  it.each(cases.map((c) => [c.url, c.body.value, c] as const))(
    'POST %s %s answers 200 with the domain’s validation',
    async (url, _value, { body, expected, valid }) => {
      const response = await test.app.inject({ method: 'POST', url, payload: body });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(expected.valid).toBe(valid);
    },
  );

  it('takes the age reference day from the clock when `at` is omitted', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/validate/resident-id',
      payload: { value: '11010519491231002X' },
    });
    expect(response.json()).toMatchObject({ value: { age: 76 } });
  });

  it.each(validatorUrls)('POST %s answers 400 with field details for a bad body', async (url) => {
    const response = await test.app.inject({ method: 'POST', url, payload: { value: 42, typo: true } });
    expect(response.statusCode).toBe(400);
    const body = response.json() as ErrorBody;
    expect(body.error.code).toBe('validation_failed');
    const fields = readFieldErrors(body);
    expect(fields).toContainEqual({
      in: 'body',
      path: 'value',
      code: 'invalid_type',
      message: expect.any(String),
    });
    expect(fields.some((f) => f.code === 'unrecognized_keys')).toBe(true);
  });

  it.each(validatorUrls)('POST %s answers 400 without a body', async (url) => {
    const response = await test.app.inject({ method: 'POST', url });
    expect(response.statusCode).toBe(400);
    expect((response.json() as ErrorBody).error.code).toBe('validation_failed');
  });

  it('answers 400 for an over-long value', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/validate/uscc',
      payload: { value: '9'.repeat(5000) },
    });
    expect(response.statusCode).toBe(400);
    expect(readFieldErrors(response.json() as ErrorBody)[0]).toMatchObject({
      path: 'value',
      code: 'too_big',
    });
  });

  it('checks the site-name options', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/validate/site-name',
      payload: { value: '博客', province: 'Atlantis', nature: 'pirate' },
    });
    expect(response.statusCode).toBe(400);
    expect(readFieldErrors(response.json() as ErrorBody).map((f) => f.path)).toEqual(
      expect.arrayContaining(['province', 'nature']),
    );
  });

  it('reports a bad reference day with the domain’s invalid_date issue, in Chinese when asked', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/validate/resident-id',
      headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
      payload: { value: '11010519491231002X', at: 'tomorrow' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json() as ErrorBody;
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/u);
    expect(readFieldErrors(body)).toEqual([
      { in: 'body', path: 'at', code: 'invalid_date', message: expect.stringContaining('日期') },
    ]);
  });
});
