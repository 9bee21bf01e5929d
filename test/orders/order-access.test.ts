import { beforeAll, expect, it } from 'vitest';
import { DomainError } from '../../src/app/errors.ts';
import { approveAsAuthority } from '../../src/app/orders/approve-as-authority.ts';
import { approveAsProvider } from '../../src/app/orders/approve-as-provider.ts';
import { createOrder } from '../../src/app/orders/create-order.ts';
import { diffOrderVersions } from '../../src/app/orders/diff-order-versions.ts';
import { getOrder } from '../../src/app/orders/get-order.ts';
import { listOrders } from '../../src/app/orders/list-orders.ts';
import { recordIdentityVerification } from '../../src/app/orders/record-identity-verification.ts';
import { rejectAsAuthority } from '../../src/app/orders/reject-as-authority.ts';
import { returnOrder } from '../../src/app/orders/return-order.ts';
import { saveDraft } from '../../src/app/orders/save-draft.ts';
import { sendToAuthority } from '../../src/app/orders/send-to-authority.ts';
import { startProviderReview } from '../../src/app/orders/start-provider-review.ts';
import { submitOrder } from '../../src/app/orders/submit-order.ts';
import { submitSmsCode } from '../../src/app/orders/submit-sms-code.ts';
import { withdrawOrder } from '../../src/app/orders/withdraw-order.ts';
import { buildEnterpriseOrderContent, buildEnterpriseUscc } from '../../src/domain/order-content/fixtures.ts';
import type { Actor } from '../../src/domain/policy/order-access.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  actors,
  bringToAuthority,
  createOrderKit,
  type OrderKit,
  PROVIDER,
  provisionInstance,
  withAccess,
} from './order-test-kit.ts';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error.code;
}

const content = buildEnterpriseOrderContent({
  entity: { certificateNumber: buildEnterpriseUscc('110105', 'MA01AGNT') },
  services: [{ domain: 'agency-client.cn', homeUrl: 'https://agency-client.cn/' }],
});

