import type { Kysely } from 'kysely';
import type { FiledEntityServices, ShellEntityStore } from '../../../app/monitoring/shell-entity-store.ts';
import type { DB } from '../schema.ts';

/** Entities filed through the platform with their registry services and access, on both databases. */
export function createShellEntityRepository(executor: Kysely<DB>): ShellEntityStore {
  return {
    async listFiledEntities({ provinceCode, afterEntityNumber, limit }) {
      let entities = executor
        .selectFrom('filed_entities as f')
        .innerJoin('registry_entities as e', 'e.entity_number', 'f.entity_number')
        .select(['e.id', 'e.entity_number', 'e.unit_name', 'e.province_code']);
      if (provinceCode !== undefined) entities = entities.where('e.province_code', '=', provinceCode);
      if (afterEntityNumber !== undefined)
        entities = entities.where('e.entity_number', '>', afterEntityNumber);
      const rows = await entities.orderBy('e.entity_number').limit(limit).execute();
      if (rows.length === 0) return [];
      const services = await executor
        .selectFrom('registry_services as s')
        .leftJoin('filed_service_access as a', 'a.service_number', 's.service_number')
        .select(['s.entity_id', 's.service_number', 's.service_name', 'a.provider_org_id'])
        .where(
          's.entity_id',
          'in',
          rows.map((row) => row.id),
        )
        .orderBy('s.service_number')
        .execute();
      const byEntity = new Map<number, Map<string, FiledEntityServices['services'][number]>>();
      for (const service of services) {
        const list = byEntity.get(service.entity_id) ?? new Map();
        const seen = list.get(service.service_number);
        list.set(service.service_number, {
          serviceNumber: service.service_number,
          serviceName: service.service_name,
          hasAccess: (seen?.hasAccess ?? false) || service.provider_org_id !== null,
        });
        byEntity.set(service.entity_id, list);
      }
      return rows.map((row) => ({
        entityNumber: row.entity_number,
        unitName: row.unit_name,
        provinceCode: row.province_code,
        services: [...(byEntity.get(row.id)?.values() ?? [])],
      }));
    },
  };
}
