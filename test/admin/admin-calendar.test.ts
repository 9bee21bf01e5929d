import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createPerson, fail, findServerErrors, type Person, send } from '../http/http-test-kit.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildAdminTestApp } from './admin-test-kit.ts';

const NEW_YEAR = {
  kind: 'holiday',
  nameEn: 'New Year’s Day',
  nameZh: '元旦',
  source: { text: '国务院办公厅关于2027年部分节假日安排的通知', url: 'https://www.gov.cn/example' },
};

describeEachDatabase('admin calendar overrides over HTTP', (database) => {
  let test: Awaited<ReturnType<typeof buildAdminTestApp>>;
  let admin: Person;
  let applicant: Person;

  beforeAll(async () => {
    test = await buildAdminTestApp(database.db);
    admin = await createPerson(test, 'platform_admin');
    applicant = await createPerson(test, 'applicant');
  });
  afterAll(async () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
    await test.close();
  });

  it('answers 401 to anonymous callers and 404 to everyone but platform administrators', async () => {
    const url = '/api/admin/calendar/overrides/2027-01-01';
    expect((await fail(test, 'GET', '/api/admin/calendar/overrides', 401)).code).toBe('unauthenticated');
    expect((await fail(test, 'PUT', url, 401, { payload: NEW_YEAR })).code).toBe('unauthenticated');
    expect((await fail(test, 'DELETE', url, 401)).code).toBe('unauthenticated');
    const cookie = applicant.cookie;
    expect((await fail(test, 'GET', '/api/admin/calendar/overrides', 404, { cookie })).code).toBe(
      'not_found',
    );
    expect((await fail(test, 'PUT', url, 404, { cookie, payload: NEW_YEAR })).code).toBe('not_found');
    expect((await fail(test, 'DELETE', url, 404, { cookie })).code).toBe('not_found');
  });

  it('refuses bad input with 400', async () => {
    const cookie = admin.cookie;
    const put = (date: string, payload: unknown) =>
      fail(test, 'PUT', `/api/admin/calendar/overrides/${date}`, 400, { cookie, payload });
    expect((await put('2027-02-30', NEW_YEAR)).code).toBe('validation_failed');
    expect((await put('2027-01-01', { ...NEW_YEAR, kind: 'vacation' })).code).toBe('validation_failed');
    expect((await put('2027-01-01', { kind: 'holiday' })).code).toBe('validation_failed');
    expect((await put('2027-01-01', { ...NEW_YEAR, extra: 1 })).code).toBe('validation_failed');
    expect(
      (await put('2027-01-01', { ...NEW_YEAR, source: { text: 'x', url: 'javascript:alert(1)' } })).code,
    ).toBe('validation_failed');
    await fail(test, 'GET', '/api/admin/calendar/overrides?year=abc', 400, { cookie });
  });

  it('makes a stored holiday count in the public calendar at once, and takes it back on delete', async () => {
    const cookie = admin.cookie;
    const before = await call(test, 'GET', '/api/calendar/add?date=2026-12-31&n=1');
    expect(before).toMatchObject({ result: '2027-01-01', yearsWithoutData: [2027] });
    expect(await call(test, 'GET', '/api/calendar/days/2027-01-01')).toMatchObject({
      isWorkingDay: true,
      hasHolidayData: false,
    });

    const set = await call(test, 'PUT', '/api/admin/calendar/overrides/2027-01-01', {
      cookie,
      payload: NEW_YEAR,
    });
    expect(set).toMatchObject({ replaced: false, override: { date: '2027-01-01', kind: 'holiday' } });

    // 1 January 2027 is a Friday: the next working day is Monday the 4th.
    const after = await call(test, 'GET', '/api/calendar/add?date=2026-12-31&n=1');
    expect(after).toMatchObject({ result: '2027-01-04', yearsWithoutData: [] });
    expect(await call(test, 'GET', '/api/calendar/days/2027-01-01')).toMatchObject({
      isWorkingDay: false,
      reason: 'holiday',
      name: 'New Year’s Day / 元旦',
      source: '国务院办公厅关于2027年部分节假日安排的通知 (https://www.gov.cn/example)',
      hasHolidayData: true,
    });
    const { items: years } = await call<{ items: { year: number }[] }>(test, 'GET', '/api/calendar/years');
    expect(years.find((year) => year.year === 2027)).toEqual({
      year: 2027,
      hasSeedData: false,
      overrides: 1,
      holidays: 1,
      makeupWorkdays: 0,
    });
    expect(years.find((year) => year.year === 2026)).toMatchObject({ hasSeedData: true, overrides: 0 });

    // Saturday 2 January 2027 made a working day; replacing the holiday with a working day.
    await call(test, 'PUT', '/api/admin/calendar/overrides/2027-01-02', {
      cookie,
      payload: { kind: 'workday', source: { text: 'correction' } },
    });
    expect(await call(test, 'GET', '/api/calendar/add?date=2026-12-31&n=1')).toMatchObject({
      result: '2027-01-02',
    });
    const replaced = await call(test, 'PUT', '/api/admin/calendar/overrides/2027-01-02', {
      cookie,
      payload: { kind: 'holiday', source: { text: 'correction of the correction' } },
    });
    expect(replaced.replaced).toBe(true);

    const listed = await call<{ items: { date: string }[] }>(
      test,
      'GET',
      '/api/admin/calendar/overrides?year=2027',
      { cookie },
    );
    expect(listed.items.map((item) => item.date)).toEqual(['2027-01-01', '2027-01-02']);
    expect(
      (await call<{ items: unknown[] }>(test, 'GET', '/api/admin/calendar/overrides?year=2026', { cookie }))
        .items,
    ).toEqual([]);

    for (const date of ['2027-01-01', '2027-01-02']) {
      expect(
        (await send(test, 'DELETE', `/api/admin/calendar/overrides/${date}`, { cookie })).statusCode,
      ).toBe(204);
    }
    expect(
      (await fail(test, 'DELETE', '/api/admin/calendar/overrides/2027-01-01', 404, { cookie })).code,
    ).toBe('not_found');
    expect(await call(test, 'GET', '/api/calendar/add?date=2026-12-31&n=1')).toMatchObject({
      result: '2027-01-01',
      yearsWithoutData: [2027],
    });

    const audit = await call<{ items: { action: string; subjectId: string }[] }>(
      test,
      'GET',
      '/api/admin/audit?limit=10',
      { cookie },
    );
    expect(audit.items.map((event) => `${event.action} ${event.subjectId}`).slice(0, 5)).toEqual([
      'calendar.override_deleted 2027-01-02',
      'calendar.override_deleted 2027-01-01',
      'calendar.override_set 2027-01-02',
      'calendar.override_set 2027-01-02',
      'calendar.override_set 2027-01-01',
    ]);
  });

  it('gives order deadlines from the stored calendar', async () => {
    await call(test, 'PUT', '/api/admin/calendar/overrides/2027-01-01', {
      cookie: admin.cookie,
      payload: NEW_YEAR,
    });
    const calendar = await test.orders.calendar.getCalendar();
    expect(calendar.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    const deleted = await send(test, 'DELETE', '/api/admin/calendar/overrides/2027-01-01', {
      cookie: admin.cookie,
    });
    expect(deleted.statusCode).toBe(204);
  });

  it('enters a State Council notice: a holiday range and its make-up days, in one audited transaction', async () => {
    const cookie = admin.cookie;
    const notice = {
      holidayFrom: '2027-10-01',
      holidayTo: '2027-10-07',
      makeupWorkdays: ['2027-10-09', '2027-09-26'],
      nameEn: 'National Day',
      nameZh: '国庆节',
      source: { text: '国务院办公厅关于2027年部分节假日安排的通知' },
    };
    const post = (payload: unknown, status = 400) =>
      fail(test, 'POST', '/api/admin/calendar/notices', status, { cookie, payload });
    expect((await fail(test, 'POST', '/api/admin/calendar/notices', 401, { payload: notice })).code).toBe(
      'unauthenticated',
    );
    await fail(test, 'POST', '/api/admin/calendar/notices', 404, {
      cookie: applicant.cookie,
      payload: notice,
    });
    const refusals = [
      { ...notice, holidayTo: '2027-09-30' },
      { ...notice, holidayTo: '2027-11-05' },
      { ...notice, makeupWorkdays: ['2027-10-03'] },
      { ...notice, makeupWorkdays: ['2027-10-09', '2027-10-09'] },
      { ...notice, makeupWorkdays: ['2027-02-30'] },
      { ...notice, source: undefined },
    ];
    for (const payload of refusals) {
      expect((await post(payload)).code, JSON.stringify(payload)).toBe('validation_failed');
    }
    // The field's message is in the caller's language.
    for (const [language, message] of [
      ['en', '2027-10-03 is inside the holiday: a make-up working day falls outside it.'],
      ['zh-CN', '2027-10-03 在假期之内：调休上班日应在假期之外。'],
    ] as const) {
      const refused = await fail(test, 'POST', '/api/admin/calendar/notices', 400, {
        cookie,
        payload: { ...notice, makeupWorkdays: ['2027-10-03'] },
        headers: { 'accept-language': language },
      });
      expect(refused.details).toEqual([
        { in: 'body', path: 'makeupWorkdays.0', code: 'invalid_notice', message },
      ]);
    }
    const audit = () =>
      call<{ items: { action: string; subjectId: string }[] }>(test, 'GET', '/api/admin/audit?limit=200', {
        cookie,
      });
    const eventsBefore = (await audit()).items.length;
    // Refused notices changed nothing.
    expect(
      (await call<{ items: unknown[] }>(test, 'GET', '/api/admin/calendar/overrides?year=2027', { cookie }))
        .items,
    ).toEqual([]);

    // A day already overridden is replaced and reported.
    await call(test, 'PUT', '/api/admin/calendar/overrides/2027-10-01', {
      cookie,
      payload: { ...NEW_YEAR, kind: 'workday' },
    });
    const saved = await call<{
      overrides: { date: string; kind: string; nameZh?: string }[];
      replaced: string[];
    }>(test, 'POST', '/api/admin/calendar/notices', { cookie, payload: notice, status: 201 });
    expect(saved.replaced).toEqual(['2027-10-01']);
    expect(saved.overrides.map((o) => `${o.date} ${o.kind}`)).toEqual([
      '2027-10-01 holiday',
      '2027-10-02 holiday',
      '2027-10-03 holiday',
      '2027-10-04 holiday',
      '2027-10-05 holiday',
      '2027-10-06 holiday',
      '2027-10-07 holiday',
      '2027-09-26 workday',
      '2027-10-09 workday',
    ]);
    expect(await call(test, 'GET', '/api/calendar/days/2027-10-04')).toMatchObject({
      isWorkingDay: false,
      reason: 'holiday',
    });
    expect(await call(test, 'GET', '/api/calendar/days/2027-09-26')).toMatchObject({
      isWorkingDay: true,
      reason: 'makeup_workday',
    });
    // One audit event per day (plus the single day set before), all at the same instant.
    const events = (await audit()).items.slice(0, 9);
    expect((await audit()).items.length).toBe(eventsBefore + 10);
    expect(new Set(events.map((e) => e.action))).toEqual(new Set(['calendar.override_set']));
    expect(events.map((e) => e.subjectId).sort()).toEqual(saved.overrides.map((o) => o.date).sort());

    for (const { date } of saved.overrides) {
      await send(test, 'DELETE', `/api/admin/calendar/overrides/${date}`, { cookie });
    }
  });
});

describe('calendar years without the admin slice', () => {
  it('lists the seed years', async () => {
    const { buildTestApp } = await import('../server/test-app.ts');
    const { app } = await buildTestApp();
    const response = await app.inject({ method: 'GET', url: '/api/calendar/years' });
    const years = (response.json() as { items: { year: number; hasSeedData: boolean }[] }).items;
    expect(years.at(0)).toMatchObject({ year: 2004, hasSeedData: true });
    expect(years.every((year) => year.hasSeedData)).toBe(true);
    await app.close();
  });
});
