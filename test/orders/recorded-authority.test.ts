import { beforeAll, expect, it } from 'vitest';
import { DomainError } from '../../src/app/errors.ts';
import { listInbox } from '../../src/app/notifications/list-inbox.ts';
import { approveAsAuthority } from '../../src/app/orders/approve-as-authority.ts';
import { getOrder } from '../../src/app/orders/get-order.ts';
import { buildEnterpriseOrderContent, buildEnterpriseUscc } from '../../src/domain/order-content/fixtures.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
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

async function issueCodesOf(promise: Promise<unknown>): Promise<{ code: string; issues: string[] }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  const details = error.details as { issues?: { code: string }[] } | undefined;
  return { code: error.code, issues: (details?.issues ?? []).map((i) => i.code) };
}

function companyContent(organisationCode: string, domain: string) {
  return buildEnterpriseOrderContent({
    entity: { certificateNumber: buildEnterpriseUscc('110105', organisationCode) },
    services: [{ domain, homeUrl: `https://${domain}/` }],
  });
}

describeEachDatabase('recorded authority outcomes', (database) => {
  let kit: OrderKit;
  let orderId: number;
  const owner = actors.applicant;
  const reviewer = actors.providerReviewer;

  beforeAll(async () => {
    kit = createOrderKit(database.db, { authorityMode: 'recorded' });
    const { instanceId, codes } = await provisionInstance(kit, owner, { codes: 2 });
    const content = companyContent('MA01REC1', 'recorded-one.cn');
    orderId = await bringToAuthority(kit, {
      owner,
      create: {
        intent: 'file_service',
        certificateNumber: content.entity?.certificateNumber ?? '',
        province: '11',
        domain: 'recorded-one.cn',
        providerOrgId: PROVIDER,
      },
      content: withAccess(content, instanceId, codes.slice(0, 1)),
    });
  });

  it('skips the sandbox SMS check and leaves the decision to the provider reviewer', async () => {
    const order = await getOrder(kit.deps, { actor: owner, orderId });
    expect(order.status).toBe('authority_review');
    expect(order.authorityMode).toBe('recorded');
    const inbox = await listInbox(kit.deps, { actor: owner });
    expect(inbox.messages.map((m) => m.kind)).toContain('miit_sms_expected');
    expect((await issueCodesOf(getOrder(kit.deps, { actor: actors.beijingAuthority, orderId }))).code).toBe(
      'not_found',
    );
  });

  it('validates the recorded numbers with the number codec and the province', async () => {
    expect(await issueCodesOf(approveAsAuthority(kit.deps, { actor: reviewer, orderId }))).toEqual({
      code: 'validation_failed',
      issues: ['recorded_numbers_required'],
    });
    expect(
      await issueCodesOf(
        approveAsAuthority(kit.deps, {
          actor: reviewer,
          orderId,
          recordedNumbers: { entityNumber: '粤ICP备2026000001号', serviceNumbers: ['粤ICP备2026000001号-1'] },
        }),
      ),
    ).toEqual({ code: 'validation_failed', issues: ['recorded_number_wrong_province'] });
    expect(
      await issueCodesOf(
        approveAsAuthority(kit.deps, {
          actor: reviewer,
          orderId,
          recordedNumbers: {
            entityNumber: '京ICP备2026123456号',
            serviceNumbers: ['京ICP备2026123456号-1', '京ICP备2026123456号-2'],
          },
        }),
      ),
    ).toEqual({ code: 'validation_failed', issues: ['recorded_service_count_mismatch'] });
  });

  it('records valid numbers into the registry, and sandbox serials continue after them', async () => {
    const approved = await approveAsAuthority(kit.deps, {
      actor: reviewer,
      orderId,
      recordedNumbers: { entityNumber: '京ICP备2026123456号', serviceNumbers: ['京ICP备2026123456号-1'] },
    });
    expect(approved.numbers).toEqual({
      entityNumber: '京ICP备2026123456号',
      serviceNumbers: ['京ICP备2026123456号-1'],
    });
    const registry = createRegistryRepository(database.db.kysely, database.db.dialect);
    expect((await registry.findByDomain('recorded-one.cn'))?.service.serviceNumber).toBe(
      '京ICP备2026123456号-1',
    );

    const sandbox: OrderKit = { ...kit, deps: { ...kit.deps, authorityMode: 'sandbox' } };
    const { instanceId, codes } = await provisionInstance(sandbox, owner, { codes: 1 });
    const content = companyContent('MA01BXK1', 'sandbox-after.cn');
    const next = await fileToApproval(sandbox, {
      owner,
      create: {
        intent: 'file_service',
        certificateNumber: content.entity?.certificateNumber ?? '',
        province: '11',
        domain: 'sandbox-after.cn',
        providerOrgId: PROVIDER,
      },
      content: withAccess(content, instanceId, codes),
    });
    expect(next.numbers?.entityNumber).toBe('京ICP备2026123457号');
  });
});
