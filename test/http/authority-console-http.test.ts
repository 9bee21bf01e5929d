import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIndividualOrderContent, buildResidentId } from '../../src/domain/order-content/fixtures.ts';
import type { OrderContentDraft } from '../../src/domain/order-content/order-content.ts';
import { blog, certificateNumber, contentWith, docs, portal } from '../orders/order-type-content.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  type Approval,
  bringToAuthorityOverHttp,
  buildHttpTestApp,
  call,
  createPerson,
  createProviderStaff,
  fail,
  findServerErrors,
  type HttpJourney,
  type HttpTestApp,
  type OrderAnswer,
  type Person,
  type ProviderStaff,
  provisionInstance,
  readSmsCode,
  withAccess,
  wrongCode,
} from './http-test-kit.ts';

/**
 * The sandbox authority's console over HTTP: the approval's number preview (GET …/number-preview)
 * shows exactly the numbers the following approval issues, for a first filing and for a service added
 * to an entity; only the province's authority may ask, and only while the order awaits its decision;
 * and the order list carries the SMS step's state, so the SMS monitor needs no read per order.
 */

interface Preview {
  reference: string;
  orderType: string;
  issuesNumbers: boolean;
  isProvisional: boolean;
  approvalYear?: number;
  entityNumber?: string;
  isNewEntityNumber: boolean;
  services: { index: number; type: string; name?: string; domain?: string; number: string }[];
  computedAt: string;
}

interface Summary {
  reference: string;
  status: string;
  sms?: { expiresAt: string; attempts: number; maxAttempts: number; attemptsLeft: number };
  [key: string]: unknown;
}

/** An individual's first filing of a personal site in Beijing. */
function buildPersonalSite(idNumber: string, domain: string): OrderContentDraft {
  return buildIndividualOrderContent({
    entity: { certificateNumber: idNumber, leader: { certificateNumber: idNumber } },
    services: [{ domain, homeUrl: `https://${domain}/` }],
  });
}

