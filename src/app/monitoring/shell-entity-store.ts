/** An entity filed through the platform, with its services in the registry and whether each has access. */
export interface FiledEntityServices {
  entityNumber: string;
  unitName: string;
  provinceCode: string;
  services: { serviceNumber: string; serviceName: string; hasAccess: boolean }[];
}

export interface ShellEntityStore {
  /**
   * Entities filed through the platform (filed_entities), by entity number after `afterEntityNumber`,
   * optionally of one province. Services are the registry's (a cancelled service has left it).
   */
  listFiledEntities(filter: {
    provinceCode?: string;
    afterEntityNumber?: string;
    limit: number;
  }): Promise<FiledEntityServices[]>;
}
