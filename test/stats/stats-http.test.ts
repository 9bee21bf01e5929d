import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SCENARIOS } from '../../src/app/demo/seed-orders.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import { defaultReturnReasons } from '../../src/domain/catalogue/return-reasons.ts';
import { ORDER_STATUSES } from '../../src/domain/workflow/order-status.ts';
import { buildTestApp } from '../server/test-app.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildDemoHttpApp, type DemoHttpApp } from './demo-http-kit.ts';

interface Stats {
  scope: string[];
  orders: {
    total: number;
    byStatus: Record<string, number>;
    byProvince: { provinceCode: string; count: number }[];
  };
  stageTimes: {
    provinceCode: string;
    stage: string;
    count: number;
    medianWorkingDays: number;
    p90WorkingDays: number;
  }[];
  returnReasons: {
    returns: number;
    reasons: number;
    byTemplate: { templateId: string; count: number }[];
    byReasonCode: { reasonCode: string; count: number }[];
    byField: { fieldPath: string | null; count: number }[];
  };
  sla: Record<
    'providerReview' | 'authorityReview',
    { finished: number; withinDeadline: number; share: number | null; overdueNow: number }
  >;
}

describe('return-reason templates', () => {
  it('are well formed, cite known sources and fit real field paths', () => {
    const templates = defaultReturnReasons.templates;
    expect(templates.length).toBeGreaterThanOrEqual(12);
    expect(templates.length).toBeLessThanOrEqual(20);
    for (const template of templates) {
      for (const source of template.sources)
        expect(defaultCatalogue.index.sourceById.has(source), source).toBe(true);
    }
  });

  it('are listed at GET /api/catalogue/return-reasons', async () => {
    const { app } = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: '/api/catalogue/return-reasons' });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { items: { id: string; text: { en: string; zh: string } }[] };
    expect(body.items.map((t) => t.id)).toContain('domain_owner_mismatch');
    expect(body.items.every((t) => t.text.en !== '' && t.text.zh !== '')).toBe(true);
    await app.close();
  });
});

