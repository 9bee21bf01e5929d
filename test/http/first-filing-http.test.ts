import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFilingNumber } from '../../src/domain/numbers/filing-number.ts';
import {
  buildEnterpriseOrderContent,
  buildIndividualOrderContent,
} from '../../src/domain/order-content/fixtures.ts';
import type { OrderContentDraft } from '../../src/domain/order-content/order-content.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildHttpTestApp,
  call,
  createPerson,
  createProviderStaff,
  fail,
  findServerErrors,
  type HttpTestApp,
  type OrderAnswer,
  type Person,
  type ProviderStaff,
  provisionInstance,
  readFieldPaths,
  readSmsCode,
  withAccess,
  wrongCode,
} from './http-test-kit.ts';

/**
 * The acceptance journey over HTTP: a first filing for an individual and for an enterprise from draft
 * to approval, with one provider return and resubmission, an SMS step with one wrong code, and the
 * sandbox authority's approval; the numbers parse with the codec and the public registry shows the
 * record without personal data.
 */

interface Case {
  name: string;
  content: OrderContentDraft;
  province: string;
  /** Personal data that must never reach the public registry. */
  secrets: string[];
  renamedTo: string;
}

const individual = buildIndividualOrderContent();
const enterprise = buildEnterpriseOrderContent({ entity: { provinceCode: '44' } });

const cases: Case[] = [
  {
    name: 'an individual in Beijing',
    content: individual,
    province: '11',
    secrets: [
      individual.entity?.certificateNumber ?? '',
      individual.entity?.leader?.mobile ?? '',
      individual.entity?.leader?.email ?? '',
      individual.entity?.certificateAddress ?? '',
    ],
    renamedTo: '山间读书随笔',
  },
  {
    name: 'an enterprise in Guangdong',
    content: enterprise,
    province: '44',
    secrets: [
      enterprise.entity?.leader?.certificateNumber ?? '',
      enterprise.entity?.leader?.mobile ?? '',
      enterprise.entity?.leader?.name ?? '',
      enterprise.services?.[0]?.admin?.certificateNumber ?? '',
      enterprise.services?.[0]?.admin?.mobile ?? '',
      enterprise.services?.[0]?.admin?.email ?? '',
    ],
    renamedTo: '示例科技官方网站',
  },
];

type OrderView = OrderAnswer & {
  version: number;
  submittedVersion?: number;
  allowedActions: string[];
  returnReasons: { fieldPath?: string; reasonCode: string }[];
  deadlines: Record<string, string>;
  sms?: { attemptsLeft: number };
  entityNumber?: string;
  issuedServiceNumbers: string[];
  events: { type: string }[];
};

