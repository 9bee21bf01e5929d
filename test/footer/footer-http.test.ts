import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { buildTestApp } from '../server/test-app.ts';
import { describeEachDatabase } from '../support/databases.ts';

const FOOTER = (number: string) =>
  `<html><body><main>${'<p>内容</p>'.repeat(50)}</main><footer><a href="https://beian.miit.gov.cn/" target="_blank">${number}</a></footer></body></html>`;

interface Check {
  verdict: string;
  expected?: { number: string; source: string };
  rules: { rule: string; verdict: string; message: { en: string; zh: string }; evidence?: string }[];
  found: { kind: string; normalized: string }[];
}

function ruleVerdict(check: Check, rule: string): string | undefined {
  return check.rules.find((r) => r.rule === rule)?.verdict;
}

describe('footer routes without a database', () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    ({ app } = await buildTestApp());
  });

  afterAll(async () => {
    await app.close();
  });

  it('checks a pasted page against the expected number', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/footer/check',
      payload: { html: FOOTER('京ICP备2021034286号-1'), expectedNumber: '京ICP备 2021034286号-1' },
    });
    expect(response.statusCode, response.body).toBe(200);
    const check = response.json() as Check;
    expect(check.verdict).toBe('compliant');
    expect(check.expected).toEqual({ number: '京ICP备2021034286号-1', source: 'request' });
    expect(check.found).toEqual([
      expect.objectContaining({ kind: 'icp_filing', normalized: '京ICP备2021034286号-1' }),
    ]);
  });

  it('answers 400 with the number’s own code for a malformed expected number', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/footer/check',
      payload: { html: '<p></p>', expectedNumber: '京ICP备123号' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toContainEqual(
      expect.objectContaining({ path: 'expectedNumber', code: 'bad_digits' }),
    );
  });

  it('refuses pages over 2 MiB', async () => {
    const html = 'a'.repeat(2 * 1024 * 1024 + 1);
    const response = await app.inject({ method: 'POST', url: '/api/footer/check', payload: { html } });
    expect(response.statusCode).toBe(400);
    const tooBig = await app.inject({
      method: 'POST',
      url: '/api/footer/check',
      payload: { html: 'a'.repeat(3 * 1024 * 1024 + 10) },
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.code).toBe('payload_too_large');
  });

  it('makes a copy-ready snippet', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/footer/snippet',
      payload: {
        number: '京ICP备2021034286号-1',
        psbNumber: '京公网安备11010802020134号',
        licenceNumber: '京ICP证030173号',
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const snippet = response.json() as { html: string; text: string; numbers: Record<string, string> };
    expect(snippet.html).toContain(
      '<a href="https://beian.miit.gov.cn/" target="_blank" rel="noopener">京ICP备2021034286号-1</a>',
    );
    expect(snippet.html).toContain('https://beian.mps.gov.cn/#/query/webSearch?code=11010802020134');
    expect(snippet.numbers).toEqual({
      filing: '京ICP备2021034286号-1',
      psb: '京公网安备11010802020134号',
      licence: '京ICP证030173号',
    });
  });

  it.each([
    [{ number: 'not a number' }, 'number', 'not_a_filing_number'],
    [{ number: '京ICP备2021034286号-1', psbNumber: '京公网安备12号' }, 'psbNumber', 'bad_digits'],
    [{ number: '京ICP备2021034286号-1', licenceNumber: '京B2-2021' }, 'licenceNumber', 'bad_digits'],
    [
      { number: '京ICP备2021034286号-1', licenceNumber: '营业执照' },
      'licenceNumber',
      'not_a_telecom_licence_number',
    ],
  ])('answers 400 for %o on %s with %s', async (payload, path, code) => {
    const response = await app.inject({ method: 'POST', url: '/api/footer/snippet', payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details).toContainEqual(expect.objectContaining({ path, code }));
  });
});

describeEachDatabase('footer check against the registry', (database) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const registry = createRegistryRepository(database.db.kysely, database.db.dialect);
    await registry.upsertEntity({
      entityNumber: '粤ICP备2024000123号',
      unitName: '深圳示例有限公司',
      nature: 'enterprise',
      provinceCode: '44',
      approvedOn: '2024-05-06',
    });
    await registry.upsertService('粤ICP备2024000123号', {
      serviceNumber: '粤ICP备2024000123号-1',
      serviceType: 'website',
      serviceName: '示例官网',
      contentType: null,
      domains: ['example-gd.cn'],
      approvedOn: '2024-05-06',
      isAccessLimited: false,
    });
    ({ app } = await buildTestApp({ registry }));
  });

  afterAll(async () => {
    await app.close();
  });

  it('takes the expected number from the registry over the request', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/footer/check',
      payload: {
        html: FOOTER('粤ICP备2024000123号'),
        domain: 'www.example-gd.cn',
        expectedNumber: '京ICP备2021034286号-1',
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    const check = response.json() as Check;
    expect(check.expected).toEqual({ number: '粤ICP备2024000123号-1', source: 'registry' });
    // Guangdong shows the entity number.
    expect(ruleVerdict(check, 'filing_number_matches_expected')).toBe('pass');
  });

  it('falls back to the request for an unfiled domain, and rejects a bad one', async () => {
    const unfiled = await app.inject({
      method: 'POST',
      url: '/api/footer/check',
      payload: {
        html: FOOTER('京ICP备2021034286号-2'),
        domain: 'unfiled.cn',
        expectedNumber: '京ICP备2021034286号-1',
      },
    });
    const check = unfiled.json() as Check;
    expect(check.expected?.source).toBe('request');
    expect(ruleVerdict(check, 'filing_number_matches_expected')).toBe('fail');
    expect(check.verdict).toBe('non_compliant');

    const bad = await app.inject({
      method: 'POST',
      url: '/api/footer/check',
      payload: { html: '<p></p>', domain: 'not a domain' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('domain');
  });
});
