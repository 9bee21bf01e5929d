import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { isDomainError } from '../../src/app/errors.ts';
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
import { withdrawOrder } from '../../src/app/orders/withdraw-order.ts';
import { listInstances } from '../../src/app/providers/list-instances.ts';
import { buildIndividualOrderContent, buildResidentId } from '../../src/domain/order-content/fixtures.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  actors,
  createOrderKit,
  type OrderKit,
  PROVIDER,
  provisionInstance,
  readSmsCode,
  START,
  withAccess,
  wrongCode,
} from './order-test-kit.ts';

describeEachDatabase('the sandbox SMS check', (database) => {
  let kit: OrderKit;
  let codes: string[];
  let instanceId: number;
  let next = 0;
  const owner = actors.applicant;
  const reviewer = actors.providerReviewer;

  /** A fresh individual's order waiting for its SMS code. */
  async function orderInSms(): Promise<number> {
    next += 1;
    const idNumber = buildResidentId('110105', '1991-05-01', String(200 + next));
    const domain = `sms-check-${next}.cn`;
    const content = buildIndividualOrderContent({
      entity: { certificateNumber: idNumber, leader: { certificateNumber: idNumber } },
      services: [{ domain, homeUrl: `https://${domain}/` }],
    });
    const { order } = await createOrder(kit.deps, {
      actor: owner,
      intent: 'file_service',
      certificateNumber: idNumber,
      province: '11',
      domain,
      providerOrgId: PROVIDER,
    });
    await saveDraft(kit.deps, {
      actor: owner,
      orderId: order.id,
      content: withAccess(content, instanceId, [codes[next - 1] ?? '']),
    });
    await submitOrder(kit.deps, { actor: owner, orderId: order.id });
    await startProviderReview(kit.deps, { actor: reviewer, orderId: order.id });
    await approveAsProvider(kit.deps, { actor: reviewer, orderId: order.id });
    await recordIdentityVerification(kit.deps, { actor: reviewer, orderId: order.id, result: 'passed' });
    await sendToAuthority(kit.deps, { actor: reviewer, orderId: order.id });
    return order.id;
  }

  beforeAll(async () => {
    kit = createOrderKit(database.db);
    ({ instanceId, codes } = await provisionInstance(kit, owner, { codes: 5 }));
  });

  it('stores only a keyed hash of the code', async () => {
    kit.clock.set(START);
    const orderId = await orderInSms();
    const code = await readSmsCode(kit, owner, orderId);
    const { rows } = await sql<{
      code_hash: string;
    }>`select code_hash from sms_challenges where order_id = ${orderId}`.execute(database.db.kysely);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.code_hash).not.toContain(code);
    await withdrawOrder(kit.deps, { actor: owner, orderId });
  });

  it('returns the order on the 5th wrong code', async () => {
    kit.clock.set(START);
    const orderId = await orderInSms();
    const code = await readSmsCode(kit, owner, orderId);
    const malformed = await submitSmsCode(kit.deps, { actor: owner, orderId, code: '12a' }).catch(
      (e: unknown) => e,
    );
    expect(isDomainError(malformed) && malformed.code).toBe('validation_failed');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const answer = await submitSmsCode(kit.deps, { actor: owner, orderId, code: wrongCode(code) });
      expect(answer).toMatchObject({ accepted: false, attemptsLeft: 5 - attempt });
    }
    const last = await submitSmsCode(kit.deps, { actor: owner, orderId, code: wrongCode(code) });
    expect(last).toMatchObject({ accepted: false, attemptsLeft: 0 });
    expect(last.order.status).toBe('returned_by_provider');
    expect(last.order.returnReasons.map((r) => r.reasonCode)).toEqual(['sms_failed']);
    // The right code no longer helps: there is no open check.
    const late = await submitSmsCode(kit.deps, { actor: owner, orderId, code }).catch((e: unknown) => e);
    expect(isDomainError(late) && late.code).toBe('conflict');

    // Resubmitting opens a new check with a new code once the provider sends it again.
    await submitOrder(kit.deps, { actor: owner, orderId });
    await startProviderReview(kit.deps, { actor: reviewer, orderId });
    await approveAsProvider(kit.deps, { actor: reviewer, orderId });
    await recordIdentityVerification(kit.deps, { actor: reviewer, orderId, result: 'passed' });
    const resent = await sendToAuthority(kit.deps, { actor: reviewer, orderId });
    expect(resent.order.sms).toMatchObject({ attempts: 0, attemptsLeft: 5 });
    await withdrawOrder(kit.deps, { actor: owner, orderId });
  });

  it('returns the order when the code expires (job), and refuses codes after 24 hours', async () => {
    kit.clock.set(START);
    const expiring = await orderInSms();
    const typedLate = await orderInSms();
    const code = await readSmsCode(kit, owner, typedLate);

    const early = await expireSmsChallenges(kit.deps, new Date(Date.parse(START) + 23 * 3_600_000));
    expect(early.expired).toEqual([]);

    kit.clock.advanceHours(24);
    const late = await submitSmsCode(kit.deps, { actor: owner, orderId: typedLate, code });
    expect(late.accepted).toBe(false);
    expect(late.order.returnReasons.map((r) => r.reasonCode)).toEqual(['sms_timeout']);

    const job = await expireSmsChallenges(kit.deps, kit.clock.now());
    expect(job.expired.map((e) => e.orderId)).toEqual([expiring]);
    const order = await getOrder(kit.deps, { actor: owner, orderId: expiring });
    expect(order.status).toBe('returned_by_provider');
    expect(order.returnReasons.map((r) => r.reasonCode)).toEqual(['sms_timeout']);
    expect(order.events.at(-1)?.type).toBe('sms_expired');
    const { rows } = await sql<{
      status: string;
    }>`select status from sms_challenges where order_id in (${expiring}, ${typedLate}) order by id`.execute(
      database.db.kysely,
    );
    expect(rows.map((r) => r.status)).toEqual(['expired', 'expired']);
    for (const orderId of [expiring, typedLate]) await withdrawOrder(kit.deps, { actor: owner, orderId });
  });

  it('withdrawal during the SMS check closes it and releases the service code', async () => {
    kit.clock.set(START);
    const orderId = await orderInSms();
    await withdrawOrder(kit.deps, { actor: owner, orderId });
    const { rows } = await sql<{
      status: string;
    }>`select status from sms_challenges where order_id = ${orderId}`.execute(database.db.kysely);
    expect(rows.map((r) => r.status)).toEqual(['cancelled']);
    const [instance] = await listInstances(kit.deps, { actor: owner });
    expect(instance?.codes.every((c) => c.status === 'available')).toBe(true);
  });
});
