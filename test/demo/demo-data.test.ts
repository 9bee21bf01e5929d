import { describe, expect, it } from 'vitest';
import { createUserAccount } from '../../src/app/accounts/create-user-account.ts';
import { getMyAccount } from '../../src/app/accounts/get-my-account.ts';
import { verifyAuditLog } from '../../src/app/audit/verify-audit-log.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/app/demo/demo-accounts.ts';
import { DEMO_AGENCY, DEMO_PROVIDER, seedAccountsStep } from '../../src/app/demo/seed-accounts.ts';
import { DEMO_SEED_STEPS, seedDemoData } from '../../src/app/demo/seed-demo.ts';
import { DEMO_SCENARIOS } from '../../src/app/demo/seed-orders.ts';
import { getOrder } from '../../src/app/orders/get-order.ts';
import { listOrders } from '../../src/app/orders/list-orders.ts';
import type { OrderDeps } from '../../src/app/orders/order-deps.ts';
import type { OrderRecord } from '../../src/app/orders/order-store.ts';
import { listInstances } from '../../src/app/providers/list-instances.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import { parseFilingNumber } from '../../src/domain/numbers/filing-number.ts';
import { validateOrderContent } from '../../src/domain/order-content/validate-order-content.ts';
import type { Actor } from '../../src/domain/policy/order-access.ts';
import { ORDER_STATUSES } from '../../src/domain/workflow/order-status.ts';
import { loadConfig } from '../../src/server/config.ts';
import { openDependencies } from '../../src/server/server.ts';
import { readCookies } from '../accounts/accounts-test-app.ts';
import { buildTestApp } from '../server/test-app.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildDemoSeedDeps, type DemoSeedTestDeps, demoNow, demoSecretKey, signIn } from './demo-test-kit.ts';

/** A small registry sample keeps the suite quick; the orders and accounts are the full demo. */
const SAMPLE_SERVICES = 200;
const APPROVED = DEMO_SCENARIOS.filter((scenario) => scenario.status === 'approved').length;

async function findActor(deps: DemoSeedTestDeps, email: string): Promise<Actor> {
  const user = await deps.accounts.stores.users.findByEmail(email);
  if (!user) throw new Error(`no account ${email}`);
  return (await getMyAccount(deps.accounts, user.id)).actor;
}

function listAllOrders(orders: OrderDeps): Promise<OrderRecord[]> {
  return orders.persistence.read.orders.listOrders({
    slices: [{ scope: { kind: 'all' } }],
    sort: 'updated',
    limit: 1_000,
    offset: 0,
  });
}

describe('the demo scenarios', () => {
  it('leave an order in every state, one entity each', () => {
    expect(new Set(DEMO_SCENARIOS.map((scenario) => scenario.status))).toEqual(new Set(ORDER_STATUSES));
    expect(DEMO_SCENARIOS.some((scenario) => scenario.filedBy === 'agent')).toBe(true);
    expect(new Set(DEMO_SCENARIOS.map((scenario) => scenario.entity.province))).toEqual(
      new Set(['11', '44']),
    );
  });

  it('run after the accounts they file as', () => {
    expect(DEMO_SEED_STEPS.map((step) => step.name)).toEqual(['registry', 'accounts', 'orders', 'licences']);
    expect(seedAccountsStep.logins).toBe(DEMO_ACCOUNTS);
  });
});

