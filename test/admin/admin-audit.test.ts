import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, createPerson, fail, findServerErrors, type Person } from '../http/http-test-kit.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildAdminTestApp } from './admin-test-kit.ts';

interface AuditPage {
  items: { sequence: number; action: string; actor: string; hash: string; prevHash: string }[];
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
    for (const url of ['/api/admin/audit', '/api/admin/audit/verification']) {
      expect((await fail(test, 'GET', url, 401)).code).toBe('unauthenticated');
      expect((await fail(test, 'GET', url, 404, { cookie: applicant.cookie })).code).toBe('not_found');
    }
  });

  it('refuses bad paging with 400', async () => {
    for (const query of ['limit=0', 'limit=201', 'before=0', 'before=x']) {
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

  it('verifies the chain', async () => {
    const head = await call<AuditPage>(test, 'GET', '/api/admin/audit?limit=1', { cookie: admin.cookie });
    const verification = await call(test, 'GET', '/api/admin/audit/verification', { cookie: admin.cookie });
    expect(verification).toEqual({
      ok: true,
      count: head.items[0]?.sequence,
      headHash: head.items[0]?.hash,
    });
  });
});
