import type { ColumnType, Generated } from 'kysely';
import type { OrganisationKind } from '../../../app/accounts/account-stores.ts';
import type { Role } from '../../../domain/policy/order-access.ts';

/**
 * Accounts: users and their sign-in data (written by better-auth, see src/infra/auth/create-auth.ts),
 * organisations, memberships, API tokens and agents' client authorisations (written by our
 * repositories).
 *
 * better-auth's tables (users, auth_*) keep better-auth's own value types, which differ by dialect:
 * timestamps are ISO 8601 text on SQLite but `timestamptz` on PostgreSQL (read back as Date), and
 * flags are 0/1 on SQLite but `boolean` on PostgreSQL. better-auth compares session expiry with Date
 * objects, so text timestamps would break it on PostgreSQL. Our queries on these tables normalise the
 * values (see src/infra/auth/user-directory.ts). Our own tables follow schema.ts.
 */

/** better-auth's timestamp: ISO text on SQLite, Date on PostgreSQL. */
type AuthTimestamp = ColumnType<string | Date, string | Date, string | Date>;
/** better-auth's flag: 0/1 on SQLite, boolean on PostgreSQL. */
type AuthFlag = ColumnType<number | boolean, number | boolean, number | boolean>;

export interface UsersTable {
  id: Generated<number>;
  name: string;
  /** Lower case (better-auth normalises it); unique. */
  email: string;
  email_verified: AuthFlag;
  image: string | null;
  two_factor_enabled: AuthFlag | null;
  created_at: AuthTimestamp;
  updated_at: AuthTimestamp;
  /** ISO 8601 UTC text on both dialects (migration 0012, ours alone); null while the user may sign in. */
  disabled_at: Generated<string | null>;
}

/** A signed-in browser or client; the cookie carries the token (signed). */
export interface AuthSessionsTable {
  id: Generated<number>;
  user_id: number;
  token: string;
  expires_at: AuthTimestamp;
  ip_address: string | null;
  user_agent: string | null;
  created_at: AuthTimestamp;
  updated_at: AuthTimestamp;
}

/** How a user signs in; provider "credential" holds the scrypt password hash. */
export interface AuthAccountsTable {
  id: Generated<number>;
  user_id: number;
  account_id: string;
  provider_id: string;
  password: string | null;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: AuthTimestamp | null;
  refresh_token_expires_at: AuthTimestamp | null;
  scope: string | null;
  created_at: AuthTimestamp;
  updated_at: AuthTimestamp;
}

/** Short-lived values: two-factor sign-in challenges, trusted devices, reset tokens. */
export interface AuthVerificationsTable {
  id: Generated<number>;
  identifier: string;
  value: string;
  expires_at: AuthTimestamp;
  created_at: AuthTimestamp;
  updated_at: AuthTimestamp;
}

/** A user's TOTP secret and backup codes, encrypted by better-auth with the auth secret. */
export interface AuthTwoFactorsTable {
  id: Generated<number>;
  user_id: number;
  secret: string;
  backup_codes: string;
  verified: AuthFlag | null;
  failed_verification_count: number | null;
  locked_until: AuthTimestamp | null;
}

export interface OrganisationsTable {
  id: Generated<number>;
  kind: OrganisationKind;
  name_en: string;
  name_zh: string;
  /** Two-digit GB/T 2260 code: set for authorities (one per province), optional for others. */
  province_code: string | null;
  created_at: string;
}

export interface MembershipsTable {
  id: Generated<number>;
  user_id: number;
  organisation_id: number;
  role: Role;
  created_at: string;
}

/**
 * API tokens for machine clients. Only the SHA-256 of the token is stored (the token is 256 random
 * bits, so a fast hash is enough); the prefix lets people tell their tokens apart.
 */
export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_prefix: string;
  /** Hex SHA-256 of the whole token; unique. */
  token_hash: string;
  created_at: string;
  /** Updated at most once a minute. */
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

/**
 * An agency may file for a client once the client's letter of authorisation is recorded; the client
 * then sees everything the agency filed. At most one active (unrevoked) row per agency and client.
 */
export interface ClientAuthorisationsTable {
  id: Generated<number>;
  agent_org_id: number;
  client_user_id: number;
  /** The uploaded letter, when it was uploaded through the platform. */
  letter_document_id: number | null;
  recorded_by_user_id: number;
  recorded_at: string;
  revoked_at: string | null;
}

export interface AccountTables {
  users: UsersTable;
  auth_sessions: AuthSessionsTable;
  auth_accounts: AuthAccountsTable;
  auth_verifications: AuthVerificationsTable;
  auth_two_factors: AuthTwoFactorsTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  api_tokens: ApiTokensTable;
  client_authorisations: ClientAuthorisationsTable;
}
