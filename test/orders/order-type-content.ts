import { buildEnterpriseOrderContent } from '../../src/domain/order-content/fixtures.ts';
import type { OrderContentDraft, ServiceDraft } from '../../src/domain/order-content/order-content.ts';

/**
 * One enterprise with its portal and two further sites, shared by the use-case and the HTTP tests of
 * every order type after the first filing.
 */
export const base = buildEnterpriseOrderContent();
export const certificateNumber = base.entity?.certificateNumber ?? '';
export const portal = base.services?.[0] as ServiceDraft;
export const docs: ServiceDraft = {
  ...portal,
  name: '示例科技文档中心',
  domain: 'example-docs.cn',
  homeUrl: 'https://example-docs.cn/',
};
export const blog: ServiceDraft = {
  ...portal,
  name: '示例科技技术博客',
  domain: 'example-blog.cn',
  homeUrl: 'https://example-blog.cn/',
};

export function contentWith(services: ServiceDraft[]): OrderContentDraft {
  return { ...base, services };
}
