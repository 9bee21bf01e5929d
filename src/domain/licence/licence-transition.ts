import {
  getEndOfChinaDay,
  getStartOfChinaDay,
  isIsoDate,
  toDayNumber,
  toIsoDate,
} from '../calendar/china-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { assertNever } from '../shared/assert-never.ts';
import { type Issue, issue } from '../shared/issue.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { JsonValue } from '../workflow/order-outcome.ts';
import { type ReturnReason, validateReturnReasons } from '../workflow/return-reason.ts';
import type {
  LicenceApplicationSnapshot,
  LicenceDeadlineKind,
  LicenceDeadlines,
  LicenceEffect,
  LicenceEventType,
  LicenceNotificationAudience,
  LicenceNotificationTemplate,
  LicenceTransitionOutcome,
} from './licence-application.ts';
import {
  isLicenceCommandKind,
  LICENCE_COMMAND_LABELS,
  type LicenceCommand,
  type LicenceCommandKind,
} from './licence-command.ts';
import { validateLicenceNumbers } from './licence-numbering.ts';
import { computeLicenceExpiry } from './licence-obligations.ts';
import {
  isLicenceApplicationStatus,
  LICENCE_APPLICATION_STATUS_LABELS,
  type LicenceApplicationStatus,
} from './licence-status.ts';

/**
 * The acceptance check takes at most 5 working days (sources say 5; older measures said 15) and the
 * decision is due within 60 days of acceptance; agencies quote 40–60 working days in practice, which
 * the timeline shows as typical (ref-9-licence). Configurable, since each authority may differ.
 */
export interface LicenceReviewRules {
  acceptanceWorkingDays: number;
  reviewCalendarDays: number;
}

export const DEFAULT_LICENCE_REVIEW_RULES: Readonly<LicenceReviewRules> = {
  acceptanceWorkingDays: 5,
  reviewCalendarDays: 60,
};

export interface LicenceTransitionContext {
  now: Date;
  calendar: WorkingDayCalendar;
  rules?: LicenceReviewRules;
  /** For provinces and number parsing; the default catalogue when absent. */
  catalogue?: Catalogue;
}

/**
 * The commands each status accepts. Withdrawal stays open until a decision (the applicant may drop an
 * application the authority is still reviewing); the authority may refuse an application at the
 * acceptance check (不予受理) as well as after review.
 */
const ALLOWED_COMMANDS: Readonly<Record<LicenceApplicationStatus, readonly LicenceCommandKind[]>> = {
  draft: ['submit', 'withdraw'],
  submitted: ['start_acceptance_check', 'withdraw'],
  acceptance_check: ['accept', 'request_materials', 'reject', 'withdraw'],
  materials_requested: ['submit', 'withdraw'],
  under_review: ['approve', 'reject', 'withdraw'],
  approved: [],
  rejected: [],
  withdrawn: [],
};

/** The commands an application in `status` accepts, e.g. to decide which buttons a client shows. */
export function listAllowedLicenceCommands(status: LicenceApplicationStatus): readonly LicenceCommandKind[] {
  return ALLOWED_COMMANDS[status];
}

function invalidTransition(from: LicenceApplicationStatus, command: LicenceCommandKind): Issue {
  const status = LICENCE_APPLICATION_STATUS_LABELS[from];
  const action = LICENCE_COMMAND_LABELS[command];
  return issue(
    'invalid_transition',
    `“${action.en}” is not possible while the application is “${status.en}”.`,
    `申请处于“${status.zh}”状态，不能执行“${action.zh}”。`,
    { params: { from, command } },
  );
}

interface Step {
  application: LicenceApplicationSnapshot;
  context: LicenceTransitionContext;
}

