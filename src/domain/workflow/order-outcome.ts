import type { DeadlineKind, OrderSnapshot } from './order-snapshot.ts';
import type { OrderStatus } from './order-status.ts';
import type { OrderTypeId, RegistryOperation, RegistryTarget, SmsRecipient } from './order-type.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** What happened; one per successful command, written to the audit log in the same transaction. */
export type OrderEventType =
  | 'submitted'
  | 'resubmitted'
  | 'provider_review_started'
  | 'returned_by_provider'
  | 'approved_by_provider'
  | 'identity_verification_passed'
  | 'identity_verification_failed'
  | 'sent_to_authority'
  | 'sms_code_accepted'
  | 'sms_code_rejected'
  | 'sms_attempts_exhausted'
  | 'sms_expired'
  | 'approved_by_authority'
  | 'rejected_by_authority'
  | 'withdrawn';

export interface OrderEvent {
  type: OrderEventType;
  /** Equal to `to` when the command left the status as it was (a wrong SMS code with tries left). */
  from: OrderStatus;
  to: OrderStatus;
  at: Date;
  /** JSON-ready (instants as ISO strings), so the audit log can hash it as written. */
  details: Record<string, JsonValue>;
}

export type NotificationAudience = 'applicant' | 'provider' | 'authority';

/** Message templates, localised by id in the mail and inbox renderers. */
export type NotificationTemplate =
  | 'order_submitted'
  | 'order_resubmitted'
  | 'provider_review_started'
  | 'order_returned'
  | 'identity_verification_requested'
  | 'sms_verification_requested'
  | 'miit_sms_expected'
  | 'authority_review_requested'
  | 'order_in_authority_review'
  | 'order_approved'
  | 'order_rejected'
  | 'order_withdrawn'
  | 'provider_review_due'
  | 'sms_expiring'
  | 'authority_review_due';

/**
 * Work infra does in the same transaction as the status change (or queues in the outbox), so a state
 * and its consequences cannot drift apart.
 */
export type OrderEffect =
  | {
      /** Create a 6-digit code, store its hash, deliver it to the recipients' inbox and mail outbox. */
      kind: 'issue_sms_challenge';
      expiresAt: Date;
      maxAttempts: number;
      recipients: SmsRecipient[];
    }
  | {
      /**
       * Allocate numbers with src/domain/numbers/numbering.ts inside the approval transaction: a new entity
       * number (province + approval year + next serial) when `newEntityNumber`, and the next suffix for
       * each service the order adds.
       */
      kind: 'issue_numbers';
      provinceCode: string;
      approvalYear: number;
      newEntityNumber: boolean;
    }
  | {
      /** Store the numbers the real authority issued (recorded mode), already validated and canonical. */
      kind: 'record_numbers';
      entityNumber?: string;
      serviceNumbers: string[];
    }
  | { kind: 'update_registry'; orderType: OrderTypeId; operation: RegistryOperation; target: RegistryTarget }
  | { kind: 'burn_service_codes' }
  | { kind: 'notify'; audience: NotificationAudience; template: NotificationTemplate }
  | {
      /**
       * Send `template` at `at`, but only if the order's `deadlines[deadline]` still equals `dueAt` then:
       * any later transition that moves or clears the deadline cancels the reminder without an effect.
       */
      kind: 'schedule_reminder';
      audience: NotificationAudience;
      template: NotificationTemplate;
      deadline: DeadlineKind;
      dueAt: Date;
      at: Date;
    };

export type OrderEffectKind = OrderEffect['kind'];

export interface TransitionOutcome {
  order: OrderSnapshot;
  events: OrderEvent[];
  effects: OrderEffect[];
}
