import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import type { FilingStore } from '../../../app/orders/filing-store.ts';
import type { WorkflowPersistence, WorkflowStores } from '../../../app/orders/order-deps.ts';
import type {
  NewOrder,
  OrderDeadlineRange,
  OrderListQuery,
  OrderListSlice,
  OrderRecord,
  OrderSearch,
  OrderStore,
  OrderUpdate,
  SmsChallengeRecord,
  StoredContent,
} from '../../../app/orders/order-store.ts';
import type { OrderScope } from '../../../domain/policy/order-access.ts';
import { assertNever } from '../../../domain/shared/assert-never.ts';
import type { FilingIntent } from '../../../domain/workflow/detect-order-type.ts';
import type { JsonValue, OrderEventType } from '../../../domain/workflow/order-outcome.ts';
import type { OrderDeadlines } from '../../../domain/workflow/order-snapshot.ts';
import type { OrderStatus } from '../../../domain/workflow/order-status.ts';
import type { OrderTypeId } from '../../../domain/workflow/order-type.ts';
import type { ReturnReason } from '../../../domain/workflow/return-reason.ts';
import type { Database, DatabaseDialect } from '../database.ts';
import type { DB } from '../schema.ts';
import type { OrdersTable } from '../tables/orders.ts';
import { createAuditLogRepository } from './audit-log-repository.ts';
import { createNotificationRepository } from './notification-repository.ts';
import { createNumberSequenceRepository } from './number-sequence-repository.ts';
import { createProviderRepository } from './provider-repository.ts';
import { createRegistryRepository } from './registry-repository.ts';
import { toDate, toIso } from './timestamp-columns.ts';

type OrderRow = Selectable<OrdersTable>;

function toDeadlines(row: OrderRow): OrderDeadlines {
  const deadlines: OrderDeadlines = {};
  const providerReviewDue = toDate(row.provider_review_due);
  const smsExpiresAt = toDate(row.sms_expires_at);
  const authorityReviewDue = toDate(row.authority_review_due);
  if (providerReviewDue) deadlines.providerReviewDue = providerReviewDue;
  if (smsExpiresAt) deadlines.smsExpiresAt = smsExpiresAt;
  if (authorityReviewDue) deadlines.authorityReviewDue = authorityReviewDue;
  return deadlines;
}

function toOrder(row: OrderRow): OrderRecord {
  const order: OrderRecord = {
    id: row.id,
    type: row.type as OrderTypeId,
    intent: row.intent as FilingIntent,
    status: row.status as OrderStatus,
    provinceCode: row.province_code,
    ownerUserId: row.owner_user_id,
    providerOrgId: row.provider_org_id,
    authorityMode: row.authority_mode,
    entityCertificateIndex: row.entity_certificate_index,
    isEntityAtThisProvider: row.is_entity_at_this_provider === 1,
    version: row.version,
    deadlines: toDeadlines(row),
    returnReasons: JSON.parse(row.return_reasons) as ReturnReason[],
    issuedServiceNumbers: JSON.parse(row.issued_service_numbers) as string[],
    hasBeenSubmitted: row.has_been_submitted === 1,
    hasReachedAuthority: row.has_reached_authority === 1,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
  if (row.agent_org_id !== null) order.agentOrgId = row.agent_org_id;
  if (row.client_user_id !== null) order.clientUserId = row.client_user_id;
  if (row.entity_number !== null) order.entityNumber = row.entity_number;
  if (row.service_number !== null) order.serviceNumber = row.service_number;
  if (row.domain !== null) order.domain = row.domain;
  if (row.submitted_version !== null) order.submittedVersion = row.submitted_version;
  const submittedAt = toDate(row.submitted_at);
  const decidedAt = toDate(row.decided_at);
  if (submittedAt) order.submittedAt = submittedAt;
  if (decidedAt) order.decidedAt = decidedAt;
  return order;
}

function toSmsChallenge(row: Selectable<DB['sms_challenges']>): SmsChallengeRecord {
  return {
    id: row.id,
    orderId: row.order_id,
    codeHash: row.code_hash,
    issuedAt: new Date(row.issued_at),
    expiresAt: new Date(row.expires_at),
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
  };
}

function flag(value: boolean): number {
  return value ? 1 : 0;
}

export type OrdersBuilder = ExpressionBuilder<DB, 'orders'>;

/** The SQL form of `isOrderInScope` (src/domain/policy/order-access.ts); the two must agree. */
export function scopeCondition(eb: OrdersBuilder, scope: OrderScope) {
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`1 = 1`;
    case 'owner':
      return eb('owner_user_id', '=', scope.userId);
    case 'client':
      return eb('client_user_id', '=', scope.userId);
    case 'agency':
      return scope.organisationIds.length === 0
        ? sql<boolean>`1 = 0`
        : eb('agent_org_id', 'in', [...scope.organisationIds]);
    case 'provider':
      return eb.and([eb('provider_org_id', '=', scope.providerOrgId), eb('has_been_submitted', '=', 1)]);
    case 'authority':
      return eb.and([
        eb('province_code', '=', scope.provinceCode),
        eb('authority_mode', '=', 'sandbox'),
        eb('has_reached_authority', '=', 1),
      ]);
    default:
      return assertNever(scope);
  }
}

