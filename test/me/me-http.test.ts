import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_SCENARIOS } from '../../src/app/demo/seed-orders.ts';
import { buildDemoHttpApp, type DemoHttpApp } from '../stats/demo-http-kit.ts';
import { describeEachDatabase } from '../support/databases.ts';

interface HeldEntities {
  items: {
    entity: { entityNumber: string; unitName: string; provinceCode: string; approvedOn: string };
    services: {
      serviceNumber: string;
      serviceName: string;
      domains: { ascii: string }[];
      approvedOn: string;
      accessProviders: { id: string; nameEn: string; nameZh: string }[];
    }[];
    orders: { reference: string; type: string }[];
  }[];
}

const APPROVED = DEMO_SCENARIOS.filter((s) => s.status === 'approved');

describeEachDatabase('the caller’s preferences and holdings over HTTP', (database) => {
  let demo: DemoHttpApp;

  beforeAll(async () => {
    demo = await buildDemoHttpApp(database.db);
  }, 180_000);

  afterAll(async () => {
    await demo?.close();
  });

  it('keeps the UI language and shows it in GET /api/me', async () => {
    const cookie = await demo.signIn('applicant');
    const before = await demo.request('GET', '/api/me', { cookie });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().preferences).toEqual({ locale: null });

    const saved = await demo.request('PUT', '/api/me/preferences', { cookie, payload: { locale: 'zh-CN' } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ locale: 'zh-CN' });
    const changed = await demo.request('PUT', '/api/me/preferences', { cookie, payload: { locale: 'en' } });
    expect(changed.json()).toEqual({ locale: 'en' });
    expect((await demo.request('GET', '/api/me', { cookie })).json().preferences).toEqual({ locale: 'en' });

    // Another user's preference is their own.
    const admin = await demo.signIn('admin');
    expect((await demo.request('GET', '/api/me', { cookie: admin })).json().preferences).toEqual({
      locale: null,
    });
  });

  it('refuses unknown locales and anonymous callers', async () => {
    const cookie = await demo.signIn('applicant');
    const bad = await demo.request('PUT', '/api/me/preferences', { cookie, payload: { locale: 'fr' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await demo.request('PUT', '/api/me/preferences', { payload: { locale: 'en' } })).statusCode).toBe(
      401,
    );
    expect((await demo.request('GET', '/api/me/entities')).statusCode).toBe(401);
  });

  it('lists the entities an applicant holds, with services, domains and access providers', async () => {
    const cookie = await demo.signIn('applicant');
    const response = await demo.request('GET', '/api/me/entities', { cookie });
    expect(response.statusCode, response.body).toBe(200);
    const { items } = response.json() as HeldEntities;
    // The applicant's own approved filings and the one the agency filed for them as its client.
    expect(items).toHaveLength(APPROVED.length);
    for (const held of items) {
      expect(held.entity.entityNumber).toMatch(/^[京粤]ICP备\d{10}号$/u);
      expect(held.services.length).toBeGreaterThan(0);
      expect(held.orders.length).toBeGreaterThan(0);
      for (const service of held.services) {
        expect(service.serviceNumber.startsWith(held.entity.entityNumber)).toBe(true);
        expect(service.domains.length).toBeGreaterThan(0);
        expect(service.accessProviders.length).toBeGreaterThan(0);
      }
    }
    const text = response.body;
    // Registry fields only: no certificate numbers, leaders or phones.
    expect(text).not.toMatch(/1380013800|certificateNumber|leader/u);
  });

  it('shows an agent their agency’s filings, or one authorised client’s holdings', async () => {
    const agent = await demo.signIn('agent');
    const own = (await demo.request('GET', '/api/me/entities', { cookie: agent })).json() as HeldEntities;
    expect(own.items).toHaveLength(APPROVED.filter((s) => s.filedBy === 'agent').length);

    const applicant = await demo.signIn('applicant');
    const me = (await demo.request('GET', '/api/me', { cookie: applicant })).json() as {
      user: { id: string };
    };
    const client = await demo.request('GET', `/api/me/entities?client=${me.user.id}`, { cookie: agent });
    expect(client.statusCode, client.body).toBe(200);
    expect((client.json() as HeldEntities).items).toHaveLength(APPROVED.length);

    const admin = await demo.signIn('admin');
    const adminId = (
      (await demo.request('GET', '/api/me', { cookie: admin })).json() as { user: { id: string } }
    ).user.id;
    expect(
      (await demo.request('GET', `/api/me/entities?client=${adminId}`, { cookie: agent })).statusCode,
    ).toBe(404);
    // Only agents name clients.
    expect(
      (await demo.request('GET', `/api/me/entities?client=${me.user.id}`, { cookie: admin })).statusCode,
    ).toBe(404);
    expect((await demo.request('GET', '/api/me/entities?client=abc', { cookie: agent })).statusCode).toBe(
      400,
    );
  });

  it('gives reviewers no holdings of their own', async () => {
    const cookie = await demo.signIn('authority');
    const response = await demo.request('GET', '/api/me/entities', { cookie });
    expect(response.statusCode).toBe(200);
    expect((response.json() as HeldEntities).items).toEqual([]);
  });
});
