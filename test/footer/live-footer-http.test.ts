import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { createPageSource } from '../../src/infra/fetch/page-source.ts';
import { isRendererAvailable } from '../../src/infra/fetch/render-page.ts';
import { buildTestApp, buildTestConfig } from '../server/test-app.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { BEIJING, type FixtureSite, GUANGDONG, startFixtureSite } from './live-site-fixtures.ts';

/**
 * Issue 5's acceptance for the live footer check: local pages on loopback (allow-listed in this test's
 * config, as an administrator would allow a staging host) each get the right verdict and reasons,
 * against the registry's records, on SQLite and PostgreSQL.
 */

interface LiveCheck {
  outcome: 'checked' | 'unreachable';
  verdict: string;
  failure?: { code: string; message: { en: string; zh: string }; url: string };
  page?: { finalUrl: string; charset: string; charsetSource: string };
  render?: { status: string; blockedRequests?: number };
  expected?: { number: string; source: string };
  rules?: { rule: string; verdict: string; message: { en: string; zh: string } }[];
  found?: { kind: string; normalized: string }[];
}

const verdictOf = (check: LiveCheck, rule: string) => check.rules?.find((r) => r.rule === rule)?.verdict;

describeEachDatabase('live footer check of local sites', (database) => {
  let app: FastifyInstance;
  let site: FixtureSite;

  async function check(payload: Record<string, unknown>): Promise<LiveCheck> {
    const response = await app.inject({ method: 'POST', url: '/api/footer/check-site', payload });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as LiveCheck;
  }

  beforeAll(async () => {
    site = await startFixtureSite();
    const registry = createRegistryRepository(database.db.kysely, database.db.dialect);
    for (const [entityNumber, provinceCode, record] of [
      ['京ICP备2024000456号', '11', BEIJING],
      [GUANGDONG.entity, '44', GUANGDONG],
    ] as const) {
      await registry.upsertEntity({
        entityNumber,
        unitName: '示例有限公司',
        nature: 'enterprise',
        provinceCode,
        approvedOn: '2024-05-06',
      });
      await registry.upsertService(entityNumber, {
        serviceNumber: record.number,
        serviceType: 'website',
        serviceName: '示例官网',
        contentType: null,
        domains: [record.domain],
        approvedOn: '2024-05-06',
        isAccessLimited: false,
      });
    }
    ({ app } = await buildTestApp({
      registry,
      pages: createPageSource(),
      config: { ...buildTestConfig(), fetchAllowHosts: ['127.0.0.1'] },
    }));
  });

  afterAll(async () => {
    await app.close();
    await site.close();
  });

  it('a compliant page passes against the registry record of its domain', async () => {
    const result = await check({ url: `${site.origin}/compliant.html`, domain: BEIJING.domain });
    expect(result.verdict).toBe('compliant');
    expect(result.expected).toEqual({ number: BEIJING.number, source: 'registry' });
    expect(verdictOf(result, 'filing_number_matches_expected')).toBe('pass');
    expect(verdictOf(result, 'filing_number_in_link')).toBe('pass');
    expect(result.render?.status).toBe('not_needed');
  });

  it('a GBK page is read in its encoding', async () => {
    const result = await check({ url: `${site.origin}/gbk.html`, domain: BEIJING.domain });
    expect(result.page).toMatchObject({ charset: 'gbk', charsetSource: 'meta' });
    expect(result.found).toContainEqual(expect.objectContaining({ normalized: BEIJING.number }));
    expect(result.verdict).toBe('compliant');
  });

  it.skipIf(!isRendererAvailable())(
    'a footer built by JavaScript is found by the headless pass',
    async () => {
      const result = await check({ url: `${site.origin}/js-footer.html`, domain: BEIJING.domain });
      expect(result.render?.status).toBe('used');
      expect(result.verdict).toBe('compliant');
      expect(site.requests).toContain('/footer.json');
    },
  );

  it('a badge split into two links fails the same-anchor rule', async () => {
    const result = await check({ url: `${site.origin}/split-badge.html`, domain: BEIJING.domain });
    expect(result.verdict).toBe('non_compliant');
    expect(verdictOf(result, 'filing_number_in_link')).toBe('fail');
    expect(result.found).toContainEqual(expect.objectContaining({ normalized: BEIJING.number }));
  });

  it('a number linked to another page fails the link-target rule', async () => {
    const result = await check({ url: `${site.origin}/linked-elsewhere.html`, domain: BEIJING.domain });
    expect(result.verdict).toBe('non_compliant');
    expect(verdictOf(result, 'filing_link_target')).toBe('fail');
  });

  it('a link to the retired miitbeian.gov.cn warns', async () => {
    const result = await check({ url: `${site.origin}/old-host.html`, domain: BEIJING.domain });
    expect(result.verdict).toBe('warnings');
    expect(verdictOf(result, 'filing_link_target')).toBe('warn');
  });

  it('a Guangdong page showing the entity number passes', async () => {
    const result = await check({ url: `${site.origin}/guangdong.html`, domain: GUANGDONG.domain });
    expect(result.expected).toEqual({ number: GUANGDONG.number, source: 'registry' });
    expect(verdictOf(result, 'filing_number_matches_expected')).toBe('pass');
    expect(result.verdict).toBe('compliant');
  });

  it('a page with no number is non-compliant, with the reason', async () => {
    const result = await check({
      url: `${site.origin}/no-number.html`,
      domain: BEIJING.domain,
      render: 'never',
    });
    expect(result.verdict).toBe('non_compliant');
    expect(verdictOf(result, 'filing_number_present')).toBe('fail');
    expect(result.rules?.find((r) => r.rule === 'filing_number_present')?.message.en).toMatch(
      /No ICP filing number/,
    );
  });

  it('an unreachable host is unreachable, never non-compliant', async () => {
    const result = await check({ url: `${site.closedPortOrigin}/`, domain: BEIJING.domain });
    expect(result).toMatchObject({ outcome: 'unreachable', verdict: 'unreachable' });
    expect(result.failure?.code).toBe('connection_failed');
    expect(result.rules).toBeUndefined();
  });

  it('a missing page is unreachable with its status', async () => {
    const result = await check({ url: `${site.origin}/gone.html` });
    expect(result.failure).toMatchObject({ code: 'http_error', status: 404 });
  });
});