function sliceCondition(eb: OrdersBuilder, slice: OrderListSlice) {
  const parts = [scopeCondition(eb, slice.scope)];
  if (slice.statuses !== undefined) {
    parts.push(slice.statuses.length === 0 ? sql<boolean>`1 = 0` : eb('status', 'in', [...slice.statuses]));
  }
  if (slice.authorityMode !== undefined) parts.push(eb('authority_mode', '=', slice.authorityMode));
  return eb.and(parts);
}

/** The active deadline (findActiveDeadline): the workflow keeps only the current step's. */
const ACTIVE_DUE = sql<string | null>`coalesce(authority_review_due, sms_expires_at, provider_review_due)`;

function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/** Case-blind on both databases: the text is lower case, and so is what it is compared with. */
function contains(column: string, text: string) {
  return sql<boolean>`lower(${sql.ref(column)}) like ${likeContains(text)} escape '\\'`;
}

function deadlineCondition(eb: OrdersBuilder, range: OrderDeadlineRange | 'none') {
  if (range === 'none') return sql<boolean>`${ACTIVE_DUE} is null`;
  const parts: Expression<SqlBool>[] = [sql<boolean>`${ACTIVE_DUE} is not null`];
  if (range.from) parts.push(sql<boolean>`${ACTIVE_DUE} >= ${range.from.toISOString()}`);
  if (range.before) parts.push(sql<boolean>`${ACTIVE_DUE} < ${range.before.toISOString()}`);
  return eb.and(parts);
}

function searchCondition(eb: OrdersBuilder, search: OrderSearch) {
  const parts: Expression<SqlBool>[] = [
    contains('domain', search.text),
    contains('entity_number', search.text),
    contains('service_number', search.text),
    contains('entity_name_search', search.text),
  ];
  if (search.domain !== undefined) parts.push(contains('domain', search.domain));
  const name = search.entityName;
  if (name !== undefined && name.scopes.length > 0) {
    parts.push(
      eb.and([
        eb('entity_name_index', '=', name.index),
        eb.or(name.scopes.map((scope) => scopeCondition(eb, scope))),
      ]),
    );
  }
  if (search.order !== undefined) {
    const { id, createdFrom, createdBefore } = search.order;
    const byId: Expression<SqlBool>[] = [eb('id', '=', id)];
    if (createdFrom) byId.push(eb('created_at', '>=', createdFrom.toISOString()));
    if (createdBefore) byId.push(eb('created_at', '<', createdBefore.toISOString()));
    parts.push(eb.and(byId));
  }
  return eb.or(parts);
}

/**
 * The orders a list query matches, before sorting and paging; undefined when it can match nothing
 * (no slices, an empty filter list).
 */
function filterOrders(executor: Kysely<DB>, query: OrderListQuery) {
  const lists = [query.slices, query.statuses, query.types, query.provinceCodes, query.activeDeadlines];
  if (lists.some((list) => list !== undefined && list.length === 0)) return undefined;
  let select = executor
    .selectFrom('orders')
    .where((eb) => eb.or(query.slices.map((slice) => sliceCondition(eb, slice))));
  if (query.statuses !== undefined) select = select.where('status', 'in', [...query.statuses]);
  if (query.types !== undefined) select = select.where('type', 'in', [...query.types]);
  if (query.provinceCodes !== undefined)
    select = select.where('province_code', 'in', [...query.provinceCodes]);
  if (query.entityNumber !== undefined) select = select.where('entity_number', '=', query.entityNumber);
  if (query.clientUserId !== undefined) select = select.where('client_user_id', '=', query.clientUserId);
  const deadlines = query.activeDeadlines;
  if (deadlines !== undefined) {
    select = select.where((eb) => eb.or(deadlines.map((range) => deadlineCondition(eb, range))));
  }
  const search = query.search;
  if (search !== undefined) select = select.where((eb) => searchCondition(eb, search));
  return select;
}

