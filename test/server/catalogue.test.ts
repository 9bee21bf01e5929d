import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import { buildTestApp, type ErrorBody, readFieldErrors, type TestApp } from './test-app.ts';

describe('catalogue routes', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(async () => {
    await test.app.close();
  });

  it.each([
    ['/api/catalogue/provinces', 31],
    ['/api/catalogue/natures', defaultCatalogue.entityNatures.length],
    ['/api/catalogue/certificate-types', defaultCatalogue.certificateTypes.length],
    ['/api/catalogue/pre-approvals', defaultCatalogue.preApprovals.length],
    ['/api/catalogue/order-types', 7],
    ['/api/catalogue/sources', defaultCatalogue.sources.length],
  ])('GET %s lists %i items', async (url, count) => {
    const response = await test.app.inject(url);
    expect(response.statusCode).toBe(200);
    expect((response.json() as { items: unknown[] }).items).toHaveLength(count);
  });

  it('GET /api/catalogue/tlds gives the fileable list', async () => {
    const response = await test.app.inject('/api/catalogue/tlds');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ fileable: expect.arrayContaining(['cn', 'com', '中国']) });
  });

  it.each(['44', '粤', 'Guangdong', 'guangdong', '广东', '广东省', '440000'])(
    'GET /api/catalogue/provinces/%s finds Guangdong with its rules',
    async (key) => {
      const response = await test.app.inject(`/api/catalogue/provinces/${encodeURIComponent(key)}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        province: { code: '44', icpAbbreviation: '粤' },
        rules: { province: '44', authorityReviewDays: { value: { max: expect.any(Number) } } },
      });
    },
  );

  it('answers 404 province_not_found for an unknown province', async () => {
    const response = await test.app.inject('/api/catalogue/provinces/Atlantis');
    expect(response.statusCode).toBe(404);
    const body = response.json() as ErrorBody;
    expect(body).toEqual({
      error: {
        code: 'province_not_found',
        message: expect.stringContaining('province'),
        requestId: expect.any(String),
      },
    });
  });

  it('GET /api/catalogue/documents builds the checklist of a situation', async () => {
    const response = await test.app.inject({
      url: '/api/catalogue/documents',
      query: { nature: 'individual', province: '京', instrument: 'icp_filing', flags: 'foreign_person' },
    });
    expect(response.statusCode).toBe(200);
    const items = (response.json() as { items: { document: { id: string }; required: boolean }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => typeof item.document.id === 'string')).toBe(true);
  });

  it('takes flags comma-separated or repeated, with the same answer', async () => {
    const base =
      '/api/catalogue/documents?nature=enterprise&province=44&instrument=icp_filing&orderType=first_filing';
    const comma = await test.app.inject(`${base}&flags=leader_not_legal_rep,foreign_investment`);
    const repeated = await test.app.inject(`${base}&flags=leader_not_legal_rep&flags=foreign_investment`);
    expect(comma.statusCode).toBe(200);
    expect(repeated.json()).toEqual(comma.json());
    const none = await test.app.inject(base);
    expect((comma.json() as { items: unknown[] }).items.length).toBeGreaterThan(
      (none.json() as { items: unknown[] }).items.length,
    );
  });

  it('answers 400 with every bad query field', async () => {
    const response = await test.app.inject({
      url: '/api/catalogue/documents',
      query: { nature: 'pirate', province: 'Atlantis', instrument: 'x', orderType: 'y', flags: 'ok,nope' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json() as ErrorBody;
    expect(body.error.code).toBe('validation_failed');
    const paths = readFieldErrors(body).map((e) => `${e.in}:${e.path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'querystring:nature',
        'querystring:province',
        'querystring:instrument',
        'querystring:orderType',
        'querystring:flags.1',
      ]),
    );
  });

  it('answers 400 when required query fields are missing', async () => {
    const response = await test.app.inject('/api/catalogue/documents');
    expect(response.statusCode).toBe(400);
    const paths = readFieldErrors(response.json() as ErrorBody).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['nature', 'province', 'instrument']));
  });
});
