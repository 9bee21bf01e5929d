import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type ErrorBody, readFieldErrors, type TestApp } from './test-app.ts';

describe('calendar routes', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(async () => {
    await test.app.close();
  });

  it('describes a holiday', async () => {
    const response = await test.app.inject('/api/calendar/days/2026-10-01');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      date: '2026-10-01',
      isWorkingDay: false,
      reason: 'holiday',
      source: 'chinese-days',
      hasHolidayData: true,
    });
  });

  it('accepts the date forms people type', async () => {
    const response = await test.app.inject(`/api/calendar/days/${encodeURIComponent('2026年10月8日')}`);
    expect(response.json()).toMatchObject({ date: '2026-10-08' });
  });

  it('adds working days across the National Day holiday', async () => {
    const response = await test.app.inject('/api/calendar/add?date=2026-09-30&n=5');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      date: '2026-09-30',
      workingDays: 5,
      result: '2026-10-13',
      yearsWithoutData: [],
    });
  });

  it('counts working days between two dates and names years without data', async () => {
    const response = await test.app.inject('/api/calendar/between?from=2026-09-30&to=2027-01-04');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ from: '2026-09-30', to: '2027-01-04', yearsWithoutData: [2027] });
  });

  it.each([
    ['/api/calendar/days/2026-02-30', [['params', 'date', 'invalid_date']]],
    ['/api/calendar/days/soon', [['params', 'date', 'invalid_date']]],
    ['/api/calendar/days/9999-12-31', [['params', 'date', 'date_out_of_range']]],
    [
      '/api/calendar/add?date=2026-13-01&n=x',
      [
        ['querystring', 'date', 'invalid_date'],
        ['querystring', 'n', 'invalid_type'],
      ],
    ],
    ['/api/calendar/add?date=2026-01-01&n=1.5', [['querystring', 'n', 'invalid_type']]],
    ['/api/calendar/add?date=2026-01-01&n=999999', [['querystring', 'n', 'too_big']]],
    [
      '/api/calendar/add',
      [
        ['querystring', 'date', 'invalid_type'],
        ['querystring', 'n', 'invalid_type'],
      ],
    ],
    ['/api/calendar/between?from=0001-01-01&to=2026-01-01', [['querystring', 'from', 'date_out_of_range']]],
    ['/api/calendar/between?from=2026-01-01', [['querystring', 'to', 'invalid_type']]],
  ])('GET %s answers 400 with the field errors', async (url, expected) => {
    const response = await test.app.inject(url);
    expect(response.statusCode).toBe(400);
    const fields = readFieldErrors(response.json() as ErrorBody).map((f) => [f.in, f.path, f.code]);
    expect(fields).toEqual(expected);
  });
});
