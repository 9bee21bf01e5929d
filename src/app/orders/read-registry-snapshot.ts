import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import { validateDomain } from '../../domain/validate/domain.ts';
import type { RegistryServiceSummary, RegistrySnapshot } from '../../domain/workflow/detect-order-type.ts';
import type { RegistryService } from '../registry/registry-store.ts';
import type { WorkflowStores } from './order-deps.ts';

function summarise(service: RegistryService, access: Map<string, string[]>): RegistryServiceSummary {
  return {
    serviceNumber: service.serviceNumber,
    domain: service.domains[0]?.ascii ?? '',
    accessProviderIds: access.get(service.serviceNumber) ?? [],
  };
}

/**
 * What the registry holds for a certificate and a domain, in the form detection reads: the entity
 * filed under the certificate (found through its blind index) with its services and their providers,
 * and the service filed for the domain under whichever entity.
 */
export async function readRegistrySnapshot(
  stores: Pick<WorkflowStores, 'filings' | 'registry'>,
  catalogue: Catalogue,
  input: { certificateNumber: string; certificateIndex: string; domain?: string },
): Promise<RegistrySnapshot> {
  const filed = await stores.filings.findEntityByCertificate(input.certificateIndex);
  const entry = filed ? await stores.registry.findByNumber(filed.entityNumber) : undefined;
  const domain =
    input.domain === undefined
      ? undefined
      : validateDomain(input.domain, { catalogue }).value?.registrableDomain.ascii;
  const record = domain === undefined ? undefined : await stores.registry.findByDomain(domain);
  const access = await stores.filings.listAccessProviders([
    ...(entry?.services.map((s) => s.serviceNumber) ?? []),
    ...(record ? [record.service.serviceNumber] : []),
  ]);
  return {
    entity: entry
      ? {
          entityNumber: entry.entity.entityNumber,
          provinceCode: entry.entity.provinceCode,
          certificateNumber: input.certificateNumber,
          services: entry.services.map((s) => summarise(s, access)),
        }
      : null,
    service: record
      ? { ...summarise(record.service, access), entityNumber: record.entity.entityNumber }
      : null,
  };
}
