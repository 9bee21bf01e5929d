import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { FieldIssue } from '../../domain/order-content/field-issue.ts';
import type { OrderContentDraft } from '../../domain/order-content/order-content.ts';
import { issue } from '../../domain/shared/issue.ts';
import { type FieldPathSegment, formatFieldPath } from '../../domain/workflow/field-path.ts';
import type { OrderTypeId } from '../../domain/workflow/order-type.ts';
import type { RegistryStore } from '../registry/registry-store.ts';
import { computeCertificateIndex } from './order-content-crypto.ts';
import type { FieldCipherPort } from './order-deps.ts';
import type { OrderRecord } from './order-store.ts';
import { readServiceDomain } from './update-registry-for-order.ts';

const TYPE_SOURCE = 'ref-2-order-types';

/** Orders about one existing service: the content carries that service only. */
const SINGLE_SERVICE_TYPES: ReadonlySet<OrderTypeId> = new Set([
  'add_access',
  'cancel_service',
  'cancel_access',
]);

function fieldIssue(path: readonly FieldPathSegment[], code: string, en: string, zh: string): FieldIssue {
  return { ...issue(code, en, zh, { source: TYPE_SOURCE }), path: formatFieldPath(path) };
}

function locked(path: readonly FieldPathSegment[]): FieldIssue {
  return fieldIssue(
    path,
    'field_locked',
    'This value was checked against the registry when the order was created and cannot be changed; start a new order for another one.',
    '该信息在创建订单时已与备案库核验，不能修改；如需更改，请新建订单。',
  );
}

/**
 * The values the order type was detected from (reference §3.1 step 1: "values locked afterwards"):
 * the certificate number, the province and, for orders about one existing service, its domain.
 */
export function findLockedFieldChanges(
  cipher: FieldCipherPort,
  order: OrderRecord,
  content: OrderContentDraft,
  catalogue: Catalogue,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const certificate = content.entity?.certificateNumber;
  if (
    certificate !== undefined &&
    certificate.trim() !== '' &&
    computeCertificateIndex(cipher, certificate) !== order.entityCertificateIndex
  ) {
    issues.push(locked(['entity', 'certificateNumber']));
  }
  const province = content.entity?.provinceCode;
  if (province !== undefined && province.trim() !== '' && province !== order.provinceCode) {
    issues.push(locked(['entity', 'provinceCode']));
  }
  if (SINGLE_SERVICE_TYPES.has(order.type)) {
    const services = content.services ?? [];
    if (services.length > 1) {
      issues.push(
        fieldIssue(
          ['services'],
          'single_service_order',
          'This order is about one existing service: keep only that service.',
          '此类订单只涉及一个已备案网站，请只保留该网站。',
        ),
      );
    }
    const first = services[0];
    const domain = first === undefined ? undefined : readServiceDomain(first, catalogue);
    if (domain !== undefined && order.domain !== undefined && domain !== order.domain) {
      issues.push(locked(['services', 0, 'domain']));
    }
  }
  return issues;
}

/**
 * At submission, the content's domains against the registry as it is now: a new service's domain must
 * be unfiled, a changed service must be one of the entity's.
 */
export async function findRegistryConflicts(
  registry: RegistryStore,
  order: OrderRecord,
  content: OrderContentDraft,
  catalogue: Catalogue,
): Promise<FieldIssue[]> {
  if (order.type !== 'first_filing' && order.type !== 'add_service' && order.type !== 'change') return [];
  const issues: FieldIssue[] = [];
  for (const [index, service] of (content.services ?? []).entries()) {
    const domain = readServiceDomain(service, catalogue);
    if (domain === undefined) continue;
    const record = await registry.findByDomain(domain);
    if (order.type === 'change') {
      if (record?.entity.entityNumber !== order.entityNumber) {
        issues.push(
          fieldIssue(
            ['services', index, 'domain'],
            'service_not_filed_under_entity',
            `${domain} is not filed under this entity, so a change cannot include it; file it as a new service.`,
            `${domain} 不在该主体的备案信息下，不能在变更中填写；请作为新增网站办理。`,
          ),
        );
      }
    } else if (record) {
      issues.push(
        fieldIssue(
          ['services', index, 'domain'],
          'domain_already_filed',
          `${domain} is already filed (${record.service.serviceNumber}).`,
          `${domain} 已备案（${record.service.serviceNumber}）。`,
        ),
      );
    }
  }
  return issues;
}