describeEachDatabase('who may see and do what', (database) => {
  let kit: OrderKit;
  let orderId: number;
  const agent = actors.agent;

  beforeAll(async () => {
    kit = createOrderKit(database.db);
  });

  it('lets an agency file for a client only with the client’s letter of authorisation', async () => {
    const base = {
      actor: agent,
      intent: 'file_service' as const,
      certificateNumber: content.entity?.certificateNumber ?? '',
      province: '11',
      domain: 'agency-client.cn',
      providerOrgId: PROVIDER,
      agentOrgId: '50',
    };
    expect(await codeOf(createOrder(kit.deps, { ...base, clientUserId: actors.otherApplicant.userId }))).toBe(
      'validation_failed',
    );
    expect(await codeOf(createOrder(kit.deps, { ...base, agentOrgId: '51' }))).toBe('validation_failed');
    const { order } = await createOrder(kit.deps, { ...base, clientUserId: actors.client.userId });
    orderId = order.id;
    // One order in progress per entity.
    expect(await codeOf(createOrder(kit.deps, { ...base, clientUserId: actors.client.userId }))).toBe(
      'conflict',
    );
  });

  it('shows the client everything the agency filed, and hides it from everyone else', async () => {
    const asClient = await getOrder(kit.deps, { actor: actors.client, orderId });
    expect(asClient.isPersonalDataMasked).toBe(false);
    expect(asClient.allowedActions).toEqual([]);
    const clientList = await listOrders(kit.deps, { actor: actors.client });
    expect(clientList.orders.map((o) => o.id)).toEqual([orderId]);
    // The agent's list says which client each order is for (ids only), so the dashboard can scope it.
    const agentList = await listOrders(kit.deps, { actor: agent });
    expect(agentList.orders.find((o) => o.id === orderId)).toMatchObject({
      agentOrgId: '50',
      clientUserId: actors.client.userId,
    });
    for (const stranger of [
      actors.applicant,
      actors.providerReviewer,
      actors.beijingAuthority,
      actors.guangdongAuthority,
    ]) {
      expect(await codeOf(getOrder(kit.deps, { actor: stranger, orderId })), stranger.userId).toBe(
        'not_found',
      );
    }
    expect((await listOrders(kit.deps, { actor: actors.applicant })).orders).toEqual([]);
  });

  it('answers not_found to every command from someone who may not see the order', async () => {
    const { instanceId, codes } = await provisionInstance(kit, actors.client, { codes: 1 });
    await saveDraft(kit.deps, { actor: agent, orderId, content: withAccess(content, instanceId, codes) });
    await submitOrder(kit.deps, { actor: agent, orderId });
    const stranger: Actor = actors.otherApplicant;
    const reasons = [{ reasonCode: 'unclear', text: { en: 'Unclear.' } }];
    const attempts = [
      () => submitOrder(kit.deps, { actor: stranger, orderId }),
      () => saveDraft(kit.deps, { actor: stranger, orderId, content }),
      () => withdrawOrder(kit.deps, { actor: stranger, orderId }),
      () => startProviderReview(kit.deps, { actor: stranger, orderId }),
      () => returnOrder(kit.deps, { actor: stranger, orderId, reasons }),
      () => approveAsProvider(kit.deps, { actor: stranger, orderId }),
      () => recordIdentityVerification(kit.deps, { actor: stranger, orderId, result: 'passed' }),
      () => sendToAuthority(kit.deps, { actor: stranger, orderId }),
      () => submitSmsCode(kit.deps, { actor: stranger, orderId, code: '123456' }),
      () => approveAsAuthority(kit.deps, { actor: stranger, orderId }),
      () => rejectAsAuthority(kit.deps, { actor: stranger, orderId, reasons }),
      () => diffOrderVersions(kit.deps, { actor: stranger, orderId }),
      () => getOrder(kit.deps, { actor: stranger, orderId: 999_999 }),
    ];
    for (const attempt of attempts) expect(await codeOf(attempt())).toBe('not_found');
    // The applicant side sees the order but cannot review it: forbidden, which reveals nothing new.
    expect(await codeOf(startProviderReview(kit.deps, { actor: agent, orderId }))).toBe('forbidden');
    // The provider's administrator sees it masked but cannot review it.
    const asAdmin = await getOrder(kit.deps, { actor: actors.providerAdmin, orderId });
    expect(asAdmin.isPersonalDataMasked).toBe(true);
    expect(asAdmin.allowedActions).toEqual([]);
    expect(asAdmin.content.entity?.leader?.mobile).toBe('138****8000');
    await withdrawOrder(kit.deps, { actor: agent, orderId });
  });

  it('lets the authority reject, and the applicant resubmit or withdraw after a rejection', async () => {
    const { instanceId, codes } = await provisionInstance(kit, actors.client, { codes: 1 });
    const id = await bringToAuthority(kit, {
      owner: agent,
      create: {
        intent: 'file_service',
        certificateNumber: content.entity?.certificateNumber ?? '',
        province: '11',
        domain: 'agency-client.cn',
        providerOrgId: PROVIDER,
        agentOrgId: '50',
        clientUserId: actors.client.userId,
      },
      content: withAccess(content, instanceId, codes),
    });
    expect(
      await codeOf(rejectAsAuthority(kit.deps, { actor: actors.beijingAuthority, orderId: id, reasons: [] })),
    ).toBe('validation_failed');
    const rejected = await rejectAsAuthority(kit.deps, {
      actor: actors.beijingAuthority,
      orderId: id,
      reasons: [
        { fieldPath: 'entity.mailingAddress', reasonCode: 'address_incomplete', text: { zh: '地址不完整' } },
      ],
    });
    expect(rejected.order.status).toBe('rejected_by_authority');
    // The authority still sees the order it rejected.
    expect((await getOrder(kit.deps, { actor: actors.beijingAuthority, orderId: id })).status).toBe(
      'rejected_by_authority',
    );
    const asAgent = await getOrder(kit.deps, { actor: agent, orderId: id });
    expect(asAgent.allowedActions).toEqual(['edit', 'submit', 'withdraw']);
    expect(asAgent.returnReasons[0]?.fieldPath).toBe('entity.mailingAddress');
    const withdrawn = await withdrawOrder(kit.deps, { actor: agent, orderId: id });
    expect(withdrawn.order.status).toBe('withdrawn');
  });
});