describeEachDatabase('the authority console over HTTP: number preview and SMS state', (database) => {
  let test: HttpTestApp;
  let owner: Person;
  let stranger: Person;
  let admin: Person;
  let authority: Person;
  let guangdong: Person;
  let main: ProviderStaff;
  const codes: string[] = [];
  const instanceOf = new Map<string, number>();

  /** The next unused service codes of the owner's instances, with the content's access set to them. */
  function withCodes(content: OrderContentDraft): OrderContentDraft {
    const count = content.services?.length ?? 0;
    const taken = codes.splice(0, count);
    if (taken.length < count) throw new Error('The test ran out of service codes');
    const instanceId = instanceOf.get(taken[0] ?? '') ?? 0;
    return withAccess(content, instanceId, taken);
  }

  function journey(create: Record<string, unknown>, content: OrderContentDraft): HttpJourney {
    return { owner, provider: main, authority, create: { province: '11', ...create }, content };
  }

  function individual(sequence: string, domain: string): HttpJourney {
    const idNumber = buildResidentId('110105', '1985-05-05', sequence);
    return journey(
      { intent: 'file_service', certificateNumber: idNumber, domain },
      withCodes(buildPersonalSite(idNumber, domain)),
    );
  }

  const preview = (order: OrderAnswer, person: Person = authority) =>
    call<Preview>(test, 'GET', `/api/orders/${order.reference}/number-preview`, { cookie: person.cookie });
  const approve = (order: OrderAnswer) =>
    call<Approval>(test, 'POST', `/api/orders/${order.reference}/approve-authority`, {
      cookie: authority.cookie,
    });

  beforeAll(async () => {
    test = await buildHttpTestApp(database.db);
    owner = await createPerson(test, 'applicant');
    stranger = await createPerson(test, 'applicant');
    admin = await createPerson(test, 'platform_admin');
    authority = await createPerson(test, 'authority_reviewer', { provinceCode: '11' });
    guangdong = await createPerson(test, 'authority_reviewer', { provinceCode: '44' });
    main = await createProviderStaff(test, 'Preview Cloud');
    // At most five codes per instance: two instances hold enough for every order below.
    for (let i = 0; i < 2; i += 1) {
      const instance = await provisionInstance(test, main, owner, { codes: 5 });
      for (const code of instance.codes) instanceOf.set(code, instance.instanceId);
      codes.push(...instance.codes);
    }
  }, 120_000);
  afterAll(() => test.close());

  describe('who may ask, and when', () => {
    let waiting: OrderAnswer;
    let atSms: OrderAnswer;

    beforeAll(async () => {
      waiting = await bringToAuthorityOverHttp(test, individual('404', 'qian-notes.cn'));
      // Taken only as far as the SMS step, where the authority already sees the order.
      const content = individual('405', 'li-notes.cn');
      const { order } = await call<{ order: OrderAnswer }>(test, 'POST', '/api/orders', {
        cookie: owner.cookie,
        status: 201,
        payload: { ...content.create, providerOrgId: main.providerOrgId, content: content.content },
      });
      const reviewer = { cookie: main.reviewer.cookie };
      const url = `/api/orders/${order.reference}`;
      await call(test, 'POST', `${url}/submit`, { cookie: owner.cookie });
      await call(test, 'POST', `${url}/start-review`, reviewer);
      await call(test, 'POST', `${url}/approve-provider`, reviewer);
      await call(test, 'POST', `${url}/identity-verification`, {
        ...reviewer,
        payload: { result: 'passed' },
      });
      atSms = (await call<{ order: OrderAnswer }>(test, 'POST', `${url}/send-to-authority`, reviewer)).order;
      expect(atSms.status).toBe('sms_verification');
    }, 120_000);

    it('refuses those who see the order but may not approve it (403) and hides it from the rest (404)', async () => {
      const url = `/api/orders/${waiting.reference}/number-preview`;
      for (const person of [owner, main.reviewer, main.admin, admin]) {
        expect((await fail(test, 'GET', url, 403, { cookie: person.cookie })).code).toBe('forbidden');
      }
      for (const person of [stranger, guangdong]) {
        expect((await fail(test, 'GET', url, 404, { cookie: person.cookie })).code).toBe('not_found');
      }
      expect((await fail(test, 'GET', url, 401)).code).toBe('unauthenticated');
      await fail(test, 'GET', '/api/orders/OB-1999-000001/number-preview', 404, { cookie: authority.cookie });
      const bad = await fail(test, 'GET', '/api/orders/abc/number-preview', 400, {
        cookie: authority.cookie,
      });
      expect(bad.code).toBe('validation_failed');
      expect((await preview(waiting)).issuesNumbers).toBe(true);
    });

    it('answers 409 not_awaiting_authority_decision before and after the authority’s review', async () => {
      const issueCode = (error: { details?: unknown }) =>
        (error.details as { issues: { code: string }[] }).issues[0]?.code;
      const early = await fail(test, 'GET', `/api/orders/${atSms.reference}/number-preview`, 409, {
        cookie: authority.cookie,
      });
      expect(early.code).toBe('conflict');
      expect(issueCode(early)).toBe('not_awaiting_authority_decision');

      await approve(waiting);
      const late = await fail(test, 'GET', `/api/orders/${waiting.reference}/number-preview`, 409, {
        cookie: authority.cookie,
      });
      expect(issueCode(late)).toBe('not_awaiting_authority_decision');
    });

    it('lists the SMS step’s tries and expiry in the order summaries, without personal data', async () => {
      const list = () =>
        call<{ items: Summary[] }>(test, 'GET', '/api/orders?status=sms_verification', {
          cookie: authority.cookie,
        });
      const [row] = (await list()).items.filter((item) => item.reference === atSms.reference);
      expect(row?.sms).toEqual({
        expiresAt: '2026-03-03T02:00:00.000Z',
        attempts: 0,
        maxAttempts: 5,
        attemptsLeft: 5,
      });
      expect(row).not.toHaveProperty('content');

      const code = await readSmsCode(test, owner, Number(atSms.id));
      const answer = await call<{ accepted: boolean }>(
        test,
        'POST',
        `/api/orders/${atSms.reference}/sms-code`,
        {
          cookie: owner.cookie,
          payload: { code: wrongCode(code) },
        },
      );
      expect(answer.accepted).toBe(false);
      const [after] = (await list()).items.filter((item) => item.reference === atSms.reference);
      expect(after?.sms).toMatchObject({ attempts: 1, maxAttempts: 5, attemptsLeft: 4 });

      // Orders elsewhere in the workflow carry no SMS state.
      const all = await call<{ items: Summary[] }>(test, 'GET', '/api/orders', { cookie: authority.cookie });
      for (const item of all.items) {
        if (item.status !== 'sms_verification') expect(item).not.toHaveProperty('sms');
      }
    });
  });

  describe('the preview is what the approval issues', () => {
    let entityNumber: string;

    it('a first filing: the next serial of the province this year, -1 and -2 for its two sites', async () => {
      const order = await bringToAuthorityOverHttp(
        test,
        journey(
          { intent: 'file_service', certificateNumber, domain: 'example-tech.cn' },
          withCodes(contentWith([portal, blog])),
        ),
      );
      const shown = await preview(order);
      expect(shown).toMatchObject({
        reference: order.reference,
        orderType: 'first_filing',
        issuesNumbers: true,
        isProvisional: true,
        isNewEntityNumber: true,
        approvalYear: 2026,
        computedAt: test.clock.now().toISOString(),
      });
      expect(shown.entityNumber).toMatch(/^京ICP备2026\d{6}号$/u);
      expect(shown.services).toEqual([
        {
          index: 0,
          type: 'website',
          name: portal.name,
          domain: 'example-tech.cn',
          number: `${shown.entityNumber}-1`,
        },
        {
          index: 1,
          type: 'website',
          name: blog.name,
          domain: blog.domain,
          number: `${shown.entityNumber}-2`,
        },
      ]);
      // Read-only: asking again reserves nothing and answers the same.
      expect(await preview(order)).toEqual(shown);

      const approved = await approve(order);
      expect(approved.numbers).toEqual({
        entityNumber: shown.entityNumber,
        serviceNumbers: shown.services.map((s) => s.number),
      });
      entityNumber = approved.numbers?.entityNumber ?? '';
    });

    it('an added service: the entity’s own number and the next suffix of its sequence', async () => {
      const order = await bringToAuthorityOverHttp(
        test,
        journey(
          { intent: 'file_service', certificateNumber, domain: 'example-docs.cn' },
          withCodes(contentWith([docs])),
        ),
      );
      expect(order.type).toBe('add_service');
      const shown = await preview(order);
      expect(shown).toMatchObject({
        orderType: 'add_service',
        issuesNumbers: true,
        isProvisional: true,
        isNewEntityNumber: false,
        entityNumber,
        services: [{ index: 0, type: 'website', domain: 'example-docs.cn', number: `${entityNumber}-3` }],
      });
      const approved = await approve(order);
      expect(approved.numbers).toEqual({ entityNumber, serviceNumbers: [`${entityNumber}-3`] });
    });

    it('is provisional: an approval committing first takes the serial, and the preview moves on', async () => {
      const first = await bringToAuthorityOverHttp(test, individual('401', 'wang-notes.cn'));
      const second = await bringToAuthorityOverHttp(test, individual('402', 'zhao-notes.cn'));
      const before = await preview(first);
      expect((await preview(second)).entityNumber).toBe(before.entityNumber);

      const secondApproved = await approve(second);
      expect(secondApproved.numbers?.entityNumber).toBe(before.entityNumber);
      const after = await preview(first);
      const serial = (number: string | undefined) => Number(/(\d{6})号$/u.exec(number ?? '')?.[1]);
      expect(serial(after.entityNumber)).toBe(serial(before.entityNumber) + 1);
      expect((await approve(first)).numbers).toEqual({
        entityNumber: after.entityNumber,
        serviceNumbers: [`${after.entityNumber}-1`],
      });
    });

    it('takes the year from the server’s clock in China time: 1 January 00:30 is the new year', async () => {
      const order = await bringToAuthorityOverHttp(test, individual('403', 'sun-notes.cn'));
      test.clock.set('2026-12-31T16:30:00.000Z');
      const shown = await preview(order);
      expect(shown.approvalYear).toBe(2027);
      expect(shown.entityNumber).toBe('京ICP备2027000001号');
      expect((await approve(order)).numbers).toEqual({
        entityNumber: '京ICP备2027000001号',
        serviceNumbers: ['京ICP备2027000001号-1'],
      });
    });
  });

  it('never answered with a server error', () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
  });
});
