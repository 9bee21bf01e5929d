import type { OrderScope } from '../../domain/policy/order-access.ts';
import type { FilingIntent } from '../../domain/workflow/detect-order-type.ts';
import type { OrderEvent } from '../../domain/workflow/order-outcome.ts';
import type { AuthorityMode, OrderDeadlines } from '../../domain/workflow/order-snapshot.ts';
import type { OrderStatus } from '../../domain/workflow/order-status.ts';
import type { OrderTypeId } from '../../domain/workflow/order-type.ts';
import type { ReturnReason } from '../../domain/workflow/return-reason.ts';
import type { EntityNameSearchKeys } from './order-search-keys.ts';

/**
 * The order port: orders, their encrypted drafts and versions, events and SMS challenges. Content
 * crosses it as encrypted text (see order-content-crypto.ts); the store never sees personal data in
 * the clear. Bound to the database or to the caller's transaction.
 */

export interface OrderRecord {
  id: number;
  type: OrderTypeId;
  intent: FilingIntent;
  status: OrderStatus;
  provinceCode: string;
  ownerUserId: string;
  agentOrgId?: string;
  clientUserId?: string;
  providerOrgId: string;
  authorityMode: AuthorityMode;
  /** Blind index of the entity's certificate number. */
  entityCertificateIndex: string;
  entityNumber?: string;
  serviceNumber?: string;
  /** Registrable domain, lower-case ASCII. */
  domain?: string;
  isEntityAtThisProvider: boolean;
  version: number;
  submittedVersion?: number;
  deadlines: OrderDeadlines;
  returnReasons: ReturnReason[];
  /** Service numbers issued or recorded at approval, in the order of the content's services. */
  issuedServiceNumbers: string[];
  hasBeenSubmitted: boolean;
  hasReachedAuthority: boolean;
  createdAt: Date;
  updatedAt: Date;
  submittedAt?: Date;
  decidedAt?: Date;
}

export interface NewOrder {
  type: OrderTypeId;
  intent: FilingIntent;
  provinceCode: string;
  ownerUserId: string;
  agentOrgId?: string;
  clientUserId?: string;
  providerOrgId: string;
  authorityMode: AuthorityMode;
  entityCertificateIndex: string;
  entityNumber?: string;
  serviceNumber?: string;
  domain?: string;
  isEntityAtThisProvider: boolean;
  createdAt: Date;
}

/** The fields a transition or a save changes. Absent keys stay as they are; `null` clears. */
export interface OrderUpdate {
  status?: OrderStatus;
  isInProgress?: boolean;
  entityNumber?: string | null;
  version?: number;
  submittedVersion?: number | null;
  deadlines?: OrderDeadlines;
  returnReasons?: ReturnReason[];
  issuedServiceNumbers?: string[];
  hasBeenSubmitted?: boolean;
  hasReachedAuthority?: boolean;
  updatedAt: Date;
  submittedAt?: Date;
  decidedAt?: Date;
  /** The entity's name as lists search it, from the content just saved. */
  entityNameSearchKeys?: EntityNameSearchKeys;
}

/** A slice of the orders a list shows: visible through `scope`, optionally only in some states. */
export interface OrderListSlice {
  scope: OrderScope;
  statuses?: readonly OrderStatus[];
  authorityMode?: AuthorityMode;
}

export interface OrderListQuery {
  /** An order is listed when it matches any slice; no slices, no orders. */
  slices: readonly OrderListSlice[];
  statuses?: readonly OrderStatus[];
  types?: readonly OrderTypeId[];
  /** Only orders about this entity. */
  entityNumber?: string;
  /** Only orders reviewed in these provinces. */
  provinceCodes?: readonly string[];
  /**
   * Only orders whose active deadline (see findActiveDeadline) lies in one of these ranges of instants
   * [from, before), or that have none ('none').
   */
  activeDeadlines?: readonly (OrderDeadlineRange | 'none')[];
  /** Only orders filed for this client. */
  clientUserId?: string;
  search?: OrderSearch;
}

export interface OrderDeadlineRange {
  from?: Date;
  before?: Date;
}

/** Free text against an order: any of the parts matches. */
export interface OrderSearch {
  /** Normalised lower-case text, found inside the domain, the entity or service number, an organisation's name. */
  text: string;
  /** The text read as a reference (OB-2026-000123, or the bare id): the order with this id, created in this window. */
  order?: { id: number; createdFrom?: Date; createdBefore?: Date };
  /**
   * The text as an individual's whole name (blind index), matched only in the orders of `scopes`:
   * those whose names the searcher sees in the clear (listPersonalDataScopes).
   */
  entityName?: { index: string; scopes: readonly OrderScope[] };
  /** The text as an ASCII domain (an IDN typed in Unicode). */
  domain?: string;
}

export interface OrderListPage extends OrderListQuery {
  /** `updated`: latest change first; `deadline`: the active deadline first, orders without one last. */
  sort: 'updated' | 'deadline';
  limit: number;
  offset: number;
}

export interface StoredContent {
  version: number;
  /** Encrypted JSON. */
  content: string;
  at: Date;
  by: string;
}

export interface StoredOrderEvent extends OrderEvent {
  id: number;
  actor: string;
}

export interface SmsChallengeRecord {
  id: number;
  orderId: number;
  codeHash: string;
  issuedAt: Date;
  expiresAt: Date;
  attempts: number;
  maxAttempts: number;
}

export type SmsChallengeOutcome = 'passed' | 'failed' | 'expired' | 'cancelled';

export interface OrderStore {
  /** Inserts a draft order; undefined when its entity already has an order in progress. */
  insertOrder(order: NewOrder): Promise<number | undefined>;
  findOrder(id: number): Promise<OrderRecord | undefined>;
  /** Reads the order and holds it until the transaction ends (PostgreSQL: FOR UPDATE). */
  lockOrder(id: number): Promise<OrderRecord | undefined>;
  findInProgressOrderId(entityCertificateIndex: string): Promise<number | undefined>;
  updateOrder(id: number, update: OrderUpdate): Promise<void>;
  listOrders(query: OrderListPage): Promise<OrderRecord[]>;
  /** How many orders the query matches, without paging. */
  countOrders(query: OrderListQuery): Promise<number>;
  /** Orders in SMS verification whose code expired at or before `now`, oldest first. */
  listOrderIdsWithExpiredSms(now: Date, limit: number): Promise<number[]>;

  readDraft(orderId: number): Promise<StoredContent | undefined>;
  writeDraft(orderId: number, draft: StoredContent): Promise<void>;
  insertVersion(orderId: number, version: StoredContent): Promise<void>;
  readVersion(orderId: number, version: number): Promise<StoredContent | undefined>;
  /** Every submitted version, oldest first, without content. */
  listVersions(orderId: number): Promise<Omit<StoredContent, 'content'>[]>;

  appendEvents(orderId: number, actor: string, events: readonly OrderEvent[]): Promise<void>;
  listEvents(orderId: number): Promise<StoredOrderEvent[]>;

  insertSmsChallenge(challenge: Omit<SmsChallengeRecord, 'id' | 'attempts'>): Promise<void>;
  findOpenSmsChallenge(orderId: number): Promise<SmsChallengeRecord | undefined>;
  /** The open challenges of these orders (at most one each), for lists: one query for a page. */
  listOpenSmsChallenges(orderIds: readonly number[]): Promise<SmsChallengeRecord[]>;
  /** Records wrong attempts, or closes the challenge with its outcome. */
  updateSmsChallenge(
    id: number,
    update: { attempts: number; outcome?: SmsChallengeOutcome; closedAt?: Date },
  ): Promise<void>;
}
