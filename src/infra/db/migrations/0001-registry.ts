import { type Kysely, sql } from 'kysely';
import type { DatabaseDialect } from '../database.ts';

/** Names longer than this are refused; the bigram side index covers every position up to it. */
const MAX_NAME_LENGTH = 200;

/**
 * The public registry, sized for the national data set (DESIGN.md §6: ≈5M entities, 8M services,
 * 7M domains). Exact lookups go through unique indexes on entity number, service number and domain.
 * Name search (unit name or service name, any substring of two or more characters):
 * - SQLite: one FTS5 `trigram` index per service over both names (external content: a view joining
 *   services and entities), so a search is one FTS5 scan in service-id order that stops at the page
 *   size, whatever the term's frequency; a contentless FTS5 side index holds every two-character
 *   substring (as hex, so no tokenizer splits it), because trigram indexes cannot answer queries of
 *   two characters and two-character names such as 腾讯 are common. Triggers keep both in step.
 * - PostgreSQL: pg_trgm GIN indexes on both names for three characters and more, and GIN indexes on
 *   an immutable bigram-array function for two characters.
 */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const isSqlite = dialect === 'sqlite';
  const idType = isSqlite ? 'integer' : 'bigint';

  await db.schema
    .createTable('registry_entities')
    .addColumn('id', idType, (c) =>
      isSqlite ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn('entity_number', 'text', (c) => c.notNull().unique())
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull())
    .addColumn('approved_on', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'registry_entities_unit_name_length',
      sql`length(unit_name) between 1 and ${sql.lit(MAX_NAME_LENGTH)}`,
    )
    .addCheckConstraint('registry_entities_province_code', sql`length(province_code) = 2`)
    .execute();

  await db.schema
    .createTable('registry_services')
    .addColumn('id', idType, (c) =>
      isSqlite ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn('entity_id', idType, (c) => c.notNull().references('registry_entities.id'))
    .addColumn('service_number', 'text', (c) => c.notNull().unique())
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('service_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text')
    .addColumn('approved_on', 'text', (c) => c.notNull())
    .addColumn('is_access_limited', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint(
      'registry_services_service_type',
      sql`service_type in ('website', 'app', 'mini_program', 'quick_app')`,
    )
    .addCheckConstraint(
      'registry_services_service_name_length',
      sql`length(service_name) between 1 and ${sql.lit(MAX_NAME_LENGTH)}`,
    )
    .addCheckConstraint('registry_services_is_access_limited', sql`is_access_limited in (0, 1)`)
    .execute();
  await db.schema
    .createIndex('registry_services_entity_id')
    .on('registry_services')
    .column('entity_id')
    .execute();

  await db.schema
    .createTable('registry_domains')
    .addColumn('id', idType, (c) =>
      isSqlite ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    .addColumn('service_id', idType, (c) => c.notNull().references('registry_services.id'))
    .addColumn('domain_ascii', 'text', (c) => c.notNull().unique())
    .addColumn('domain_unicode', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('registry_domains_service_id')
    .on('registry_domains')
    .column('service_id')
    .execute();

  if (isSqlite) await createSqliteNameSearch(db);
  else await createPostgresNameSearch(db);
}

/** Every two-character substring of the names, hex-encoded and space-separated (see the header). */
function sqliteBigrams(...names: string[]): string {
  const union = names.map((name) => `select ${name} as name`).join(' union all ');
  return `(select group_concat(hex(substr(lower(n.name), p.n, 2)), ' ')
    from (${union}) as n join registry_bigram_positions as p on p.n < length(n.name))`;
}

async function createSqliteNameSearch(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `create table registry_bigram_positions (n integer primary key)`,
    `insert into registry_bigram_positions (n) values ${Array.from(
      { length: MAX_NAME_LENGTH - 1 },
      (_, i) => `(${i + 1})`,
    ).join(', ')}`,
    `create view registry_service_names as
       select s.id as id, e.unit_name as unit_name, s.service_name as service_name
       from registry_services as s join registry_entities as e on e.id = s.entity_id`,
    `create virtual table registry_name_trigrams using fts5(
       unit_name, service_name,
       content = 'registry_service_names', content_rowid = 'id',
       tokenize = 'trigram', columnsize = 0)`,
    `create virtual table registry_name_bigrams using fts5(
       grams, content = '', contentless_delete = 1, tokenize = 'ascii', detail = 'none')`,

    `create trigger registry_services_names_insert after insert on registry_services begin
       insert into registry_name_trigrams (rowid, unit_name, service_name)
         select new.id, e.unit_name, new.service_name from registry_entities as e where e.id = new.entity_id;
       insert into registry_name_bigrams (rowid, grams)
         select new.id, ${sqliteBigrams('e.unit_name', 'new.service_name')}
         from registry_entities as e where e.id = new.entity_id;
     end`,
    `create trigger registry_services_names_update after update of service_name, entity_id on registry_services
     when old.service_name is not new.service_name or old.entity_id is not new.entity_id begin
       insert into registry_name_trigrams (registry_name_trigrams, rowid, unit_name, service_name)
         select 'delete', old.id, e.unit_name, old.service_name from registry_entities as e where e.id = old.entity_id;
       insert into registry_name_trigrams (rowid, unit_name, service_name)
         select new.id, e.unit_name, new.service_name from registry_entities as e where e.id = new.entity_id;
       delete from registry_name_bigrams where rowid = old.id;
       insert into registry_name_bigrams (rowid, grams)
         select new.id, ${sqliteBigrams('e.unit_name', 'new.service_name')}
         from registry_entities as e where e.id = new.entity_id;
     end`,
    `create trigger registry_services_names_delete after delete on registry_services begin
       insert into registry_name_trigrams (registry_name_trigrams, rowid, unit_name, service_name)
         select 'delete', old.id, e.unit_name, old.service_name from registry_entities as e where e.id = old.entity_id;
       delete from registry_name_bigrams where rowid = old.id;
     end`,
    `create trigger registry_entities_names_update after update of unit_name on registry_entities
     when old.unit_name is not new.unit_name begin
       insert into registry_name_trigrams (registry_name_trigrams, rowid, unit_name, service_name)
         select 'delete', s.id, old.unit_name, s.service_name from registry_services as s where s.entity_id = new.id;
       insert into registry_name_trigrams (rowid, unit_name, service_name)
         select s.id, new.unit_name, s.service_name from registry_services as s where s.entity_id = new.id;
       delete from registry_name_bigrams
         where rowid in (select s.id from registry_services as s where s.entity_id = new.id);
       insert into registry_name_bigrams (rowid, grams)
         select s.id, ${sqliteBigrams('new.unit_name', 's.service_name')}
         from registry_services as s where s.entity_id = new.id;
     end`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function createPostgresNameSearch(db: Kysely<unknown>): Promise<void> {
  const statements = [
    // Trusted extension since PostgreSQL 13: the database owner may create it.
    `create extension if not exists pg_trgm`,
    `create index registry_entities_unit_name_trgm on registry_entities using gin (unit_name gin_trgm_ops)`,
    `create index registry_services_service_name_trgm on registry_services using gin (service_name gin_trgm_ops)`,
    // lower() under the "C" collation folds ASCII only, like SQLite's lower(): the function is truly
    // immutable (independent of the database locale) and both databases agree on what matches.
    `create function registry_name_bigrams(name text) returns text[]
       language sql immutable strict parallel safe
       as $$
         select coalesce(array_agg(distinct substr(lower(name collate "C"), i, 2)), '{}'::text[])
         from generate_series(1, char_length(name) - 1) as i
       $$`,
    `create index registry_entities_unit_name_bigrams on registry_entities
       using gin (registry_name_bigrams(unit_name))`,
    `create index registry_services_service_name_bigrams on registry_services
       using gin (registry_name_bigrams(service_name))`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
