import { beforeAll, expect, it } from 'vitest';
import { DomainError } from '../../src/app/errors.ts';
import { approveAsAuthority } from '../../src/app/orders/approve-as-authority.ts';
import { createOrder } from '../../src/app/orders/create-order.ts';
import { withdrawOrder } from '../../src/app/orders/withdraw-order.ts';
import type { RegistryStore } from '../../src/app/registry/registry-store.ts';
import type { FilingIntent } from '../../src/domain/workflow/detect-order-type.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { describeEachDatabase } from '../support/databases.ts';
import {
  actors,
  bringToAuthority,
  createOrderKit,
  fileToApproval,
  type OrderKit,
  OTHER_PROVIDER,
  PROVIDER,
  provisionInstance,
  withAccess,
} from './order-test-kit.ts';
import { base, blog, certificateNumber, contentWith, docs, portal } from './order-type-content.ts';

describeEachDatabase('every order type end to end', (database) => {
  let kit: OrderKit;
  let registry: RegistryStore;
  let entityNumber: string;
  let codes: string[];
  let instanceId: number;
  const owner = actors.applicant;

  async function detect(intent: FilingIntent, domain: string | undefined, providerOrgId = PROVIDER) {
    return createOrder(kit.deps, {
      actor: owner,
      intent,
      certificateNumber,
      province: '11',
      ...(domain === undefined ? {} : { domain }),
      providerOrgId,
    });
  }

  beforeAll(async () => {
    kit = createOrderKit(database.db);
    registry = createRegistryRepository(database.db.kysely, database.db.dialect);
    ({ instanceId, codes } = await provisionInstance(kit, owner, { codes: 5 }));
    const approved = await fileToApproval(kit, {
      owner,
      create: {
        intent: 'file_service',
        certificateNumber,
        province: '11',
        domain: 'example-tech.cn',
        providerOrgId: PROVIDER,
      },
      content: withAccess(base, instanceId, codes.slice(0, 1)),
    });
    entityNumber = approved.numbers?.entityNumber ?? '';
    expect(entityNumber).toMatch(/^京ICP备2026\d{6}号$/u);
  });

  it('adds a service: detected from the filed entity and a new domain, numbered -2', async () => {
    const created = await detect('file_service', 'example-docs.cn');
    expect(created.order).toMatchObject({ type: 'add_service', entityNumber });
    await withdrawOrder(kit.deps, { actor: owner, orderId: created.order.id });

    const approved = await fileToApproval(kit, {
      owner,
      create: {
        intent: 'file_service',
        certificateNumber,
        province: '11',
        domain: 'example-docs.cn',
        providerOrgId: PROVIDER,
      },
      content: withAccess(contentWith([docs]), instanceId, codes.slice(1, 2)),
    });
    expect(approved.numbers).toEqual({ entityNumber, serviceNumbers: [`${entityNumber}-2`] });
    const entry = await registry.findByNumber(entityNumber);
    expect(entry?.services.map((s) => s.serviceNumber)).toEqual([`${entityNumber}-1`, `${entityNumber}-2`]);
  });

  it('adds access through another provider; the number stays the same', async () => {
    const other = await provisionInstance(kit, owner, { codes: 1, provider: 'other' });
    const approved = await fileToApproval(kit, {
      owner,
      reviewer: actors.otherProviderReviewer,
      create: {
        intent: 'file_service',
        certificateNumber,
        province: '11',
        domain: 'example-tech.cn',
        providerOrgId: OTHER_PROVIDER,
      },
      content: withAccess(contentWith([portal]), other.instanceId, other.codes),
    });
    expect(approved.order).toMatchObject({ type: 'add_access', serviceNumber: `${entityNumber}-1` });
    expect(approved.numbers).toBeUndefined();

    const again = await detect('file_service', 'example-tech.cn', OTHER_PROVIDER).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DomainError);
    expect((again as DomainError).details).toEqual({
      issues: [expect.objectContaining({ code: 'already_accessed_here' })],
    });
  });

  it('starts a change from the data on file, but only for someone who may see that filing', async () => {
    const mine = await detect('change', 'example-tech.cn');
    expect(mine.order.content.entity).toEqual(base.entity);
    expect(mine.order.content.services).toEqual([
      expect.objectContaining({ domain: 'example-tech.cn', name: portal.name }),
    ]);
    expect(mine.order.content.services?.[0]?.access).toBeUndefined();
    await withdrawOrder(kit.deps, { actor: owner, orderId: mine.order.id });

    // Knowing the certificate number does not let another account change (or read) the filing.
    const stranger = await createOrder(kit.deps, {
      actor: actors.otherApplicant,
      intent: 'change',
      certificateNumber,
      province: '11',
      domain: 'example-tech.cn',
      providerOrgId: PROVIDER,
    }).catch((e: unknown) => e);
    expect(stranger).toBeInstanceOf(DomainError);
    expect((stranger as DomainError).details).toEqual({
      issues: [expect.objectContaining({ code: 'filing_held_by_another_account' })],
    });
  });

  it('changes a service; the registry shows the new name', async () => {
    const renamed = { ...portal, name: '示例科技官方网站' };
    const approved = await fileToApproval(kit, {
      owner,
      create: {
        intent: 'change',
        certificateNumber,
        province: '11',
        domain: 'example-tech.cn',
        providerOrgId: PROVIDER,
      },
      content: contentWith([renamed]),
    });
    expect(approved.order.type).toBe('change');
    const record = await registry.findByDomain('example-tech.cn');
    expect(record?.service).toMatchObject({
      serviceNumber: `${entityNumber}-1`,
      serviceName: '示例科技官方网站',
    });
  });

  it('cancels one provider’s access without an SMS check', async () => {
    const orderId = await bringToAuthority(kit, {
      owner,
      reviewer: actors.otherProviderReviewer,
      create: {
        intent: 'cancel_access',
        certificateNumber,
        province: '11',
        domain: 'example-tech.cn',
        providerOrgId: OTHER_PROVIDER,
      },
      content: contentWith([portal]),
    });
    const approved = await approveAsAuthority(kit.deps, { actor: actors.beijingAuthority, orderId });
    expect(approved.order.events.map((e) => e.type)).not.toContain('sms_code_accepted');
    // Access is gone: filing with that provider is an added access again.
    const again = await detect('file_service', 'example-tech.cn', OTHER_PROVIDER);
    expect(again.order.type).toBe('add_access');
    await withdrawOrder(kit.deps, { actor: owner, orderId: again.order.id });
  });

  it('cancels a service; its suffix is never issued again', async () => {
    const approved = await fileToApproval(kit, {
      owner,
      create: {
        intent: 'cancel_service',
        certificateNumber,
        province: '11',
        domain: 'example-docs.cn',
        providerOrgId: PROVIDER,
      },
      content: contentWith([docs]),
    });
    expect(approved.order).toMatchObject({ type: 'cancel_service', serviceNumber: `${entityNumber}-2` });
    expect(await registry.findByDomain('example-docs.cn')).toBeUndefined();

    const added = await fileToApproval(kit, {
      owner,
      create: {
        intent: 'file_service',
        certificateNumber,
        province: '11',
        domain: 'example-blog.cn',
        providerOrgId: PROVIDER,
      },
      content: withAccess(contentWith([blog]), instanceId, codes.slice(2, 3)),
    });
    expect(added.numbers?.serviceNumbers).toEqual([`${entityNumber}-3`]);
  });

  it('cancels the entity with all its services; the certificate then files anew', async () => {
    const created = await detect('cancel_entity', undefined);
    expect(created.warnings.map((w) => w.code)).toEqual(['cancels_all_services']);
    await withdrawOrder(kit.deps, { actor: owner, orderId: created.order.id });

    const approved = await fileToApproval(kit, {
      owner,
      create: { intent: 'cancel_entity', certificateNumber, province: '11', providerOrgId: PROVIDER },
      content: { entity: base.entity, services: [], attachments: [] },
    });
    expect(approved.order.type).toBe('cancel_entity');
    expect(await registry.findByNumber(entityNumber)).toBeUndefined();
    expect(await registry.findByDomain('example-tech.cn')).toBeUndefined();
    const fresh = await detect('file_service', 'example-tech.cn');
    expect(fresh.order.type).toBe('first_filing');
  });
});
