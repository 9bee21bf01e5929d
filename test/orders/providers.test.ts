import { beforeAll, expect, it } from 'vitest';
import { DomainError } from '../../src/app/errors.ts';
import { createOrder } from '../../src/app/orders/create-order.ts';
import { saveDraft } from '../../src/app/orders/save-draft.ts';
import { submitOrder } from '../../src/app/orders/submit-order.ts';
import { withdrawOrder } from '../../src/app/orders/withdraw-order.ts';
import { createInstance } from '../../src/app/providers/create-instance.ts';
import { issueServiceCode } from '../../src/app/providers/issue-service-code.ts';
import { listInstances } from '../../src/app/providers/list-instances.ts';
import { buildIndividualOrderContent, buildResidentId } from '../../src/domain/order-content/fixtures.ts';
import type { Actor } from '../../src/domain/policy/order-access.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  actors,
  createOrderKit,
  fileToApproval,
  type OrderKit,
  PROVIDER,
  withAccess,
} from './order-test-kit.ts';

async function failure(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

function issueCodes(error: DomainError): string[] {
  const details = error.details as { issues?: { code: string }[]; fieldErrors?: { code: string }[] };
  return [...(details.issues ?? []), ...(details.fieldErrors ?? [])].map((i) => i.code);
}

describeEachDatabase('providers, instances and service codes', (database) => {
  let kit: OrderKit;
  const owner = actors.applicant;
  const instance = {
    ownerUserId: owner.userId,
    name: 'web-1',
    region: 'cn-beijing',
    province: '北京',
    publicIp: '106.14.10.21',
    subscriptionStart: '2026-01-15',
    subscriptionEnd: '2026-04-14',
  };

  beforeAll(() => {
    kit = createOrderKit(database.db);
  });

  it('registers instances for provider administrators only, with checked fields', async () => {
    const created = await createInstance(kit.deps, { actor: actors.providerAdmin, ...instance });
    expect(created).toMatchObject({ providerOrgId: PROVIDER, provinceCode: '11', codesRemaining: 5 });
    expect(created.eligibility).toEqual({ eligible: true, issues: [] });

    expect((await failure(createInstance(kit.deps, { actor: owner, ...instance }))).code).toBe('forbidden');
    const bad = await failure(
      createInstance(kit.deps, {
        actor: actors.providerAdmin,
        ...instance,
        publicIp: '192.168.1.2',
        province: 'Hong Kong',
        subscriptionEnd: '2026-13-01',
      }),
    );
    expect(bad.code).toBe('validation_failed');
    expect(issueCodes(bad).sort()).toEqual(['instance_not_in_mainland', 'invalid_date', 'invalid_public_ip']);
  });

  it('issues codes only for instances subscribed three months or more', async () => {
    const short = await createInstance(kit.deps, {
      actor: actors.providerAdmin,
      ...instance,
      subscriptionEnd: '2026-04-13',
    });
    expect(short.eligibility.issues.map((i) => i.code)).toEqual(['subscription_too_short']);
    const refused = await failure(issueServiceCode(kit.deps, { actor: owner, instanceId: short.id }));
    expect(issueCodes(refused)).toEqual(['subscription_too_short']);
  });

  it('issues at most five single-use codes per instance, to its holder or the provider', async () => {
    const created = await createInstance(kit.deps, { actor: actors.providerAdmin, ...instance });
    expect(
      (await failure(issueServiceCode(kit.deps, { actor: actors.otherApplicant, instanceId: created.id })))
        .code,
    ).toBe('not_found');
    for (let i = 0; i < 4; i += 1) await issueServiceCode(kit.deps, { actor: owner, instanceId: created.id });
    const fifth = await issueServiceCode(kit.deps, { actor: actors.providerAdmin, instanceId: created.id });
    expect(fifth.codesRemaining).toBe(0);
    const sixth = await failure(issueServiceCode(kit.deps, { actor: owner, instanceId: created.id }));
    expect(sixth.code).toBe('conflict');
    expect(issueCodes(sixth)).toEqual(['codes_exhausted']);
    const listed = await listInstances(kit.deps, { actor: owner });
    expect(listed.find((i) => i.id === created.id)?.codes).toHaveLength(5);
    expect(await listInstances(kit.deps, { actor: actors.otherApplicant })).toEqual([]);
  });

  it('binds a code at submission, refuses it to other orders, and burns it at approval', async () => {
    const created = await createInstance(kit.deps, {
      actor: actors.providerAdmin,
      ...instance,
      subscriptionEnd: '2026-12-31',
    });
    const { code } = await issueServiceCode(kit.deps, { actor: owner, instanceId: created.id });
    const authorised = await issueServiceCode(kit.deps, {
      actor: owner,
      instanceId: created.id,
      kind: 'authorization',
      granteeUserId: actors.otherApplicant.userId,
    });
    expect(authorised.code.expiresAt).toBe('2027-03-02T15:59:59.999Z');

    const person = (n: number) => buildResidentId('110105', '1985-01-01', String(300 + n));
    async function draftWith(actor: Actor, n: number, serviceCode: string) {
      const domain = `codes-${n}.cn`;
      const content = buildIndividualOrderContent({
        entity: { certificateNumber: person(n), leader: { certificateNumber: person(n) } },
        services: [{ domain, homeUrl: `https://${domain}/` }],
      });
      const { order } = await createOrder(kit.deps, {
        actor,
        intent: 'file_service',
        certificateNumber: person(n),
        province: '11',
        domain,
        providerOrgId: PROVIDER,
      });
      const withCode = withAccess(content, created.id, [serviceCode]);
      await saveDraft(kit.deps, { actor, orderId: order.id, content: withCode });
      return { orderId: order.id, content: withCode, domain, certificateNumber: person(n) };
    }

    const first = await draftWith(owner, 1, code.code);
    await submitOrder(kit.deps, { actor: owner, orderId: first.orderId });
    const second = await draftWith(owner, 2, code.code);
    const inUse = await failure(submitOrder(kit.deps, { actor: owner, orderId: second.orderId }));
    expect(issueCodes(inUse)).toEqual(['service_code_in_use']);

    // Someone else cannot use the holder's own code, but can use the authorisation made out to them.
    const stranger = await draftWith(actors.otherApplicant, 3, code.code);
    expect(
      issueCodes(
        await failure(submitOrder(kit.deps, { actor: actors.otherApplicant, orderId: stranger.orderId })),
      ),
    ).toEqual(['service_code_not_yours', 'service_code_in_use']);
    await withdrawOrder(kit.deps, { actor: actors.otherApplicant, orderId: stranger.orderId });
    const granted = await draftWith(actors.otherApplicant, 4, authorised.code.code);
    await submitOrder(kit.deps, { actor: actors.otherApplicant, orderId: granted.orderId });
    await withdrawOrder(kit.deps, { actor: actors.otherApplicant, orderId: granted.orderId });

    await withdrawOrder(kit.deps, { actor: owner, orderId: first.orderId });
    await withdrawOrder(kit.deps, { actor: owner, orderId: second.orderId });
    await fileToApproval(kit, {
      owner,
      create: {
        intent: 'file_service',
        certificateNumber: first.certificateNumber,
        province: '11',
        domain: first.domain,
        providerOrgId: PROVIDER,
      },
      content: first.content,
    });
    const [listed] = (await listInstances(kit.deps, { actor: owner })).filter((i) => i.id === created.id);
    expect(listed?.codes.find((c) => c.code === code.code)).toMatchObject({ status: 'burnt' });

    const reused = await draftWith(owner, 5, code.code);
    expect(
      issueCodes(await failure(submitOrder(kit.deps, { actor: owner, orderId: reused.orderId }))),
    ).toEqual(['service_code_used']);
  });
});
