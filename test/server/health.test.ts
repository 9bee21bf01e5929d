import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './test-app.ts';

describe('GET /api/health', () => {
  let current: TestApp | undefined;
  afterEach(async () => {
    await current?.app.close();
    current = undefined;
  });

  it('answers 200 with every check ok', async () => {
    current = await buildTestApp();
    const response = await current.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      checks: { database: { status: 'ok', durationMs: expect.any(Number) } },
    });
  });

  it('answers 503 when a probe fails, logs why and returns no internals', async () => {
    current = await buildTestApp({
      health: [
        { name: 'database', ping: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:5432')) },
        { name: 'mail', ping: async () => {} },
      ],
    });
    const response = await current.app.inject('/api/health');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({
      status: 'fail',
      checks: { database: { status: 'fail' }, mail: { status: 'ok' } },
    });
    expect(response.body).not.toContain('ECONNREFUSED');
    expect(current.readLogs()).toContain('ECONNREFUSED');
  });

  it('answers 503 when a probe hangs past the timeout', async () => {
    current = await buildTestApp({
      health: [{ name: 'database', ping: () => new Promise(() => {}) }],
      healthTimeoutMs: 20,
    });
    const response = await current.app.inject('/api/health');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'fail', checks: { database: { status: 'fail' } } });
  });
});