describeEachDatabase('the demo on an empty database', (database) => {
  let deps: DemoSeedTestDeps;

  it('seeds the registry, the accounts and the orders, and lists the sign-ins', {
    timeout: 120_000,
  }, async () => {
    deps = buildDemoSeedDeps(database.db, { services: SAMPLE_SERVICES });
    const report = await seedDemoData(deps);
    expect(report.status).toBe('seeded');
    expect(report.steps.map((step) => step.name)).toEqual(['registry', 'accounts', 'orders', 'licences']);
    expect(report.logins).toEqual(DEMO_ACCOUNTS);
    expect(report.steps[2]?.summary).toMatchObject({ orders: DEMO_SCENARIOS.length });
    expect(await verifyAuditLog(deps)).toMatchObject({ ok: true });
  });

  it('lets every demo account sign in with the published password, and no other password', async () => {
    for (const account of DEMO_ACCOUNTS) {
      expect(await signIn(deps.accounts, account.email, DEMO_PASSWORD), account.email).toBe(200);
    }
    expect(await signIn(deps.accounts, 'admin@demo.openbeian.test', 'not-the-password')).toBe(401);
  });

  it('gives each account its roles and organisation', async () => {
    const provider = await deps.accounts.stores.organisations.findByName(DEMO_PROVIDER.nameEn);
    const agency = await deps.accounts.stores.organisations.findByName(DEMO_AGENCY.nameZh);
    expect(provider?.kind).toBe('access_provider');
    expect(agency?.kind).toBe('agency');
    const authorities = await deps.accounts.stores.organisations.list({
      kind: 'authority',
      limit: 100,
      offset: 0,
    });
    expect(authorities.total).toBe(31);

    for (const account of DEMO_ACCOUNTS) {
      const actor = await findActor(deps, account.email);
      expect(new Set(actor.roles), account.email).toEqual(new Set(account.roles));
    }
    expect((await findActor(deps, 'provider@demo.openbeian.test')).providerOrgId).toBe(provider?.id);
    expect((await findActor(deps, 'authority@demo.openbeian.test')).authorityProvinceCode).toBe('11');
    expect((await findActor(deps, 'agent@demo.openbeian.test')).organisationIds).toEqual([agency?.id]);
    const applicant = await deps.accounts.stores.users.findByEmail('applicant@demo.openbeian.test');
    expect(await deps.orders.directory.isAgencyClient(agency?.id ?? '', applicant?.id ?? '')).toBe(true);
  });

  it('holds orders in every state, each where its people find it', async () => {
    const orders = await listAllOrders(deps.orders);
    expect(orders).toHaveLength(DEMO_SCENARIOS.length);
    expect(new Set(orders.map((order) => order.status))).toEqual(new Set(ORDER_STATUSES));
    expect(orders.every((order) => order.createdAt < demoNow && order.updatedAt < demoNow)).toBe(true);

    const applicant = await findActor(deps, 'applicant@demo.openbeian.test');
    const agent = await findActor(deps, 'agent@demo.openbeian.test');
    const provider = await findActor(deps, 'provider@demo.openbeian.test');
    const authority = await findActor(deps, 'authority@demo.openbeian.test');
    const seen = async (actor: Actor, view: 'all' | 'queue') =>
      (await listOrders(deps.orders, { actor, view, limit: 100 })).orders.map((order) => order.status);

    // The client sees what the agency filed for them.
    expect(await seen(applicant, 'all')).toHaveLength(DEMO_SCENARIOS.length);
    expect(await seen(agent, 'all')).toEqual(['approved']);
    expect(new Set(await seen(provider, 'queue'))).toEqual(
      new Set(['submitted', 'provider_review', 'identity_verification', 'ready_for_authority']),
    );
    expect(await seen(authority, 'queue')).toEqual(['authority_review']);

    const returned = orders.find((order) => order.status === 'returned_by_provider');
    const view = await getOrder(deps.orders, { actor: applicant, orderId: returned?.id ?? 0 });
    expect(view.returnReasons.map((reason) => reason.reasonCode)).toEqual([
      'site_name_mismatch',
      'licence_scan_unreadable',
    ]);
    const rejected = orders.find((order) => order.status === 'rejected_by_authority');
    expect(rejected?.returnReasons.map((reason) => reason.reasonCode)).toEqual([
      'personal_site_commercial_content',
    ]);

    // The draft is not finished: submission would ask for what it lacks.
    const draft = orders.find((order) => order.status === 'draft');
    const { content } = await getOrder(deps.orders, { actor: applicant, orderId: draft?.id ?? 0 });
    const findings = validateOrderContent(content, {
      mode: 'submit',
      orderType: 'first_filing',
      today: '2026-11-30',
      catalogue: defaultCatalogue,
    });
    expect(new Set(findings.fieldErrors.map((error) => error.path))).toEqual(
      new Set(['attachments', 'entity.mailingAddress', 'services[0].admin.emergencyPhone']),
    );
    // No documents uploaded yet: each required one is reported missing.
    expect(
      findings.fieldErrors.filter((error) => error.path === 'attachments').map((error) => error.code),
    ).toEqual(findings.checklist.filter((item) => item.required).map(() => 'document_missing'));

    // The open SMS check runs for 24 hours from shortly before the seed.
    const sms = orders.find((order) => order.status === 'sms_verification');
    const challenge = await deps.orders.persistence.read.orders.findOpenSmsChallenge(sms?.id ?? 0);
    expect(challenge?.expiresAt.getTime()).toBeGreaterThan(demoNow.getTime() + 20 * 3_600_000);
  });

  it('puts the approved orders in the registry with numbers the codec reads', async () => {
    const approved = (await listAllOrders(deps.orders)).filter((order) => order.status === 'approved');
    expect(approved).toHaveLength(APPROVED);
    for (const order of approved) {
      const record = await deps.registry.findByDomain(order.domain ?? '');
      expect(record?.entity.entityNumber).toBe(order.entityNumber);
      expect(record?.service.serviceNumber).toBe(order.issuedServiceNumbers[0]);
      const parsed = parseFilingNumber(order.entityNumber ?? '');
      expect(parsed.valid).toBe(true);
      expect(parsed.value?.province.code).toBe('11');
    }
    expect((await deps.registry.count()).services).toBe(SAMPLE_SERVICES + APPROVED);
  });

  it('gives the applicant instances with burnt, bound and unused codes, and one too short to file', async () => {
    const applicant = await findActor(deps, 'applicant@demo.openbeian.test');
    const instances = await listInstances(deps.orders, { actor: applicant });
    expect(instances).toHaveLength(5);
    expect(instances.filter((instance) => !instance.eligibility.eligible).map((i) => i.name)).toEqual([
      'sh-trial-1',
    ]);
    const codes = instances.flatMap((instance) => instance.codes);
    expect(new Set(codes.map((code) => code.status))).toEqual(new Set(['burnt', 'bound', 'available']));
    expect(codes.filter((code) => code.status === 'burnt')).toHaveLength(APPROVED);
    expect(codes.filter((code) => code.kind === 'authorization')).toHaveLength(1);
    expect(instances.every((instance) => instance.codes.length <= 5)).toBe(true);
  });

  it('changes nothing when it runs again', async () => {
    const head = await deps.auditLog.readHead();
    const report = await seedDemoData(deps);
    expect(report).toEqual({ status: 'already_seeded', steps: [], logins: DEMO_ACCOUNTS });
    expect(await deps.auditLog.readHead()).toEqual(head);
    expect(await listAllOrders(deps.orders)).toHaveLength(DEMO_SCENARIOS.length);
    expect((await deps.accounts.stores.users.list({ limit: 100, offset: 0 })).total).toBe(
      DEMO_ACCOUNTS.length,
    );
  });

  it("uploaded each submitted order's required documents before submitting, named in its content", async () => {
    const applicant = await findActor(deps, 'applicant@demo.openbeian.test');
    const orders = await listAllOrders(deps.orders);
    const submitted = orders.filter((order) => order.hasBeenSubmitted);
    expect(submitted).toHaveLength(DEMO_SCENARIOS.filter((scenario) => scenario.status !== 'draft').length);
    for (const order of orders) {
      const { content } = await getOrder(deps.orders, { actor: applicant, orderId: order.id });
      const documents = await deps.documents.persistence.read.documents.listOrderDocuments(order.id);
      if (!order.hasBeenSubmitted) {
        expect(documents, order.status).toEqual([]);
        continue;
      }
      const { checklist } = validateOrderContent(content, {
        mode: 'submit',
        orderType: order.type,
        today: '2026-11-30',
        catalogue: defaultCatalogue,
      });
      const required = checklist.filter((item) => item.required).map((item) => item.document.id);
      expect(new Set(documents.map((document) => document.kind)), order.status).toEqual(new Set(required));
      // The wizard's bookkeeping: every file is named in the content, each ID card with its person.
      expect(new Set(content.attachments?.map((attachment) => attachment.documentId))).toEqual(
        new Set(documents.map((document) => document.id)),
      );
      const idCards = content.attachments?.filter((attachment) => attachment.kind === 'id_card_scans') ?? [];
      const people = content.services?.some((service) => service.admin && !service.adminSameAsLeader) ? 2 : 1;
      expect(idCards.map((card) => card.personRef)).toEqual(
        people === 2 ? ['entity.leader', 'services[0].admin'] : ['entity.leader'],
      );
      // Uploaded through the use case: re-encoded images, sizes of small sample files.
      for (const document of documents) {
        expect(['image/png', 'application/pdf']).toContain(document.mime);
        expect(document.size).toBeLessThan(100_000);
      }
    }
  });

  it('lets the provider reviewer read the documents, and nobody unrelated', { timeout: 60_000 }, async () => {
    const limits = { max: 100_000, timeWindowMs: 60_000 };
    const { app } = await buildTestApp({
      accounts: deps.accounts,
      orders: deps.orders,
      documents: deps.documents,
      registry: deps.registry,
      clock: { now: () => demoNow },
      rateLimits: { publicApi: limits, signIn: limits },
    });
    try {
      const signInOver = async (email: string, password: string) => {
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/sign-in/email',
          payload: { email, password },
        });
        expect(response.statusCode, response.body).toBe(200);
        return readCookies(response);
      };
      const reviewer = await signInOver('provider@demo.openbeian.test', DEMO_PASSWORD);
      await createUserAccount(deps.accounts, {
        actorLabel: 'test',
        email: 'stranger@example.test',
        name: 'Stranger',
        password: 'a-long-stranger-password',
        role: 'applicant',
      });
      const stranger = await signInOver('stranger@example.test', 'a-long-stranger-password');

      const inReview = (await listAllOrders(deps.orders)).filter(
        (order) => order.hasBeenSubmitted && order.status !== 'withdrawn',
      );
      expect(inReview.length).toBeGreaterThan(0);
      for (const order of inReview) {
        const documents = await deps.documents.persistence.read.documents.listOrderDocuments(order.id);
        expect(documents.length, order.status).toBeGreaterThan(0);
        for (const document of documents) {
          const url = `/api/documents/${document.id}`;
          const read = await app.inject({ method: 'GET', url, headers: { cookie: reviewer } });
          expect(read.statusCode, `${order.status} ${document.kind}`).toBe(200);
          expect(read.headers['content-type']).toBe(document.mime);
          expect(read.rawPayload.subarray(0, 4).toString('latin1')).toBe(
            document.mime === 'application/pdf' ? '%PDF' : '\x89PNG',
          );
          const probed = await app.inject({ method: 'GET', url, headers: { cookie: stranger } });
          expect(probed.statusCode, `${order.status} ${document.kind}`).toBe(404);
        }
      }
    } finally {
      await app.close();
    }
  });
});

