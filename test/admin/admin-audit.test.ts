import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, createPerson, fail, findServerErrors, type Person } from '../http/http-test-kit.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildAdminTestApp } from './admin-test-kit.ts';

interface AuditPage {
  items: {
    sequence: number;
    action: string;
    actor: string;
    subjectId: string;
    occurredAt: string;
    hash: string;
    prevHash: string;
  }[];
  nextBefore?: number;
}

describeEachDatabase('admin audit log over HTTP', (database) => {
  let test: Awaited<ReturnType<typeof buildAdminTestApp>>;
  let admin: Person;
  let applicant: Person;

  beforeAll(async () => {
    test = await buildAdminTestApp(database.db);
    admin = await createPerson(test, 'platform_admin');
    applicant = await createPerson(test, 'applicant');
    for (const date of ['2027-01-01', '2027-02-11', '2027-02-12']) {
      await call(test, 'PUT', `/api/admin/calendar/overrides/${date}`, {
        cookie: admin.cookie,
        payload: { kind: 'holiday', source: { text: 'test notice' } },
      });
    }
  });
  afterAll(async () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
    await test.close();
  });

  it('answers 401 to anonymous callers and 404 to everyone but platform administrators', async () => {
    for (const url of ['/api/admin/audit', '/api/admin/audit/verification', '/api/admin/audit/1']) {
      expect((await fail(test, 'GET', url, 401)).code).toBe('unauthenticated');
      expect((await fail(test, 'GET', url, 404, { cookie: applicant.cookie })).code).toBe('not_found');
    }
    expect((await fail(test, 'POST', '/api/admin/audit/verification', 401)).code).toBe('unauthenticated');
    await fail(test, 'POST', '/api/admin/audit/verification', 404, { cookie: applicant.cookie });
  });

  it('refuses bad paging with 400', async () => {
    for (const query of [
      'limit=0',
      'limit=201',
      'before=0',
      'before=x',
      'from=2027-02-30',
      'to=yesterday',
      'from=2027-02-12&to=2027-02-11',
      `action=${'x'.repeat(201)}`,
    ]) {
      const error = await fail(test, 'GET', `/api/admin/audit?${query}`, 400, { cookie: admin.cookie });
      expect(error.code).toBe('validation_failed');
    }
  });

  it('pages through the events newest first, without payloads', async () => {
    const all = await call<AuditPage>(test, 'GET', '/api/admin/audit?limit=200', { cookie: admin.cookie });
    expect(all.nextBefore).toBeUndefined();
    const sequences = all.items.map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    expect(all.items[0]).toMatchObject({
      action: 'calendar.override_set',
      actor: `user:${admin.userId}`,
      subjectType: 'calendar_day',
      subjectId: '2027-02-12',
    });
    expect(all.items[0]).not.toHaveProperty('payload');
    expect(all.items[0]?.prevHash).toBe(all.items[1]?.hash);

    const first = await call<AuditPage>(test, 'GET', '/api/admin/audit?limit=2', { cookie: admin.cookie });
    expect(first.items.map((event) => event.sequence)).toEqual(sequences.slice(0, 2));
    const second = await call<AuditPage>(test, 'GET', `/api/admin/audit?limit=2&before=${first.nextBefore}`, {
      cookie: admin.cookie,
    });
    expect(second.items.map((event) => event.sequence)).toEqual(sequences.slice(2, 4));
  });

  it('filters by actor, action, subject and China calendar days on the server', async () => {
    const cookie = admin.cookie;
    const list = (query: string) =>
      call<AuditPage & { items: { subjectId: string; occurredAt: string }[] }>(
        test,
        'GET',
        `/api/admin/audit?limit=200&${query}`,
        { cookie },
      );
    const all = await list('');
    const overrides = await list('action=calendar.override_set');
    expect(overrides.items.map((event) => event.subjectId)).toEqual([
      '2027-02-12',
      '2027-02-11',
      '2027-01-01',
    ]);
    expect((await list(`actor=user:${admin.userId}&subjectType=calendar_day`)).items).toHaveLength(3);
    expect(
      (await list('subjectType=calendar_day&subjectId=2027-02-11')).items.map((e) => e.subjectId),
    ).toEqual(['2027-02-11']);
    expect((await list('actor=user:nobody')).items).toEqual([]);
    expect((await list('action=no.such_action')).items).toEqual([]);

    // Days are China days (UTC+8): the overrides were set on one day of the test clock.
    const at = overrides.items[0]?.occurredAt;
    if (!at) throw new Error('no events');
    const chinaDay = (offsetDays: number) =>
      new Date(new Date(at).getTime() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const byDay = (query: string) => list(`action=calendar.override_set&${query}`);
    expect((await byDay(`from=${chinaDay(0)}&to=${chinaDay(0)}`)).items).toHaveLength(3);
    expect((await byDay(`to=${chinaDay(-1)}`)).items).toEqual([]);
    expect((await byDay(`from=${chinaDay(1)}`)).items).toEqual([]);
    expect(all.items.length).toBeGreaterThan(overrides.items.length);

    // Filters and paging combine.
    const page = await list('action=calendar.override_set&limit=2'.replace('limit=2', ''));
    const firstPage = await call<AuditPage>(
      test,
      'GET',
      '/api/admin/audit?action=calendar.override_set&limit=2',
      {
        cookie,
      },
    );
    expect(firstPage.items).toHaveLength(2);
    const rest = await call<AuditPage>(
      test,
      'GET',
      `/api/admin/audit?action=calendar.override_set&limit=2&before=${firstPage.nextBefore}`,
      { cookie },
    );
    expect([...firstPage.items, ...rest.items].map((e) => e.sequence)).toEqual(
      page.items.map((e) => e.sequence),
    );
  });

  it('shows one event with its hash, previous hash and data', async () => {
    const cookie = admin.cookie;
    const [latest, previous] = (
      await call<AuditPage>(test, 'GET', '/api/admin/audit?limit=2&action=calendar.override_set', { cookie })
    ).items;
    if (!latest || !previous) throw new Error('no events');
    const detail = await call<{ sequence: number; hash: string; prevHash: string; payload: unknown }>(
      test,
      'GET',
      `/api/admin/audit/${latest.sequence}`,
      { cookie },
    );
    expect(detail).toMatchObject({ sequence: latest.sequence, hash: latest.hash, prevHash: latest.prevHash });
    expect(detail.payload).toMatchObject({ kind: 'holiday' });
    expect((await fail(test, 'GET', '/api/admin/audit/999999', 404, { cookie })).code).toBe('not_found');
    expect((await fail(test, 'GET', '/api/admin/audit/0', 400, { cookie })).code).toBe('validation_failed');
  });

  it('verifies the chain on demand and keeps the last result with its time', async () => {
    const cookie = admin.cookie;
    const before = await call<{ last?: unknown; headSequence: number; isRunning: boolean }>(
      test,
      'GET',
      '/api/admin/audit/verification',
      { cookie },
    );
    expect(before).toMatchObject({ isRunning: false });
    expect(before.last).toBeUndefined();
    const head = await call<AuditPage>(test, 'GET', '/api/admin/audit?limit=1', { cookie });
    expect(before.headSequence).toBe(head.items[0]?.sequence);

    const verification = await call<{ verifiedAt: string }>(test, 'POST', '/api/admin/audit/verification', {
      cookie,
    });
    expect(verification).toEqual({
      ok: true,
      count: head.items[0]?.sequence,
      headHash: head.items[0]?.hash,
      verifiedAt: expect.any(String),
    });
    const status = await call(test, 'GET', '/api/admin/audit/verification', { cookie });
    expect(status).toEqual({ last: verification, headSequence: head.items[0]?.sequence, isRunning: false });

    // An event appended since shows as not covered: the head moved past the last verification.
    await call(test, 'PUT', '/api/admin/calendar/overrides/2027-03-01', {
      cookie,
      payload: { kind: 'holiday', source: { text: 'test notice' } },
    });
    const later = await call<{ headSequence: number; last: { count: number } }>(
      test,
      'GET',
      '/api/admin/audit/verification',
      { cookie },
    );
    expect(later.headSequence).toBe(later.last.count + 1);
  });
});
