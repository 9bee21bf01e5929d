import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganisation } from '../../src/app/accounts/create-organisation.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import { buildEnterpriseOrderContent, buildEnterpriseUscc } from '../../src/domain/order-content/fixtures.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  buildHttpTestApp,
  call,
  createPerson,
  createProviderStaff,
  fileToApprovalOverHttp,
  findServerErrors,
  type HttpTestApp,
  type Person,
  type ProviderStaff,
  provisionInstance,
  withAccess,
} from './http-test-kit.ts';

/**
 * Every step of an order's history names who took it (GET /api/orders/:ref events[].actor): the
 * person's display name, the part they played and the organisation they acted for, read from the real
 * accounts tables; never an e-mail address.
 */

interface EventActor {
  kind: 'user' | 'system';
  userId?: string;
  name?: string;
  role?: string;
  organisation?: { en: string; zh: string };
  provinceCode?: string;
  onBehalfOf?: string;
}

interface OrderWithActors {
  reference: string;
  createdBy: EventActor;
  events: { type: string; actor: EventActor }[];
}

function actorOf(order: OrderWithActors, type: string): EventActor | undefined {
  return order.events.find((e) => e.type === type)?.actor;
}

const beijingAuthority = defaultCatalogue.provinces.find((p) => p.code === '11')?.authority;

