import type { OrderStatus } from './order-status.ts';
import type { OrderTypeId } from './order-type.ts';
import type { ReturnReason } from './return-reason.ts';

/**
 * Who decides at the authority step: the built-in sandbox authority (its reviewers use the console) or
 * the real authority, whose decision and numbers a provider reviewer records. Stored on the order so a
 * configuration change does not move orders already under way.
 */
export type AuthorityMode = 'sandbox' | 'recorded';

/** The open MIIT SMS check (sandbox only): 24 h, 5 attempts (ref-3-sms). */
export interface SmsChallenge {
  issuedAt: Date;
  expiresAt: Date;
  /** Wrong codes entered so far. */
  attempts: number;
  maxAttempts: number;
}

/**
 * The deadline of the step the order is in; the workflow keeps only that one, so a queue reads it
 * directly (see `findActiveDeadline`). Earlier deadlines stay in the audit events.
 */
export interface OrderDeadlines {
  /** Provider phase: from submission to sending to the authority. */
  providerReviewDue?: Date;
  smsExpiresAt?: Date;
  authorityReviewDue?: Date;
}

export type DeadlineKind = keyof OrderDeadlines;

/**
 * The workflow's view of an order: plain data read from the database in the transaction that applies a
 * command. The order's content (entity, services, documents) is versioned elsewhere; `version` is the
 * content revision the applicant is editing and `submittedVersion` the one last submitted.
 */
export interface OrderSnapshot {
  id: string;
  status: OrderStatus;
  type: OrderTypeId;
  provinceCode: string;
  authorityMode: AuthorityMode;
  /** The entity the order acts on; for a first filing, set by infra once the number is issued. */
  entityNumber?: string;
  version: number;
  submittedVersion?: number;
  /** Present exactly while the order is in sms_verification. */
  sms?: SmsChallenge;
  deadlines: OrderDeadlines;
  /** The reasons of the latest return or rejection, shown on the fields until the next submission. */
  returnReasons: ReturnReason[];
}

export interface NewOrderInput {
  id: string;
  type: OrderTypeId;
  provinceCode: string;
  authorityMode: AuthorityMode;
  entityNumber?: string;
}

/** A new order in draft, at content version 1. */
export function createDraftOrder(input: NewOrderInput): OrderSnapshot {
  const order: OrderSnapshot = {
    id: input.id,
    status: 'draft',
    type: input.type,
    provinceCode: input.provinceCode,
    authorityMode: input.authorityMode,
    version: 1,
    deadlines: {},
    returnReasons: [],
  };
  if (input.entityNumber !== undefined) order.entityNumber = input.entityNumber;
  return order;
}
