import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDueSiteChecks } from '../../src/app/monitoring/run-due-site-checks.ts';
import { sendSiteReminders } from '../../src/app/monitoring/send-site-reminders.ts';
import { buildAdminTestApp } from '../admin/admin-test-kit.ts';
import { BEIJING, type FixtureSite, startFixtureSite } from '../footer/live-site-fixtures.ts';
import { call, createPerson, fail, findServerErrors, type Person, send } from '../http/http-test-kit.ts';
import { describeEachDatabase } from '../support/databases.ts';

/**
 * Issue 5's compliance monitor over HTTP, on SQLite and PostgreSQL: a site checked on a schedule (the
 * clock injected), its history, notifications when the verdict changes (an outage only on the second
 * failure in a row), and the PSB filing and expiry reminders on their calendar dates, each once.
 */

interface Site {
  id: number;
  nextCheckAt: string;
  lastVerdict?: string;
}
interface Details {
  site: Site;
  checks: {
    verdict: string;
    trigger: string;
    result: { problems?: { rule: string }[]; failure?: { code: string } };
  }[];
  obligations: {
    today: string;
    psb?: { state: string; dueOn: string };
    domain?: { state: string; daysLeft: number };
  };
}
interface Inbox {
  items: { kind: string; title: { en: string; zh: string }; body: { en: string } }[];
}

