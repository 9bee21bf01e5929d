import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import { findContentCategory } from '../../domain/order-content/content-categories.ts';
import type { OrderContentDraft, ServiceDraft } from '../../domain/order-content/order-content.ts';
import { assertNever } from '../../domain/shared/assert-never.ts';
import { issue } from '../../domain/shared/issue.ts';
import { normalizeText } from '../../domain/shared/normalize.ts';
import { validateDomain } from '../../domain/validate/domain.ts';
import {
  RegistryConflictError,
  type RegistryServiceInput,
  type RegistryStore,
} from '../registry/registry-store.ts';
import type { FilingStore } from './filing-store.ts';
import type { FilingNumbers } from './issue-filing-numbers.ts';
import { toDomainError } from './order-errors.ts';
import type { OrderRecord } from './order-store.ts';

export interface RegistryUpdateInput {
  order: OrderRecord;
  /** The approved version's content. */
  content: OrderContentDraft;
  /** Numbers issued or recorded by this approval (first filing, added service). */
  numbers?: FilingNumbers;
  /** The instance each service of the content is accessed through, by index, when known. */
  instanceIds: readonly (number | undefined)[];
  /** YYYY-MM-DD, China date of the approval. */
  approvedOn: string;
  now: Date;
  catalogue: Catalogue;
}

/** The registrable domain of a service in lower-case ASCII, as the registry keys it. */
export function readServiceDomain(service: ServiceDraft, catalogue: Catalogue): string | undefined {
  if (service.domain === undefined || service.domain.trim() === '') return undefined;
  return validateDomain(service.domain, { catalogue }).value?.registrableDomain.ascii;
}

function toRegistryService(
  service: ServiceDraft,
  serviceNumber: string,
  approvedOn: string,
  catalogue: Catalogue,
): RegistryServiceInput {
  const domain = readServiceDomain(service, catalogue);
  const category =
    service.contentCategory === undefined ? undefined : findContentCategory(service.contentCategory);
  return {
    serviceNumber,
    serviceType: service.type ?? 'website',
    serviceName: normalizeText(service.name ?? ''),
    contentType: category?.nameZh ?? null,
    domains: domain === undefined ? [] : [domain],
    approvedOn,
    isAccessLimited: false,
  };
}

function registryConflict(error: RegistryConflictError) {
  return toDomainError(
    issue(
      'registry_conflict',
      `The registry refused the change: ${error.message}.`,
      `备案库拒绝了此变更：${error.message}。`,
      { params: { reason: error.code, ...error.params } },
    ),
  );
}

function requireNumber(value: string | undefined, what: string, order: OrderRecord): string {
  if (value === undefined) throw new Error(`Order ${order.id} (${order.type}) has no ${what}`);
  return value;
}

async function addServices(
  stores: { registry: RegistryStore; filings: FilingStore },
  input: RegistryUpdateInput,
  entityNumber: string,
): Promise<void> {
  const services = input.content.services ?? [];
  const numbers = input.numbers?.serviceNumbers ?? [];
  for (const [index, service] of services.entries()) {
    const serviceNumber = requireNumber(numbers[index], `number for service ${index}`, input.order);
    await stores.registry.upsertService(
      entityNumber,
      toRegistryService(service, serviceNumber, input.approvedOn, input.catalogue),
    );
    const instanceId = input.instanceIds[index];
    await stores.filings.addAccess({
      serviceNumber,
      providerOrgId: input.order.providerOrgId,
      ...(instanceId === undefined ? {} : { instanceId }),
      orderId: input.order.id,
      createdAt: input.now,
    });
  }
}

