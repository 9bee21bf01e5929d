import type { JsonValue } from '../workflow/order-outcome.ts';
import type { AuthorityMode } from '../workflow/order-snapshot.ts';
import type { ReturnReason } from '../workflow/return-reason.ts';
import type { LicenceKind, LicenceScope } from './licence-kind.ts';
import type { LicenceNumbers } from './licence-numbering.ts';
import type { LicenceApplicationStatus } from './licence-status.ts';

/**
 * The licence workflow's view of an application, and what a transition produces: the same shape as the
 * filing order's (workflow/order-snapshot.ts, order-outcome.ts), so infra stores, audits and delivers
 * both the same way.
 */

/**
 * The deadline of the step the application is in (only that one is kept; earlier ones stay in the audit
 * events): the acceptance check within 5 working days of submission, the decision within 60 days of
 * acceptance (ref-9-licence).
 */
export interface LicenceDeadlines {
  acceptanceDue?: Date;
  reviewDue?: Date;
}

export type LicenceDeadlineKind = keyof LicenceDeadlines;

/** The licence an approval issued. */
export interface IssuedLicenceRecord {
  numbers: LicenceNumbers;
  issuedOn: string;
  expiresOn: string;
}

export interface LicenceApplicationSnapshot {
  id: string;
  kind: LicenceKind;
  scope: LicenceScope;
  /** The company's province (GB/T 2260 two-digit code): the deciding authority of a provincial licence. */
  provinceCode: string;
  /**
   * 'sandbox': the built-in authority's reviewers decide in the console. 'recorded': the application is
   * filed on the real platform (dxzhgl.miit.gov.cn) and the applicant or agent records each step.
   */
  authorityMode: AuthorityMode;
  status: LicenceApplicationStatus;
  /** The materials revision being edited, and the one last submitted. */
  version: number;
  submittedVersion?: number;
  /** The latest submission; the acceptance check counts from it. */
  submittedAt?: Date;
  /** Acceptance (受理); the review period counts from it. */
  acceptedAt?: Date;
  deadlines: LicenceDeadlines;
  /** The reasons of the latest materials request or rejection, shown until the next submission. */
  reasons: ReturnReason[];
  /** Present exactly when approved. */
  licence?: IssuedLicenceRecord;
}

export interface NewLicenceApplicationInput {
  id: string;
  kind: LicenceKind;
  scope: LicenceScope;
  provinceCode: string;
  authorityMode: AuthorityMode;
}

/** A new application in draft, at materials version 1. */
export function createDraftLicenceApplication(input: NewLicenceApplicationInput): LicenceApplicationSnapshot {
  return {
    id: input.id,
    kind: input.kind,
    scope: input.scope,
    provinceCode: input.provinceCode,
    authorityMode: input.authorityMode,
    status: 'draft',
    version: 1,
    deadlines: {},
    reasons: [],
  };
}

/** What happened; one per successful command, written to the audit log in the same transaction. */
export type LicenceEventType =
  | 'submitted'
  | 'resubmitted'
  | 'acceptance_check_started'
  | 'materials_requested'
  | 'accepted'
  | 'approved'
  | 'rejected'
  | 'withdrawn';

export interface LicenceEvent {
  type: LicenceEventType;
  from: LicenceApplicationStatus;
  to: LicenceApplicationStatus;
  at: Date;
  /** JSON-ready (instants as ISO strings), so the audit log can hash it as written. */
  details: Record<string, JsonValue>;
}

export type LicenceNotificationAudience = 'applicant' | 'authority';

/** Message templates, localised by id in the mail and inbox renderers. */
export type LicenceNotificationTemplate =
  | 'licence_application_submitted'
  | 'licence_application_resubmitted'
  | 'licence_acceptance_check_started'
  | 'licence_materials_requested'
  | 'licence_application_accepted'
  | 'licence_approved'
  | 'licence_rejected'
  | 'licence_application_withdrawn'
  | 'licence_acceptance_due'
  | 'licence_review_due';

/** Work infra does in the same transaction as the status change (or queues in the outbox). */
export type LicenceEffect =
  | { kind: 'notify'; audience: LicenceNotificationAudience; template: LicenceNotificationTemplate }
  | {
      /**
       * Send `template` at `at`, but only if the application's `deadlines[deadline]` still equals `dueAt`
       * then: a later transition that moves or clears the deadline cancels it (as for orders).
       */
      kind: 'schedule_reminder';
      audience: LicenceNotificationAudience;
      template: LicenceNotificationTemplate;
      deadline: LicenceDeadlineKind;
      dueAt: Date;
      at: Date;
    }
  | {
      /**
       * Store the issued licence (numbers unique by constraint); its obligations (annual reports,
       * renewal) are planned from it with licence-obligations.ts.
       */
      kind: 'record_licence';
      licenceKind: LicenceKind;
      scope: LicenceScope;
      provinceCode: string;
      numbers: LicenceNumbers;
      issuedOn: string;
      expiresOn: string;
    };

export type LicenceEffectKind = LicenceEffect['kind'];

export interface LicenceTransitionOutcome {
  application: LicenceApplicationSnapshot;
  events: LicenceEvent[];
  effects: LicenceEffect[];
}