describeEachDatabase('the compliance monitor over HTTP', (database) => {
  let test: Awaited<ReturnType<typeof buildAdminTestApp>>;
  let owner: Person;
  let stranger: Person;
  let admin: Person;
  let site: FixtureSite;

  beforeAll(async () => {
    test = await buildAdminTestApp(database.db, { fetchAllowHosts: ['127.0.0.1'] });
    owner = await createPerson(test, 'applicant');
    stranger = await createPerson(test, 'applicant');
    admin = await createPerson(test, 'platform_admin');
    site = await startFixtureSite();
  });
  afterAll(async () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
    await test.close();
    await site.close();
  });

  const settings = (path: string, extra: Record<string, unknown> = {}) => ({
    label: '示例官网',
    url: `${site.origin}${path}`,
    expectedNumber: BEIJING.number,
    ...extra,
  });
  const inbox = async (person: Person) =>
    (await call<Inbox>(test, 'GET', '/api/inbox', { cookie: person.cookie })).items;
  const siteMessages = async (person: Person, kind: string) =>
    (await inbox(person)).filter((m) => m.kind === kind);

  it('checks on schedule, keeps the history, and tells the owner when the verdict changes', async () => {
    const cookie = owner.cookie;
    const created = await call<Site>(test, 'POST', '/api/monitor/sites', {
      cookie,
      status: 201,
      payload: settings('/compliant.html'),
    });
    expect(created.nextCheckAt).toBe(test.clock.now().toISOString());

    // First run: compliant, nothing to tell.
    expect(await runDueSiteChecks(test.monitoring)).toEqual({ checked: 1, failed: 0 });
    expect(await runDueSiteChecks(test.monitoring)).toEqual({ checked: 0, failed: 0 });
    expect(await siteMessages(owner, 'site_verdict')).toEqual([]);

    // The site moves to a page whose number sits outside its link: checked at once, the owner told why.
    await call(test, 'PUT', `/api/monitor/sites/${created.id}`, {
      cookie,
      payload: settings('/split-badge.html'),
    });
    expect(await runDueSiteChecks(test.monitoring)).toEqual({ checked: 1, failed: 0 });
    const [changed] = await siteMessages(owner, 'site_verdict');
    expect(changed?.title.en).toBe('示例官网: the footer is not compliant');
    expect(changed?.body.en).toContain('put the number inside the link');

    // The host goes down: one failure is not news, the second an hour later is, once.
    await call(test, 'PUT', `/api/monitor/sites/${created.id}`, {
      cookie,
      payload: { ...settings('/'), url: `${site.closedPortOrigin}/` },
    });
    await runDueSiteChecks(test.monitoring);
    expect(await siteMessages(owner, 'site_verdict')).toHaveLength(1);
    expect(await runDueSiteChecks(test.monitoring)).toEqual({ checked: 0, failed: 0 });
    test.clock.advanceHours(1);
    await runDueSiteChecks(test.monitoring);
    const messages = await siteMessages(owner, 'site_verdict');
    expect(messages).toHaveLength(2);
    expect(messages[0]?.title.en).toBe('示例官网: the site cannot be reached');
    expect(messages[0]?.body.en).toContain('This is not a compliance finding');

    // Back up and compliant: told so. Then a daily interval.
    await call(test, 'PUT', `/api/monitor/sites/${created.id}`, {
      cookie,
      payload: settings('/compliant.html'),
    });
    await runDueSiteChecks(test.monitoring);
    expect((await siteMessages(owner, 'site_verdict'))[0]?.title.en).toBe(
      '示例官网: the footer is compliant again',
    );

    const details = await call<Details>(test, 'GET', `/api/monitor/sites/${created.id}`, { cookie });
    expect(details.checks.map((check) => check.verdict)).toEqual([
      'compliant',
      'unreachable',
      'unreachable',
      'non_compliant',
      'compliant',
    ]);
    expect(details.checks[1]?.result.failure?.code).toBe('connection_failed');
    expect(details.checks[3]?.result.problems?.map((problem) => problem.rule)).toContain(
      'filing_number_in_link',
    );
    expect(details.site.lastVerdict).toBe('compliant');
    expect(new Date(details.site.nextCheckAt).getTime() - test.clock.now().getTime()).toBe(24 * 3_600_000);

    // Check now: kept like a scheduled check.
    const now = await call<{ trigger: string; verdict: string }>(
      test,
      'POST',
      `/api/monitor/sites/${created.id}/checks`,
      {
        cookie,
        status: 201,
      },
    );
    expect(now).toMatchObject({ trigger: 'manual', verdict: 'compliant' });
  });

  it('shows a site to its owner and administrators only', async () => {
    const created = await call<Site>(test, 'POST', '/api/monitor/sites', {
      cookie: owner.cookie,
      status: 201,
      payload: settings('/compliant.html', { isPaused: true }),
    });
    const path = `/api/monitor/sites/${created.id}`;
    expect((await fail(test, 'GET', path, 404, { cookie: stranger.cookie })).code).toBe('not_found');
    expect(
      (await fail(test, 'PUT', path, 404, { cookie: stranger.cookie, payload: settings('/') })).code,
    ).toBe('not_found');
    expect((await fail(test, 'POST', `${path}/checks`, 404, { cookie: stranger.cookie })).code).toBe(
      'not_found',
    );
    expect((await fail(test, 'DELETE', path, 404, { cookie: stranger.cookie })).code).toBe('not_found');
    expect((await fail(test, 'GET', '/api/monitor/sites', 401)).code).toBe('unauthenticated');
    const strangers = await call<{ items: Site[] }>(test, 'GET', '/api/monitor/sites', {
      cookie: stranger.cookie,
    });
    expect(strangers.items).toEqual([]);
    const everybody = await call<{ items: Site[] }>(test, 'GET', '/api/monitor/sites?all=true', {
      cookie: admin.cookie,
    });
    expect(everybody.items.map((item) => item.id)).toContain(created.id);
    // A paused site is not checked.
    const before = site.requests.length;
    await runDueSiteChecks(test.monitoring);
    expect(site.requests.length).toBe(before);
    expect((await send(test, 'DELETE', path, { cookie: owner.cookie })).statusCode).toBe(204);
    await fail(test, 'GET', path, 404, { cookie: owner.cookie });
  });

  it.each([
    [{ url: 'ftp://example.cn/' }, 'url'],
    [{ url: 'https://example.cn/', filedDomain: 'not a domain' }, 'filedDomain'],
    [{ url: 'https://example.cn/', expectedNumber: '京ICP备123号' }, 'expectedNumber'],
    [{ url: 'https://example.cn/', goLiveOn: '2026-02-30' }, 'goLiveOn'],
    [{ url: 'https://example.cn/', intervalHours: 0 }, 'intervalHours'],
    [{ url: 'https://example.cn/', psbNumber: '京公网安备12号' }, 'psbNumber'],
  ])('refuses %o with 400 on %s', async (payload, path) => {
    const error = await fail(test, 'POST', '/api/monitor/sites', 400, { cookie: owner.cookie, payload });
    expect(error.code).toBe('validation_failed');
    expect((error.details as { path: string }[]).map((detail) => detail.path)).toContain(path);
  });

  it('reminds of the PSB filing and the domain expiry on their days, each once', async () => {
    const cookie = owner.cookie;
    test.clock.set('2026-06-01T02:00:00Z');
    const created = await call<Site>(test, 'POST', '/api/monitor/sites', {
      cookie,
      status: 201,
      payload: settings('/compliant.html', {
        label: 'Reminder site',
        goLiveOn: '2026-06-01',
        domainExpiresOn: '2026-08-31',
      }),
    });
    const reminders = async () =>
      (await siteMessages(owner, 'site_reminder')).filter((m) => m.title.en.startsWith('Reminder site'));
    const runOn = async (instant: string) => {
      test.clock.set(instant);
      return sendSiteReminders(test.monitoring);
    };

    // Go-live day (10:00 in Beijing): the 30-day PSB clock starts.
    expect(await runOn('2026-06-01T02:00:00Z')).toEqual({ sent: 1 });
    expect((await reminders())[0]?.title.en).toBe('Reminder site: public-security filing due 2026-07-01');
    expect(await runOn('2026-06-01T09:00:00Z')).toEqual({ sent: 0 });
    // 10 days left, on 21 June — and not a day earlier (20 June, 23:30 in Beijing).
    expect(await runOn('2026-06-20T15:30:00Z')).toEqual({ sent: 0 });
    expect(await runOn('2026-06-20T16:30:00Z')).toEqual({ sent: 1 });
    const details = await call<Details>(test, 'GET', `/api/monitor/sites/${created.id}`, { cookie });
    expect(details.obligations).toMatchObject({
      today: '2026-06-21',
      psb: { state: 'due_soon', dueOn: '2026-07-01' },
    });

    // The owner records the PSB number: no more PSB reminders, even after the deadline.
    await call(test, 'PUT', `/api/monitor/sites/${created.id}`, {
      cookie,
      payload: settings('/compliant.html', {
        label: 'Reminder site',
        goLiveOn: '2026-06-01',
        domainExpiresOn: '2026-08-31',
        psbNumber: '京公网安备11010802020134号',
      }),
    });
    expect(await runOn('2026-07-02T02:00:00Z')).toEqual({ sent: 1 }); // the domain: 60 days before 31 August
    expect((await reminders())[0]?.title.en).toBe('Reminder site: domain expires 2026-08-31');
    expect(await runOn('2026-07-03T02:00:00Z')).toEqual({ sent: 0 });
    expect(await runOn('2026-08-01T02:00:00Z')).toEqual({ sent: 1 }); // 30 days before
    expect(await runOn('2026-09-01T02:00:00Z')).toEqual({ sent: 1 }); // expired
    expect((await reminders())[0]?.title.en).toBe('Reminder site: domain expired');
    expect(await runOn('2026-09-02T02:00:00Z')).toEqual({ sent: 0 });
    expect((await reminders()).length).toBe(5);
  });
});
