import { randomInt, randomUUID } from 'node:crypto';
import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { AuthorityMode } from '../../domain/workflow/order-snapshot.ts';
import type { SmsRules } from '../../domain/workflow/order-transition.ts';
import type { AuditLogStore } from '../audit/audit-log-store.ts';
import type { PartyNameDirectory } from '../audit/event-actor.ts';
import type { NotificationStore } from '../notifications/notification-store.ts';
import type { CalendarProvider, Clock } from '../ports.ts';
import type { ProviderStore } from '../providers/provider-store.ts';
import type { RegistryStore } from '../registry/registry-store.ts';
import type { FilingStore } from './filing-store.ts';
import type { NumberStore } from './number-store.ts';
import type { OrderStore } from './order-store.ts';

/** Every store of the order workflow, bound to one executor (the database or one transaction). */
export interface WorkflowStores {
  orders: OrderStore;
  filings: FilingStore;
  numbers: NumberStore;
  providers: ProviderStore;
  notifications: NotificationStore;
  registry: RegistryStore;
  auditLog: AuditLogStore;
}

/** How use cases reach the database: reads outside a transaction, writes inside one. */
export interface WorkflowPersistence {
  /** Stores bound to the database, for reads (and for nothing that must commit together). */
  readonly read: WorkflowStores;
  /**
   * Runs `work` in one transaction (SQLite BEGIN IMMEDIATE, PostgreSQL READ COMMITTED) with stores
   * bound to it; commits when it resolves, rolls back when it throws. On SQLite nothing else may touch
   * the database while `work` runs: call other ports (the directory) before.
   */
  transact<T>(work: (stores: WorkflowStores) => Promise<T>): Promise<T>;
}

/** The field cipher (src/infra/crypto/envelope.ts FieldCipher): AES-256-GCM envelopes and blind index. */
export interface FieldCipherPort {
  encryptField(text: string, aad?: string): string;
  decryptField(value: string, aad?: string): string;
  /** Keyed, deterministic digest for exact-value lookups (and keyed hashes of SMS codes). */
  blindIndex(text: string): string;
}

/** Randomness for SMS codes, service codes and tokens; tests pass a seeded one. */
export interface RandomSource {
  /** A uniformly distributed integer 0 ≤ n < maxExclusive. */
  nextInt(maxExclusive: number): number;
  /** An unguessable identifier (122 random bits). */
  nextUuid(): string;
}

export const cryptoRandom: RandomSource = {
  nextInt: (maxExclusive) => randomInt(maxExclusive),
  nextUuid: () => randomUUID(),
};

/** Someone a notification reaches: a platform user. */
export interface Addressee {
  userId: string;
  /** Mail goes out only when known. */
  email?: string;
  /** The language to put first in mail; both are always included. */
  language?: 'en' | 'zh';
}

/**
 * Who is who, from the accounts slice (users, memberships, client authorisations). Called outside
 * transactions only (see WorkflowPersistence.transact).
 */
export interface PeopleDirectory extends PartyNameDirectory {
  findUsers(userIds: readonly string[]): Promise<Addressee[]>;
  /** Members of the provider organisation with the provider_reviewer role. */
  listProviderReviewers(providerOrgId: string): Promise<Addressee[]>;
  /** Members of the province's sandbox authority with the authority_reviewer role. */
  listAuthorityReviewers(provinceCode: string): Promise<Addressee[]>;
  /** True when the agency holds the client's unrevoked letter of authorisation. */
  isAgencyClient(agentOrgId: string, clientUserId: string): Promise<boolean>;
  /**
   * The customer account (an applicant or an agent: no staff role) with this lower-case e-mail
   * address, matched whole.
   */
  findCustomerByEmail(email: string): Promise<{ userId: string; email: string; name: string } | undefined>;
}

/**
 * The document kinds uploaded for an order (the documents slice's store). Called outside transactions
 * only (see WorkflowPersistence.transact).
 */
export interface DocumentKindsPort {
  listUploadedKinds(orderId: number): Promise<string[]>;
}

/** What the order use cases need; pass one object built at start (see the report for wiring). */
export interface OrderDeps {
  persistence: WorkflowPersistence;
  clock: Clock;
  calendar: CalendarProvider;
  catalogue: Catalogue;
  fieldCipher: FieldCipherPort;
  random: RandomSource;
  directory: PeopleDirectory;
  /** The authority step of new orders (stored on each order); the built-in sandbox when absent. */
  authorityMode?: AuthorityMode;
  /** The SMS check's rules; DEFAULT_SMS_RULES (24 h, 5 attempts) when absent. */
  smsRules?: SmsRules;
  /**
   * The uploaded documents submission checks against the checklist; when absent, the kinds the
   * content's `attachments` name stand in for them.
   */
  documentKinds?: DocumentKindsPort;
}
