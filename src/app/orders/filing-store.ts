/**
 * The private side of the registry: what detection and approval need beyond the public record — the
 * certificate an entity number belongs to (blind index only) and which providers give each service
 * access. Written in the approval transaction together with the public registry.
 */
export interface FiledEntity {
  entityNumber: string;
  certificateIndex: string;
  provinceCode: string;
}

export interface ServiceAccess {
  serviceNumber: string;
  providerOrgId: string;
  instanceId?: number;
  orderId?: number;
  createdAt: Date;
}

export interface FilingStore {
  findEntityByCertificate(certificateIndex: string): Promise<FiledEntity | undefined>;
  /** Creates or updates the entity's row by entity number. */
  saveEntity(entity: FiledEntity & { orderId?: number; updatedAt: Date }): Promise<void>;
  removeEntity(entityNumber: string): Promise<void>;
  /** Provider ids per service number (services without access are absent). */
  listAccessProviders(serviceNumbers: readonly string[]): Promise<Map<string, string[]>>;
  /** No-op when the provider already gives the service access. */
  addAccess(access: ServiceAccess): Promise<void>;
  /** One provider's access, or every provider's when `providerOrgId` is absent. */
  removeAccess(serviceNumber: string, providerOrgId?: string): Promise<void>;
}
