import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistFlags } from '../../src/domain/catalogue/checklist.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import { ACTIVITIES, APPLICANT_KINDS, PILOT_ZONES } from '../../src/domain/eligibility/profile.ts';
import { buildTestApp, type TestApp } from './test-app.ts';

/** Bad input never yields a 500: random bodies and parameters on every route that takes input. */

const validatorRoutes = [
  '/api/validate/resident-id',
  '/api/validate/uscc',
  '/api/validate/domain',
  '/api/validate/site-name',
  '/api/validate/mobile',
  '/api/validate/landline',
  '/api/validate/email',
  '/api/validate/passport',
  '/api/validate/hk-macao-permit',
  '/api/validate/taiwan-permit',
  '/api/validate/foreign-permanent-residence',
  '/api/numbers/parse',
];
const postRoutes = [...validatorRoutes, '/api/eligibility'];

const provinceKeys = defaultCatalogue.provinces.flatMap((p) => [
  p.code,
  p.nameEn,
  p.nameZh,
  p.icpAbbreviation,
]);

/** Text that looks like what users paste: IDs, numbers, dates, URLs, CJK, full-width and control characters. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.stringMatching(/^[0-9X]{15,18}$/),
  fc.stringMatching(/^[0-9A-Y]{18}$/),
  fc.constantFrom(
    '京ICP备',
    '粤B2-',
    '公网安备',
    'ICP证',
    '号',
    '-2A',
    'https://',
    'xn--',
    '.中国',
    '@',
    '+86',
    '转',
    '年',
    '月',
  ),
  fc
    .array(
      fc.constantFrom(
        '京',
        'ICP',
        '备',
        '2021',
        '034286',
        '号',
        '-',
        '1',
        '１',
        'A',
        ' ',
        '.',
        '/',
        ':',
        '0',
        '9',
        '年',
        '月',
        '日',
        'x',
        '例子',
        '中国',
        'com',
        '@',
        '%',
        '\u0000',
        '\uFFFF',
      ),
      { maxLength: 12 },
    )
    .map((parts) => parts.join('')),
);

const validatorBody = fc.record(
  {
    value: fc.oneof(text, fc.jsonValue()),
    at: fc.oneof(
      text,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    ),
    nature: fc.oneof(fc.constantFrom(...defaultCatalogue.entityNatures.map((n) => n.id)), text),
    province: fc.oneof(fc.constantFrom(...provinceKeys), text),
    domain: text,
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);

const profileBody = fc.record(
  {
    applicantKind: fc.oneof(fc.constantFrom(...APPLICANT_KINDS), text),
    chineseOwnershipPercent: fc.oneof(fc.integer({ min: -10, max: 110 }), fc.double()),
    inChina: fc.boolean(),
    certificateProvince: fc.oneof(fc.constantFrom(...provinceKeys), text),
    residencePermitProvince: fc.constantFrom(...provinceKeys),
    age: fc.integer({ min: -1, max: 200 }),
    hasMainlandMobile: fc.boolean(),
    mobileProvince: fc.constantFrom(...provinceKeys),
    hasMainlandLandline: fc.boolean(),
    alipayWithInternationalCard: fc.boolean(),
    hasRepresentativeInChina: fc.boolean(),
    speaksMandarinOrHasAssistant: fc.boolean(),
    hostingInMainland: fc.boolean(),
    domain: text,
    domainAtMainlandRegistrar: fc.boolean(),
    activities: fc.uniqueArray(fc.constantFrom(...ACTIVITIES), { maxLength: 6 }),
    registeredCapitalRmb: fc.oneof(fc.integer({ min: -1, max: 1e9 }), fc.double()),
    crossRegional: fc.boolean(),
    pilotZone: fc.constantFrom(...PILOT_ZONES),
    startDate: fc.oneof(
      text,
      fc
        .date({ min: new Date('1899-01-01'), max: new Date('2300-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    ),
  },
  { requiredKeys: [] },
);

/** Profiles the schema accepts: ownership only where it applies, a mobile province only with a mobile. */
const validProfileBody = fc
  .record(
    {
      applicantKind: fc.constantFrom(...APPLICANT_KINDS),
      chineseOwnershipPercent: fc.integer({ min: 1, max: 99 }),
      inChina: fc.boolean(),
      certificateProvince: fc.constantFrom(...provinceKeys),
      residencePermitProvince: fc.constantFrom(...provinceKeys),
      age: fc.integer({ min: 0, max: 150 }),
      hasMainlandMobile: fc.boolean(),
      mobileProvince: fc.constantFrom(...provinceKeys),
      hasMainlandLandline: fc.boolean(),
      alipayWithInternationalCard: fc.boolean(),
      hasRepresentativeInChina: fc.boolean(),
      speaksMandarinOrHasAssistant: fc.boolean(),
      hostingInMainland: fc.boolean(),
      domain: fc.constantFrom(
        'example.cn',
        'example.com',
        '例子.中国',
        'example.gov.cn',
        'example.xyz',
        'nope',
      ),
      domainAtMainlandRegistrar: fc.boolean(),
      activities: fc.uniqueArray(fc.constantFrom(...ACTIVITIES), { minLength: 1, maxLength: 6 }),
      registeredCapitalRmb: fc.integer({ min: 0, max: 1e9 }),
      crossRegional: fc.boolean(),
      pilotZone: fc.constantFrom(...PILOT_ZONES),
      startDate: fc
        .date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    },
    { requiredKeys: ['applicantKind', 'inChina', 'hostingInMainland'] },
  )
  .map(({ chineseOwnershipPercent, mobileProvince, ...profile }) => ({
    ...profile,
    ...(profile.applicantKind === 'joint_venture'
      ? { chineseOwnershipPercent: chineseOwnershipPercent ?? 50 }
      : {}),
    ...(profile.hasMainlandMobile === false ? {} : mobileProvince === undefined ? {} : { mobileProvince }),
  }));

