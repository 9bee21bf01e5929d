import type { Generated } from 'kysely';

/**
 * The public registry: the approved records MIIT's own lookup shows and nothing more (reference §4.3,
 * "Public registry record") — no leader, certificate, address or contact data. Dates are ISO
 * `YYYY-MM-DD` text; flags are integers 0/1 on both databases (see schema.ts).
 */
export interface RegistryEntitiesTable {
  id: Generated<number>;
  /** Canonical entity number, e.g. 京ICP备2021034286号 (parseFilingNumber's entityNumber). */
  entity_number: string;
  /** 主办单位名称: organisation name, or the person's name for individual filings, as MIIT shows it. */
  unit_name: string;
  /** Catalogue entity-nature id: enterprise, individual, government, … */
  nature: string;
  /** Two-digit GB/T 2260 province code of the number's abbreviation. */
  province_code: string;
  /** Date of the entity's latest approval (first filing or change). */
  approved_on: string;
}

export interface RegistryServicesTable {
  id: Generated<number>;
  entity_id: number;
  /** Canonical service number, e.g. 京ICP备2021034286号-1 or …-2A. */
  service_number: string;
  service_type: 'website' | 'app' | 'mini_program' | 'quick_app';
  service_name: string;
  /** MIIT's contentTypeName as shown, when known. */
  content_type: string | null;
  /** 审核日期: date of the service's latest approval. */
  approved_on: string;
  /** 是否限制接入 (limitAccess), 0 or 1. */
  is_access_limited: number;
}

/** One row per filed domain; a legacy website may hold several, a domain belongs to one service. */
export interface RegistryDomainsTable {
  id: Generated<number>;
  service_id: number;
  /** Lower-case punycode form: the lookup key. */
  domain_ascii: string;
  domain_unicode: string;
}

export interface RegistryTables {
  registry_entities: RegistryEntitiesTable;
  registry_services: RegistryServicesTable;
  registry_domains: RegistryDomainsTable;
}
