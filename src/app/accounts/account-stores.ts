import type { Role } from '../../domain/policy/order-access.ts';
import type { AuditLogStore } from '../audit/audit-log-store.ts';
import type { Clock } from '../ports.ts';
import type { PreferenceStore } from './preference-store.ts';

/**
 * The accounts ports: users (better-auth's table, read through the directory), organisations,
 * memberships, API tokens and agents' client authorisations. Ids are decimal strings, as in `Actor`;
 * timestamps are ISO 8601 UTC text.
 */

export const ORGANISATION_KINDS = [
  'access_provider',
  'authority',
  'agency',
  'applicant_org',
  'platform',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  nameEn: string;
  nameZh: string;
  /** Two-digit province code; always set for authorities. */
  provinceCode: string | null;
  createdAt: string;
}

export interface NewOrganisation {
  kind: OrganisationKind;
  nameEn: string;
  nameZh: string;
  provinceCode: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface PageRequest {
  limit: number;
  offset: number;
}

export interface OrganisationStore {
  /** Undefined when another organisation already has either name. */
  create(organisation: NewOrganisation, createdAt: string): Promise<Organisation | undefined>;
  findById(id: string): Promise<Organisation | undefined>;
  /** By exact English or Chinese name. */
  findByName(name: string): Promise<Organisation | undefined>;
  findAuthority(provinceCode: string): Promise<Organisation | undefined>;
  findPlatform(): Promise<Organisation | undefined>;
  /** Oldest first; `query` matches a substring of either name (case-insensitive). */
  list(
    filter: { kind?: OrganisationKind | undefined; query?: string | undefined } & PageRequest,
  ): Promise<Page<Organisation>>;
  /** Inserts the authorities whose province has none yet; returns how many it inserted. */
  insertMissingAuthorities(authorities: NewOrganisation[], createdAt: string): Promise<number>;
  /** Inserts the platform organisation unless it exists; returns it either way. */
  ensurePlatform(organisation: NewOrganisation, createdAt: string): Promise<Organisation>;
}

export interface Membership {
  id: string;
  userId: string;
  organisationId: string;
  role: Role;
  createdAt: string;
}

export interface MembershipWithOrganisation extends Membership {
  organisation: Organisation;
}

export interface MembershipStore {
  /** Oldest first. */
  listForUser(userId: string): Promise<MembershipWithOrganisation[]>;
  listForUsers(userIds: readonly string[]): Promise<MembershipWithOrganisation[]>;
  findById(id: string): Promise<MembershipWithOrganisation | undefined>;
  /**
   * How many users who can sign in (not disabled, with a password) hold `role`, leaving out
   * `excludingUserId`. On PostgreSQL it locks the memberships holding `role` until the transaction
   * ends, so concurrent checks run one after the other.
   */
  countSignInCapableWithRole(role: Role, excludingUserId?: string): Promise<number>;
  /** False when there is no such membership. */
  remove(id: string): Promise<boolean>;
  /** Undefined when there is no such membership or the user already has `role` in its organisation. */
  changeRole(id: string, role: Role): Promise<Membership | undefined>;
  /** Undefined when the user already has this role in this organisation. */
  add(
    membership: { userId: string; organisationId: string; role: Role },
    createdAt: string,
  ): Promise<Membership | undefined>;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  /** The token's first characters, shown so people can tell their tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface NewApiToken {
  userId: string;
  name: string;
  prefix: string;
  /** Hex SHA-256 of the token. */
  tokenHash: string;
  createdAt: string;
  expiresAt: string | null;
}

export interface ApiTokenStore {
  create(token: NewApiToken): Promise<ApiToken>;
  /** The user's unrevoked tokens, newest first. */
  listActiveForUser(userId: string): Promise<ApiToken[]>;
  /** A token of this user (revoked ones included); undefined for another user's token. */
  findForUser(userId: string, id: string): Promise<ApiToken | undefined>;
  findByHash(tokenHash: string): Promise<ApiToken | undefined>;
  /** False when the user has no such unrevoked token. */
  revoke(userId: string, id: string, revokedAt: string): Promise<boolean>;
  /** Records a use unless one was recorded at or after `recordedSince`, to spare a write per request. */
  recordUse(id: string, usedAt: string, recordedSince: string): Promise<void>;
}

export interface ClientAuthorisation {
  id: string;
  agentOrgId: string;
  clientUserId: string;
  letterDocumentId: string | null;
  recordedByUserId: string;
  recordedAt: string;
  revokedAt: string | null;
}

export interface ClientAuthorisationStore {
  /** Undefined when the agency already holds an unrevoked authorisation from this client. */
  record(authorisation: {
    agentOrgId: string;
    clientUserId: string;
    letterDocumentId: string | null;
    recordedByUserId: string;
    recordedAt: string;
  }): Promise<ClientAuthorisation | undefined>;
  findActive(agentOrgId: string, clientUserId: string): Promise<ClientAuthorisation | undefined>;
  /** Newest first. */
  listActiveForAgency(agentOrgId: string): Promise<ClientAuthorisation[]>;
}

export interface UserAccount {
  id: string;
  name: string;
  /** Lower case. */
  email: string;
  twoFactorEnabled: boolean;
  createdAt: string;
  /** When an administrator disabled the user; null while they may sign in. */
  disabledAt: string | null;
  /** False for an invited user who has not set a password yet. */
  hasPassword: boolean;
}

/** Reads the users better-auth keeps; of their rows it writes only `disabled_at`, which is ours. */
export interface UserDirectory {
  findById(id: string): Promise<UserAccount | undefined>;
  findByEmail(email: string): Promise<UserAccount | undefined>;
  /** Oldest first; `query` matches a substring of the name or e-mail address. */
  list(filter: { query?: string | undefined } & PageRequest): Promise<Page<UserAccount>>;
  /** Disables (`at`) or re-enables (null) the user; false when there is no such user. */
  setDisabledAt(id: string, at: string | null): Promise<boolean>;
  /** Ends every session of the user and deletes their outstanding password links. */
  revokeSignIns(id: string): Promise<void>;
}

/** Creates users with a password, hashed by better-auth as its own sign-up does. */
export interface CredentialAccounts {
  /** The shortest and longest password accepted. */
  readonly passwordLength: { min: number; max: number };
  /** Undefined when the e-mail address is taken. */
  createUser(input: { email: string; name: string; password: string }): Promise<UserAccount | undefined>;
  /** A user without a password, who sets one from a password link; undefined when the address is taken. */
  createInvitedUser(input: { email: string; name: string }): Promise<UserAccount | undefined>;
  deleteUser(id: string): Promise<void>;
}

/** The stores bound to one transaction (or to the database outside one). */
export interface AccountStores {
  organisations: OrganisationStore;
  memberships: MembershipStore;
  apiTokens: ApiTokenStore;
  clientAuthorisations: ClientAuthorisationStore;
  users: UserDirectory;
  preferences: PreferenceStore;
  auditLog: AuditLogStore;
}

/** Runs `work` in one transaction with every store bound to it. */
export type AccountsTransaction = <T>(work: (stores: AccountStores) => Promise<T>) => Promise<T>;

/** What the accounts use cases receive. */
export interface AccountsDeps {
  stores: AccountStores;
  transaction: AccountsTransaction;
  credentials: CredentialAccounts;
  clock: Clock;
}

/** A signed-in session found behind a request's cookie. */
export interface SessionLookup {
  userId: string;
  /** Set-Cookie values to send back: the session was extended and its cookie renewed. */
  setCookies: string[];
}

/** The sign-in protocol (better-auth): its HTTP endpoints, and the session behind a cookie. */
export interface AuthGateway {
  /** Answers a request to one of the protocol's endpoints (sign-in, sign-out, two-factor …). */
  handle(request: Request): Promise<Response>;
  /** The session the request's cookie belongs to; undefined without one or when it expired. */
  findSession(headers: Headers): Promise<SessionLookup | undefined>;
  /**
   * Has better-auth issue a single-use password link for the address and mail it through the outbox
   * (an invitation for a user without a password, a reset otherwise). Nothing happens for an unknown
   * or disabled address.
   */
  sendPasswordLink(email: string): Promise<void>;
}

/** What the server needs for accounts: the use cases' deps and the sign-in protocol. */
export interface AccountServices extends AccountsDeps {
  auth: AuthGateway;
}
