import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  NewOrganisation,
  Organisation,
  OrganisationStore,
} from '../../../app/accounts/account-stores.ts';
import type { DB } from '../schema.ts';
import type { OrganisationsTable } from '../tables/accounts.ts';

/**
 * The row id of a decimal id string; undefined for anything else, so a malformed id finds nothing
 * instead of failing in the database.
 */
export function parseRowId(id: string): number | undefined {
  if (!/^[1-9]\d{0,14}$/.test(id)) return undefined;
  return Number(id);
}

/** Like parseRowId, for ids the caller already checked (they came from the database). */
export function toRowId(id: string): number {
  const rowId = parseRowId(id);
  if (rowId === undefined) throw new RangeError(`Not a row id: ${id}`);
  return rowId;
}

/** A LIKE pattern for "contains `text`", lower case; `%`, `_` and `\\` match literally (escape '\\'). */
export function toContainsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: String(row.id),
    kind: row.kind,
    nameEn: row.name_en,
    nameZh: row.name_zh,
    provinceCode: row.province_code,
    createdAt: row.created_at,
  };
}

function toRow(organisation: NewOrganisation, createdAt: string) {
  return {
    kind: organisation.kind,
    name_en: organisation.nameEn,
    name_zh: organisation.nameZh,
    province_code: organisation.provinceCode,
    created_at: createdAt,
  };
}

/** Organisations on SQLite and PostgreSQL; unique indexes on both names keep `--org <name>` unambiguous. */
export function createOrganisationRepository(executor: Kysely<DB>): OrganisationStore {
  const selectAll = () => executor.selectFrom('organisations').selectAll();
  type Query = ReturnType<typeof selectAll>;
  const findOne = async (where: (query: Query) => Query) => {
    const row = await where(selectAll()).executeTakeFirst();
    return row ? toOrganisation(row) : undefined;
  };

  return {
    async create(organisation, createdAt) {
      // Either unique name index may refuse the row; DO NOTHING without a target covers both.
      const row = await executor
        .insertInto('organisations')
        .values(toRow(organisation, createdAt))
        .onConflict((oc) => oc.doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toOrganisation(row) : undefined;
    },

    findById(id) {
      const rowId = parseRowId(id);
      if (rowId === undefined) return Promise.resolve(undefined);
      return findOne((query) => query.where('id', '=', rowId));
    },

    findByName(name) {
      return findOne((query) =>
        query.where((eb) => eb.or([eb('name_en', '=', name), eb('name_zh', '=', name)])).orderBy('id'),
      );
    },

    findAuthority(provinceCode) {
      return findOne((query) =>
        query.where('kind', '=', 'authority').where('province_code', '=', provinceCode),
      );
    },

    findPlatform() {
      return findOne((query) => query.where('kind', '=', 'platform'));
    },

    async list({ kind, query, limit, offset }) {
      let filtered = executor.selectFrom('organisations');
      if (kind !== undefined) filtered = filtered.where('kind', '=', kind);
      if (query !== undefined && query !== '') {
        const pattern = toContainsPattern(query);
        filtered = filtered.where(
          sql<boolean>`(lower(name_en) like ${pattern} escape '\\' or lower(name_zh) like ${pattern} escape '\\')`,
        );
      }
      const [rows, count] = await Promise.all([
        filtered.selectAll().orderBy('id').limit(limit).offset(offset).execute(),
        filtered.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toOrganisation), total: Number(count.total) };
    },

    async insertMissingAuthorities(authorities, createdAt) {
      if (authorities.length === 0) return 0;
      const inserted = await executor
        .insertInto('organisations')
        .values(authorities.map((authority) => toRow(authority, createdAt)))
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .execute();
      return inserted.length;
    },

    async ensurePlatform(organisation, createdAt) {
      await executor
        .insertInto('organisations')
        .values(toRow(organisation, createdAt))
        .onConflict((oc) => oc.doNothing())
        .execute();
      const row = await selectAll().where('kind', '=', 'platform').executeTakeFirstOrThrow();
      return toOrganisation(row);
    },
  };
}
