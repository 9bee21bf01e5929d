import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndividualOrderContent, buildResidentId } from '../../src/domain/order-content/fixtures.ts';
import type { OrderContentDraft } from '../../src/domain/order-content/order-content.ts';
import { buildTestApp } from '../server/test-app.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildHttpTestApp,
  call,
  createPerson,
  createProviderStaff,
  fail,
  findServerErrors,
  type HttpTestApp,
  type OrderAnswer,
  type Person,
  type ProviderStaff,
  provisionInstance,
  send,
  withAccess,
} from './http-test-kit.ts';

/**
 * The acceptance matrix for every route of the order workflow, providers, inbox and mail outbox: no
 * session → 401; another applicant's order (or instance) → 404; bad input → 400 with field errors;
 * and random bodies on every POST/PUT route never produce a 5xx.
 */

type Method = 'GET' | 'POST' | 'PUT';

interface Targets {
  /** The reference of an order of the owner (a draft). */
  ref: string;
  /** An instance the owner holds. */
  instanceId: number;
}

interface BadInput {
  url?: (targets: Targets) => string;
  payload?: unknown;
  /** Where the field error points. */
  in: 'body' | 'params' | 'querystring';
  path: string;
  /** Sent by the platform administrator instead of the owner (admin-only routes answer 404 first). */
  asAdmin?: boolean;
}

interface RouteCase {
  method: Method;
  /** As registered, for the table's names. */
  route: string;
  url(targets: Targets): string;
  /** A body the schema accepts. */
  payload?: unknown;
  /** The caller's resource in the URL, which another applicant must not reach. */
  foreign?: 'order' | 'instance';
  /** Routes that take no input have no bad input. */
  bad: BadInput[];
}

const orderUrl = (path: string) => (t: Targets) => `/api/orders/${t.ref}${path}`;
const reason = { fieldPath: 'services[0].name', reasonCode: 'unclear', text: { en: 'Unclear.' } };