describeEachDatabase('who did each step, over HTTP', (database) => {
  let test: HttpTestApp;
  let provider: ProviderStaff;
  let authority: Person;
  let applicant: Person;
  let agent: Person;
  let agentOrgId: string;

  beforeAll(async () => {
    test = await buildHttpTestApp(database.db);
    provider = await createProviderStaff(test, 'Actor Cloud');
    authority = await createPerson(test, 'authority_reviewer', { provinceCode: '11' });
    applicant = await createPerson(test, 'applicant');
    const agency = await createOrganisation(test.accounts, {
      actorLabel: 'test',
      organisation: {
        kind: 'agency',
        nameEn: 'Actor Filing Agency',
        nameZh: '演员备案代理',
        provinceCode: null,
      },
    });
    agentOrgId = agency.id;
    agent = await createPerson(test, 'agent', { organisation: agentOrgId });
  }, 120_000);
  afterAll(() => test.close());

  async function fileFor(owner: Person, tag: string, extra: Record<string, unknown> = {}) {
    const domain = `actor-${tag}.cn`;
    const content = buildEnterpriseOrderContent({
      entity: { certificateNumber: buildEnterpriseUscc('110105', `MA01${tag.toUpperCase().padEnd(4, 'X')}`) },
      services: [{ domain, homeUrl: `https://${domain}/` }],
    });
    const { instanceId, codes } = await provisionInstance(test, provider, owner);
    const approval = await fileToApprovalOverHttp(test, {
      owner,
      provider,
      authority,
      create: {
        intent: 'file_service',
        certificateNumber: content.entity?.certificateNumber ?? '',
        province: '11',
        domain,
        ...extra,
      },
      content: withAccess(content, instanceId, codes),
    });
    return { reference: approval.order.reference, entityName: content.entity?.name ?? '' };
  }

  it('names the applicant, the provider reviewer and the authority reviewer with their organisations', async () => {
    const { reference } = await fileFor(applicant, 'appl');
    // Another party reads the history: the provider's reviewer.
    const order = await call<OrderWithActors>(test, 'GET', `/api/orders/${reference}`, {
      cookie: provider.reviewer.cookie,
    });
    const applicantActor = { kind: 'user', userId: applicant.userId, role: 'applicant' };
    expect(order.createdBy).toMatchObject(applicantActor);
    expect(order.createdBy.name).toMatch(/^Test applicant \d+$/u);
    expect(actorOf(order, 'submitted')).toMatchObject(applicantActor);
    expect(actorOf(order, 'sms_code_accepted')).toMatchObject(applicantActor);
    for (const type of ['provider_review_started', 'approved_by_provider', 'sent_to_authority']) {
      expect(actorOf(order, type), type).toMatchObject({
        kind: 'user',
        userId: provider.reviewer.userId,
        role: 'provider_reviewer',
        organisation: { en: 'Actor Cloud', zh: 'Actor Cloud云' },
      });
    }
    expect(actorOf(order, 'approved_by_authority')).toMatchObject({
      kind: 'user',
      userId: authority.userId,
      role: 'authority_reviewer',
      provinceCode: '11',
      organisation: { en: beijingAuthority?.nameEn, zh: beijingAuthority?.nameZh },
    });
    expect(actorOf(order, 'approved_by_authority')?.name).toMatch(/^Test authority_reviewer \d+$/u);
    // Names, not ways to reach people: no party's e-mail address is in the history.
    const body = JSON.stringify(order);
    for (const person of [applicant, provider.reviewer, authority]) expect(body).not.toContain(person.email);
  });

  it('names an agent as acting for the entity filed, with the agency', async () => {
    const { reference, entityName } = await fileFor(agent, 'agnt', { agentOrgId });
    const order = await call<OrderWithActors>(test, 'GET', `/api/orders/${reference}`, {
      cookie: authority.cookie,
    });
    const agentActor = {
      kind: 'user',
      userId: agent.userId,
      role: 'agent',
      organisation: { en: 'Actor Filing Agency', zh: '演员备案代理' },
      onBehalfOf: entityName,
    };
    expect(order.createdBy).toMatchObject(agentActor);
    expect(actorOf(order, 'submitted')).toMatchObject(agentActor);
    expect(JSON.stringify(order)).not.toContain(agent.email);
  });

  it('masks the filer side for viewers who see the content masked, not the staff', async () => {
    const platformAdmin = await createPerson(test, 'platform_admin');
    const applicantOrder = await fileFor(applicant, 'mkap');
    const agentOrder = await fileFor(agent, 'mkag', { agentOrgId });
    // 王小明 → 王**: the first character, a mask for each other.
    const maskedName = (name = '') => `${name.slice(0, 1)}${'*'.repeat(name.length - 1)}`;
    for (const viewer of [provider.admin, platformAdmin]) {
      const mine = await call<OrderWithActors & { isPersonalDataMasked: boolean }>(
        test,
        'GET',
        `/api/orders/${applicantOrder.reference}`,
        { cookie: viewer.cookie },
      );
      expect(mine.isPersonalDataMasked).toBe(true);
      // The reviewer reads the same history with the names in the clear.
      const clear = await call<OrderWithActors>(test, 'GET', `/api/orders/${applicantOrder.reference}`, {
        cookie: provider.reviewer.cookie,
      });
      const applicantName = clear.createdBy.name;
      expect(applicantName).toMatch(/^Test applicant \d+$/u);
      expect(mine.createdBy).toMatchObject({ userId: applicant.userId, role: 'applicant' });
      expect(mine.createdBy.name).toBe(maskedName(applicantName));
      expect(mine.createdBy.name).toMatch(/^T\*+$/u);
      expect(actorOf(mine, 'submitted')?.name).toBe(maskedName(applicantName));
      // Staff keep their names: the provider's reviewer and the authority's.
      expect(actorOf(mine, 'approved_by_provider')?.name).toBe(actorOf(clear, 'approved_by_provider')?.name);
      expect(actorOf(mine, 'approved_by_provider')?.name).toMatch(/^Test provider_reviewer \d+$/u);
      expect(actorOf(mine, 'approved_by_authority')?.name).toMatch(/^Test authority_reviewer \d+$/u);
      expect(JSON.stringify(mine)).not.toContain(applicantName);

      const filed = await call<OrderWithActors>(test, 'GET', `/api/orders/${agentOrder.reference}`, {
        cookie: viewer.cookie,
      });
      const agentName = (
        await call<OrderWithActors>(test, 'GET', `/api/orders/${agentOrder.reference}`, {
          cookie: authority.cookie,
        })
      ).createdBy.name;
      expect(agentName).toMatch(/^Test agent \d+$/u);
      // The company filed for is public, as in the content; the agent's own name is masked.
      expect(filed.createdBy).toMatchObject({
        userId: agent.userId,
        role: 'agent',
        name: maskedName(agentName),
        organisation: { en: 'Actor Filing Agency', zh: '演员备案代理' },
        onBehalfOf: agentOrder.entityName,
      });
      expect(actorOf(filed, 'submitted')?.name).toBe(maskedName(agentName));
      expect(JSON.stringify(filed)).not.toContain(agentName);
    }
  });

  it('answered no request with a 5xx', () => {
    expect(findServerErrors(test.readLogs())).toEqual([]);
  });
});
