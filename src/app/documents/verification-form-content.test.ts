import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../domain/catalogue/default-catalogue.ts';
import {
  buildEnterpriseOrderContent,
  buildIndividualOrderContent,
} from '../../domain/order-content/fixtures.ts';
import { buildVerificationFormContent } from './verification-form-content.ts';

const context = {
  catalogue: defaultCatalogue,
  orderReference: 'OB-2026-000042',
  orderType: 'first_filing' as const,
  provinceCode: '11',
  providerName: '示例云 Example Cloud',
};

describe('buildVerificationFormContent', () => {
  it('fills an individual’s form with catalogue names in both languages', () => {
    const content = buildIndividualOrderContent();
    const form = buildVerificationFormContent(content, context);
    expect(form).toMatchObject({
      orderNumber: 'OB-2026-000042',
      orderType: '首次备案 First filing',
      providerName: '示例云 Example Cloud',
      entity: {
        name: content.entity?.name,
        nature: '个人 Individual',
        certificateNumber: content.entity?.certificateNumber,
        province: '北京市',
        leader: { name: content.entity?.leader?.name, mobilePhone: '13800138000' },
      },
    });
    expect(form.entity.certificateType).toMatch(/^居民身份证 /u);
    const [service] = form.services;
    expect(service).toMatchObject({
      name: '山间读书笔记',
      serviceType: '网站 Website',
      domains: ['wang-notes.cn'],
      contentCategory: '博客/个人空间 Blog / personal space',
      // The leader is the admin: the form repeats the leader.
      admin: form.entity.leader,
      access: { provider: '示例云 Example Cloud', region: 'cn-north', ipAddresses: ['106.14.10.20'] },
    });
  });

  it('takes a region from the instance when the access names none, and the admin as given', () => {
    const content = buildEnterpriseOrderContent();
    const service = content.services?.[0];
    if (!service) throw new Error('fixture without a service');
    service.access = { instanceId: '7', ipAddresses: ['106.14.10.21'] };
    const form = buildVerificationFormContent(content, {
      ...context,
      instanceRegions: new Map([['7', 'cn-shanghai']]),
    });
    expect(form.services[0]?.access?.region).toBe('cn-shanghai');
    expect(form.services[0]?.admin?.name).toBe(service.admin?.name);
    expect(form.entity.nature).toBe('企业 Enterprise');
  });

  it('leaves out what a half-filled draft lacks, and keeps unknown codes as they are', () => {
    const form = buildVerificationFormContent(
      { entity: { nature: 'no_such_nature', name: '  ' }, services: [{ type: 'website' }] },
      { ...context, providerName: undefined },
    );
    expect(form.entity).toEqual({ nature: 'no_such_nature', province: '北京市' });
    expect(form.services).toEqual([
      { serviceType: '网站 Website', preApprovals: [], access: { ipAddresses: [] } },
    ]);
    expect(form).not.toHaveProperty('providerName');
  });
});
