import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FixtureSite, startFixtureSite } from '../footer/live-site-fixtures.ts';
import { call, createPerson, fail, findServerErrors, type Person, send } from '../http/http-test-kit.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildAdminTestApp } from './admin-test-kit.ts';

describeEachDatabase('the live footer check’s allow-list over HTTP', (database) => {
  let test: Awaited<ReturnType<typeof buildAdminTestApp>>;
  let admin: Person;
  let applicant: Person;
  let site: FixtureSite;

  beforeAll(async () => {
    test = await buildAdminTestApp(database.db);
    admin = await createPerson(test, 'platform_admin');
    applicant = await createPerson(test, 'applicant');
    site = await startFixtureSite();
  });
  afterAll(async () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
    await test.close();
    await site.close();
  });

  const liveCheck = () =>
    call<{ outcome: string; failure?: { code: string }; verdict: string }>(
      test,
      'POST',
      '/api/footer/check-site',
      {
        payload: { url: `${site.origin}/compliant.html`, expectedNumber: '京ICP备2024000456号-1' },
      },
    );

  it('answers 401 to anonymous callers and 404 to everyone but platform administrators', async () => {
    const url = '/api/admin/fetch-allow-hosts/127.0.0.1';
    const payload = { note: 'staging' };
    expect((await fail(test, 'GET', '/api/admin/fetch-allow-hosts', 401)).code).toBe('unauthenticated');
    expect((await fail(test, 'PUT', url, 401, { payload })).code).toBe('unauthenticated');
    const cookie = applicant.cookie;
    expect((await fail(test, 'GET', '/api/admin/fetch-allow-hosts', 404, { cookie })).code).toBe('not_found');
    expect((await fail(test, 'PUT', url, 404, { cookie, payload })).code).toBe('not_found');
    expect((await fail(test, 'DELETE', url, 404, { cookie })).code).toBe('not_found');
  });

  it.each([
    ['http%3A%2F%2Fstaging.example.cn%2F', 'a URL'],
    ['10.0.0.8%3A8080', 'a port'],
    ['two%20words', 'a space'],
  ])('refuses %s (%s) with 400, and an empty note', async (host) => {
    const cookie = admin.cookie;
    const response = await fail(test, 'PUT', `/api/admin/fetch-allow-hosts/${host}`, 400, {
      cookie,
      payload: { note: 'staging' },
    });
    expect(response.code).toBe('validation_failed');
    await fail(test, 'PUT', '/api/admin/fetch-allow-hosts/staging.example.cn', 400, {
      cookie,
      payload: { note: ' ' },
    });
  });

  it('a listed loopback host becomes fetchable, and is refused again once removed', async () => {
    const cookie = admin.cookie;
    expect(await liveCheck()).toMatchObject({ outcome: 'unreachable', failure: { code: 'blocked_address' } });
    const before = site.requests.length;

    const saved = await call(test, 'PUT', '/api/admin/fetch-allow-hosts/127.0.0.1', {
      cookie,
      payload: { note: 'Local fixture site for the acceptance test' },
    });
    expect(saved).toMatchObject({
      isNew: true,
      host: { host: '127.0.0.1', createdBy: expect.stringMatching(/^user:/) },
    });
    expect(await call(test, 'GET', '/api/admin/fetch-allow-hosts', { cookie })).toMatchObject({
      items: [{ host: '127.0.0.1', note: 'Local fixture site for the acceptance test' }],
      configured: [],
    });
    expect(await liveCheck()).toMatchObject({ outcome: 'checked', verdict: 'compliant' });
    expect(site.requests.length).toBe(before + 1);

    const again = await call(test, 'PUT', '/api/admin/fetch-allow-hosts/127.0.0.1', {
      cookie,
      payload: { note: 'Renamed' },
    });
    expect(again).toMatchObject({ isNew: false, host: { note: 'Renamed' } });

    expect(
      (await send(test, 'DELETE', '/api/admin/fetch-allow-hosts/127.0.0.1', { cookie })).statusCode,
    ).toBe(204);
    expect(await liveCheck()).toMatchObject({ outcome: 'unreachable', failure: { code: 'blocked_address' } });
    expect((await fail(test, 'DELETE', '/api/admin/fetch-allow-hosts/127.0.0.1', 404, { cookie })).code).toBe(
      'not_found',
    );
    const { items } = await call<{ items: { action: string; subjectId: string }[] }>(
      test,
      'GET',
      '/api/admin/audit?limit=10',
      { cookie },
    );
    expect(items.map((event) => event.action)).toEqual(
      expect.arrayContaining(['fetch_allow_host.saved', 'fetch_allow_host.removed']),
    );
  });

  it('normalises host names: case and IDN', async () => {
    const cookie = admin.cookie;
    const saved = await call(
      test,
      'PUT',
      `/api/admin/fetch-allow-hosts/${encodeURIComponent('Staging.例子.CN')}`,
      {
        cookie,
        payload: { note: 'IDN staging' },
      },
    );
    expect(saved).toMatchObject({ host: { host: 'staging.xn--fsqu00a.cn' } });
  });
});
