import { domainToUnicode } from 'node:url';
import { type Kysely, type RawBuilder, type Selectable, sql } from 'kysely';
import {
  RegistryConflictError,
  type RegistryCounts,
  type RegistryEntity,
  type RegistryEntityInput,
  type RegistryEntry,
  type RegistryEntryInput,
  type RegistryRecord,
  type RegistryService,
  type RegistryServiceInput,
  type RegistryStore,
} from '../../../app/registry/registry-store.ts';
import { parseFilingNumber } from '../../../domain/numbers/filing-number.ts';
import type { DatabaseDialect } from '../database.ts';
import type { DB } from '../schema.ts';
import type { RegistryEntitiesTable, RegistryServicesTable } from '../tables/registry.ts';

/**
 * Rows per multi-row statement: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters,
 * large enough that a national import is a few thousand statements per million rows.
 */
const CHUNK = 500;

/**
 * PostgreSQL name search (see searchPostgresIds): services walked in id order before asking the
 * indexes, and index matches sorted in memory before falling back to an unbounded walk.
 */
const DEFAULT_SEARCH_WALK_ROWS = 2_000;
const DEFAULT_SEARCH_CANDIDATE_CAP = 10_000;

export interface RegistryRepositoryOptions {
  /** Tests lower these to exercise every PostgreSQL search step on a small data set. */
  searchWalkRows?: number;
  searchCandidateCap?: number;
}

type EntityRow = Selectable<RegistryEntitiesTable>;
type ServiceRow = Selectable<RegistryServicesTable>;

function chunk<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Last occurrence wins, as later rows of an import update earlier ones. */
function dedupeBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

function toEntity(row: EntityRow): RegistryEntity {
  return {
    entityNumber: row.entity_number,
    unitName: row.unit_name,
    nature: row.nature,
    provinceCode: row.province_code,
    approvedOn: row.approved_on,
  };
}

function toService(row: ServiceRow, domains: RegistryService['domains']): RegistryService {
  return {
    serviceNumber: row.service_number,
    serviceType: row.service_type,
    serviceName: row.service_name,
    contentType: row.content_type,
    domains,
    approvedOn: row.approved_on,
    isAccessLimited: row.is_access_limited === 1,
  };
}

function entityValues(entity: RegistryEntityInput) {
  return {
    entity_number: entity.entityNumber,
    unit_name: entity.unitName,
    nature: entity.nature,
    province_code: entity.provinceCode,
    approved_on: entity.approvedOn,
  };
}

function serviceValues(entityId: number, service: RegistryServiceInput) {
  return {
    entity_id: entityId,
    service_number: service.serviceNumber,
    service_type: service.serviceType,
    service_name: service.serviceName,
    content_type: service.contentType,
    approved_on: service.approvedOn,
    is_access_limited: service.isAccessLimited ? 1 : 0,
  };
}

