import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/app/errors.ts';
import { approveAsAuthority } from '../../src/app/orders/approve-as-authority.ts';
import { previewFilingNumbers } from '../../src/app/orders/preview-filing-numbers.ts';
import { buildEnterpriseOrderContent, buildEnterpriseUscc } from '../../src/domain/order-content/fixtures.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  actors,
  bringToAuthority,
  createOrderKit,
  fileToApproval,
  type OrderKit,
  PROVIDER,
  provisionInstance,
  withAccess,
} from './order-test-kit.ts';

/**
 * The approval's number preview as a use case, beyond the HTTP suite: types that issue no numbers,
 * recorded mode (the real authority's numbers are entered, none are computed), and that a preview
 * writes nothing (the sequence is read, never created or advanced).
 */

async function errorOf(promise: Promise<unknown>): Promise<{ code: string; issues: string[] }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  const details = error.details as { issues?: { code: string }[] } | undefined;
  return { code: error.code, issues: (details?.issues ?? []).map((i) => i.code) };
}

function company(organisationCode: string, domain: string) {
  return buildEnterpriseOrderContent({
    entity: { certificateNumber: buildEnterpriseUscc('110105', organisationCode) },
    services: [{ domain, homeUrl: `https://${domain}/` }],
  });
}

function create(content: ReturnType<typeof company>, intent: 'file_service' | 'change' = 'file_service') {
  return {
    intent,
    certificateNumber: content.entity?.certificateNumber ?? '',
    province: '11',
    domain: content.services?.[0]?.domain ?? '',
    providerOrgId: PROVIDER,
  };
}

describeEachDatabase('previewing the numbers of an approval', (database) => {
  describe('with the sandbox authority', () => {
    let kit: OrderKit;
    let codes: string[];
    let instanceId: number;
    const owner = actors.applicant;

    beforeAll(async () => {
      kit = createOrderKit(database.db);
      ({ instanceId, codes } = await provisionInstance(kit, owner, { codes: 3 }));
    });

    it('writes nothing: the province’s sequence is neither created nor advanced by a preview', async () => {
      const content = company('MA01PRE1', 'preview-one.cn');
      const orderId = await bringToAuthority(kit, {
        owner,
        create: create(content),
        content: withAccess(content, instanceId, codes.slice(0, 1)),
      });
      const numbers = kit.deps.persistence.read.numbers;
      expect(await numbers.findLastSerial('11', 2026)).toBe(0);
      const shown = await previewFilingNumbers(kit.deps, { actor: actors.beijingAuthority, orderId });
      expect(shown.entityNumber).toBe('京ICP备2026000001号');
      await previewFilingNumbers(kit.deps, { actor: actors.beijingAuthority, orderId });
      expect(await numbers.findLastSerial('11', 2026)).toBe(0);
      expect(await numbers.isIssued('京ICP备2026000001号')).toBe(false);

      const approved = await approveAsAuthority(kit.deps, { actor: actors.beijingAuthority, orderId });
      expect(approved.numbers?.entityNumber).toBe(shown.entityNumber);
      expect(await numbers.findLastSerial('11', 2026)).toBe(1);
    });

    it('answers that a change issues no numbers, with the entity’s number on file', async () => {
      const content = company('MA01PRE2', 'preview-two.cn');
      const first = await fileToApproval(kit, {
        owner,
        create: create(content),
        content: withAccess(content, instanceId, codes.slice(1, 2)),
      });
      const renamed = { ...content, services: [{ ...content.services?.[0], name: '预览更名网站' }] };
      const orderId = await bringToAuthority(kit, {
        owner,
        create: create(content, 'change'),
        content: renamed,
      });
      const shown = await previewFilingNumbers(kit.deps, { actor: actors.beijingAuthority, orderId });
      expect(shown).toMatchObject({
        orderType: 'change',
        issuesNumbers: false,
        isProvisional: false,
        isNewEntityNumber: false,
        entityNumber: first.numbers?.entityNumber,
        services: [],
      });
    });

    it('refuses an order id that names no order as a missing one', async () => {
      expect(
        await errorOf(previewFilingNumbers(kit.deps, { actor: actors.beijingAuthority, orderId: 0 })),
      ).toEqual({ code: 'not_found', issues: [] });
      expect(
        await errorOf(previewFilingNumbers(kit.deps, { actor: actors.beijingAuthority, orderId: 999_999 })),
      ).toEqual({ code: 'not_found', issues: [] });
    });
  });

  describe('in recorded mode', () => {
    it('has no preview: the provider reviewer enters the real authority’s numbers', async () => {
      const kit = createOrderKit(database.db, { authorityMode: 'recorded' });
      const owner = actors.otherApplicant;
      const { instanceId, codes } = await provisionInstance(kit, owner, { codes: 1 });
      const content = company('MA01PRE3', 'preview-recorded.cn');
      const orderId = await bringToAuthority(kit, {
        owner,
        create: create(content),
        content: withAccess(content, instanceId, codes),
      });
      expect(
        await errorOf(previewFilingNumbers(kit.deps, { actor: actors.providerReviewer, orderId })),
      ).toEqual({
        code: 'conflict',
        issues: ['number_preview_recorded_mode'],
      });
      // The sandbox authority does not see recorded-mode orders at all.
      expect(
        await errorOf(previewFilingNumbers(kit.deps, { actor: actors.beijingAuthority, orderId })),
      ).toEqual({
        code: 'not_found',
        issues: [],
      });
    });
  });
});