const routes: RouteCase[] = [
  {
    method: 'POST',
    route: '/api/orders',
    url: () => '/api/orders',
    payload: {
      intent: 'file_service',
      certificateNumber: '1',
      province: '11',
      domain: 'a.cn',
      providerOrgId: '1',
    },
    bad: [
      {
        payload: { intent: 'nope', certificateNumber: 'x', province: '11', providerOrgId: '1' },
        in: 'body',
        path: 'intent',
      },
      {
        payload: { intent: 'change', certificateNumber: 'x', province: '11', providerOrgId: 'one' },
        in: 'body',
        path: 'providerOrgId',
      },
      {
        payload: {
          intent: 'change',
          certificateNumber: 'x',
          province: '11',
          providerOrgId: '1',
          content: { entity: 1 },
        },
        in: 'body',
        path: 'content.entity',
      },
    ],
  },
  {
    method: 'GET',
    route: '/api/orders',
    url: () => '/api/orders',
    bad: [
      { url: () => '/api/orders?limit=0', in: 'querystring', path: 'limit' },
      { url: () => '/api/orders?status=draft,nope', in: 'querystring', path: 'status.1' },
      { url: () => '/api/orders?view=mine', in: 'querystring', path: 'view' },
    ],
  },
  {
    method: 'GET',
    route: '/api/orders/:ref',
    url: orderUrl(''),
    foreign: 'order',
    bad: [{ url: () => '/api/orders/OB-2026-12', in: 'params', path: 'ref' }],
  },
  {
    method: 'PUT',
    route: '/api/orders/:ref/draft',
    url: orderUrl('/draft'),
    payload: { content: {} },
    foreign: 'order',
    bad: [
      { payload: {}, in: 'body', path: 'content' },
      { payload: { content: { services: [{ type: 'blog' }] } }, in: 'body', path: 'content.services.0.type' },
      { url: () => '/api/orders/0/draft', payload: { content: {} }, in: 'params', path: 'ref' },
    ],
  },
  {
    method: 'GET',
    route: '/api/orders/:ref/versions/diff',
    url: orderUrl('/versions/diff'),
    foreign: 'order',
    bad: [{ url: orderUrl('/versions/diff?from=0'), in: 'querystring', path: 'from' }],
  },
  {
    method: 'GET',
    route: '/api/orders/:ref/number-preview',
    url: orderUrl('/number-preview'),
    foreign: 'order',
    bad: [{ url: () => '/api/orders/abc/number-preview', in: 'params', path: 'ref' }],
  },
  ...(
    [
      ['submit', undefined],
      ['start-review', undefined],
      ['approve-provider', undefined],
      ['send-to-authority', undefined],
      ['withdraw', undefined],
      ['return', { reasons: [reason] }],
      ['reject-authority', { reasons: [reason] }],
      ['identity-verification', { result: 'passed' }],
      ['sms-code', { code: '123456' }],
      ['approve-authority', {}],
    ] as const
  ).map(
    ([command, payload]): RouteCase => ({
      method: 'POST',
      route: `/api/orders/:ref/${command}`,
      url: orderUrl(`/${command}`),
      ...(payload === undefined ? {} : { payload }),
      foreign: 'order',
      bad: [
        { payload: { unexpected: true }, in: 'body', path: '' },
        { url: () => `/api/orders/abc/${command}`, payload: payload ?? {}, in: 'params', path: 'ref' },
      ],
    }),
  ),
  {
    method: 'POST',
    route: '/api/orders/:ref/return (reasons)',
    url: orderUrl('/return'),
    payload: { reasons: [reason] },
    foreign: 'order',
    bad: [
      { payload: { reasons: [] }, in: 'body', path: 'reasons' },
      { payload: { reasons: [{ ...reason, text: { fr: 'x' } }] }, in: 'body', path: 'reasons.0.text' },
    ],
  },
  {
    method: 'POST',
    route: '/api/orders/:ref/sms-code (code)',
    url: orderUrl('/sms-code'),
    payload: { code: '123456' },
    foreign: 'order',
    bad: [{ payload: { code: 123456 }, in: 'body', path: 'code' }],
  },
  {
    method: 'POST',
    route: '/api/orders/:ref/approve-authority (recorded numbers)',
    url: orderUrl('/approve-authority'),
    payload: { recordedNumbers: { serviceNumbers: [] } },
    foreign: 'order',
    bad: [
      {
        payload: { recordedNumbers: { serviceNumbers: 'x' } },
        in: 'body',
        path: 'recordedNumbers.serviceNumbers',
      },
    ],
  },
  {
    method: 'POST',
    route: '/api/orders/:ref/identity-verification (result)',
    url: orderUrl('/identity-verification'),
    payload: { result: 'failed' },
    foreign: 'order',
    bad: [{ payload: { result: 'maybe' }, in: 'body', path: 'result' }],
  },
  {
    method: 'POST',
    route: '/api/provider/instances',
    url: () => '/api/provider/instances',
    payload: {
      ownerUserId: '1',
      name: 'web',
      region: 'cn-north',
      province: '11',
      publicIp: '106.14.10.20',
      subscriptionStart: '2026-01-01',
      subscriptionEnd: '2026-12-31',
    },
    bad: [
      {
        payload: {
          ownerUserId: '1',
          name: 'web',
          region: 'cn-north',
          province: '11',
          publicIp: '106.14.10.20',
          subscriptionStart: '2026-02-30',
          subscriptionEnd: '2026-12-31',
        },
        in: 'body',
        path: 'subscriptionStart',
      },
      { payload: { name: 'web' }, in: 'body', path: 'ownerUserId' },
    ],
  },
  { method: 'GET', route: '/api/provider/instances', url: () => '/api/provider/instances', bad: [] },
  {
    method: 'POST',
    route: '/api/provider/instances/:id/service-codes',
    url: (t) => `/api/provider/instances/${t.instanceId}/service-codes`,
    foreign: 'instance',
    bad: [
      { url: () => '/api/provider/instances/abc/service-codes', in: 'params', path: 'id' },
      { payload: { kind: 'gift' }, in: 'body', path: 'kind' },
    ],
  },
  {
    method: 'GET',
    route: '/api/inbox',
    url: () => '/api/inbox',
    bad: [
      { url: () => '/api/inbox?limit=1000', in: 'querystring', path: 'limit' },
      { url: () => '/api/inbox?beforeId=-1', in: 'querystring', path: 'beforeId' },
      { url: () => '/api/inbox?orderId=abc', in: 'querystring', path: 'orderId' },
    ],
  },
  {
    method: 'POST',
    route: '/api/inbox/read',
    url: () => '/api/inbox/read',
    payload: { ids: [1] },
    bad: [{ payload: { ids: ['one'] }, in: 'body', path: 'ids.0' }],
  },
  {
    method: 'GET',
    route: '/api/admin/mail-outbox',
    url: () => '/api/admin/mail-outbox',
    bad: [
      { url: () => '/api/admin/mail-outbox?status=lost', in: 'querystring', path: 'status', asAdmin: true },
    ],
  },
];

