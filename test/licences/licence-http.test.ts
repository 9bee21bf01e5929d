import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganisation } from '../../src/app/accounts/create-organisation.ts';
import { buildEnterpriseUscc } from '../../src/domain/order-content/fixtures.ts';
import {
  call,
  createPerson,
  fail,
  findServerErrors,
  type Person,
  readFieldPaths,
  send,
} from '../http/http-test-kit.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildLicenceHttpApp, type LicenceHttpApp } from './licence-http-kit.ts';

/** The licence workflow over HTTP on SQLite and PostgreSQL: sessions, schemas, status codes, views. */

interface Material {
  id: string;
  provided: boolean;
}

interface LicenceAnswer {
  id: number;
  reference: string;
  status: string;
  version: number;
  allowedActions: string[];
  prerequisites: { isMet: boolean; blocking: string[]; checks: { ruleId: string; outcome: string }[] };
  materials: Material[];
  deadlines: { acceptanceDue?: string; reviewDue?: string };
  reasons: { reasonCode: string; fieldPath?: string }[];
  licence?: { telecomLicenceNumber: string; icpLicenceNumber?: string; changes: { id: number }[] };
  obligations?: { renewal: { state: string }; annualReports: { forYear: number; state: string }[] };
  events: { type: string }[];
  authority: { id: string };
}

interface CommandAnswer {
  application: LicenceAnswer;
  numbers?: { telecomLicenceNumber: string; icpLicenceNumber?: string };
}

let companies = 0;

function companyInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  companies += 1;
  return {
    kind: 'icp',
    scope: 'provincial',
    province: '北京',
    companyName: `北京第${companies}网络科技有限公司`,
    uscc: buildEnterpriseUscc('110108', `MH${String(companies).padStart(6, '0')}`),
    facts: {
      applicantKind: 'chinese_company',
      registeredCapitalRmb: 1_000_000,
      icpFilingNumber: '京ICP备2025000123号',
    },
    ...overrides,
  };
}

function allProvided(answer: LicenceAnswer): Record<string, { provided: true }> {
  return Object.fromEntries(answer.materials.map((m) => [m.id, { provided: true }]));
}

