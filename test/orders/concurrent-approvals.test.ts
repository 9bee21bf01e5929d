import { beforeAll, expect, it } from 'vitest';
import { approveAsAuthority } from '../../src/app/orders/approve-as-authority.ts';
import { parseFilingNumber } from '../../src/domain/numbers/filing-number.ts';
import { buildIndividualOrderContent, buildResidentId } from '../../src/domain/order-content/fixtures.ts';
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

const ORDERS = 50;

describeEachDatabase('concurrent approvals in one province', (database) => {
  let kit: OrderKit;
  const orderIds: number[] = [];

  beforeAll(async () => {
    kit = createOrderKit(database.db);
    const owner = actors.applicant;
    const codes: { instanceId: number; code: string }[] = [];
    for (let i = 0; i < ORDERS / 5; i += 1) {
      const instance = await provisionInstance(kit, owner, { codes: 5 });
      for (const code of instance.codes) codes.push({ instanceId: instance.instanceId, code });
    }
    for (let i = 0; i < ORDERS; i += 1) {
      const idNumber = buildResidentId('110105', '1990-03-07', String(100 + i));
      const domain = `reading-notes-${i}.cn`;
      const content = buildIndividualOrderContent({
        entity: { certificateNumber: idNumber, leader: { certificateNumber: idNumber } },
        services: [{ domain, homeUrl: `https://${domain}/` }],
      });
      const access = codes[i];
      if (!access) throw new Error('not enough service codes');
      orderIds.push(
        await bringToAuthority(kit, {
          owner,
          create: {
            intent: 'file_service',
            certificateNumber: idNumber,
            province: '11',
            domain,
            providerOrgId: PROVIDER,
          },
          content: withAccess(content, access.instanceId, [access.code]),
        }),
      );
    }
  }, 300_000);

  it(`gives ${ORDERS} parallel approvals ${ORDERS} distinct consecutive entity numbers`, async () => {
    const results = await Promise.all(
      orderIds.map((orderId) => approveAsAuthority(kit.deps, { actor: actors.beijingAuthority, orderId })),
    );
    const numbers = results.map((r) => r.numbers?.entityNumber ?? '');
    expect(new Set(numbers).size).toBe(ORDERS);
    const serials = numbers
      .map((n) => {
        const parsed = parseFilingNumber(n);
        expect(parsed.value).toMatchObject({ year: 2026, province: { code: '11' } });
        return Number(parsed.value?.serial);
      })
      .sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: ORDERS }, (_, i) => i + 1));
    for (const result of results) {
      expect(result.numbers?.serviceNumbers).toEqual([`${result.numbers?.entityNumber}-1`]);
    }
  }, 120_000);
});