const dateParam = fc.oneof(
  text,
  fc
    .date({ min: new Date('1890-01-01'), max: new Date('2300-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);

describe('no input produces a 500', () => {
  let test: TestApp;
  beforeAll(async () => {
    // A budget no property run can exhaust: this suite is about 5xx, not 429.
    test = await buildTestApp({ rateLimits: { publicApi: { max: 1_000_000, timeWindowMs: 60_000 } } });
  });
  afterAll(async () => {
    await test.app.close();
  });

  async function post(url: string, payload: string): Promise<number> {
    const response = await test.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json' },
      payload,
    });
    return response.statusCode;
  }

  async function get(url: string): Promise<number> {
    return (await test.app.inject(url)).statusCode;
  }

  it.each(postRoutes)('POST %s with random JSON', async (url) => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        expect(await post(url, JSON.stringify(body))).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });

  it.each(validatorRoutes)('POST %s with random values and options', async (url) => {
    await fc.assert(
      fc.asyncProperty(validatorBody, async (body) => {
        expect(await post(url, JSON.stringify(body))).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
  });

  it('POST /api/eligibility with random profiles', async () => {
    await fc.assert(
      fc.asyncProperty(profileBody, async (body) => {
        expect(await post('/api/eligibility', JSON.stringify(body))).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });

  it('POST /api/eligibility answers every schema-valid profile', async () => {
    await fc.assert(
      fc.asyncProperty(validProfileBody, async (body) => {
        expect(await post('/api/eligibility', JSON.stringify(body))).toBe(200);
      }),
      { numRuns: 300 },
    );
  });

  it('POST routes with random bytes as the body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...postRoutes), text, async (url, payload) => {
        expect(await post(url, payload)).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });

  it('GET routes with random path and query parameters', async () => {
    const query = (params: Record<string, unknown>) =>
      new URLSearchParams(params as Record<string, string>).toString();
    const requests = fc.oneof(
      text.map((key) => `/api/catalogue/provinces/${encodeURIComponent(key)}`),
      dateParam.map((date) => `/api/calendar/days/${encodeURIComponent(date)}`),
      fc
        .record({ date: dateParam, n: fc.oneof(fc.integer({ min: -4000, max: 4000 }), text) })
        .map((params) => `/api/calendar/add?${query(params)}`),
      fc.record({ from: dateParam, to: dateParam }).map((params) => `/api/calendar/between?${query(params)}`),
      fc
        .record(
          {
            nature: fc.oneof(fc.constantFrom(...defaultCatalogue.entityNatures.map((n) => n.id)), text),
            province: fc.oneof(fc.constantFrom(...provinceKeys), text),
            instrument: fc.constantFrom('icp_filing', 'icp_licence', 'edi_licence', 'x'),
            orderType: fc.constantFrom(...defaultCatalogue.orderTypes.map((o) => o.id)),
            flags: fc
              .uniqueArray(fc.oneof(fc.constantFrom(...checklistFlags), text), { maxLength: 5 })
              .map((f) => f.join(',')),
          },
          { requiredKeys: [] },
        )
        .map((params) => `/api/catalogue/documents?${query(params)}`),
      text.map((path) => `/api/${path}`),
    );
    await fc.assert(
      fc.asyncProperty(requests, async (url) => {
        expect(await get(url)).toBeLessThan(500);
      }),
      { numRuns: 500 },
    );
  });
});