/**
 * Orders with their drafts, versions, events and SMS challenges, on SQLite and PostgreSQL. Bind it to
 * a transaction for writes; `lockOrder` row-locks on PostgreSQL (SQLite's BEGIN IMMEDIATE already
 * serialises every writer).
 */
export function createOrderRepository(executor: Kysely<DB>, dialect: DatabaseDialect): OrderStore {
  const selectOrder = (id: number) => executor.selectFrom('orders').selectAll().where('id', '=', id);

  return {
    async insertOrder(order: NewOrder) {
      const at = order.createdAt.toISOString();
      const row = await executor
        .insertInto('orders')
        .values({
          type: order.type,
          intent: order.intent,
          status: 'draft',
          province_code: order.provinceCode,
          owner_user_id: order.ownerUserId,
          agent_org_id: order.agentOrgId ?? null,
          client_user_id: order.clientUserId ?? null,
          provider_org_id: order.providerOrgId,
          authority_mode: order.authorityMode,
          entity_certificate_index: order.entityCertificateIndex,
          is_in_progress: 1,
          entity_number: order.entityNumber ?? null,
          service_number: order.serviceNumber ?? null,
          domain: order.domain ?? null,
          is_entity_at_this_provider: flag(order.isEntityAtThisProvider),
          version: 1,
          return_reasons: '[]',
          issued_service_numbers: '[]',
          has_been_submitted: 0,
          has_reached_authority: 0,
          created_at: at,
          updated_at: at,
        })
        // The partial unique index is the arbiter: a concurrent order for the same entity loses here.
        .onConflict((oc) =>
          oc.column('entity_certificate_index').where(sql<boolean>`is_in_progress = 1`).doNothing(),
        )
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    async findOrder(id) {
      const row = await selectOrder(id).executeTakeFirst();
      return row ? toOrder(row) : undefined;
    },

    async lockOrder(id) {
      const query = selectOrder(id);
      const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
      return row ? toOrder(row) : undefined;
    },

    async findInProgressOrderId(entityCertificateIndex) {
      const row = await executor
        .selectFrom('orders')
        .select('id')
        .where('entity_certificate_index', '=', entityCertificateIndex)
        .where('is_in_progress', '=', 1)
        .executeTakeFirst();
      return row?.id;
    },

    async updateOrder(id, update: OrderUpdate) {
      const values: Updateable<OrdersTable> = {
        updated_at: update.updatedAt.toISOString(),
      };
      if (update.status !== undefined) values.status = update.status;
      if (update.isInProgress !== undefined) values.is_in_progress = flag(update.isInProgress);
      if (update.entityNumber !== undefined) values.entity_number = update.entityNumber;
      if (update.version !== undefined) values.version = update.version;
      if (update.submittedVersion !== undefined) values.submitted_version = update.submittedVersion;
      if (update.deadlines !== undefined) {
        values.provider_review_due = toIso(update.deadlines.providerReviewDue);
        values.sms_expires_at = toIso(update.deadlines.smsExpiresAt);
        values.authority_review_due = toIso(update.deadlines.authorityReviewDue);
      }
      if (update.returnReasons !== undefined) values.return_reasons = JSON.stringify(update.returnReasons);
      if (update.issuedServiceNumbers !== undefined) {
        values.issued_service_numbers = JSON.stringify(update.issuedServiceNumbers);
      }
      if (update.hasBeenSubmitted !== undefined) values.has_been_submitted = flag(update.hasBeenSubmitted);
      if (update.hasReachedAuthority !== undefined) {
        values.has_reached_authority = flag(update.hasReachedAuthority);
      }
      if (update.submittedAt !== undefined) values.submitted_at = update.submittedAt.toISOString();
      if (update.decidedAt !== undefined) values.decided_at = update.decidedAt.toISOString();
      if (update.entityNameSearchKeys !== undefined) {
        values.entity_name_search = update.entityNameSearchKeys.entityNameSearch;
        values.entity_name_index = update.entityNameSearchKeys.entityNameIndex;
      }
      await executor.updateTable('orders').set(values).where('id', '=', id).execute();
    },

    async listOrders(query) {
      const filtered = filterOrders(executor, query);
      if (!filtered) return [];
      const select =
        query.sort === 'deadline'
          ? filtered
              .selectAll()
              .orderBy(sql`coalesce(${ACTIVE_DUE}, '9999-12-31')`)
              .orderBy('updated_at', 'desc')
              .orderBy('id', 'desc')
          : filtered.selectAll().orderBy('updated_at', 'desc').orderBy('id', 'desc');
      const rows = await select.limit(query.limit).offset(query.offset).execute();
      return rows.map(toOrder);
    },

    async countOrders(query) {
      const filtered = filterOrders(executor, query);
      if (!filtered) return 0;
      const row = await filtered.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async listOrderIdsWithExpiredSms(now, limit) {
      const rows = await executor
        .selectFrom('orders')
        .select('id')
        .where('status', '=', 'sms_verification')
        .where('sms_expires_at', '<=', now.toISOString())
        .orderBy('sms_expires_at')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    async readDraft(orderId) {
      const row = await executor
        .selectFrom('order_drafts')
        .selectAll()
        .where('order_id', '=', orderId)
        .executeTakeFirst();
      return row
        ? { version: row.version, content: row.content, at: new Date(row.updated_at), by: row.updated_by }
        : undefined;
    },

    async writeDraft(orderId, draft: StoredContent) {
      const values = {
        version: draft.version,
        content: draft.content,
        updated_at: draft.at.toISOString(),
        updated_by: draft.by,
      };
      await executor
        .insertInto('order_drafts')
        .values({ order_id: orderId, ...values })
        .onConflict((oc) => oc.column('order_id').doUpdateSet(values))
        .execute();
    },

    async insertVersion(orderId, version) {
      await executor
        .insertInto('order_versions')
        .values({
          order_id: orderId,
          version: version.version,
          content: version.content,
          submitted_at: version.at.toISOString(),
          submitted_by: version.by,
        })
        .execute();
    },

    async readVersion(orderId, version) {
      const row = await executor
        .selectFrom('order_versions')
        .selectAll()
        .where('order_id', '=', orderId)
        .where('version', '=', version)
        .executeTakeFirst();
      return row
        ? { version: row.version, content: row.content, at: new Date(row.submitted_at), by: row.submitted_by }
        : undefined;
    },

    async listVersions(orderId) {
      const rows = await executor
        .selectFrom('order_versions')
        .select(['version', 'submitted_at', 'submitted_by'])
        .where('order_id', '=', orderId)
        .orderBy('version')
        .execute();
      return rows.map((r) => ({ version: r.version, at: new Date(r.submitted_at), by: r.submitted_by }));
    },

    async appendEvents(orderId, actor, events) {
      if (events.length === 0) return;
      await executor
        .insertInto('order_events')
        .values(
          events.map((event) => ({
            order_id: orderId,
            type: event.type,
            from_status: event.from,
            to_status: event.to,
            occurred_at: event.at.toISOString(),
            actor,
            details: JSON.stringify(event.details),
          })),
        )
        .execute();
    },

    async listEvents(orderId) {
      const rows = await executor
        .selectFrom('order_events')
        .selectAll()
        .where('order_id', '=', orderId)
        .orderBy('id')
        .execute();
      return rows.map((row) => ({
        id: row.id,
        type: row.type as OrderEventType,
        from: row.from_status as OrderStatus,
        to: row.to_status as OrderStatus,
        at: new Date(row.occurred_at),
        actor: row.actor,
        details: JSON.parse(row.details) as Record<string, JsonValue>,
      }));
    },

    async insertSmsChallenge(challenge) {
      await executor
        .insertInto('sms_challenges')
        .values({
          order_id: challenge.orderId,
          code_hash: challenge.codeHash,
          issued_at: challenge.issuedAt.toISOString(),
          expires_at: challenge.expiresAt.toISOString(),
          attempts: 0,
          max_attempts: challenge.maxAttempts,
          status: 'open',
        })
        .execute();
    },

    async findOpenSmsChallenge(orderId): Promise<SmsChallengeRecord | undefined> {
      const row = await executor
        .selectFrom('sms_challenges')
        .selectAll()
        .where('order_id', '=', orderId)
        .where('status', '=', 'open')
        .executeTakeFirst();
      return row ? toSmsChallenge(row) : undefined;
    },

    async listOpenSmsChallenges(orderIds) {
      if (orderIds.length === 0) return [];
      // The partial unique index sms_challenges_one_open (order_id) where status = 'open' serves this.
      const rows = await executor
        .selectFrom('sms_challenges')
        .selectAll()
        .where('order_id', 'in', [...orderIds])
        .where('status', '=', 'open')
        .execute();
      return rows.map(toSmsChallenge);
    },

    async updateSmsChallenge(id, update) {
      await executor
        .updateTable('sms_challenges')
        .set({
          attempts: update.attempts,
          ...(update.outcome === undefined ? {} : { status: update.outcome }),
          ...(update.closedAt === undefined ? {} : { closed_at: update.closedAt.toISOString() }),
        })
        .where('id', '=', id)
        .execute();
    },
  };
}

/** The private side of the registry (certificate → entity, service → providers). */
export function createFilingRepository(executor: Kysely<DB>): FilingStore {
  return {
    async findEntityByCertificate(certificateIndex) {
      const row = await executor
        .selectFrom('filed_entities')
        .select(['entity_number', 'certificate_index', 'province_code'])
        .where('certificate_index', '=', certificateIndex)
        .executeTakeFirst();
      return row
        ? {
            entityNumber: row.entity_number,
            certificateIndex: row.certificate_index,
            provinceCode: row.province_code,
          }
        : undefined;
    },

    async saveEntity(entity) {
      const values = {
        certificate_index: entity.certificateIndex,
        province_code: entity.provinceCode,
        order_id: entity.orderId ?? null,
        updated_at: entity.updatedAt.toISOString(),
      };
      await executor
        .insertInto('filed_entities')
        .values({ entity_number: entity.entityNumber, ...values })
        .onConflict((oc) => oc.column('entity_number').doUpdateSet(values))
        .execute();
    },

    async removeEntity(entityNumber) {
      await executor.deleteFrom('filed_entities').where('entity_number', '=', entityNumber).execute();
    },

    async listAccessProviders(serviceNumbers) {
      const byService = new Map<string, string[]>();
      if (serviceNumbers.length === 0) return byService;
      const rows = await executor
        .selectFrom('filed_service_access')
        .select(['service_number', 'provider_org_id'])
        .where('service_number', 'in', [...serviceNumbers])
        .orderBy('id')
        .execute();
      for (const row of rows) {
        const list = byService.get(row.service_number) ?? [];
        list.push(row.provider_org_id);
        byService.set(row.service_number, list);
      }
      return byService;
    },

    async addAccess(access) {
      await executor
        .insertInto('filed_service_access')
        .values({
          service_number: access.serviceNumber,
          provider_org_id: access.providerOrgId,
          instance_id: access.instanceId ?? null,
          order_id: access.orderId ?? null,
          created_at: access.createdAt.toISOString(),
        })
        .onConflict((oc) => oc.columns(['service_number', 'provider_org_id']).doNothing())
        .execute();
    },

    async removeAccess(serviceNumber, providerOrgId) {
      let query = executor.deleteFrom('filed_service_access').where('service_number', '=', serviceNumber);
      if (providerOrgId !== undefined) query = query.where('provider_org_id', '=', providerOrgId);
      await query.execute();
    },
  };
}

function createWorkflowStores(executor: Kysely<DB>, dialect: DatabaseDialect): WorkflowStores {
  return {
    orders: createOrderRepository(executor, dialect),
    filings: createFilingRepository(executor),
    numbers: createNumberSequenceRepository(executor, dialect),
    providers: createProviderRepository(executor, dialect),
    notifications: createNotificationRepository(executor, dialect),
    registry: createRegistryRepository(executor, dialect),
    auditLog: createAuditLogRepository(executor),
  };
}

/** The order use cases' persistence port on one database: `deps.persistence`. */
export function createWorkflowPersistence(database: Database): WorkflowPersistence {
  return {
    read: createWorkflowStores(database.kysely, database.dialect),
    transact: (work) => database.transaction((trx) => work(createWorkflowStores(trx, database.dialect))),
  };
}
