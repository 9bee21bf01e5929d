import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logger.ts';
import { buildTestApp, type TestApp } from './test-app.ts';

const RESIDENT_ID = '11010519491231002X';

describe('logs carry no personal data', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(async () => {
    await test.app.close();
  });

  it('does not log a resident ID posted for validation, even at trace level', async () => {
    const valid = await test.app.inject({
      method: 'POST',
      url: '/api/validate/resident-id',
      payload: { value: RESIDENT_ID },
    });
    expect(valid.json()).toMatchObject({ normalized: RESIDENT_ID });
    const rejected = await test.app.inject({
      method: 'POST',
      url: '/api/validate/resident-id',
      payload: { value: RESIDENT_ID, at: 'not a date' },
    });
    expect(rejected.statusCode).toBe(400);
    const broken = await test.app.inject({
      method: 'POST',
      url: '/api/validate/resident-id',
      headers: { 'content-type': 'application/json' },
      payload: `{"value":"${RESIDENT_ID}"`,
    });
    expect(broken.statusCode).toBe(400);

    const logs = test.readLogs();
    expect(logs).toContain('/api/validate/resident-id');
    expect(logs).not.toContain(RESIDENT_ID);
    expect(logs).not.toContain('110105');
  });

  it('does not log contact details or query strings', async () => {
    await test.app.inject({ method: 'POST', url: '/api/validate/mobile', payload: { value: '13812345678' } });
    await test.app.inject({
      method: 'POST',
      url: '/api/validate/email',
      payload: { value: 'li.lei@example.cn' },
    });
    await test.app.inject(
      '/api/catalogue/documents?nature=individual&province=Zhangsanville&instrument=icp_filing',
    );
    const logs = test.readLogs();
    expect(logs).not.toContain('13812345678');
    expect(logs).not.toContain('li.lei');
    expect(logs).not.toContain('Zhangsanville');
    expect(logs).toContain('"path":"/api/catalogue/documents"');
  });
});

describe('createLogger', () => {
  it('redacts credentials and personal fields wherever a caller logs them', () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: 'info',
      stream: new Writable({
        write(chunk: Buffer, _encoding, callback) {
          lines.push(chunk.toString('utf8'));
          callback();
        },
      }),
    });
    logger.info(
      {
        password: 'hunter2hunter2',
        applicant: { certificateNumber: RESIDENT_ID, mobile: '13812345678', email: 'a@example.cn' },
        order: { serviceAdmin: { passportNumber: 'E12345678', name: 'visible' } },
        req: { headers: { authorization: 'Bearer abc.def', cookie: 'session=xyz' } },
        body: { anything: 'at all' },
      },
      'something happened',
    );
    const text = lines.join('');
    for (const secret of [
      'hunter2hunter2',
      RESIDENT_ID,
      '13812345678',
      'a@example.cn',
      'E12345678',
      'abc.def',
      'xyz',
      'at all',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
    expect(text).toContain('visible');
  });
});