interface Move {
  to: LicenceApplicationStatus;
  event: LicenceEventType;
  details?: Record<string, JsonValue>;
  effects?: LicenceEffect[];
  /** The deadlines of the new step; every earlier one is dropped. */
  deadlines?: LicenceDeadlines;
  reasons?: ReturnReason[];
  patch?: Partial<
    Pick<LicenceApplicationSnapshot, 'submittedVersion' | 'submittedAt' | 'acceptedAt' | 'licence'>
  >;
}

function applyMove({ application, context }: Step, move: Move): LicenceTransitionOutcome {
  const next: LicenceApplicationSnapshot = {
    ...application,
    ...move.patch,
    status: move.to,
    deadlines: move.deadlines ?? {},
    reasons: move.reasons ?? application.reasons,
  };
  return {
    application: next,
    events: [
      {
        type: move.event,
        from: application.status,
        to: move.to,
        at: context.now,
        details: move.details ?? {},
      },
    ],
    effects: move.effects ?? [],
  };
}

function notify(audience: LicenceNotificationAudience, template: LicenceNotificationTemplate): LicenceEffect {
  return { kind: 'notify', audience, template };
}

/** The sandbox authority's reviewers decide; in recorded mode the applicant chases the real authority. */
function decider(application: LicenceApplicationSnapshot): LicenceNotificationAudience {
  return application.authorityMode === 'sandbox' ? 'authority' : 'applicant';
}

/** Remind on the morning (China time) of the last day of a step, as the filing workflow does. */
function remindOnDueDay(
  step: Step,
  template: LicenceNotificationTemplate,
  deadline: LicenceDeadlineKind,
  dueAt: Date,
): LicenceEffect {
  const start = getStartOfChinaDay(step.context.calendar.toChinaDate(dueAt));
  const at = step.context.now.getTime() >= start.getTime() ? step.context.now : start;
  return { kind: 'schedule_reminder', audience: decider(step.application), template, deadline, dueAt, at };
}

function getRules(context: LicenceTransitionContext): LicenceReviewRules {
  return context.rules ?? DEFAULT_LICENCE_REVIEW_RULES;
}

function reasonsToJson(reasons: readonly ReturnReason[]): JsonValue {
  return reasons.map((reason) => {
    const text: Record<string, JsonValue> = {};
    if (reason.text.en !== undefined) text.en = reason.text.en;
    if (reason.text.zh !== undefined) text.zh = reason.text.zh;
    const json: Record<string, JsonValue> = { reasonCode: reason.reasonCode, text };
    if (reason.fieldPath !== undefined) json.fieldPath = reason.fieldPath;
    if (reason.templateId !== undefined) json.templateId = reason.templateId;
    return json;
  });
}

/**
 * Submission starts the acceptance check's clock: the end of the 5th China working day after the day of
 * submission, computed like the provider's review deadline of the filing workflow.
 */
function submit(step: Step): LicenceTransitionOutcome {
  const { application, context } = step;
  const resubmission = application.status !== 'draft';
  const due = context.calendar.deadlineInWorkingDays(context.now, getRules(context).acceptanceWorkingDays);
  const sandbox = application.authorityMode === 'sandbox';
  const template = resubmission ? 'licence_application_resubmitted' : 'licence_application_submitted';
  return applyMove(step, {
    to: 'submitted',
    event: resubmission ? 'resubmitted' : 'submitted',
    details: { version: application.version, acceptanceDue: due.toISOString() },
    deadlines: { acceptanceDue: due },
    reasons: [],
    patch: { submittedVersion: application.version, submittedAt: context.now },
    effects: [
      ...(sandbox ? [notify('authority', template)] : []),
      notify('applicant', template),
      remindOnDueDay(step, 'licence_acceptance_due', 'acceptanceDue', due),
    ],
  });
}

function keepAcceptanceDeadline(application: LicenceApplicationSnapshot): LicenceDeadlines {
  return application.deadlines.acceptanceDue === undefined
    ? {}
    : { acceptanceDue: application.deadlines.acceptanceDue };
}

