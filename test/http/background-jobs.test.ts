import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildIndividualOrderContent, buildResidentId } from '../../src/domain/order-content/fixtures.ts';
import { type BackgroundJobs, buildMailFrom, startBackgroundJobs } from '../../src/server/jobs.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildHttpTestApp,
  call,
  createPerson,
  createProviderStaff,
  type HttpTestApp,
  type OrderAnswer,
  type Person,
  type ProviderStaff,
  provisionInstance,
  withAccess,
} from './http-test-kit.ts';

/** The server's jobs on a real database: SMS expiry returns the order, the outbox becomes .eml files. */

describeEachDatabase('background jobs', (database) => {
  let test: HttpTestApp;
  let provider: ProviderStaff;
  let owner: Person;
  let jobs: BackgroundJobs;
  let dataDir: string;
  const lines: string[] = [];

  beforeAll(async () => {
    test = await buildHttpTestApp(database.db);
    provider = await createProviderStaff(test, 'Jobs Cloud');
    owner = await createPerson(test, 'applicant');
    dataDir = mkdtempSync(join(tmpdir(), 'openbeian-jobs-'));
    jobs = startBackgroundJobs({
      orders: test.orders,
      database: database.db,
      config: { dataDir, publicUrl: 'https://beian.example.cn', smtpUrl: undefined },
      logger: { info: (line) => lines.push(line), warn: (line) => lines.push(line) },
      // Long intervals: the test runs the jobs itself.
      intervals: { smsExpiryMs: 3_600_000, remindersMs: 3_600_000, mailMs: 3_600_000 },
    });
  }, 120_000);
  afterAll(async () => {
    await jobs.stop();
    await test.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('returns an order whose SMS code expired, and writes the outbox as .eml files', async () => {
    const idNumber = buildResidentId('110105', '1991-01-01', '246');
    const { instanceId, codes } = await provisionInstance(test, provider, owner);
    const content = withAccess(
      buildIndividualOrderContent({
        entity: { certificateNumber: idNumber, leader: { certificateNumber: idNumber } },
        services: [{ domain: 'jobs-notes.cn', homeUrl: 'https://jobs-notes.cn/' }],
      }),
      instanceId,
      codes,
    );
    const { order } = await call<{ order: OrderAnswer }>(test, 'POST', '/api/orders', {
      cookie: owner.cookie,
      status: 201,
      payload: {
        intent: 'file_service',
        certificateNumber: idNumber,
        province: '11',
        domain: 'jobs-notes.cn',
        providerOrgId: provider.providerOrgId,
        content,
      },
    });
    const url = `/api/orders/${order.reference}`;
    const reviewer = { cookie: provider.reviewer.cookie };
    await call(test, 'POST', `${url}/submit`, { cookie: owner.cookie });
    await call(test, 'POST', `${url}/start-review`, reviewer);
    await call(test, 'POST', `${url}/approve-provider`, reviewer);
    await call(test, 'POST', `${url}/identity-verification`, { ...reviewer, payload: { result: 'passed' } });
    const sent = await call<{ order: OrderAnswer }>(test, 'POST', `${url}/send-to-authority`, reviewer);
    expect(sent.order.status).toBe('sms_verification');

    await jobs.runOnce();
    const files = readdirSync(join(dataDir, 'mail')).filter((name) => name.endsWith('.eml'));
    expect(files.length).toBeGreaterThan(0);
    const mail = files.map((name) => readFileSync(join(dataDir, 'mail', name), 'utf8')).join('\n');
    expect(mail).toContain('From: OpenBeian <noreply@beian.example.cn>');
    expect(mail).toContain(content.entity?.leader?.email ?? '');

    test.clock.advanceHours(25);
    await jobs.runOnce();
    const returned = await call<OrderAnswer & { returnReasons: { reasonCode: string }[] }>(test, 'GET', url, {
      cookie: owner.cookie,
    });
    expect(returned.status).toBe('returned_by_provider');
    expect(returned.returnReasons.map((r) => r.reasonCode)).toEqual(['sms_timeout']);
    expect(lines.join('\n')).toContain(`job sms-expiry: returned ${order.reference}`);
    // The log names orders, never people.
    expect(lines.join('\n')).not.toContain(content.entity?.leader?.email ?? '@');
  });
});

it('sends platform mail from noreply at the public host', () => {
  expect(buildMailFrom('https://beian.example.cn')).toBe('OpenBeian <noreply@beian.example.cn>');
  expect(buildMailFrom('http://127.0.0.1:3000')).toBe('OpenBeian <noreply@localhost>');
  expect(buildMailFrom('http://[::1]:3000')).toBe('OpenBeian <noreply@localhost>');
});
