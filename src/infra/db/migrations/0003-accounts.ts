import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { DatabaseDialect } from '../database.ts';

/**
 * Accounts (issue 3): the tables better-auth reads and writes (users, auth_*), in the shape
 * src/infra/auth/create-auth.ts maps its models and fields to, and our organisations, memberships,
 * API tokens and client authorisations. better-auth validates this schema when it first runs; the
 * accounts tests run it against both databases. Value types of better-auth's tables: see
 * tables/accounts.ts.
 */
export async function up(db: Kysely<unknown>, dialect: DatabaseDialect): Promise<void> {
  const isSqlite = dialect === 'sqlite';
  const idType = isSqlite ? 'integer' : 'bigint';
  const timestampType = isSqlite ? 'text' : 'timestamptz';
  const flagType = isSqlite ? 'integer' : 'boolean';
  const no = isSqlite ? sql`0` : sql`false`;
  const yes = isSqlite ? sql`1` : sql`true`;
  const identity = (c: ColumnDefinitionBuilder) =>
    isSqlite ? c.primaryKey() : c.primaryKey().generatedByDefaultAsIdentity();
  // PostgreSQL's boolean type needs no check; SQLite stores any integer.
  const checkFlags =
    (...columns: string[]) =>
    <T extends CreateTableBuilder<string, string>>(table: T): T =>
      isSqlite
        ? columns.reduce(
            (t, column) => t.addCheckConstraint(`${column}_flag`, sql`${sql.ref(column)} in (0, 1)`) as T,
            table,
          )
        : table;

  await db.schema
    .createTable('users')
    .addColumn('id', idType, identity)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('email_verified', flagType, (c) => c.notNull().defaultTo(no))
    .addColumn('image', 'text')
    .addColumn('two_factor_enabled', flagType, (c) => c.defaultTo(no))
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .$call(checkFlags('email_verified', 'two_factor_enabled'))
    .execute();

  await db.schema
    .createTable('auth_sessions')
    .addColumn('id', idType, identity)
    .addColumn('user_id', idType, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', timestampType, (c) => c.notNull())
    .addColumn('ip_address', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_sessions_user_id').on('auth_sessions').column('user_id').execute();

  await db.schema
    .createTable('auth_accounts')
    .addColumn('id', idType, identity)
    .addColumn('user_id', idType, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('password', 'text')
    .addColumn('access_token', 'text')
    .addColumn('refresh_token', 'text')
    .addColumn('id_token', 'text')
    .addColumn('access_token_expires_at', timestampType)
    .addColumn('refresh_token_expires_at', timestampType)
    .addColumn('scope', 'text')
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_accounts_user_id').on('auth_accounts').column('user_id').execute();

  await db.schema
    .createTable('auth_verifications')
    .addColumn('id', idType, identity)
    .addColumn('identifier', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('expires_at', timestampType, (c) => c.notNull())
    .addColumn('created_at', timestampType, (c) => c.notNull())
    .addColumn('updated_at', timestampType, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_verifications_identifier')
    .on('auth_verifications')
    .column('identifier')
    .execute();

  await db.schema
    .createTable('auth_two_factors')
    .addColumn('id', idType, identity)
    .addColumn('user_id', idType, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('backup_codes', 'text', (c) => c.notNull())
    .addColumn('verified', flagType, (c) => c.defaultTo(yes))
    .addColumn('failed_verification_count', 'integer', (c) => c.defaultTo(0))
    .addColumn('locked_until', timestampType)
    .$call(checkFlags('verified'))
    .execute();
  await db.schema.createIndex('auth_two_factors_user_id').on('auth_two_factors').column('user_id').execute();

  await db.schema
    .createTable('organisations')
    .addColumn('id', idType, identity)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'organisations_kind',
      sql`kind in ('access_provider', 'authority', 'agency', 'applicant_org', 'platform')`,
    )
    .addCheckConstraint(
      'organisations_names',
      sql`length(name_en) between 1 and 200 and length(name_zh) between 1 and 200`,
    )
    .addCheckConstraint(
      'organisations_province_code',
      sql`province_code is null or length(province_code) = 2`,
    )
    .addCheckConstraint(
      'organisations_authority_province',
      sql`kind <> 'authority' or province_code is not null`,
    )
    .execute();
  await db.schema
    .createIndex('organisations_name_en')
    .on('organisations')
    .column('name_en')
    .unique()
    .execute();
  await db.schema
    .createIndex('organisations_name_zh')
    .on('organisations')
    .column('name_zh')
    .unique()
    .execute();
  // The built-in sandbox authorities: exactly one per province, so seeding can run at every start.
  await db.schema
    .createIndex('organisations_one_authority_per_province')
    .on('organisations')
    .column('province_code')
    .unique()
    .where(sql.ref('kind'), '=', 'authority')
    .execute();
  await db.schema
    .createIndex('organisations_one_platform')
    .on('organisations')
    .column('kind')
    .unique()
    .where(sql.ref('kind'), '=', 'platform')
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', idType, identity)
    .addColumn('user_id', idType, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', idType, (c) => c.notNull().references('organisations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'memberships_role',
      sql`role in ('applicant', 'agent', 'provider_reviewer', 'provider_admin', 'authority_reviewer', 'platform_admin')`,
    )
    .addUniqueConstraint('memberships_unique', ['user_id', 'organisation_id', 'role'])
    .execute();
  await db.schema
    .createIndex('memberships_organisation_id')
    .on('memberships')
    .column('organisation_id')
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', idType, identity)
    .addColumn('user_id', idType, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .addCheckConstraint('api_tokens_name', sql`length(name) between 1 and 100`)
    .addCheckConstraint('api_tokens_token_hash', sql`length(token_hash) = 64`)
    .execute();
  await db.schema.createIndex('api_tokens_user_id').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('client_authorisations')
    .addColumn('id', idType, identity)
    .addColumn('agent_org_id', idType, (c) => c.notNull().references('organisations.id'))
    .addColumn('client_user_id', idType, (c) => c.notNull().references('users.id'))
    .addColumn('letter_document_id', idType)
    .addColumn('recorded_by_user_id', idType, (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('client_authorisations_one_active')
    .on('client_authorisations')
    .columns(['agent_org_id', 'client_user_id'])
    .unique()
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('client_authorisations_client_user_id')
    .on('client_authorisations')
    .column('client_user_id')
    .execute();
}
