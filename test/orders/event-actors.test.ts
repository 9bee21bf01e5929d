import { beforeAll, expect, it } from 'vitest';
import { approveAsProvider } from '../../src/app/orders/approve-as-provider.ts';
import { createOrder } from '../../src/app/orders/create-order.ts';
import { expireSmsChallenges } from '../../src/app/orders/expire-sms-challenges.ts';
import { getOrder } from '../../src/app/orders/get-order.ts';
import { recordIdentityVerification } from '../../src/app/orders/record-identity-verification.ts';
import { saveDraft } from '../../src/app/orders/save-draft.ts';
import { sendToAuthority } from '../../src/app/orders/send-to-authority.ts';
import { startProviderReview } from '../../src/app/orders/start-provider-review.ts';
import { submitOrder } from '../../src/app/orders/submit-order.ts';
import { submitSmsCode } from '../../src/app/orders/submit-sms-code.ts';
import { buildEnterpriseOrderContent, buildEnterpriseUscc } from '../../src/domain/order-content/fixtures.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  actors,
  createOrderKit,
  type OrderKit,
  PROVIDER,
  provisionInstance,
  readSmsCode,
  withAccess,
  wrongCode,
} from './order-test-kit.ts';

/**
 * The order's history names who took each step in the part they played (src/app/audit/event-actor.ts):
 * an agency's agent acting for the entity, the client itself, the provider's reviewer, the platform's
 * job, and the filer typing an SMS code too late.
 */

const content = buildEnterpriseOrderContent({
  entity: { certificateNumber: buildEnterpriseUscc('110105', 'MA01ACTR'), name: '北京演员科技有限公司' },
  services: [{ domain: 'actor-client.cn', homeUrl: 'https://actor-client.cn/' }],
});

