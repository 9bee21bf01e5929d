import { afterEach, describe, expect, it } from 'vitest';
import { errorCodes } from '../../src/app/errors.ts';
import { defaultMessages, httpStatusByCode, pickLanguage } from '../../src/server/errors.ts';
import { buildTestApp, type ErrorBody, type TestApp } from './test-app.ts';

const errorShape = {
  error: { code: expect.any(String), message: expect.any(String), requestId: expect.any(String) },
};

describe('error answers', () => {
  let current: TestApp | undefined;
  afterEach(async () => {
    await current?.app.close();
    current = undefined;
  });

  async function start(overrides: Parameters<typeof buildTestApp>[0] = {}) {
    current = await buildTestApp(overrides);
    return current;
  }

  it('answers 404 not_found for an unknown route', async () => {
    const { app } = await start();
    const response = await app.inject('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'Not found.', requestId: response.headers['x-request-id'] },
    });
  });

  it('answers 400 malformed_body for broken JSON, without echoing it', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/api/validate/email',
      headers: { 'content-type': 'application/json' },
      payload: '{"value": "secret@example.com"',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'malformed_body' } });
    expect(response.body).not.toContain('secret@example.com');
  });

  it('answers 400 malformed_body for an empty JSON body', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/api/validate/email',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'malformed_body' } });
  });

  it('answers 413 payload_too_large for a body over the limit', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/api/validate/email',
      payload: { value: 'x'.repeat(1_100_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers 415 unsupported_media_type for a body the API does not read', async () => {
    const { app } = await start();
    const response = await app.inject({
      method: 'POST',
      url: '/api/validate/email',
      headers: { 'content-type': 'application/xml' },
      payload: '<value>a@b.cn</value>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ ...errorShape, error: { code: 'unsupported_media_type' } });
  });

  it('answers 429 rate_limited with Retry-After once an address exceeds its public limit', async () => {
    const { app } = await start({ rateLimits: { publicApi: { max: 2, timeWindowMs: 60_000 } } });
    const statuses: number[] = [];
    for (const url of ['/api/catalogue/tlds', '/api/catalogue/natures', '/api/catalogue/tlds']) {
      statuses.push((await app.inject(url)).statusCode);
    }
    expect(statuses).toEqual([200, 200, 429]);
    const limited = await app.inject({ url: '/api/calendar/days/2026-10-01' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: expect.any(String),
        details: { retryAfterSeconds: expect.any(Number) },
        requestId: limited.headers['x-request-id'],
      },
    });
    // Another address has its own budget; the health check has none.
    expect((await app.inject({ url: '/api/catalogue/tlds', remoteAddress: '10.1.2.3' })).statusCode).toBe(
      200,
    );
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  });

  it('answers 500 internal_error without internals and logs the cause with the request id', async () => {
    const { app, readLogs } = await start({
      calendar: {
        getCalendar: () => Promise.reject(new Error('calendar table missing in /var/lib/openbeian')),
      },
    });
    const response = await app.inject('/api/calendar/days/2026-10-01');
    expect(response.statusCode).toBe(500);
    const body = response.json() as ErrorBody;
    expect(body).toEqual({
      error: {
        code: 'internal_error',
        message: defaultMessages.internal_error.en,
        requestId: response.headers['x-request-id'],
      },
    });
    expect(response.body).not.toContain('/var/lib');
    const logLine = readLogs()
      .split('\n')
      .find((line) => line.includes('calendar table missing'));
    expect(logLine).toBeDefined();
    expect(JSON.parse(logLine as string)).toMatchObject({ level: 50, requestId: body.error.requestId });
  });

  it('echoes a caller’s x-request-id and generates one otherwise', async () => {
    const { app } = await start();
    const echoed = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'trace-42.a:b_c' } });
    expect(echoed.headers['x-request-id']).toBe('trace-42.a:b_c');
    const generated = await app.inject('/api/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const errorAnswer = await app.inject({ url: '/api/nowhere', headers: { 'x-request-id': 'trace-43' } });
    expect(errorAnswer.headers['x-request-id']).toBe('trace-43');
    expect((errorAnswer.json() as ErrorBody).error.requestId).toBe('trace-43');
  });

  it('replaces a request id that could forge log lines', async () => {
    const { app } = await start();
    const response = await app.inject({
      url: '/api/health',
      headers: { 'x-request-id': `evil"}\n{"level":60,"msg":"forged` },
    });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers in Chinese when Accept-Language prefers it', async () => {
    const { app } = await start();
    const response = await app.inject({ url: '/api/nothing', headers: { 'accept-language': 'zh-CN' } });
    expect((response.json() as ErrorBody).error.message).toBe(defaultMessages.not_found.zh);
  });

  it('sends the security headers', async () => {
    const { app } = await start();
    const response = await app.inject('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

describe('the error table', () => {
  it('gives every code a client or server status and a message in both languages', () => {
    for (const code of errorCodes) {
      expect(httpStatusByCode[code]).toBeGreaterThanOrEqual(400);
      expect(httpStatusByCode[code]).toBeLessThan(600);
      expect(defaultMessages[code].en).not.toBe('');
      expect(defaultMessages[code].zh).not.toBe('');
    }
  });

  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['fr-FR,zh-TW;q=0.5', 'zh'],
    ['zh;q=0.2,en;q=0.5', 'en'],
    ['zh;q=0, en', 'en'],
    ['de', 'en'],
  ] as const)('picks the language of Accept-Language %s', (header, language) => {
    expect(pickLanguage(header)).toBe(language);
  });
});
