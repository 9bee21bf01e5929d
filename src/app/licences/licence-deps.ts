import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { LicenceReviewRules } from '../../domain/licence/licence-transition.ts';
import type { AuthorityMode } from '../../domain/workflow/order-snapshot.ts';
import type { AuditLogStore } from '../audit/audit-log-store.ts';
import type { PartyNameDirectory } from '../audit/event-actor.ts';
import type { NotificationStore } from '../notifications/notification-store.ts';
import type { Addressee, FieldCipherPort } from '../orders/order-deps.ts';
import type { CalendarProvider, Clock } from '../ports.ts';
import type { RegistryStore } from '../registry/registry-store.ts';
import type { LicenceStore } from './licence-store.ts';

/** Every store the licence use cases write, bound to one executor (the database or one transaction). */
export interface LicenceStores {
  licences: LicenceStore;
  /** The inbox and mail outbox the filing workflow also delivers to. */
  notifications: NotificationStore;
  auditLog: AuditLogStore;
}

/** Reads outside a transaction, writes inside one (see WorkflowPersistence in order-deps.ts). */
export interface LicencePersistence {
  readonly read: LicenceStores;
  /**
   * Runs `work` in one transaction; on SQLite nothing else may touch the database meanwhile, so call
   * the directory, the registry and the calendar before.
   */
  transact<T>(work: (stores: LicenceStores) => Promise<T>): Promise<T>;
}

/** Who is who for licences, from the accounts slice; called outside transactions only. */
export interface LicenceDirectory extends PartyNameDirectory {
  findUsers(userIds: readonly string[]): Promise<Addressee[]>;
  /** Members of the province's sandbox authority with the authority_reviewer role. */
  listAuthorityReviewers(provinceCode: string): Promise<Addressee[]>;
  /** Platform administrators: MIIT's sandbox reviewers for cross-regional licences (licence-access.ts). */
  listPlatformAdmins(): Promise<Addressee[]>;
  /** True when the agency holds the client's unrevoked letter of authorisation. */
  isAgencyClient(agentOrgId: string, clientUserId: string): Promise<boolean>;
}

/** What the licence use cases need; one object built at start (server.ts) or by a test. */
export interface LicenceDeps {
  persistence: LicencePersistence;
  clock: Clock;
  calendar: CalendarProvider;
  catalogue: Catalogue;
  /** Encrypts inbox bodies and mail, as for orders. */
  fieldCipher: FieldCipherPort;
  directory: LicenceDirectory;
  /** The public registry, to look the filing number up; the check is skipped without it. */
  registry?: Pick<RegistryStore, 'findByNumber'>;
  /** The authority step of new applications (stored on each); the built-in sandbox when absent. */
  authorityMode?: AuthorityMode;
  /** The acceptance and review periods; DEFAULT_LICENCE_REVIEW_RULES when absent. */
  reviewRules?: LicenceReviewRules;
}