describeEachDatabase('the demo after a seed cut off among the orders', (database) => {
  it('finishes the orders without filing any entity twice', { timeout: 120_000 }, async () => {
    const deps = buildDemoSeedDeps(database.db, { services: SAMPLE_SERVICES });
    let codesLeft = 6;
    const failing = buildDemoSeedDeps(database.db, { services: SAMPLE_SERVICES });
    failing.orders = {
      ...failing.orders,
      random: {
        nextInt: (max) => deps.orders.random.nextInt(max),
        nextUuid: () => {
          codesLeft -= 1;
          if (codesLeft < 0) throw new Error('power cut');
          return deps.orders.random.nextUuid();
        },
      },
    };
    await expect(seedDemoData(failing)).rejects.toThrow('power cut');
    const partial = await listAllOrders(deps.orders);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(DEMO_SCENARIOS.length);

    const report = await seedDemoData(deps);
    expect(report.steps.map((step) => step.name)).toEqual(['orders', 'licences']);
    const orders = await listAllOrders(deps.orders);
    expect(orders).toHaveLength(DEMO_SCENARIOS.length);
    expect(new Set(orders.map((order) => order.entityCertificateIndex)).size).toBe(DEMO_SCENARIOS.length);
    expect(await verifyAuditLog(deps)).toMatchObject({ ok: true });
  });
});