/** Acceptance starts the review: due at the end of the 60th calendar day after the day of acceptance. */
function accept(step: Step): LicenceTransitionOutcome {
  const { context } = step;
  const acceptedOn = context.calendar.toChinaDate(context.now);
  const due = getEndOfChinaDay(toIsoDate(toDayNumber(acceptedOn) + getRules(context).reviewCalendarDays));
  return applyMove(step, {
    to: 'under_review',
    event: 'accepted',
    details: { acceptedOn, reviewDue: due.toISOString() },
    deadlines: { reviewDue: due },
    patch: { acceptedAt: context.now },
    effects: [
      notify('applicant', 'licence_application_accepted'),
      remindOnDueDay(step, 'licence_review_due', 'reviewDue', due),
    ],
  });
}

function invalidDate(field: string, value: unknown): Issue {
  return issue(
    'invalid_date',
    `${field} must be a date in the form YYYY-MM-DD.`,
    `${field} 应为 YYYY-MM-DD 格式的日期。`,
    { params: { field, value: String(value).slice(0, 40) } },
  );
}

interface IssueDates {
  issuedOn: string;
  expiresOn: string;
}

function checkIssueDates(
  step: Step,
  command: Extract<LicenceCommand, { kind: 'approve' }>,
): Result<IssueDates, Issue> {
  const { application, context } = step;
  const { issuedOn } = command;
  if (typeof issuedOn !== 'string' || !isIsoDate(issuedOn)) return err(invalidDate('issuedOn', issuedOn));
  const today = context.calendar.toChinaDate(context.now);
  if (issuedOn > today) {
    return err(
      issue(
        'issue_date_in_future',
        `The issue date ${issuedOn} is after today (${today}, China time).`,
        `发证日期 ${issuedOn} 晚于今天（北京时间 ${today}）。`,
        { params: { field: 'issuedOn', issuedOn, today } },
      ),
    );
  }
  const acceptedOn = application.acceptedAt
    ? context.calendar.toChinaDate(application.acceptedAt)
    : undefined;
  if (acceptedOn !== undefined && issuedOn < acceptedOn) {
    return err(
      issue(
        'issue_date_before_acceptance',
        `The issue date ${issuedOn} is before the application was accepted (${acceptedOn}).`,
        `发证日期 ${issuedOn} 早于受理日期（${acceptedOn}）。`,
        { params: { field: 'issuedOn', issuedOn, acceptedOn } },
      ),
    );
  }
  const expiresOn = command.expiresOn ?? computeLicenceExpiry(issuedOn);
  if (typeof expiresOn !== 'string' || !isIsoDate(expiresOn)) return err(invalidDate('expiresOn', expiresOn));
  if (expiresOn <= issuedOn) {
    return err(
      issue(
        'expiry_before_issue',
        `The licence cannot expire on ${expiresOn}, before or on its issue date ${issuedOn}.`,
        `许可证有效期截止日 ${expiresOn} 不能早于或等于发证日期 ${issuedOn}。`,
        { source: 'ref-9-licence', params: { field: 'expiresOn', issuedOn, expiresOn } },
      ),
    );
  }
  return ok({ issuedOn, expiresOn });
}

function approve(
  step: Step,
  command: Extract<LicenceCommand, { kind: 'approve' }>,
): Result<LicenceTransitionOutcome, Issue> {
  const { application, context } = step;
  const dates = checkIssueDates(step, command);
  if (!dates.ok) return dates;
  const numbers = validateLicenceNumbers(application, command.numbers, context.catalogue ?? defaultCatalogue);
  if (!numbers.ok) return numbers;
  const licence = { numbers: numbers.value, ...dates.value };
  const details: Record<string, JsonValue> = {
    telecomLicenceNumber: licence.numbers.telecomLicenceNumber,
    issuedOn: licence.issuedOn,
    expiresOn: licence.expiresOn,
  };
  if (licence.numbers.icpLicenceNumber !== undefined) {
    details.icpLicenceNumber = licence.numbers.icpLicenceNumber;
  }
  return ok(
    applyMove(step, {
      to: 'approved',
      event: 'approved',
      details,
      patch: { licence },
      effects: [
        {
          kind: 'record_licence',
          licenceKind: application.kind,
          scope: application.scope,
          provinceCode: application.provinceCode,
          ...licence,
        },
        notify('applicant', 'licence_approved'),
      ],
    }),
  );
}

