import type { ServiceType } from '../../domain/numbers/filing-number.ts';

/**
 * The public registry as the use cases see it: the fields MIIT's own lookup shows (reference §4.3)
 * and nothing more — no leader, certificate, address or contact data ever reaches these types.
 */
export interface RegistryEntity {
  /** Canonical entity number, e.g. 京ICP备2021034286号. */
  entityNumber: string;
  /** 主办单位名称 (for individual filings MIIT shows the person's name here). */
  unitName: string;
  /** Catalogue entity-nature id: enterprise, individual, government, … */
  nature: string;
  /** Two-digit province code. */
  provinceCode: string;
  /** YYYY-MM-DD of the entity's latest approval. */
  approvedOn: string;
}

export interface RegistryDomain {
  /** Lower-case punycode. */
  ascii: string;
  unicode: string;
}

export interface RegistryService {
  /** Canonical service number, e.g. 京ICP备2021034286号-1. */
  serviceNumber: string;
  serviceType: ServiceType;
  serviceName: string;
  contentType: string | null;
  domains: RegistryDomain[];
  /** YYYY-MM-DD of the service's latest approval (审核日期). */
  approvedOn: string;
  /** 是否限制接入. */
  isAccessLimited: boolean;
}

/** One public record: a service with its entity, as one row of MIIT's lookup. */
export interface RegistryRecord {
  entity: RegistryEntity;
  service: RegistryService;
}

/** An entity with every service it holds (possibly none). */
export interface RegistryEntry {
  entity: RegistryEntity;
  services: RegistryService[];
}

/** What the store writes. Values are canonical (numbers parsed, names NFKC, domains lower-case ASCII). */
export type RegistryEntityInput = RegistryEntity;

export interface RegistryServiceInput extends Omit<RegistryService, 'domains'> {
  /** Lower-case punycode domains; the store derives the Unicode form. */
  domains: string[];
}

export interface RegistryEntryInput {
  entity: RegistryEntityInput;
  services: RegistryServiceInput[];
}

export interface RegistryPage {
  records: RegistryRecord[];
  /** Pass back to get the next page; absent on the last page. */
  nextCursor?: string;
}

export interface RegistryCounts {
  entities: number;
  services: number;
  domains: number;
}

/** A write the registry refuses because it would contradict what is already filed. */
export class RegistryConflictError extends Error {
  constructor(
    readonly code: 'domain_taken' | 'service_of_other_entity' | 'entity_not_found',
    message: string,
    readonly params: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RegistryConflictError';
  }
}

/**
 * The registry port. A store is bound to one executor: the database, or the caller's transaction
 * (the approval transaction writes the registry and the audit log together).
 */
export interface RegistryStore {
  /** Exact match on a lower-case punycode domain. */
  findByDomain(asciiDomain: string): Promise<RegistryRecord | undefined>;
  /**
   * An entity number (the entity with every service) or a service number (the entity with that
   * service only), in any form parseFilingNumber reads; undefined when unparsable or not filed.
   */
  findByNumber(number: string): Promise<RegistryEntry | undefined>;
  /**
   * Services whose service name or unit name contains `text` (NFKC, at least two characters; ASCII
   * letters match case-insensitively), in a stable order, `limit` at a time after `afterId`.
   */
  searchByName(
    text: string,
    page: { limit: number; afterId?: number },
  ): Promise<{
    records: RegistryRecord[];
    lastId?: number;
    hasMore: boolean;
  }>;
  /** Creates or updates an entity by its number. */
  upsertEntity(entity: RegistryEntityInput): Promise<void>;
  /**
   * Creates or updates a service of an existing entity by its number and replaces its domains.
   * @throws RegistryConflictError when the entity is missing or a domain belongs to another service.
   */
  upsertService(entityNumber: string, service: RegistryServiceInput): Promise<void>;
  /** Upserts many entries at once (import); same rules and errors as the single upserts. */
  upsertEntries(entries: readonly RegistryEntryInput[]): Promise<void>;
  /** Inserts entries known to be new (seeding, benchmarks); fails on any existing number or domain. */
  bulkInsert(entries: readonly RegistryEntryInput[]): Promise<void>;
  /** Removes a service and its domains; false when it was not there. */
  removeService(serviceNumber: string): Promise<boolean>;
  /** Removes an entity with all its services and domains; false when it was not there. */
  removeEntity(entityNumber: string): Promise<boolean>;
  /** Every entry in entity order, read in batches (export). */
  streamEntries(batchSize?: number): AsyncIterable<RegistryEntry>;
  count(): Promise<RegistryCounts>;
}
