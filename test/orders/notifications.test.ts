import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listInbox } from '../../src/app/notifications/list-inbox.ts';
import { listMailOutbox } from '../../src/app/notifications/list-mail-outbox.ts';
import { markInboxRead } from '../../src/app/notifications/mark-inbox-read.ts';
import { sendDeadlineReminders } from '../../src/app/notifications/send-deadline-reminders.ts';
import { createOrder } from '../../src/app/orders/create-order.ts';
import { listOrders } from '../../src/app/orders/list-orders.ts';
import { returnOrder } from '../../src/app/orders/return-order.ts';
import { saveDraft } from '../../src/app/orders/save-draft.ts';
import { startProviderReview } from '../../src/app/orders/start-provider-review.ts';
import { submitOrder } from '../../src/app/orders/submit-order.ts';
import { buildIndividualOrderContent, buildResidentId } from '../../src/domain/order-content/fixtures.ts';
import { createFileSender } from '../../src/infra/mail/mail-sender.ts';
import { createOutboxDispatcher } from '../../src/infra/mail/outbox-dispatcher.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  actors,
  createOrderKit,
  type OrderKit,
  PROVIDER,
  provisionInstance,
  START,
  withAccess,
} from './order-test-kit.ts';

describeEachDatabase('notifications, reminders and the mail outbox', (database) => {
  let kit: OrderKit;
  let mailDir: string;
  let due: Date;
  let openOrder: number;
  const owner = actors.applicant;
  const reviewer = actors.providerReviewer;

  async function submitted(n: number, code: string, instanceId: number): Promise<number> {
    const idNumber = buildResidentId('110105', '1992-02-02', String(400 + n));
    const domain = `notify-${n}.cn`;
    const { order } = await createOrder(kit.deps, {
      actor: owner,
      intent: 'file_service',
      certificateNumber: idNumber,
      province: '11',
      domain,
      providerOrgId: PROVIDER,
    });
    const content = buildIndividualOrderContent({
      entity: { certificateNumber: idNumber, leader: { certificateNumber: idNumber } },
      services: [{ domain, homeUrl: `https://${domain}/` }],
    });
    await saveDraft(kit.deps, {
      actor: owner,
      orderId: order.id,
      content: withAccess(content, instanceId, [code]),
    });
    const result = await submitOrder(kit.deps, { actor: owner, orderId: order.id });
    due = new Date(result.order.deadlines.providerReviewDue ?? '');
    return order.id;
  }

  beforeAll(() => {
    kit = createOrderKit(database.db);
    mailDir = mkdtempSync(join(tmpdir(), 'openbeian-mail-'));
  });
  afterAll(() => rmSync(mailDir, { recursive: true, force: true }));

  it('reminds the provider on the due day of a review still open, once, and drops stale reminders', async () => {
    kit.clock.set(START);
    const { instanceId, codes } = await provisionInstance(kit, owner, { codes: 2 });
    const open = await submitted(1, codes[0] ?? '', instanceId);
    openOrder = open;
    const returned = await submitted(2, codes[1] ?? '', instanceId);
    await startProviderReview(kit.deps, { actor: reviewer, orderId: returned });
    await returnOrder(kit.deps, {
      actor: reviewer,
      orderId: returned,
      reasons: [{ reasonCode: 'documents_unreadable', text: { en: 'The scans are unreadable.' } }],
    });

    expect(await sendDeadlineReminders(kit.deps, new Date(START))).toEqual({ sent: 0, cancelled: 0 });
    const onDueDay = new Date(due.getTime() - 3_600_000);
    expect(await sendDeadlineReminders(kit.deps, onDueDay)).toEqual({ sent: 1, cancelled: 1 });
    expect(await sendDeadlineReminders(kit.deps, onDueDay)).toEqual({ sent: 0, cancelled: 0 });

    const inbox = await listInbox(kit.deps, { actor: reviewer });
    const reminders = inbox.messages.filter((m) => m.kind === 'provider_review_due');
    expect(reminders.map((m) => m.orderId)).toEqual([open]);
    expect(reminders[0]?.title.zh).toContain('初审');

    kit.clock.set(onDueDay);
    const queue = await listOrders(kit.deps, { actor: reviewer, view: 'queue' });
    expect(queue.orders.find((o) => o.id === open)?.deadlineFlag).toBe('due_today');
    kit.clock.set(new Date(due.getTime() + 1));
    const late = await listOrders(kit.deps, { actor: reviewer, view: 'queue' });
    expect(late.orders.find((o) => o.id === open)?.deadlineFlag).toBe('overdue');
    expect(late.orders.map((o) => o.id)).not.toContain(returned);
  });

  it('lists one order’s messages on its own, with the unread count of the whole inbox', async () => {
    const all = await listInbox(kit.deps, { actor: reviewer, limit: 100 });
    const aboutOpen = all.messages.filter((m) => m.orderId === openOrder);
    expect(aboutOpen.length).toBeGreaterThan(0);
    expect(all.messages.some((m) => m.orderId !== openOrder)).toBe(true);
    const filtered = await listInbox(kit.deps, { actor: reviewer, orderId: openOrder, limit: 100 });
    expect(filtered.messages.map((m) => m.id)).toEqual(aboutOpen.map((m) => m.id));
    expect(filtered.unread).toBe(all.unread);
    // Someone else's order reads as an empty list: only the caller's own messages are searched.
    expect(
      (await listInbox(kit.deps, { actor: actors.otherApplicant, orderId: openOrder })).messages,
    ).toEqual([]);
    await expect(listInbox(kit.deps, { actor: reviewer, orderId: 0 })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });

  it('marks inbox messages read', async () => {
    const before = await listInbox(kit.deps, { actor: reviewer });
    expect(before.unread).toBeGreaterThan(0);
    const first = before.messages[0];
    expect((await markInboxRead(kit.deps, { actor: reviewer, ids: first ? [first.id] : [] })).updated).toBe(
      1,
    );
    expect(
      (await markInboxRead(kit.deps, { actor: actors.otherApplicant, ids: first ? [first.id] : [] })).updated,
    ).toBe(0);
    await markInboxRead(kit.deps, { actor: reviewer });
    expect((await listInbox(kit.deps, { actor: reviewer })).unread).toBe(0);
  });

  it('writes mail to .eml files when no SMTP server is configured', async () => {
    const dispatcher = createOutboxDispatcher({
      database: database.db,
      fieldCipher: kit.cipher,
      sender: createFileSender(mailDir),
      from: 'OpenBeian <noreply@openbeian.test>',
      clock: kit.clock,
    });
    const pending = await listMailOutbox(kit.deps, {
      actor: actors.platformAdmin,
      status: 'pending',
      limit: 100,
    });
    expect(pending.length).toBeGreaterThan(0);
    const report = await dispatcher.dispatchDue(100);
    expect(report).toEqual({ sent: pending.length, retrying: 0, failed: 0 });
    const files = readdirSync(mailDir).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(pending.length);
    const texts = files.map((f) => readFileSync(join(mailDir, f), 'utf8'));
    expect(texts.some((t) => t.includes(`To: user${reviewer.userId}@openbeian.test`))).toBe(true);
    expect(await dispatcher.dispatchDue(100)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(
      await listMailOutbox(kit.deps, { actor: actors.platformAdmin, status: 'pending', limit: 100 }),
    ).toEqual([]);
  });
  it('retries failing mail with backoff, redacting addresses, then gives up', async () => {
    // One new mail: the applicant hears that the review started.
    await startProviderReview(kit.deps, { actor: reviewer, orderId: openOrder });
    const failing = createOutboxDispatcher({
      database: database.db,
      fieldCipher: kit.cipher,
      sender: {
        kind: 'smtp',
        send: async () => {
          throw new Error('550 mailbox <someone@example.cn> unavailable');
        },
        close: () => undefined,
      },
      from: 'OpenBeian <noreply@openbeian.test>',
      clock: kit.clock,
      maxAttempts: 2,
    });
    expect(await failing.dispatchDue(100)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [mail] = await listMailOutbox(kit.deps, {
      actor: actors.platformAdmin,
      status: 'pending',
      limit: 100,
    });
    expect(mail).toMatchObject({ attempts: 1, lastError: '550 mailbox <<address>> unavailable' });
    // Not due again before its backoff.
    expect(await failing.dispatchDue(100)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    kit.clock.advanceHours(1);
    expect(await failing.dispatchDue(100)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(
      await listMailOutbox(kit.deps, { actor: actors.platformAdmin, status: 'failed', limit: 100 }),
    ).toHaveLength(1);
  });
});
