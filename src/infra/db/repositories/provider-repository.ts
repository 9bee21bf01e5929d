import type { Kysely, Selectable } from 'kysely';
import type {
  InstanceRecord,
  ProviderStore,
  ServiceCodeRecord,
} from '../../../app/providers/provider-store.ts';
import type { DatabaseDialect } from '../database.ts';
import type { DB } from '../schema.ts';
import type { ProviderInstancesTable, ServiceCodesTable } from '../tables/providers.ts';

function toInstance(row: Selectable<ProviderInstancesTable>): InstanceRecord {
  return {
    id: row.id,
    providerOrgId: row.provider_org_id,
    ownerUserId: row.owner_user_id,
    name: row.name,
    region: row.region,
    provinceCode: row.province_code,
    publicIp: row.public_ip,
    subscriptionStart: row.subscription_start,
    subscriptionEnd: row.subscription_end,
    createdAt: new Date(row.created_at),
    createdBy: row.created_by,
  };
}

function toServiceCode(row: Selectable<ServiceCodesTable>): ServiceCodeRecord {
  const code: ServiceCodeRecord = {
    id: row.id,
    instanceId: row.instance_id,
    code: row.code,
    kind: row.kind,
    status: row.status,
    issuedAt: new Date(row.issued_at),
    issuedBy: row.issued_by,
  };
  if (row.grantee_user_id !== null) code.granteeUserId = row.grantee_user_id;
  if (row.bound_order_id !== null) code.boundOrderId = row.bound_order_id;
  if (row.expires_at !== null) code.expiresAt = new Date(row.expires_at);
  if (row.burnt_at !== null) code.burntAt = new Date(row.burnt_at);
  return code;
}

/** Instances and service codes on SQLite and PostgreSQL. */
export function createProviderRepository(executor: Kysely<DB>, dialect: DatabaseDialect): ProviderStore {
  const selectInstance = (id: number) =>
    executor.selectFrom('provider_instances').selectAll().where('id', '=', id);

  return {
    async insertInstance(instance) {
      const row = await executor
        .insertInto('provider_instances')
        .values({
          provider_org_id: instance.providerOrgId,
          owner_user_id: instance.ownerUserId,
          name: instance.name,
          region: instance.region,
          province_code: instance.provinceCode,
          public_ip: instance.publicIp,
          subscription_start: instance.subscriptionStart,
          subscription_end: instance.subscriptionEnd,
          created_at: instance.createdAt.toISOString(),
          created_by: instance.createdBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toInstance(row);
    },

    async findInstance(id) {
      const row = await selectInstance(id).executeTakeFirst();
      return row ? toInstance(row) : undefined;
    },

    async lockInstance(id) {
      const query = selectInstance(id);
      const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
      return row ? toInstance(row) : undefined;
    },

    async listInstances(filters) {
      let query = executor.selectFrom('provider_instances').selectAll();
      if (filters !== 'all') {
        if (filters.length === 0) return [];
        query = query.where((eb) =>
          eb.or(
            filters.map((filter) =>
              eb.and([
                ...(filter.ownerUserId === undefined ? [] : [eb('owner_user_id', '=', filter.ownerUserId)]),
                ...(filter.providerOrgId === undefined
                  ? []
                  : [eb('provider_org_id', '=', filter.providerOrgId)]),
              ]),
            ),
          ),
        );
      }
      const rows = await query.orderBy('id', 'desc').execute();
      return rows.map(toInstance);
    },

    async listServiceCodes(instanceIds) {
      if (instanceIds.length === 0) return [];
      const rows = await executor
        .selectFrom('service_codes')
        .selectAll()
        .where('instance_id', 'in', [...instanceIds])
        .orderBy('id')
        .execute();
      return rows.map(toServiceCode);
    },

    async countServiceCodes(instanceId) {
      const row = await executor
        .selectFrom('service_codes')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('instance_id', '=', instanceId)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },

    async insertServiceCode(code) {
      const row = await executor
        .insertInto('service_codes')
        .values({
          instance_id: code.instanceId,
          code: code.code,
          kind: code.kind,
          grantee_user_id: code.granteeUserId ?? null,
          status: 'available',
          issued_at: code.issuedAt.toISOString(),
          issued_by: code.issuedBy,
          expires_at: code.expiresAt?.toISOString() ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toServiceCode(row);
    },

    async findServiceCode(code) {
      const row = await executor
        .selectFrom('service_codes')
        .selectAll()
        .where('code', '=', code)
        .executeTakeFirst();
      return row ? toServiceCode(row) : undefined;
    },

    async bindServiceCode(codeId, orderId) {
      // One conditional UPDATE: two orders binding the same code cannot both succeed.
      const result = await executor
        .updateTable('service_codes')
        .set({ status: 'bound', bound_order_id: orderId })
        .where('id', '=', codeId)
        .where((eb) =>
          eb.or([
            eb('status', '=', 'available'),
            eb.and([eb('status', '=', 'bound'), eb('bound_order_id', '=', orderId)]),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async releaseServiceCodes(orderId, keep = []) {
      let query = executor
        .updateTable('service_codes')
        .set({ status: 'available', bound_order_id: null })
        .where('bound_order_id', '=', orderId)
        .where('status', '=', 'bound');
      if (keep.length > 0) query = query.where('id', 'not in', [...keep]);
      await query.execute();
    },

    async burnServiceCodes(orderId, at) {
      const rows = await executor
        .selectFrom('service_codes')
        .selectAll()
        .where('bound_order_id', '=', orderId)
        .where('status', '=', 'bound')
        .orderBy('id')
        .execute();
      if (rows.length === 0) return [];
      await executor
        .updateTable('service_codes')
        .set({ status: 'burnt', burnt_at: at.toISOString() })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map(toServiceCode);
    },

    async listBoundServiceCodes(orderId) {
      const rows = await executor
        .selectFrom('service_codes')
        .selectAll()
        .where('bound_order_id', '=', orderId)
        .orderBy('id')
        .execute();
      return rows.map(toServiceCode);
    },
  };
}