/** Random text of the kinds people paste, control and CJK characters included. */
const text = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '京', '110105199003071239', 'OB-2026-000001', 'a.cn', '\u0000', '13800138000'),
);

/** Every leaf path of a value: where a mutation can land. */
function listLeafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => listLeafPaths(item, [...prefix, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => listLeafPaths(item, [...prefix, key]));
  }
  return [prefix];
}

function setPath(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head] = setPath(copy[head], rest, replacement);
  return copy;
}

/** A valid content with one field replaced by something random: saving runs every validator on it. */
function mutatedContent(content: OrderContentDraft) {
  const paths = listLeafPaths(content);
  return fc
    .tuple(fc.constantFrom(...paths), fc.oneof(text, fc.jsonValue({ maxDepth: 2 })))
    .map(([path, replacement]) => setPath(content, path, replacement));
}

/** An individual's first filing of a personal site, for another person than the fixture's. */
function buildPersonalSite(idNumber: string, domain: string): OrderContentDraft {
  return buildIndividualOrderContent({
    entity: { certificateNumber: idNumber, leader: { certificateNumber: idNumber } },
    services: [{ domain, homeUrl: `https://${domain}/` }],
  });
}

describeEachDatabase('every order, provider, inbox and outbox route over HTTP', (database) => {
  let test: HttpTestApp;
  let provider: ProviderStaff;
  let owner: Person;
  let stranger: Person;
  let admin: Person;
  let targets: Targets;
  const content = buildPersonalSite(buildResidentId('110105', '1985-05-05', '321'), 'matrix-notes.cn');

  beforeAll(async () => {
    test = await buildHttpTestApp(database.db);
    provider = await createProviderStaff(test, 'Matrix Cloud');
    owner = await createPerson(test, 'applicant');
    stranger = await createPerson(test, 'applicant');
    admin = await createPerson(test, 'platform_admin');
    const { instanceId, codes } = await provisionInstance(test, provider, owner);
    const { order } = await call<{ order: OrderAnswer }>(test, 'POST', '/api/orders', {
      cookie: owner.cookie,
      status: 201,
      payload: {
        intent: 'file_service',
        certificateNumber: content.entity?.certificateNumber,
        province: '11',
        domain: 'matrix-notes.cn',
        providerOrgId: provider.providerOrgId,
        content: withAccess(content, instanceId, codes),
      },
    });
    targets = { ref: order.reference, instanceId };
  }, 120_000);
  afterAll(() => test.close());

  describe.each(routes)('$method $route', (route) => {
    it('answers 401 without a session', async () => {
      const error = await fail(test, route.method, route.url(targets), 401, { payload: route.payload });
      expect(error.code).toBe('unauthenticated');
    });

    it.runIf(route.foreign !== undefined)(
      'answers 404 for another applicant’s order or instance',
      async () => {
        const error = await fail(test, route.method, route.url(targets), 404, {
          cookie: stranger.cookie,
          payload: route.payload,
        });
        expect(error.code).toBe('not_found');
      },
    );

    it.runIf(route.bad.length > 0)('answers 400 with field errors for bad input', async () => {
      for (const bad of route.bad) {
        const url = (bad.url ?? route.url)(targets);
        const error = await fail(test, route.method, url, 400, {
          cookie: bad.asAdmin ? admin.cookie : owner.cookie,
          payload: bad.payload ?? route.payload,
        });
        expect(error.code, url).toBe('validation_failed');
        const details = error.details as { in: string; path: string; code: string; message: string }[];
        expect(details.length, url).toBeGreaterThan(0);
        for (const detail of details) {
          expect(typeof detail.code).toBe('string');
          expect(detail.message.length).toBeGreaterThan(0);
        }
        expect(
          details.map((d) => [d.in, d.path]),
          url,
        ).toContainEqual([bad.in, bad.path]);
      }
    });
  });

  it('answers 404 for a reference whose year is not the order’s, and reads references in any case', async () => {
    const [, year, serial] = /^OB-(\d{4})-(\d+)$/u.exec(targets.ref) ?? [];
    await fail(test, 'GET', `/api/orders/OB-${Number(year) - 1}-${serial}`, 404, { cookie: owner.cookie });
    const lower = await send(test, 'GET', `/api/orders/${targets.ref.toLowerCase()}`, {
      cookie: owner.cookie,
    });
    expect(lower.statusCode).toBe(200);
  });

  it('answers 403 to a caller who sees the order but may not act on it this way', async () => {
    await call(test, 'POST', `/api/orders/${targets.ref}/submit`, { cookie: owner.cookie });
    const forbidden = await fail(test, 'POST', `/api/orders/${targets.ref}/start-review`, 403, {
      cookie: owner.cookie,
    });
    expect(forbidden.code).toBe('forbidden');
    // Creating instances is for the provider's administrators.
    await fail(test, 'POST', '/api/provider/instances', 403, {
      cookie: owner.cookie,
      payload: routes.find((r) => r.route === '/api/provider/instances')?.payload,
    });
    // The platform administrator reads the outbox, where sandbox mail lands.
    const outbox = await call<{ items: { subject: string }[] }>(test, 'GET', '/api/admin/mail-outbox', {
      cookie: admin.cookie,
    });
    expect(outbox.items.length).toBeGreaterThan(0);
    await fail(test, 'GET', '/api/admin/mail-outbox', 404, { cookie: owner.cookie });
  });

  it('answers no random body on a POST or PUT route with a 5xx', async () => {
    const { instanceId, codes } = await provisionInstance(test, provider, owner);
    const { order } = await call<{ order: OrderAnswer }>(test, 'POST', '/api/orders', {
      cookie: owner.cookie,
      status: 201,
      payload: {
        intent: 'file_service',
        certificateNumber: buildResidentId('110105', '1979-09-09', '777'),
        province: '11',
        domain: 'random-bodies.cn',
        providerOrgId: provider.providerOrgId,
      },
    });
    const fuzzTargets: Targets = { ref: order.reference, instanceId };
    const fixture = withAccess(
      buildPersonalSite(buildResidentId('110105', '1979-09-09', '777'), 'random-bodies.cn'),
      instanceId,
      codes,
    );
    const reasons = fc.array(
      fc.record(
        { fieldPath: text, reasonCode: text, text: fc.record({ en: text, zh: text }, { requiredKeys: [] }) },
        { requiredKeys: [] },
      ),
      { maxLength: 3 },
    );
    const structured: Record<string, fc.Arbitrary<unknown>> = {
      '/api/orders': fc.record(
        {
          intent: fc.oneof(fc.constantFrom('file_service', 'change', 'cancel_entity', 'cancel_access'), text),
          certificateNumber: fc.oneof(text, fc.constant(fixture.entity?.certificateNumber ?? '')),
          province: fc.oneof(fc.constantFrom('11', '京', 'Beijing', '81'), text),
          domain: fc.oneof(text, fc.constantFrom('random-bodies.cn', 'example.com', '例子.中国')),
          providerOrgId: fc.oneof(fc.constant(provider.providerOrgId), fc.stringMatching(/^[1-9]\d{0,14}$/u)),
          content: mutatedContent(fixture),
        },
        { requiredKeys: [] },
      ),
      '/api/orders/:ref/draft': mutatedContent(fixture).map((c) => ({ content: c })),
      '/api/orders/:ref/return': fc.record({ reasons }),
      '/api/orders/:ref/reject-authority': fc.record({ reasons }),
      '/api/orders/:ref/identity-verification': fc.record(
        { result: fc.oneof(fc.constantFrom('passed', 'failed'), text), reasons },
        { requiredKeys: [] },
      ),
      '/api/orders/:ref/sms-code': fc.record({ code: fc.oneof(text, fc.stringMatching(/^\d{6}$/u)) }),
      '/api/orders/:ref/approve-authority': fc.record({
        recordedNumbers: fc.record(
          { entityNumber: text, serviceNumbers: fc.array(text, { maxLength: 3 }) },
          { requiredKeys: [] },
        ),
      }),
      '/api/provider/instances': fc.record(
        {
          providerOrgId: fc.oneof(fc.constant(provider.providerOrgId), text),
          ownerUserId: fc.oneof(fc.constant(owner.userId), text),
          name: text,
          region: text,
          province: fc.oneof(fc.constantFrom('11', 'Hong Kong'), text),
          publicIp: fc.oneof(fc.constantFrom('106.14.10.20', '192.168.1.1', '::1', '2400:3200::1'), text),
          subscriptionStart: fc.oneof(fc.constantFrom('2026-01-01', '2026年1月1日'), text),
          subscriptionEnd: fc.oneof(fc.constantFrom('2026-12-31', '2025-01-01'), text),
        },
        { requiredKeys: [] },
      ),
      '/api/provider/instances/:id/service-codes': fc.record(
        { kind: fc.oneof(fc.constantFrom('service', 'authorization'), text), granteeUserId: text },
        { requiredKeys: [] },
      ),
      '/api/inbox/read': fc.record({
        ids: fc.array(fc.oneof(fc.integer(), fc.double(), text), { maxLength: 5 }),
      }),
    };
    // The draft is saved (and the order used) before `withdraw` ends it.
    const writable = routes.filter(
      (route, index, all) =>
        route.method !== 'GET' &&
        all.findIndex((other) => other.url(fuzzTargets) === route.url(fuzzTargets)) === index,
    );
    const ordered = [
      ...writable.filter((r) => !r.route.endsWith('/withdraw')),
      ...writable.filter((r) => r.route.endsWith('/withdraw')),
    ];
    for (const route of ordered) {
      const body = fc.oneof(
        fc.jsonValue({ maxDepth: 3 }),
        structured[route.route] ?? fc.jsonValue({ maxDepth: 3 }),
      );
      const cookies = [owner.cookie, provider.admin.cookie, provider.reviewer.cookie];
      await fc.assert(
        fc.asyncProperty(body, fc.constantFrom(...cookies), async (payload, cookie) => {
          const response = await test.app.inject({
            method: route.method,
            url: route.url(fuzzTargets),
            headers: { cookie, 'content-type': 'application/json' },
            payload: JSON.stringify(payload),
          });
          expect(response.statusCode, `${route.route} ${response.body}`).toBeLessThan(500);
        }),
        { numRuns: 25 },
      );
    }
  }, 120_000);

  it('answers 503 on a server built without the order workflow, as the accounts routes do', async () => {
    const { app } = await buildTestApp({ accounts: test.accounts });
    try {
      for (const url of [
        '/api/orders',
        '/api/inbox',
        '/api/provider/instances',
        `/api/orders/${targets.ref}`,
      ]) {
        const response = await app.inject({ method: 'GET', url, headers: { cookie: owner.cookie } });
        expect(response.statusCode, url).toBe(503);
        expect((response.json() as { error: { code: string } }).error.code).toBe('service_unavailable');
      }
    } finally {
      await app.close();
    }
  });

  it('answered no request with a 5xx', () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
  });
});
