import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { DomainError } from '../../src/app/errors.ts';
import { createOrder } from '../../src/app/orders/create-order.ts';
import { saveDraft } from '../../src/app/orders/save-draft.ts';
import { submitOrder } from '../../src/app/orders/submit-order.ts';
import { buildIndividualOrderContent, buildResidentId } from '../../src/domain/order-content/fixtures.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { actors, createOrderKit, PROVIDER, provisionInstance, withAccess } from './order-test-kit.ts';

describeEachDatabase('order schema (migration 0004)', (database) => {
  it('creates every table of the order workflow', async () => {
    const tables = [
      'orders',
      'order_drafts',
      'order_versions',
      'order_events',
      'sms_challenges',
      'number_sequences',
      'issued_numbers',
      'filed_entities',
      'provider_instances',
      'service_codes',
      'filed_service_access',
      'inbox_messages',
      'mail_outbox',
      'scheduled_reminders',
    ];
    for (const table of tables) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
        database.db.kysely,
      );
      expect(Number(rows[0]?.n), table).toBe(0);
    }
  });

  it('lets only one of two simultaneous orders for one entity through', async () => {
    const kit = createOrderKit(database.db);
    const idNumber = buildResidentId('110105', '1980-08-08', '555');
    const attempt = () =>
      createOrder(kit.deps, {
        actor: actors.applicant,
        intent: 'file_service',
        certificateNumber: idNumber,
        province: '11',
        domain: 'race-one.cn',
        providerOrgId: PROVIDER,
      }).then(
        () => 'created',
        (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
      );
    const outcomes = await Promise.all([attempt(), attempt(), attempt()]);
    expect(outcomes.sort()).toEqual(['conflict', 'conflict', 'created']);
  });

  it('keeps submitted versions immutable', async () => {
    const kit = createOrderKit(database.db);
    const idNumber = buildResidentId('110105', '1980-08-08', '556');
    const { instanceId, codes } = await provisionInstance(kit, actors.applicant, { codes: 1 });
    const content = buildIndividualOrderContent({
      entity: { certificateNumber: idNumber, leader: { certificateNumber: idNumber } },
      services: [{ domain: 'frozen-one.cn', homeUrl: 'https://frozen-one.cn/' }],
    });
    const { order } = await createOrder(kit.deps, {
      actor: actors.applicant,
      intent: 'file_service',
      certificateNumber: idNumber,
      province: '11',
      domain: 'frozen-one.cn',
      providerOrgId: PROVIDER,
    });
    await saveDraft(kit.deps, {
      actor: actors.applicant,
      orderId: order.id,
      content: withAccess(content, instanceId, codes),
    });
    await submitOrder(kit.deps, { actor: actors.applicant, orderId: order.id });
    await expect(
      sql`update order_versions set content = 'x' where order_id = ${order.id}`.execute(database.db.kysely),
    ).rejects.toThrow(/immutable/u);
    await expect(
      sql`delete from order_versions where order_id = ${order.id}`.execute(database.db.kysely),
    ).rejects.toThrow(/immutable/u);
  });
});