describeEachDatabase('who took each step of an order', (database) => {
  let kit: OrderKit;
  let orderId: number;
  const agency = { en: 'Quick Filing Agency', zh: '快捷备案代理' };
  const cloud = { en: 'Example Cloud', zh: '示例云' };

  beforeAll(async () => {
    kit = createOrderKit(database.db);
    kit.directory.organisationNames.set('50', agency);
    kit.directory.organisationNames.set(PROVIDER, cloud);
    const { instanceId, codes } = await provisionInstance(kit, actors.client, { codes: 1 });
    const { order } = await createOrder(kit.deps, {
      actor: actors.agent,
      intent: 'file_service',
      certificateNumber: content.entity?.certificateNumber ?? '',
      province: '11',
      domain: 'actor-client.cn',
      providerOrgId: PROVIDER,
      agentOrgId: '50',
      clientUserId: actors.client.userId,
    });
    orderId = order.id;
    await saveDraft(kit.deps, {
      actor: actors.agent,
      orderId,
      content: withAccess(content, instanceId, codes),
    });
    await submitOrder(kit.deps, { actor: actors.agent, orderId });
    const reviewer = actors.providerReviewer;
    await startProviderReview(kit.deps, { actor: reviewer, orderId });
    await approveAsProvider(kit.deps, { actor: reviewer, orderId });
    await recordIdentityVerification(kit.deps, { actor: reviewer, orderId, result: 'passed' });
    await sendToAuthority(kit.deps, { actor: reviewer, orderId });
  });

  it('names the agent acting for the entity, the provider reviewer and the client', async () => {
    const code = await readSmsCode(kit, actors.client, orderId);
    await submitSmsCode(kit.deps, { actor: actors.client, orderId, code: wrongCode(code) });
    // The provider's reviewer sees the history too, with the same names.
    const order = await getOrder(kit.deps, { actor: actors.providerReviewer, orderId });
    const agentActor = {
      kind: 'user',
      userId: actors.agent.userId,
      name: `User ${actors.agent.userId}`,
      role: 'agent',
      organisation: agency,
      onBehalfOf: '北京演员科技有限公司',
    };
    expect(order.createdBy).toEqual(agentActor);
    expect(order.events.find((e) => e.type === 'submitted')?.actor).toEqual(agentActor);
    expect(order.events.find((e) => e.type === 'approved_by_provider')?.actor).toEqual({
      kind: 'user',
      userId: actors.providerReviewer.userId,
      name: `User ${actors.providerReviewer.userId}`,
      role: 'provider_reviewer',
      organisation: cloud,
    });
    expect(order.events.find((e) => e.type === 'sms_code_rejected')?.actor).toEqual({
      kind: 'user',
      userId: actors.client.userId,
      name: `User ${actors.client.userId}`,
      role: 'applicant',
    });
  });

  it('masks the filer side, not the staff, for administrators who see the content masked', async () => {
    const masked = (name: string) => `${name.slice(0, 1)}${'*'.repeat(name.length - 1)}`;
    for (const viewer of [actors.providerAdmin, actors.platformAdmin]) {
      const order = await getOrder(kit.deps, { actor: viewer, orderId });
      expect(order.isPersonalDataMasked).toBe(true);
      // An organisation's name is public, in the content as in the history.
      expect(order.createdBy).toEqual({
        kind: 'user',
        userId: actors.agent.userId,
        name: masked(`User ${actors.agent.userId}`),
        role: 'agent',
        organisation: agency,
        onBehalfOf: '北京演员科技有限公司',
      });
      expect(order.events.find((e) => e.type === 'sms_code_rejected')?.actor.name).toBe(
        masked(`User ${actors.client.userId}`),
      );
      expect(order.events.find((e) => e.type === 'approved_by_provider')?.actor.name).toBe(
        `User ${actors.providerReviewer.userId}`,
      );
    }
  });

  it('masks the client account an agent acts for when the draft names no entity yet', async () => {
    const { order: draft } = await createOrder(kit.deps, {
      actor: actors.agent,
      intent: 'file_service',
      certificateNumber: buildEnterpriseUscc('110105', 'MA01ACT2'),
      province: '11',
      domain: 'actor-draft.cn',
      providerOrgId: PROVIDER,
      agentOrgId: '50',
      clientUserId: actors.client.userId,
    });
    const clear = await getOrder(kit.deps, { actor: actors.agent, orderId: draft.id });
    expect(clear.createdBy.onBehalfOf).toBe(`User ${actors.client.userId}`);
    // A platform administrator sees drafts too, with their people masked.
    const order = await getOrder(kit.deps, { actor: actors.platformAdmin, orderId: draft.id });
    expect(order.createdBy).toMatchObject({
      role: 'agent',
      name: `U${'*'.repeat(`User ${actors.agent.userId}`.length - 1)}`,
      onBehalfOf: `U${'*'.repeat(`User ${actors.client.userId}`.length - 1)}`,
    });
  });

  it('names the platform when its job closes an expired SMS check', async () => {
    kit.clock.advanceHours(25);
    await expireSmsChallenges(kit.deps, kit.clock.now());
    const order = await getOrder(kit.deps, { actor: actors.agent, orderId });
    expect(order.events.at(-1)).toMatchObject({ type: 'sms_expired', actor: { kind: 'system' } });
    expect(order.events.at(-1)?.actor).toEqual({ kind: 'system' });
  });

  it('names the filer who typed a code after expiry, not the provider', async () => {
    const reviewer = actors.providerReviewer;
    await submitOrder(kit.deps, { actor: actors.agent, orderId });
    await startProviderReview(kit.deps, { actor: reviewer, orderId });
    await approveAsProvider(kit.deps, { actor: reviewer, orderId });
    await recordIdentityVerification(kit.deps, { actor: reviewer, orderId, result: 'passed' });
    await sendToAuthority(kit.deps, { actor: reviewer, orderId });
    kit.clock.advanceHours(25);
    await submitSmsCode(kit.deps, { actor: actors.agent, orderId, code: '000000' });
    const order = await getOrder(kit.deps, { actor: actors.client, orderId });
    expect(order.events.at(-1)).toMatchObject({
      type: 'sms_expired',
      actor: { userId: actors.agent.userId, role: 'agent', organisation: agency },
    });
  });
});