/** Lower-cases ASCII letters only, as SQLite's lower() and PostgreSQL's lower(… collate "C") do. */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** An FTS5 phrase: the text in double quotes, inner quotes doubled, so no query syntax leaks in. */
function ftsPhrase(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The bigram side index stores each two-character substring as upper-case hex of its UTF-8 bytes. */
function hexBigram(text: string): string {
  return Buffer.from(lowerAscii(text), 'utf8').toString('hex').toUpperCase();
}

function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * Kysely repository for the public registry, on SQLite and PostgreSQL. Bind it to the database or to
 * a transaction (`createRegistryRepository(trx, db.dialect)`); writes of several statements
 * (upserts, removals) belong inside a transaction.
 */
export function createRegistryRepository(
  executor: Kysely<DB>,
  dialect: DatabaseDialect,
  options: RegistryRepositoryOptions = {},
): RegistryStore {
  const searchWalkRows = options.searchWalkRows ?? DEFAULT_SEARCH_WALK_ROWS;
  const searchCandidateCap = options.searchCandidateCap ?? DEFAULT_SEARCH_CANDIDATE_CAP;
  async function loadDomains(
    serviceIds: readonly number[],
  ): Promise<Map<number, RegistryService['domains']>> {
    const byService = new Map<number, RegistryService['domains']>();
    for (const ids of chunk(serviceIds)) {
      const rows = await executor
        .selectFrom('registry_domains')
        .select(['service_id', 'domain_ascii', 'domain_unicode'])
        .where('service_id', 'in', ids)
        .orderBy('id')
        .execute();
      for (const row of rows) {
        const list = byService.get(row.service_id) ?? [];
        list.push({ ascii: row.domain_ascii, unicode: row.domain_unicode });
        byService.set(row.service_id, list);
      }
    }
    return byService;
  }

  /** Records for these service ids, in id order. */
  async function loadRecords(serviceIds: readonly number[]): Promise<RegistryRecord[]> {
    if (serviceIds.length === 0) return [];
    const rows = await executor
      .selectFrom('registry_services as s')
      .innerJoin('registry_entities as e', 'e.id', 's.entity_id')
      .selectAll('s')
      .select([
        'e.entity_number',
        'e.unit_name',
        'e.nature',
        'e.province_code',
        'e.approved_on as entity_approved_on',
      ])
      .where('s.id', 'in', serviceIds)
      .orderBy('s.id')
      .execute();
    const domains = await loadDomains(rows.map((r) => r.id));
    return rows.map((row) => ({
      entity: toEntity({
        id: row.entity_id,
        entity_number: row.entity_number,
        unit_name: row.unit_name,
        nature: row.nature,
        province_code: row.province_code,
        approved_on: row.entity_approved_on,
      }),
      service: toService(row, domains.get(row.id) ?? []),
    }));
  }

  async function loadEntries(entities: readonly EntityRow[]): Promise<RegistryEntry[]> {
    if (entities.length === 0) return [];
    const services = await executor
      .selectFrom('registry_services')
      .selectAll()
      .where(
        'entity_id',
        'in',
        entities.map((e) => e.id),
      )
      .orderBy('entity_id')
      .orderBy('id')
      .execute();
    const domains = await loadDomains(services.map((s) => s.id));
    const byEntity = new Map<number, RegistryService[]>();
    for (const row of services) {
      const list = byEntity.get(row.entity_id) ?? [];
      list.push(toService(row, domains.get(row.id) ?? []));
      byEntity.set(row.entity_id, list);
    }
    return entities.map((e) => ({ entity: toEntity(e), services: byEntity.get(e.id) ?? [] }));
  }

  async function findEntityId(entityNumber: string): Promise<number | undefined> {
    const row = await executor
      .selectFrom('registry_entities')
      .select('id')
      .where('entity_number', '=', entityNumber)
      .executeTakeFirst();
    return row?.id;
  }

  /** Service ids matching a name search, `limit` of them after `afterId`, ascending. */
  async function searchIds(text: string, limit: number, afterId: number): Promise<number[]> {
    const length = [...text].length;
    if (length < 2) throw new RangeError('A name search needs at least two characters');
    if (dialect === 'sqlite') {
      // FTS5 yields rowids (service ids) in ascending order and stops at the limit, so a page costs
      // the same for a rare or a very common term. Two characters go to the bigram side index.
      const query =
        length === 2
          ? sql<{ id: number }>`select rowid as id from registry_name_bigrams
              where registry_name_bigrams match ${ftsPhrase(hexBigram(text))} and rowid > ${afterId}
              order by rowid limit ${limit}`
          : sql<{ id: number }>`select rowid as id from registry_name_trigrams
              where registry_name_trigrams match ${ftsPhrase(text)} and rowid > ${afterId}
              order by rowid limit ${limit}`;
      return (await query.execute(executor)).rows.map((r) => r.id);
    }
    return searchPostgresIds(text, length, limit, afterId);
  }

  /**
   * PostgreSQL cannot walk a GIN index in id order, and it misjudges how many names contain a
   * substring, so a single query either sorts every match of a common term or walks far for a rare
   * one. Three steps instead, each bounded:
   * 1. walk the next few thousand services in id order — a very common term (有限公司, 科技) fills
   *    its page there;
   * 2. otherwise collect the matches through the trigram / bigram indexes, capped, and sort them
   *    here — rare and medium terms end here;
   * 3. above the cap the term is dense enough that an unbounded walk in id order finds a page soon.
   */
  async function searchPostgresIds(
    text: string,
    length: number,
    limit: number,
    afterId: number,
  ): Promise<number[]> {
    const needle = lowerAscii(text);
    // What a match is, exactly: the name contains the text, ASCII letters folded — as on SQLite. No
    // index serves it, so it is also the cheap filter of the walks in id order.
    const unindexed = (column: RawBuilder<unknown>) =>
      sql`strpos(lower(${column} collate "C"), ${needle}) > 0`;
    // The same test behind one the GIN indexes answer: the bigram array for two characters, ILIKE
    // (pg_trgm) for more.
    const indexed = (column: RawBuilder<unknown>) =>
      length === 2
        ? sql`registry_name_bigrams(${column}) @> array[${needle}]::text[] and ${unindexed(column)}`
        : sql`${column} ilike ${likeContains(text)} and ${unindexed(column)}`;
    const matches = sql`(${unindexed(sql.ref('s.service_name'))} or ${unindexed(sql.ref('e.unit_name'))})`;
    // A lateral lookup with LIMIT cannot be turned into a hash join over every entity: each walked
    // service reads its own entity through the primary key.
    const entityOf = sql`cross join lateral (
      select unit_name from registry_entities where registry_entities.id = s.entity_id limit 1) as e`;

    const run = async (on: Kysely<DB>): Promise<number[]> => {
      const walked = await sql<{ id: number }>`
        select s.id from (
          select id, entity_id, service_name from registry_services
          where id > ${afterId} order by id limit ${searchWalkRows}
        ) as s ${entityOf}
        where ${matches} order by s.id limit ${limit}`.execute(on);
      if (walked.rows.length === limit) return walked.rows.map((r) => r.id);

      const cap = searchCandidateCap;
      const { rows: candidates } = await sql<{ id: number }>`
        (select s.id from registry_services as s
          where ${indexed(sql.ref('s.service_name'))} and s.id > ${afterId} limit ${cap + 1})
        union
        (select s.id from registry_services as s join registry_entities as e on e.id = s.entity_id
          where ${indexed(sql.ref('e.unit_name'))} and s.id > ${afterId} limit ${cap + 1})`.execute(on);
      if (candidates.length <= cap) {
        return candidates
          .map((r) => r.id)
          .sort((a, b) => a - b)
          .slice(0, limit);
      }

      const { rows } = await sql<{ id: number }>`
        select s.id from registry_services as s ${entityOf}
        where s.id > ${afterId} and ${matches} order by s.id limit ${limit}`.execute(on);
      return rows.map((r) => r.id);
    };

    if (executor.isTransaction) return run(executor);
    // Two planner settings for these statements only (transaction-local). The planner prices ILIKE
    // on Chinese text far below its real cost and, for medium-frequency terms, prefers a sequential
    // scan of every entity to the trigram index (≈50 ms at 100k entities, seconds at national
    // scale); and the walks' pessimistic cost estimates would trigger JIT compilation, which costs
    // more than the queries themselves. Inside a caller's transaction the settings would outlive the
    // search, so they are left alone there.
    return executor
      .transaction()
      .setAccessMode('read only')
      .execute(async (trx) => {
        await sql`select set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`.execute(
          trx,
        );
        return run(trx);
      });
  }

  /** Inserts (or upserts) entities and returns their ids by number. */
  async function writeEntities(
    entities: readonly RegistryEntityInput[],
    mode: 'insert' | 'upsert',
  ): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (const part of chunk(entities)) {
      let query = executor.insertInto('registry_entities').values(part.map(entityValues));
      if (mode === 'upsert') {
        query = query.onConflict((oc) =>
          oc.column('entity_number').doUpdateSet((eb) => ({
            unit_name: eb.ref('excluded.unit_name'),
            nature: eb.ref('excluded.nature'),
            province_code: eb.ref('excluded.province_code'),
            approved_on: eb.ref('excluded.approved_on'),
          })),
        );
      }
      for (const row of await query.returning(['id', 'entity_number']).execute()) {
        ids.set(row.entity_number, row.id);
      }
    }
    return ids;
  }

  async function writeServices(
    services: readonly { entityId: number; service: RegistryServiceInput }[],
    mode: 'insert' | 'upsert',
  ): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (const part of chunk(services)) {
      let query = executor
        .insertInto('registry_services')
        .values(part.map(({ entityId, service }) => serviceValues(entityId, service)));
      if (mode === 'upsert') {
        query = query.onConflict((oc) =>
          oc.column('service_number').doUpdateSet((eb) => ({
            entity_id: eb.ref('excluded.entity_id'),
            service_type: eb.ref('excluded.service_type'),
            service_name: eb.ref('excluded.service_name'),
            content_type: eb.ref('excluded.content_type'),
            approved_on: eb.ref('excluded.approved_on'),
            is_access_limited: eb.ref('excluded.is_access_limited'),
          })),
        );
      }
      for (const row of await query.returning(['id', 'service_number']).execute()) {
        ids.set(row.service_number, row.id);
      }
    }
    return ids;
  }

  /**
   * Refuses a domain filed under another service, unless that service is rewritten by the same write
   * (its domains are replaced, so the domain may move between two services of one import batch).
   */
  async function checkDomainOwners(
    owners: ReadonlyMap<string, string>,
    rewritten: ReadonlySet<string>,
  ): Promise<void> {
    for (const domains of chunk([...owners.keys()])) {
      const taken = await executor
        .selectFrom('registry_domains as d')
        .innerJoin('registry_services as s', 's.id', 'd.service_id')
        .select(['d.domain_ascii', 's.service_number'])
        .where('d.domain_ascii', 'in', domains)
        .execute();
      for (const row of taken) {
        const owner = owners.get(row.domain_ascii);
        if (owner !== undefined && owner !== row.service_number && !rewritten.has(row.service_number)) {
          throw new RegistryConflictError(
            'domain_taken',
            `Domain ${row.domain_ascii} is already filed under ${row.service_number}`,
            { domain: row.domain_ascii, serviceNumber: row.service_number },
          );
        }
      }
    }
  }

  async function replaceDomains(
    services: readonly { serviceId: number; domains: readonly string[] }[],
    mode: 'insert' | 'upsert',
  ): Promise<void> {
    if (mode === 'upsert') {
      for (const part of chunk(services.map((s) => s.serviceId))) {
        await executor.deleteFrom('registry_domains').where('service_id', 'in', part).execute();
      }
    }
    const rows = services.flatMap(({ serviceId, domains }) =>
      domains.map((ascii) => ({
        service_id: serviceId,
        domain_ascii: ascii,
        domain_unicode: domainToUnicode(ascii) || ascii,
      })),
    );
    for (const part of chunk(rows)) await executor.insertInto('registry_domains').values(part).execute();
  }

  function domainOwners(services: readonly RegistryServiceInput[]): Map<string, string> {
    const owners = new Map<string, string>();
    for (const service of services) {
      for (const domain of service.domains) {
        const owner = owners.get(domain);
        if (owner !== undefined && owner !== service.serviceNumber) {
          throw new RegistryConflictError(
            'domain_taken',
            `Domain ${domain} is given for both ${owner} and ${service.serviceNumber}`,
            { domain, serviceNumber: owner },
          );
        }
        owners.set(domain, service.serviceNumber);
      }
    }
    return owners;
  }

  function checkServiceBelongs(entityNumber: string, service: RegistryServiceInput): void {
    if (!service.serviceNumber.startsWith(`${entityNumber}-`)) {
      throw new RegistryConflictError(
        'service_of_other_entity',
        `Service ${service.serviceNumber} does not belong to entity ${entityNumber}`,
        { entityNumber, serviceNumber: service.serviceNumber },
      );
    }
  }

  async function writeEntries(
    entries: readonly RegistryEntryInput[],
    mode: 'insert' | 'upsert',
  ): Promise<void> {
    const entities = dedupeBy(
      entries.map((e) => e.entity),
      (e) => e.entityNumber,
    );
    const services = dedupeBy(
      entries.flatMap((entry) =>
        entry.services.map((service) => {
          checkServiceBelongs(entry.entity.entityNumber, service);
          return { entityNumber: entry.entity.entityNumber, service };
        }),
      ),
      (s) => s.service.serviceNumber,
    );
    const owners = domainOwners(services.map((s) => s.service));
    if (mode === 'upsert') {
      await checkDomainOwners(owners, new Set(services.map((s) => s.service.serviceNumber)));
    }

    const entityIds = await writeEntities(entities, mode);
    const serviceIds = await writeServices(
      services.map(({ entityNumber, service }) => {
        const entityId = entityIds.get(entityNumber);
        if (entityId === undefined) throw new Error(`Entity ${entityNumber} was written but not returned`);
        return { entityId, service };
      }),
      mode,
    );
    await replaceDomains(
      services.map(({ service }) => {
        const serviceId = serviceIds.get(service.serviceNumber);
        if (serviceId === undefined) {
          throw new Error(`Service ${service.serviceNumber} was written but not returned`);
        }
        return { serviceId, domains: service.domains };
      }),
      mode,
    );
  }

  return {
    async findByDomain(asciiDomain) {
      const row = await executor
        .selectFrom('registry_domains')
        .select('service_id')
        .where('domain_ascii', '=', asciiDomain)
        .executeTakeFirst();
      if (!row) return undefined;
      const [record] = await loadRecords([row.service_id]);
      return record;
    },

    async findByNumber(number) {
      const parsed = parseFilingNumber(number);
      if (!parsed.valid || !parsed.value) return undefined;
      const { entityNumber, service } = parsed.value;
      const entity = await executor
        .selectFrom('registry_entities')
        .selectAll()
        .where('entity_number', '=', entityNumber)
        .executeTakeFirst();
      if (!entity) return undefined;
      if (!service) return (await loadEntries([entity]))[0];
      const row = await executor
        .selectFrom('registry_services')
        .selectAll()
        .where('service_number', '=', service.number)
        .where('entity_id', '=', entity.id)
        .executeTakeFirst();
      if (!row) return undefined;
      const domains = await loadDomains([row.id]);
      return { entity: toEntity(entity), services: [toService(row, domains.get(row.id) ?? [])] };
    },

    async searchByName(text, page) {
      const ids = await searchIds(text, page.limit + 1, page.afterId ?? 0);
      const pageIds = ids.slice(0, page.limit);
      const records = await loadRecords(pageIds);
      const lastId = pageIds.at(-1);
      return lastId === undefined
        ? { records, hasMore: false }
        : { records, lastId, hasMore: ids.length > page.limit };
    },

    async upsertEntity(entity) {
      await writeEntities([entity], 'upsert');
    },

    async upsertService(entityNumber, service) {
      checkServiceBelongs(entityNumber, service);
      const entityId = await findEntityId(entityNumber);
      if (entityId === undefined) {
        throw new RegistryConflictError('entity_not_found', `Entity ${entityNumber} is not in the registry`, {
          entityNumber,
        });
      }
      const owners = domainOwners([service]);
      await checkDomainOwners(owners, new Set([service.serviceNumber]));
      const ids = await writeServices([{ entityId, service }], 'upsert');
      const serviceId = ids.get(service.serviceNumber);
      if (serviceId === undefined)
        throw new Error(`Service ${service.serviceNumber} was written but not returned`);
      await replaceDomains([{ serviceId, domains: service.domains }], 'upsert');
    },

    upsertEntries: (entries) => writeEntries(entries, 'upsert'),

    bulkInsert: (entries) => writeEntries(entries, 'insert'),

    async removeService(serviceNumber) {
      const row = await executor
        .selectFrom('registry_services')
        .select('id')
        .where('service_number', '=', serviceNumber)
        .executeTakeFirst();
      if (!row) return false;
      await executor.deleteFrom('registry_domains').where('service_id', '=', row.id).execute();
      await executor.deleteFrom('registry_services').where('id', '=', row.id).execute();
      return true;
    },

    async removeEntity(entityNumber) {
      const entityId = await findEntityId(entityNumber);
      if (entityId === undefined) return false;
      const services = executor
        .selectFrom('registry_services')
        .select('id')
        .where('entity_id', '=', entityId);
      await executor.deleteFrom('registry_domains').where('service_id', 'in', services).execute();
      await executor.deleteFrom('registry_services').where('entity_id', '=', entityId).execute();
      await executor.deleteFrom('registry_entities').where('id', '=', entityId).execute();
      return true;
    },

    async *streamEntries(batchSize = CHUNK) {
      let afterId = 0;
      for (;;) {
        const entities = await executor
          .selectFrom('registry_entities')
          .selectAll()
          .where('id', '>', afterId)
          .orderBy('id')
          .limit(batchSize)
          .execute();
        if (entities.length === 0) return;
        yield* await loadEntries(entities);
        afterId = entities.at(-1)?.id ?? afterId;
      }
    },

    async count(): Promise<RegistryCounts> {
      const [entities, services, domains] = await Promise.all(
        (['registry_entities', 'registry_services', 'registry_domains'] as const).map(async (table) => {
          const row = await executor
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .executeTakeFirstOrThrow();
          return Number(row.count);
        }),
      );
      return { entities: entities ?? 0, services: services ?? 0, domains: domains ?? 0 };
    },
  };
}

/**
 * Refreshes planner statistics after a bulk load, and on PostgreSQL merges the GIN indexes' pending
 * lists (rows inserted since the last vacuum), which every name search would otherwise scan in full.
 * Runs outside any transaction (VACUUM cannot run inside one).
 */
export async function refreshRegistryStatistics(
  executor: Kysely<DB>,
  dialect: DatabaseDialect,
): Promise<void> {
  const tables = ['registry_entities', 'registry_services', 'registry_domains'];
  if (dialect === 'sqlite') {
    for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(executor);
  } else {
    await sql`vacuum (analyze) ${sql.join(tables.map((t) => sql.table(t)))}`.execute(executor);
  }
}