describeEachDatabase('licences over HTTP', (database) => {
  let test: LicenceHttpApp;
  let applicant: Person;
  let other: Person;
  let authority: Person;
  let admin: Person;

  const url = (answer: { reference: string }, path = '') => `/api/licences/${answer.reference}${path}`;

  async function create(person: Person, payload: Record<string, unknown>): Promise<LicenceAnswer> {
    return call<LicenceAnswer>(test, 'POST', '/api/licences', {
      cookie: person.cookie,
      payload,
      status: 201,
    });
  }

  async function command(person: Person, answer: LicenceAnswer, payload: Record<string, unknown>) {
    return call<CommandAnswer>(test, 'POST', url(answer, '/commands'), { cookie: person.cookie, payload });
  }

  /** Created, every material marked, submitted, checked and accepted by `decider`. */
  async function bringToReview(owner: Person, decider: Person, payload: Record<string, unknown>) {
    const created = await create(owner, payload);
    await call(test, 'PUT', url(created, '/draft'), {
      cookie: owner.cookie,
      payload: { materials: allProvided(created) },
    });
    await call(test, 'POST', url(created, '/submit'), { cookie: owner.cookie });
    await command(decider, created, { kind: 'start_acceptance_check' });
    const accepted = await command(decider, created, { kind: 'accept' });
    expect(accepted.application.status).toBe('under_review');
    return accepted.application;
  }

  beforeAll(async () => {
    test = await buildLicenceHttpApp(database.db);
    applicant = await createPerson(test, 'applicant');
    other = await createPerson(test, 'applicant');
    authority = await createPerson(test, 'authority_reviewer', { provinceCode: '11' });
    admin = await createPerson(test, 'platform_admin');
  }, 120_000);
  afterAll(() => test.close());

  it('serves the materials checklist and the prerequisite check to anyone', async () => {
    const materials = await call<{ items: { id: string }[] }>(
      test,
      'GET',
      '/api/licences/materials?kind=edi&scope=cross_regional&foreignInvested=true&preApprovals=education',
    );
    expect(materials.items.map((m) => m.id)).toEqual(
      expect.arrayContaining(['platform_rules', 'foreign_investment_opinion', 'pre_approval:education']),
    );
    const checked = await call<{ isMet: boolean; blocking: string[]; facts: { icpFilingNumber: string } }>(
      test,
      'POST',
      '/api/licences/prerequisites',
      {
        payload: {
          kind: 'icp',
          scope: 'provincial',
          province: '11',
          facts: {
            applicantKind: 'joint_venture',
            chineseOwnershipPercent: 40,
            registeredCapitalRmb: 3_000_000,
            icpFilingNumber: '京icp备2025000123号',
          },
        },
      },
    );
    expect(checked).toMatchObject({ isMet: false, blocking: ['licence.foreign_ownership.over_cap'] });
    expect(checked.facts.icpFilingNumber).toBe('京ICP备2025000123号');
    const malformed = await fail(test, 'POST', '/api/licences/prerequisites', 400, {
      payload: {
        kind: 'icp',
        scope: 'provincial',
        province: '11',
        facts: { applicantKind: 'chinese_company', icpFilingNumber: 'ICP-1' },
      },
    });
    expect(readFieldPaths(malformed)).toContain('facts.icpFilingNumber');
    await fail(test, 'POST', '/api/licences', 401, { payload: companyInput() });
  });

  it('runs a Beijing ICP application from draft to the issued licence, with a materials request on the way', async () => {
    const created = await create(applicant, companyInput());
    expect(created).toMatchObject({
      status: 'draft',
      authority: { id: '11' },
      prerequisites: { isMet: true },
    });
    expect(created.reference).toMatch(/^LA-2026-\d{6}$/u);

    // Invisible to others, also under a reference with the wrong year.
    await fail(test, 'GET', url(created), 404, { cookie: other.cookie });
    await fail(test, 'GET', url(created), 404, { cookie: authority.cookie });
    await fail(test, 'GET', `/api/licences/${created.reference.replace('2026', '2025')}`, 404, {
      cookie: applicant.cookie,
    });
    await fail(test, 'GET', '/api/licences/not-a-reference', 400, { cookie: applicant.cookie });

    const refused = await fail(test, 'POST', url(created, '/submit'), 400, { cookie: applicant.cookie });
    expect(readFieldPaths(refused)).toContain('materials.business_licence');
    const unknown = await fail(test, 'PUT', url(created, '/draft'), 400, {
      cookie: applicant.cookie,
      payload: { materials: { lottery_permit: { provided: true } } },
    });
    expect(readFieldPaths(unknown)).toEqual(['materials.lottery_permit']);
    await call(test, 'PUT', url(created, '/draft'), {
      cookie: applicant.cookie,
      payload: { materials: allProvided(created) },
    });
    const submitted = await call<LicenceAnswer>(test, 'POST', url(created, '/submit'), {
      cookie: applicant.cookie,
    });
    expect(submitted.status).toBe('submitted');
    expect(submitted.deadlines.acceptanceDue).toBe('2026-03-09T15:59:59.999Z');

    const queue = await call<{ items: { reference: string }[] }>(
      test,
      'GET',
      '/api/licences?status=submitted',
      {
        cookie: authority.cookie,
      },
    );
    expect(queue.items.map((i) => i.reference)).toContain(created.reference);
    const inbox = await call<{ items: { kind: string }[] }>(test, 'GET', '/api/inbox?limit=100', {
      cookie: authority.cookie,
    });
    expect(inbox.items.map((m) => m.kind)).toContain('licence_application_submitted');

    await fail(test, 'POST', url(created, '/commands'), 403, {
      cookie: applicant.cookie,
      payload: { kind: 'start_acceptance_check' },
    });
    await fail(test, 'POST', url(created, '/commands'), 404, {
      cookie: other.cookie,
      payload: { kind: 'start_acceptance_check' },
    });
    await fail(test, 'POST', url(created, '/commands'), 400, {
      cookie: authority.cookie,
      payload: { kind: 'approve_everything' },
    });
    await fail(test, 'POST', url(created, '/commands'), 409, {
      cookie: authority.cookie,
      payload: { kind: 'accept' },
    });
    await command(authority, created, { kind: 'start_acceptance_check' });
    const noReasons = await fail(test, 'POST', url(created, '/commands'), 400, {
      cookie: authority.cookie,
      payload: { kind: 'request_materials', reasons: [] },
    });
    expect(readFieldPaths(noReasons)).toEqual(['reasons']);
    const requested = await command(authority, created, {
      kind: 'request_materials',
      reasons: [
        {
          fieldPath: 'materials.idc_contract',
          reasonCode: 'idc_contract_expired',
          text: { zh: '托管合同已过期' },
        },
      ],
    });
    expect(requested.application).toMatchObject({
      status: 'materials_requested',
      reasons: [{ fieldPath: 'materials.idc_contract', reasonCode: 'idc_contract_expired' }],
    });

    test.clock.advanceHours(24);
    const supplemented = await call<LicenceAnswer>(test, 'PUT', url(created, '/draft'), {
      cookie: applicant.cookie,
      payload: {
        materials: { ...allProvided(created), idc_contract: { provided: true, note: '2026–2027 合同' } },
      },
    });
    expect(supplemented).toMatchObject({ version: 2, allowedActions: ['edit', 'submit', 'withdraw'] });
    await call(test, 'POST', url(created, '/submit'), { cookie: applicant.cookie });
    await command(authority, created, { kind: 'start_acceptance_check' });
    await command(authority, created, { kind: 'accept' });
    const approved = await command(authority, created, { kind: 'approve' });
    expect(approved.numbers?.telecomLicenceNumber).toMatch(/^京B2-2026\d{4}$/u);
    expect(approved.numbers?.icpLicenceNumber).toMatch(/^京ICP证26\d{4}号$/u);
    expect(approved.application).toMatchObject({
      status: 'approved',
      licence: { telecomLicenceNumber: approved.numbers?.telecomLicenceNumber },
      obligations: { renewal: { state: 'not_yet' } },
    });
    expect(approved.application.events.map((e) => e.type)).toContain('resubmitted');
    await fail(test, 'POST', url(created, '/withdraw'), 409, { cookie: applicant.cookie });

    // The duties of the issued licence.
    const early = await fail(test, 'POST', url(created, '/annual-reports'), 400, {
      cookie: applicant.cookie,
      payload: { year: 2026 },
    });
    expect(early.details).toEqual([
      expect.objectContaining({ path: 'year', code: 'annual_report_not_open' }),
    ]);
    await fail(test, 'POST', url(created, '/annual-reports'), 403, {
      cookie: authority.cookie,
      payload: { year: 2026 },
    });
    test.clock.set('2027-01-05T02:00:00Z');
    const reported = await call<LicenceAnswer>(test, 'POST', url(created, '/annual-reports'), {
      cookie: applicant.cookie,
      payload: { year: 2026 },
    });
    expect(reported.obligations?.annualReports[0]).toEqual(
      expect.objectContaining({ forYear: 2026, state: 'done' }),
    );
    await fail(test, 'POST', url(created, '/annual-reports'), 409, {
      cookie: applicant.cookie,
      payload: { year: 2026 },
    });
    const changed = await call<LicenceAnswer>(test, 'POST', url(created, '/changes'), {
      cookie: applicant.cookie,
      payload: { kind: 'address', description: '迁至海淀区中关村大街1号', effectiveOn: '2026-12-01' },
    });
    const changeId = changed.licence?.changes[0]?.id;
    await call(test, 'POST', url(created, `/changes/${changeId}/filed`), {
      cookie: applicant.cookie,
      payload: { filedOn: '2027-01-04' },
    });
    await fail(test, 'POST', url(created, '/renewal'), 400, {
      cookie: applicant.cookie,
      payload: { appliedOn: '2027-02-01' },
    });
    const renewed = await call<LicenceAnswer>(test, 'POST', url(created, '/renewal'), {
      cookie: applicant.cookie,
      payload: { appliedOn: '2027-01-05' },
    });
    expect(renewed.obligations?.renewal.state).toBe('done');
    expect(renewed.events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'annual_report_recorded',
        'change_recorded',
        'change_filed',
        'renewal_applied_recorded',
      ]),
    );
    test.clock.set('2026-03-03T02:00:00Z');
  });

  it('issues distinct numbers to two concurrent approvals', async () => {
    const first = await bringToReview(applicant, authority, companyInput());
    const second = await bringToReview(applicant, authority, companyInput({ kind: 'edi' }));
    const [a, b] = await Promise.all([
      command(authority, first, { kind: 'approve' }),
      command(authority, second, { kind: 'approve' }),
    ]);
    expect(a.numbers?.telecomLicenceNumber).not.toBe(b.numbers?.telecomLicenceNumber);
    expect(b.numbers?.icpLicenceNumber).toBeUndefined();
  });

  it('lets platform administrators decide a cross-regional EDI licence of a WFOE, and blocks a 60 %-foreign ICP one', async () => {
    const edi = companyInput({
      kind: 'edi',
      scope: 'cross_regional',
      facts: {
        applicantKind: 'wfoe',
        registeredCapitalRmb: 10_000_000,
        icpFilingNumber: '京ICP备2025000124号',
      },
    });
    const review = await bringToReview(applicant, admin, edi);
    expect(review.authority.id).toBe('miit');
    await fail(test, 'GET', url(review), 404, { cookie: authority.cookie });
    const approved = await command(admin, review, { kind: 'approve' });
    expect(approved.numbers?.telecomLicenceNumber).toMatch(/^B2-2026\d{4}$/u);

    const blocked = await create(
      applicant,
      companyInput({
        facts: {
          applicantKind: 'joint_venture',
          chineseOwnershipPercent: 40,
          registeredCapitalRmb: 3_000_000,
          icpFilingNumber: '京ICP备2025000125号',
        },
      }),
    );
    expect(blocked.prerequisites).toMatchObject({
      isMet: false,
      blocking: ['licence.foreign_ownership.over_cap'],
    });
    await call(test, 'PUT', url(blocked, '/draft'), {
      cookie: applicant.cookie,
      payload: { materials: allProvided(blocked) },
    });
    const refused = await send(test, 'POST', url(blocked, '/submit'), { cookie: applicant.cookie });
    expect(refused.statusCode).toBe(400);
    const error = (
      refused.json() as { error: { details: { path: string; code: string; message: string }[] } }
    ).error;
    expect(error.details).toEqual([
      expect.objectContaining({
        path: 'facts',
        code: 'prerequisite_not_met',
        message: expect.stringContaining('60 %'),
      }),
    ]);
    await fail(test, 'POST', url(blocked, '/submit'), 404, { cookie: other.cookie });
  });

  it('lets an agent apply for a client who holds the application with it', async () => {
    const agency = await createOrganisation(test.accounts, {
      actorLabel: 'test',
      organisation: {
        kind: 'agency',
        nameEn: `Licence Agents ${process.pid}`,
        nameZh: '许可代理',
        provinceCode: null,
      },
    });
    const agent = await createPerson(test, 'agent', { organisation: agency.id });
    const client = await createPerson(test, 'applicant');
    await call(test, 'POST', '/api/agent/clients', {
      cookie: agent.cookie,
      payload: { clientEmail: client.email },
      status: 201,
    });
    const created = await create(agent, companyInput({ agentOrgId: agency.id, clientUserId: client.userId }));
    const seen = await call<LicenceAnswer>(test, 'GET', url(created), { cookie: client.cookie });
    expect(seen.allowedActions).toEqual([]);
    await fail(test, 'PUT', url(created, '/draft'), 403, {
      cookie: client.cookie,
      payload: { materials: {} },
    });
    await call(test, 'PUT', url(created, '/draft'), {
      cookie: agent.cookie,
      payload: { materials: allProvided(created) },
    });
    const submitted = await call<LicenceAnswer>(test, 'POST', url(created, '/submit'), {
      cookie: agent.cookie,
    });
    expect(submitted.status).toBe('submitted');
    const listed = await call<{ items: { reference: string }[] }>(test, 'GET', '/api/licences', {
      cookie: client.cookie,
    });
    expect(listed.items.map((i) => i.reference)).toContain(created.reference);
    const stranger = await fail(test, 'POST', '/api/licences', 400, {
      cookie: agent.cookie,
      payload: companyInput({ agentOrgId: agency.id, clientUserId: other.userId }),
    });
    expect(readFieldPaths(stranger)).toEqual(['clientUserId']);
  });

  it('answers random bodies with a 4xx or a 2xx, never a 5xx', async () => {
    const target = await create(applicant, companyInput());
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer({ min: -5, max: 200_000_000 }),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(
        '京ICP备2025000123号',
        'joint_venture',
        'wfoe',
        'beijing',
        'materials.idc_contract',
        '2026-13-40',
      ),
    );
    const facts = fc.record(
      {
        applicantKind: fc.constantFrom('chinese_company', 'joint_venture', 'wfoe', 'chinese_individual', 'x'),
        chineseOwnershipPercent: fc.oneof(fc.integer({ min: -1, max: 101 }), value),
        registeredCapitalRmb: value,
        pilotZone: fc.constantFrom('beijing', 'shenzhen', 'mars'),
        icpFilingNumber: value,
        preApprovals: fc.array(fc.constantFrom('news', 'education', 'casino'), { maxLength: 3 }),
      },
      { requiredKeys: ['applicantKind'] },
    );
    const body = fc.oneof(
      fc.record({
        kind: fc.constantFrom('icp', 'edi', 'x'),
        scope: fc.constantFrom('provincial', 'cross_regional'),
        province: fc.constantFrom('11', '粤', 'atlantis'),
        facts,
      }),
      fc.dictionary(
        fc.constantFrom('kind', 'reasons', 'issuedOn', 'year', 'appliedOn', 'materials', 'facts'),
        value,
      ),
      fc.record({
        kind: fc.constantFrom('request_materials', 'approve', 'reject'),
        reasons: fc.array(fc.record({ reasonCode: value, text: fc.record({ en: value }) }), { maxLength: 2 }),
        issuedOn: value,
      }),
    );
    const routes = [
      ['POST', '/api/licences/prerequisites'],
      ['PUT', url(target, '/draft')],
      ['POST', url(target, '/commands')],
      ['POST', url(target, '/annual-reports')],
      ['POST', url(target, '/changes')],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, async ([method, path], payload) => {
        const response = await send(test, method, path, { cookie: applicant.cookie, payload });
        expect(
          response.statusCode,
          `${method} ${path} ${JSON.stringify(payload)}: ${response.body}`,
        ).toBeLessThan(500);
      }),
      { numRuns: 60 },
    );
  });

  it('answered no request with a 5xx', () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
  });
});