async function saveEntity(
  stores: { registry: RegistryStore; filings: FilingStore },
  input: RegistryUpdateInput,
  entityNumber: string,
): Promise<void> {
  const entity = input.content.entity ?? {};
  await stores.registry.upsertEntity({
    entityNumber,
    unitName: normalizeText(entity.name ?? ''),
    nature: entity.nature ?? 'individual',
    provinceCode: input.order.provinceCode,
    approvedOn: input.approvedOn,
  });
  await stores.filings.saveEntity({
    entityNumber,
    certificateIndex: input.order.entityCertificateIndex,
    provinceCode: input.order.provinceCode,
    orderId: input.order.id,
    updatedAt: input.now,
  });
}

/** A change replaces the entity and the services it names (matched by their locked domains). */
async function applyChange(
  stores: { registry: RegistryStore; filings: FilingStore },
  input: RegistryUpdateInput,
  entityNumber: string,
): Promise<void> {
  await saveEntity(stores, input, entityNumber);
  const entry = await stores.registry.findByNumber(entityNumber);
  const services = input.content.services ?? [];
  for (const service of services) {
    const domain = readServiceDomain(service, input.catalogue);
    const existing =
      entry?.services.find((s) => domain !== undefined && s.domains.some((d) => d.ascii === domain)) ??
      (services.length === 1 && input.order.serviceNumber !== undefined
        ? entry?.services.find((s) => s.serviceNumber === input.order.serviceNumber)
        : undefined);
    if (!existing) continue;
    await stores.registry.upsertService(entityNumber, {
      ...toRegistryService(service, existing.serviceNumber, input.approvedOn, input.catalogue),
      serviceType: existing.serviceType,
      domains: existing.domains.map((d) => d.ascii),
    });
  }
}

/**
 * Applies an approved order to the public registry and its private side, in the approval
 * transaction: first filings add the entity with its services, added services add services, added
 * access records this provider, a change replaces what it names, cancellations remove.
 */
export async function updateRegistryForOrder(
  stores: { registry: RegistryStore; filings: FilingStore },
  input: RegistryUpdateInput,
): Promise<void> {
  const { order } = input;
  try {
    switch (order.type) {
      case 'first_filing': {
        const entityNumber = requireNumber(input.numbers?.entityNumber, 'entity number', order);
        if (await stores.registry.findByNumber(entityNumber)) {
          throw new RegistryConflictError('service_of_other_entity', `${entityNumber} is already filed`, {
            entityNumber,
          });
        }
        await saveEntity(stores, input, entityNumber);
        await addServices(stores, input, entityNumber);
        return;
      }
      case 'add_service':
        await addServices(stores, input, requireNumber(order.entityNumber, 'entity number', order));
        return;
      case 'add_access': {
        const serviceNumber = requireNumber(order.serviceNumber, 'service number', order);
        const instanceId = input.instanceIds[0];
        await stores.filings.addAccess({
          serviceNumber,
          providerOrgId: order.providerOrgId,
          ...(instanceId === undefined ? {} : { instanceId }),
          orderId: order.id,
          createdAt: input.now,
        });
        return;
      }
      case 'change':
        await applyChange(stores, input, requireNumber(order.entityNumber, 'entity number', order));
        return;
      case 'cancel_service': {
        const serviceNumber = requireNumber(order.serviceNumber, 'service number', order);
        await stores.registry.removeService(serviceNumber);
        await stores.filings.removeAccess(serviceNumber);
        return;
      }
      case 'cancel_entity': {
        const entityNumber = requireNumber(order.entityNumber, 'entity number', order);
        const entry = await stores.registry.findByNumber(entityNumber);
        await stores.registry.removeEntity(entityNumber);
        for (const service of entry?.services ?? []) await stores.filings.removeAccess(service.serviceNumber);
        await stores.filings.removeEntity(entityNumber);
        return;
      }
      case 'cancel_access':
        // The public record stays: without access the service is a shell the authority may cancel later.
        await stores.filings.removeAccess(
          requireNumber(order.serviceNumber, 'service number', order),
          order.providerOrgId,
        );
        return;
      default:
        return assertNever(order.type);
    }
  } catch (error) {
    if (error instanceof RegistryConflictError) throw registryConflict(error);
    throw error;
  }
}