describeEachDatabase('order statistics and return templates over HTTP', (database) => {
  let demo: DemoHttpApp;

  beforeAll(async () => {
    demo = await buildDemoHttpApp(database.db);
  }, 180_000);

  afterAll(async () => {
    await demo?.close();
  });

  async function readStats(account: Parameters<DemoHttpApp['signIn']>[0], query = ''): Promise<Stats> {
    const response = await demo.request('GET', `/api/stats/orders${query}`, {
      cookie: await demo.signIn(account),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Stats;
  }

  it('answers 401 without a session and 400 for a bad range', async () => {
    expect((await demo.request('GET', '/api/stats/orders')).statusCode).toBe(401);
    const cookie = await demo.signIn('admin');
    const reversed = await demo.request('GET', '/api/stats/orders?from=2026-11-30&to=2026-11-01', { cookie });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.code).toBe('validation_failed');
    const badDate = await demo.request('GET', '/api/stats/orders?from=2026-02-30', { cookie });
    expect(badDate.statusCode).toBe(400);
  });

  it('gives platform admins every order, stage times, return reasons and SLAs', async () => {
    const stats = await readStats('admin');
    expect(stats.scope).toEqual(['all']);
    expect(stats.orders.total).toBe(DEMO_SCENARIOS.length);
    for (const status of ORDER_STATUSES) {
      const expected = DEMO_SCENARIOS.filter((s) => s.status === status).length;
      expect(stats.orders.byStatus[status], status).toBe(expected);
    }
    expect(stats.orders.byProvince.map((p) => p.provinceCode)).toEqual(['11', '44']);
    const stages = new Set(stats.stageTimes.map((s) => `${s.provinceCode}:${s.stage}`));
    expect(stages).toContain('11:provider_review');
    expect(stages).toContain('11:authority_review');
    for (const stage of stats.stageTimes) {
      expect(stage.count).toBeGreaterThan(0);
      expect(stage.p90WorkingDays).toBeGreaterThanOrEqual(stage.medianWorkingDays);
      expect(stage.medianWorkingDays).toBeGreaterThanOrEqual(0);
    }
    // Two provider returns (one with two reasons) and one authority rejection in the demo.
    expect(stats.returnReasons.returns).toBe(3);
    expect(stats.returnReasons.reasons).toBe(4);
    expect(stats.returnReasons.byField).toContainEqual({ fieldPath: 'services[].name', count: 2 });
    expect(stats.returnReasons.byField).toContainEqual({ fieldPath: null, count: 1 });
    expect(stats.sla.providerReview.finished).toBeGreaterThan(0);
    expect(stats.sla.providerReview.share).not.toBeNull();
    expect(stats.sla.authorityReview.finished).toBeGreaterThan(0);
  });

  it('scopes authority reviewers to their province and to orders sent to them', async () => {
    const stats = await readStats('authority');
    expect(stats.scope).toContain('authority');
    expect(stats.orders.byProvince.every((p) => p.provinceCode === '11')).toBe(true);
    for (const status of ['draft', 'submitted', 'provider_review', 'identity_verification'] as const) {
      expect(stats.orders.byStatus[status]).toBe(0);
    }
    expect(stats.stageTimes.every((s) => s.provinceCode === '11')).toBe(true);
  });

  it('scopes provider staff to submitted orders of their provider', async () => {
    const stats = await readStats('provider');
    expect(stats.scope).toContain('provider');
    expect(stats.orders.byStatus.draft).toBe(0);
    expect(stats.orders.total).toBe(DEMO_SCENARIOS.filter((s) => s.status !== 'draft').length);
  });

  it('scopes applicants to their own orders', async () => {
    const stats = await readStats('applicant');
    expect(stats.scope).toEqual(['own']);
    expect(stats.orders.total).toBe(DEMO_SCENARIOS.length);
    const empty = await readStats('applicant', '?from=2030-01-01&to=2030-12-31');
    expect(empty.orders.total).toBe(0);
    expect(empty.stageTimes).toEqual([]);
    expect(empty.returnReasons.returns).toBe(0);
  });

  it('returns an order with templates, checks them, and counts them', async () => {
    const cookie = await demo.signIn('provider');
    const list = await demo.request('GET', '/api/orders?status=provider_review', { cookie });
    expect(list.statusCode, list.body).toBe(200);
    const [order] = (list.json() as { items: { reference: string }[] }).items;
    if (!order) throw new Error('the demo has an order in provider review');
    const url = `/api/orders/${order.reference}/return`;

    const unknown = await demo.request('POST', url, {
      cookie,
      payload: { reasons: [{ templateId: 'no_such_template', fieldPath: 'services[0].name' }] },
    });
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json().error.details).toContainEqual(
      expect.objectContaining({ path: 'reasons.0.templateId', code: 'invalid_return_reason' }),
    );
    const wrongField = await demo.request('POST', url, {
      cookie,
      payload: { reasons: [{ templateId: 'domain_owner_mismatch', fieldPath: 'entity.leader.mobile' }] },
    });
    expect(wrongField.statusCode, wrongField.body).toBe(400);
    const neither = await demo.request('POST', url, {
      cookie,
      payload: { reasons: [{ fieldPath: 'services[0].name', text: { en: 'Rename it.' } }] },
    });
    expect(neither.statusCode, neither.body).toBe(400);

    const returned = await demo.request('POST', url, {
      cookie,
      payload: {
        reasons: [
          { templateId: 'site_name_noncompliant', fieldPath: 'services[0].name' },
          {
            templateId: 'domain_owner_mismatch',
            fieldPath: 'services[0].domain',
            text: { zh: '域名持有人不符。' },
          },
          { reasonCode: 'free_text_reason', text: { en: 'Old style still works.' } },
        ],
      },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const reasons = (returned.json() as { order: { returnReasons: Record<string, unknown>[] } }).order
      .returnReasons;
    expect(reasons[0]).toMatchObject({
      templateId: 'site_name_noncompliant',
      reasonCode: 'site_name_noncompliant',
      text: defaultReturnReasons.byId.get('site_name_noncompliant')?.text,
    });
    expect(reasons[1]).toMatchObject({
      templateId: 'domain_owner_mismatch',
      text: { zh: '域名持有人不符。' },
    });
    expect(reasons[2]).toEqual({ reasonCode: 'free_text_reason', text: { en: 'Old style still works.' } });

    const stats = await readStats('admin');
    expect(stats.returnReasons.byTemplate).toEqual([
      { templateId: 'domain_owner_mismatch', count: 1 },
      { templateId: 'site_name_noncompliant', count: 1 },
    ]);
    expect(stats.returnReasons.byReasonCode).toContainEqual({ reasonCode: 'free_text_reason', count: 1 });
  });
});
