import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../src/app/accounts/create-organisation.ts';
import { buildIndividualOrderContent } from '../../src/domain/order-content/fixtures.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildHttpTestApp,
  call,
  createPerson,
  createProviderStaff,
  fail,
  type HttpTestApp,
  type Person,
  type ProviderStaff,
  provisionInstance,
  withAccess,
} from './http-test-kit.ts';

/**
 * The provider console's instance registration: finding the customer's account by e-mail (exact,
 * customers only, administrators only) and the service codes naming the order that holds them.
 */
describeEachDatabase('provider customers and service codes over HTTP', (database) => {
  let test: HttpTestApp;
  let provider: ProviderStaff;
  let customer: Person;
  let agent: Person;

  beforeAll(async () => {
    test = await buildHttpTestApp(database.db);
    provider = await createProviderStaff(test, 'Lookup');
    customer = await createPerson(test, 'applicant');
    const agency = await createOrganisation(test.accounts, {
      actorLabel: 'test',
      organisation: { kind: 'agency', nameEn: 'Filing Agency', nameZh: '备案代理', provinceCode: null },
    });
    agent = await createPerson(test, 'agent', { organisation: agency.id });
  }, 120_000);
  afterAll(() => test?.close());

  const lookup = (email: string) => `/api/provider/customers?email=${encodeURIComponent(email)}`;

  it('finds a customer by the whole address, in any case, with the name masked', async () => {
    const found = await call<{ userId: string; email: string; maskedName: string }>(
      test,
      'GET',
      lookup(customer.email.toUpperCase()),
      { cookie: provider.admin.cookie },
    );
    expect(found).toEqual({
      userId: customer.userId,
      email: customer.email,
      maskedName: expect.stringMatching(/^T\*+$/u),
    });
    const agency = await call<{ userId: string }>(test, 'GET', lookup(agent.email), {
      cookie: provider.admin.cookie,
    });
    expect(agency.userId).toBe(agent.userId);
  });

  it('answers customer_not_found alike for an unknown address, a partial one and a staff account', async () => {
    for (const email of [
      'nobody@example.test',
      customer.email.replace(/^./u, 'x'),
      provider.reviewer.email,
      provider.admin.email,
    ]) {
      const error = await fail(test, 'GET', lookup(email), 404, { cookie: provider.admin.cookie });
      expect(error.code).toBe('customer_not_found');
      expect(error.details).toBeUndefined();
    }
  });

  it('is for administrators only, and checks the address', async () => {
    for (const person of [provider.reviewer, customer]) {
      const error = await fail(test, 'GET', lookup(customer.email), 403, { cookie: person.cookie });
      expect(error.code).toBe('forbidden');
    }
    await fail(test, 'GET', lookup(customer.email), 401);
    const invalid = await fail(test, 'GET', lookup('not-an-address'), 400, { cookie: provider.admin.cookie });
    expect(invalid.code).toBe('validation_failed');
    await fail(test, 'GET', '/api/provider/customers', 400, { cookie: provider.admin.cookie });
  });

  describe('service codes', () => {
    it('name the reference of the order that holds them', async () => {
      const content = buildIndividualOrderContent();
      const { instanceId, codes } = await provisionInstance(test, provider, customer);
      const { order } = await call<{ order: { reference: string; id: number } }>(
        test,
        'POST',
        '/api/orders',
        {
          cookie: customer.cookie,
          status: 201,
          payload: {
            intent: 'file_service',
            certificateNumber: content.entity?.certificateNumber,
            province: '11',
            domain: content.services?.[0]?.domain,
            providerOrgId: provider.providerOrgId,
          },
        },
      );
      const base = `/api/orders/${order.reference}`;
      await call(test, 'PUT', `${base}/draft`, {
        cookie: customer.cookie,
        payload: { content: withAccess(content, instanceId, codes) },
      });
      await call(test, 'POST', `${base}/submit`, { cookie: customer.cookie });

      const { items } = await call<{
        items: { id: number; codes: { status: string; orderId?: number; orderReference?: string }[] }[];
      }>(test, 'GET', '/api/provider/instances', { cookie: provider.reviewer.cookie });
      const instance = items.find((item) => item.id === instanceId);
      expect(instance?.codes).toEqual([
        expect.objectContaining({ status: 'bound', orderId: order.id, orderReference: order.reference }),
      ]);
    });
  });
});
