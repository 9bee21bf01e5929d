import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/app/demo/demo-accounts.ts';
import { seedDemoData } from '../../src/app/demo/seed-demo.ts';
import type { Database } from '../../src/infra/db/database.ts';
import { createOrderStatsRepository } from '../../src/infra/db/repositories/order-stats-repository.ts';
import { createPreferenceRepository } from '../../src/infra/db/repositories/preference-repository.ts';
import { readCookies } from '../accounts/accounts-test-app.ts';
import { buildDemoSeedDeps, type DemoSeedTestDeps, demoNow } from '../demo/demo-test-kit.ts';
import { buildTestApp } from '../server/test-app.ts';

/**
 * The demo (accounts, orders in every state in Beijing and Guangdong, a small registry) behind the
 * whole HTTP app with statistics and preferences, on one test database; demo accounts sign in with
 * the published password.
 */
export interface DemoHttpApp {
  app: FastifyInstance;
  deps: DemoSeedTestDeps;
  signIn(account: 'applicant' | 'agent' | 'provider' | 'authority' | 'admin'): Promise<string>;
  request(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    options?: { cookie?: string; payload?: unknown },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function buildDemoHttpApp(db: Database): Promise<DemoHttpApp> {
  const deps = buildDemoSeedDeps(db, { services: 30 });
  const report = await seedDemoData(deps);
  expect(report.status).toBe('seeded');
  const { app } = await buildTestApp({
    accounts: deps.accounts,
    orders: deps.orders,
    registry: deps.registry,
    stats: createOrderStatsRepository(db.kysely),
    preferences: createPreferenceRepository(db.kysely),
    clock: { now: () => demoNow },
    rateLimits: {
      publicApi: { max: 100_000, timeWindowMs: 60_000 },
      signIn: { max: 100_000, timeWindowMs: 60_000 },
    },
  });
  const request: DemoHttpApp['request'] = (method, url, options = {}) =>
    app.inject({
      method,
      url,
      headers: options.cookie ? { cookie: options.cookie } : {},
      ...(options.payload === undefined ? {} : { payload: options.payload as object }),
    });
  const cookies = new Map<string, string>();
  return {
    app,
    deps,
    request,
    async signIn(account) {
      const known = cookies.get(account);
      if (known) return known;
      const response = await request('POST', '/api/auth/sign-in/email', {
        payload: { email: `${account}@demo.openbeian.test`, password: DEMO_PASSWORD },
      });
      expect(response.statusCode, response.body).toBe(200);
      const cookie = readCookies(response);
      cookies.set(account, cookie);
      return cookie;
    },
    close: () => app.close(),
  };
}