describeEachDatabase('first filing over HTTP', (database) => {
  let test: HttpTestApp;
  let provider: ProviderStaff;
  const authorities = new Map<string, Person>();
  const owners: Person[] = [];

  beforeAll(async () => {
    test = await buildHttpTestApp(database.db);
    provider = await createProviderStaff(test, 'First Filing Cloud');
    for (const province of ['11', '44']) {
      authorities.set(province, await createPerson(test, 'authority_reviewer', { provinceCode: province }));
    }
    owners.push(await createPerson(test, 'applicant'), await createPerson(test, 'applicant'));
  }, 120_000);
  afterAll(() => test.close());

  for (const [index, testCase] of cases.entries()) {
    describe(testCase.name, () => {
      const domain = testCase.content.services?.[0]?.domain ?? '';
      let owner: Person;
      let stranger: Person;
      let content: OrderContentDraft;
      let order: OrderView;
      let url: string;
      const reviewer = () => ({ cookie: provider.reviewer.cookie });

      beforeAll(() => {
        owner = owners[index] as Person;
        stranger = owners[1 - index] as Person;
      });

      it('opens a draft whose type is detected, and saves it with field errors answered, not refused', async () => {
        const { instanceId, codes } = await provisionInstance(test, provider, owner, {
          province: testCase.province,
        });
        content = withAccess(testCase.content, instanceId, codes);
        const created = await call<{ order: OrderView }>(test, 'POST', '/api/orders', {
          cookie: owner.cookie,
          status: 201,
          payload: {
            intent: 'file_service',
            certificateNumber: testCase.content.entity?.certificateNumber,
            province: testCase.province,
            domain,
            providerOrgId: provider.providerOrgId,
          },
        });
        order = created.order;
        expect(order).toMatchObject({
          type: 'first_filing',
          status: 'draft',
          provinceCode: testCase.province,
        });
        expect(order.reference).toMatch(/^OB-2026-\d{6}$/u);
        url = `/api/orders/${order.reference}`;

        const broken = await call<{ validation: { fieldErrors: { path: string }[] } }>(
          test,
          'PUT',
          `${url}/draft`,
          {
            cookie: owner.cookie,
            payload: {
              content: {
                ...content,
                entity: { ...content.entity, leader: { ...content.entity?.leader, mobile: '123' } },
              },
            },
          },
        );
        expect(broken.validation.fieldErrors.map((e) => e.path)).toContain('entity.leader.mobile');
        const saved = await call<{ order: OrderView; validation: { fieldErrors: unknown[] } }>(
          test,
          'PUT',
          `${url}/draft`,
          { cookie: owner.cookie, payload: { content } },
        );
        expect(saved.validation.fieldErrors).toEqual([]);
        expect(saved.order.allowedActions).toEqual(['edit', 'submit', 'withdraw']);
        // The numeric id names the same order.
        expect(
          (await call<OrderView>(test, 'GET', `/api/orders/${order.id}`, { cookie: owner.cookie })).reference,
        ).toBe(order.reference);
      });

      it('hides the order from another applicant and, while a draft, from the provider', async () => {
        await fail(test, 'GET', url, 404, { cookie: stranger.cookie });
        await fail(test, 'POST', `${url}/submit`, 404, { cookie: stranger.cookie });
        await fail(test, 'GET', url, 404, { cookie: provider.reviewer.cookie });
        const theirs = await call<{ items: { id: number }[] }>(test, 'GET', '/api/orders', {
          cookie: stranger.cookie,
        });
        expect(theirs.items.map((o) => o.id)).not.toContain(order.id);
      });

      it('is submitted, returned with a reason on a field, edited and resubmitted', async () => {
        const submitted = await call<{ order: OrderView }>(test, 'POST', `${url}/submit`, {
          cookie: owner.cookie,
        });
        expect(submitted.order.status).toBe('submitted');
        expect(submitted.order.deadlines.providerReviewDue).toBeDefined();
        const queue = await call<{ items: { id: number; deadlineFlag: string }[] }>(
          test,
          'GET',
          '/api/orders?view=queue',
          reviewer(),
        );
        expect(queue.items.map((o) => o.id)).toContain(order.id);

        await call(test, 'POST', `${url}/start-review`, reviewer());
        const returned = await call<{ order: OrderView }>(test, 'POST', `${url}/return`, {
          ...reviewer(),
          payload: {
            reasons: [
              {
                fieldPath: 'services[0].name',
                reasonCode: 'site_name_unclear',
                text: { zh: '网站名称需体现网站内容', en: 'The name must say what the site is about.' },
              },
            ],
          },
        });
        expect(returned.order.status).toBe('returned_by_provider');
        const seen = await call<OrderView>(test, 'GET', url, { cookie: owner.cookie });
        expect(seen.returnReasons).toEqual([
          expect.objectContaining({ fieldPath: 'services[0].name', reasonCode: 'site_name_unclear' }),
        ]);
        const inbox = await call<{ items: { kind: string; orderId?: number }[]; unread: number }>(
          test,
          'GET',
          '/api/inbox',
          { cookie: owner.cookie },
        );
        expect(inbox.items.some((m) => m.kind === 'order_returned' && m.orderId === order.id)).toBe(true);
        expect(inbox.unread).toBeGreaterThan(0);

        const [service] = content.services ?? [];
        content = { ...content, services: [{ ...service, name: testCase.renamedTo }] };
        const edited = await call<{ order: OrderView }>(test, 'PUT', `${url}/draft`, {
          cookie: owner.cookie,
          payload: { content },
        });
        expect(edited.order.version).toBe(2);
        const resubmitted = await call<{ order: OrderView }>(test, 'POST', `${url}/submit`, {
          cookie: owner.cookie,
          payload: {},
        });
        expect(resubmitted.order).toMatchObject({
          status: 'submitted',
          submittedVersion: 2,
          returnReasons: [],
        });

        const diff = await call<{ fromVersion: number; toVersion: number; changes: unknown[] }>(
          test,
          'GET',
          `${url}/versions/diff`,
          reviewer(),
        );
        expect(diff).toMatchObject({ fromVersion: 1, toVersion: 2 });
        expect(diff.changes).toEqual([
          expect.objectContaining({ path: 'services[0].name', kind: 'changed', after: testCase.renamedTo }),
        ]);
        const unknown = await fail(test, 'GET', `${url}/versions/diff?from=1&to=7`, 400, reviewer());
        expect(readFieldPaths(unknown)).toEqual(['to']);
      });

      it('passes provider review and identity verification, then the SMS check after one wrong code', async () => {
        await call(test, 'POST', `${url}/start-review`, reviewer());
        await call(test, 'POST', `${url}/approve-provider`, reviewer());
        await call(test, 'POST', `${url}/identity-verification`, {
          ...reviewer(),
          payload: { result: 'passed' },
        });
        const sent = await call<{ order: OrderView }>(test, 'POST', `${url}/send-to-authority`, reviewer());
        expect(sent.order.status).toBe('sms_verification');
        expect(sent.order.sms).toMatchObject({ attemptsLeft: 5 });

        const code = await readSmsCode(test, owner, order.id);
        const malformed = await fail(test, 'POST', `${url}/sms-code`, 400, {
          cookie: owner.cookie,
          payload: { code: '12ab' },
        });
        expect(readFieldPaths(malformed)).toEqual(['code']);
        const wrong = await call<{ accepted: boolean; attemptsLeft: number; order: OrderView }>(
          test,
          'POST',
          `${url}/sms-code`,
          { cookie: owner.cookie, payload: { code: wrongCode(code) } },
        );
        expect(wrong).toMatchObject({ accepted: false, attemptsLeft: 4 });
        expect(wrong.order.status).toBe('sms_verification');
        const right = await call<{ accepted: boolean; order: OrderView }>(test, 'POST', `${url}/sms-code`, {
          cookie: owner.cookie,
          payload: { code },
        });
        expect(right.accepted).toBe(true);
        expect(right.order.status).toBe('authority_review');
        expect(right.order.deadlines.authorityReviewDue).toBeDefined();
      });

      it('cannot be withdrawn during the authority review', async () => {
        const error = await fail(test, 'POST', `${url}/withdraw`, 409, { cookie: owner.cookie });
        expect(error.code).toBe('conflict');
      });

      it('is approved by the province’s authority with numbers the codec parses', async () => {
        const forbidden = await fail(test, 'POST', `${url}/approve-authority`, 403, { cookie: owner.cookie });
        expect(forbidden.code).toBe('forbidden');
        const authority = authorities.get(testCase.province) as Person;
        const otherAuthority = authorities.get(testCase.province === '11' ? '44' : '11') as Person;
        await fail(test, 'POST', `${url}/approve-authority`, 404, { cookie: otherAuthority.cookie });
        const queue = await call<{ items: { id: number }[] }>(test, 'GET', '/api/orders?view=queue', {
          cookie: authority.cookie,
        });
        expect(queue.items.map((o) => o.id)).toContain(order.id);

        const approved = await call<{
          order: OrderView;
          numbers: { entityNumber: string; serviceNumbers: string[] };
        }>(test, 'POST', `${url}/approve-authority`, { cookie: authority.cookie, payload: {} });
        expect(approved.order.status).toBe('approved');
        const { entityNumber, serviceNumbers } = approved.numbers;
        const parsed = parseFilingNumber(entityNumber);
        expect(parsed.valid).toBe(true);
        expect(parsed.value).toMatchObject({ year: 2026, province: { code: testCase.province } });
        expect(serviceNumbers).toEqual([`${entityNumber}-1`]);
        expect(parseFilingNumber(serviceNumbers[0] ?? '').value?.service?.index).toBe(1);
        expect(approved.order).toMatchObject({ entityNumber, issuedServiceNumbers: serviceNumbers });

        const mine = await call<{ items: { id: number; status: string }[] }>(
          test,
          'GET',
          '/api/orders?status=approved',
          {
            cookie: owner.cookie,
          },
        );
        expect(mine.items.map((o) => o.id)).toContain(order.id);
        const history = await call<OrderView>(test, 'GET', url, { cookie: owner.cookie });
        expect(history.events.map((e) => e.type)).toEqual([
          'submitted',
          'provider_review_started',
          'returned_by_provider',
          'resubmitted',
          'provider_review_started',
          'approved_by_provider',
          'identity_verification_passed',
          'sent_to_authority',
          'sms_code_rejected',
          'sms_code_accepted',
          'approved_by_authority',
        ]);
      });

      it('is in the public registry, by domain and by number, without personal data', async () => {
        const byDomain = await call<{
          record: { entity: { nature: { id: string } }; service: { serviceName: string } };
        }>(test, 'GET', `/api/registry/domains/${encodeURIComponent(domain)}`);
        expect(byDomain.record.entity.nature.id).toBe(testCase.content.entity?.nature);
        expect(byDomain.record.service.serviceName).toBe(testCase.renamedTo);
        const entityNumber =
          (await call<OrderView>(test, 'GET', url, { cookie: owner.cookie })).entityNumber ?? '';
        const byNumber = await call<{ entity: { entityNumber: string }; services: unknown[] }>(
          test,
          'GET',
          `/api/registry/numbers/${encodeURIComponent(entityNumber)}`,
        );
        expect(byNumber.entity.entityNumber).toBe(entityNumber);
        expect(byNumber.services).toHaveLength(1);
        const published = JSON.stringify([byDomain, byNumber]);
        for (const secret of testCase.secrets) expect(published).not.toContain(secret);
      });
    });
  }

  it('answered no request with a 5xx', () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
  });
});