describe('live footer check guard', () => {
  let app: FastifyInstance;
  let site: FixtureSite;

  beforeAll(async () => {
    site = await startFixtureSite();
    ({ app } = await buildTestApp({ pages: createPageSource() }));
  });

  afterAll(async () => {
    await app.close();
    await site.close();
  });

  it.each([
    ['loopback', () => `${site.origin}/compliant.html`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a private network', () => 'http://10.0.0.8/'],
    ['localhost by name', () => 'http://localhost/'],
  ])('refuses %s unless allow-listed, and fetches nothing', async (_name, url) => {
    const before = site.requests.length;
    const response = await app.inject({
      method: 'POST',
      url: '/api/footer/check-site',
      payload: { url: url() },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ outcome: 'unreachable', failure: { code: 'blocked_address' } });
    expect(site.requests.length).toBe(before);
  });

  it.each([
    ['ftp://example.cn/', 'unsupported_scheme'],
    ['http://user:pw@example.cn/', 'invalid_url'],
    ['not a url at all', 'invalid_url'],
  ])('answers 400 for %s', async (url, code) => {
    const response = await app.inject({ method: 'POST', url: '/api/footer/check-site', payload: { url } });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.details).toContainEqual(expect.objectContaining({ path: 'url', code }));
  });

  it('answers 503 on a server built without page fetching', async () => {
    const { app: bare } = await buildTestApp();
    const response = await bare.inject({
      method: 'POST',
      url: '/api/footer/check-site',
      payload: { url: 'https://example.cn/' },
    });
    expect(response.statusCode).toBe(503);
    await bare.close();
  });
});