describeEachDatabase('the demo on a database where someone signed up', (database) => {
  it('leaves the database alone although its audit log is empty', async () => {
    const deps = buildDemoSeedDeps(database.db, { services: SAMPLE_SERVICES });
    await deps.accounts.credentials.createUser({
      email: 'someone@example.test',
      name: 'Someone',
      password: 'a-long-password',
    });
    expect(await seedDemoData(deps)).toEqual({ status: 'not_empty', steps: [], logins: [] });
    expect((await deps.registry.count()).services).toBe(0);
  });
});

describeEachDatabase('the demo at awkward moments', (database) => {
  // New Year's Day just after midnight in China: a holiday, the sample's last year just ended, and
  // the orders' working days lie in the year before.
  it('seeds on a holiday night at the turn of the year', { timeout: 120_000 }, async () => {
    const now = new Date('2026-12-31T16:30:00Z');
    const deps = buildDemoSeedDeps(database.db, { services: SAMPLE_SERVICES, clock: { now: () => now } });
    const report = await seedDemoData(deps);
    expect(report.status).toBe('seeded');
    const orders = await listAllOrders(deps.orders);
    expect(new Set(orders.map((order) => order.status))).toEqual(new Set(ORDER_STATUSES));
    expect(orders.every((order) => order.updatedAt < now)).toBe(true);
  });
});

describeEachDatabase('a server start with DEMO=0', (database) => {
  it('seeds nothing but the built-in sandbox authorities, and audits nothing', async () => {
    const loaded = loadConfig({
      DATA_DIR: database.options.dataDir,
      DATABASE_URL: database.options.databaseUrl ?? '',
      DEMO: '0',
    });
    if (!loaded.ok) throw new Error(loaded.error.join('; '));
    const silent = { info: () => {}, warn: () => {}, error: () => {} };
    const dependencies = await openDependencies(loaded.value, demoSecretKey, silent);
    await dependencies.close();
    expect(dependencies.demo).toBeUndefined();

    const deps = buildDemoSeedDeps(database.db);
    expect((await deps.auditLog.readHead()).sequence).toBe(0);
    expect((await deps.registry.count()).services).toBe(0);
    expect((await deps.accounts.stores.users.list({ limit: 1, offset: 0 })).total).toBe(0);
    expect(await listAllOrders(deps.orders)).toEqual([]);
    expect(
      (await deps.accounts.stores.organisations.list({ kind: 'authority', limit: 1, offset: 0 })).total,
    ).toBe(31);
  });
});