function withdraw(step: Step): LicenceTransitionOutcome {
  // A draft was never seen by the authority; anything later was, in the sandbox.
  const tell = step.application.status !== 'draft' && step.application.authorityMode === 'sandbox';
  return applyMove(step, {
    to: 'withdrawn',
    event: 'withdrawn',
    effects: tell ? [notify('authority', 'licence_application_withdrawn')] : [],
  });
}

function assertContext(application: LicenceApplicationSnapshot, context: LicenceTransitionContext): void {
  if (!isLicenceApplicationStatus(application.status)) {
    throw new RangeError(`Licence application ${application.id} has an unknown status`);
  }
  if (!(context.now instanceof Date) || Number.isNaN(context.now.getTime())) {
    throw new RangeError('context.now must be a valid Date');
  }
}

/**
 * Applies one command to a licence application: the new snapshot, the one audit event it writes and the
 * effects infra performs in the same transaction. Pure: the instant, the calendar and the rules come in
 * the context, and the input snapshot is left untouched. A command the status does not accept is an
 * 'invalid_transition' issue; a command with bad data (no reasons, a malformed or foreign licence number,
 * an impossible date) its own issue.
 *
 * Throws a RangeError only for caller bugs: an unknown status or an invalid `now`.
 */
export function transitionLicenceApplication(
  application: LicenceApplicationSnapshot,
  command: LicenceCommand,
  context: LicenceTransitionContext,
): Result<LicenceTransitionOutcome, Issue> {
  assertContext(application, context);
  // Commands come from the wire; an unknown kind is bad input, not a crash.
  const kind: unknown = (command as { kind?: unknown } | null)?.kind;
  if (!isLicenceCommandKind(kind)) {
    return err(
      issue('unknown_command', 'Unknown licence application command.', '未知的许可证申请操作。', {
        params: { command: String(kind).slice(0, 60) },
      }),
    );
  }
  if (!ALLOWED_COMMANDS[application.status].includes(command.kind)) {
    return err(invalidTransition(application.status, command.kind));
  }
  const step: Step = { application, context };
  switch (command.kind) {
    case 'submit':
      return ok(submit(step));
    case 'start_acceptance_check':
      return ok(
        applyMove(step, {
          to: 'acceptance_check',
          event: 'acceptance_check_started',
          deadlines: keepAcceptanceDeadline(application),
          effects: [notify('applicant', 'licence_acceptance_check_started')],
        }),
      );
    case 'request_materials': {
      const reasons = validateReturnReasons(command.reasons);
      if (!reasons.ok) return reasons;
      return ok(
        applyMove(step, {
          to: 'materials_requested',
          event: 'materials_requested',
          details: { reasons: reasonsToJson(reasons.value) },
          reasons: reasons.value,
          effects: [notify('applicant', 'licence_materials_requested')],
        }),
      );
    }
    case 'accept':
      return ok(accept(step));
    case 'approve':
      return approve(step, command);
    case 'reject': {
      const reasons = validateReturnReasons(command.reasons);
      if (!reasons.ok) return reasons;
      const stage = application.status === 'acceptance_check' ? 'acceptance' : 'review';
      return ok(
        applyMove(step, {
          to: 'rejected',
          event: 'rejected',
          details: { stage, reasons: reasonsToJson(reasons.value) },
          reasons: reasons.value,
          effects: [notify('applicant', 'licence_rejected')],
        }),
      );
    }
    case 'withdraw':
      return ok(withdraw(step));
    default:
      return assertNever(command);
  }
}
