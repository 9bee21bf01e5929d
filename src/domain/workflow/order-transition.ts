import { getStartOfChinaDay } from '../calendar/china-date.ts';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { OrderType, ProvinceRules } from '../catalogue/schema.ts';
import { assertNever } from '../shared/assert-never.ts';
import { type Issue, issue } from '../shared/issue.ts';
import { err, ok, type Result } from '../shared/result.ts';
import {
  isOrderCommandKind,
  ORDER_COMMAND_LABELS,
  type OrderCommand,
  type OrderCommandKind,
} from './order-command.ts';
import type {
  JsonValue,
  NotificationAudience,
  NotificationTemplate,
  OrderEffect,
  OrderEventType,
  TransitionOutcome,
} from './order-outcome.ts';
import type { DeadlineKind, OrderDeadlines, OrderSnapshot, SmsChallenge } from './order-snapshot.ts';
import { isOrderStatus, ORDER_STATUS_LABELS, type OrderStatus } from './order-status.ts';
import { bindsServiceCodes, getRegistryUpdate, getSmsRecipients, issuesNumbers } from './order-type.ts';
import { validateRecordedNumbers } from './recorded-numbers.ts';
import { type ReturnReason, validateReturnReasons } from './return-reason.ts';

/** The MIIT SMS check (ref-3-sms): a code valid 24 hours; the 5th wrong code returns the order. */
export interface SmsRules {
  validityHours: number;
  maxAttempts: number;
  /** When to remind the recipients before the code expires (a platform choice, not a rule). */
  reminderHoursBefore: number;
}

export const DEFAULT_SMS_RULES: Readonly<SmsRules> = {
  validityHours: 24,
  maxAttempts: 5,
  reminderHoursBefore: 4,
};

export interface TransitionContext {
  now: Date;
  calendar: WorkingDayCalendar;
  /** The catalogue rules of the order's province (provider and authority review days). */
  provinceRules: ProvinceRules;
  /** The catalogue entry of the order's type (whether it has an SMS check). */
  orderTypeRules: OrderType;
  smsRules?: SmsRules;
  /** For parsing recorded numbers; the default catalogue when absent. */
  catalogue?: Catalogue;
}

/**
 * The commands each status accepts (DESIGN.md §4). Withdrawal is open while the order has not reached
 * the authority's review, and again after a rejection, when the order is back with the applicant and
 * would otherwise block its entity for good; during the authority's review it is closed (reference §3.1
 * step 10: "can no longer be edited or withdrawn").
 */
const ALLOWED_COMMANDS: Readonly<Record<OrderStatus, readonly OrderCommandKind[]>> = {
  draft: ['submit', 'withdraw'],
  submitted: ['start_provider_review', 'withdraw'],
  provider_review: ['return_by_provider', 'approve_by_provider', 'withdraw'],
  returned_by_provider: ['submit', 'withdraw'],
  identity_verification: ['record_identity_verification', 'withdraw'],
  ready_for_authority: ['send_to_authority', 'withdraw'],
  sms_verification: ['submit_sms_code', 'expire_sms', 'withdraw'],
  authority_review: ['approve_by_authority', 'reject_by_authority'],
  approved: [],
  rejected_by_authority: ['submit', 'withdraw'],
  withdrawn: [],
};

/** The commands an order in `status` accepts, e.g. to decide which buttons a client shows. */
export function listAllowedCommands(status: OrderStatus): readonly OrderCommandKind[] {
  return ALLOWED_COMMANDS[status];
}

function invalidTransition(from: OrderStatus, command: OrderCommandKind): Issue {
  const status = ORDER_STATUS_LABELS[from];
  const action = ORDER_COMMAND_LABELS[command];
  return issue(
    'invalid_transition',
    `“${action.en}” is not possible while the order is “${status.en}”.`,
    `订单处于“${status.zh}”状态，不能执行“${action.zh}”。`,
    { params: { from, command } },
  );
}

interface Step {
  order: OrderSnapshot;
  context: TransitionContext;
}

interface Move {
  to: OrderStatus;
  event: OrderEventType;
  details?: Record<string, JsonValue>;
  effects?: OrderEffect[];
  /** The deadlines of the new step; every earlier one is dropped. */
  deadlines?: OrderDeadlines;
  sms?: SmsChallenge;
  returnReasons?: ReturnReason[];
  patch?: Partial<Pick<OrderSnapshot, 'submittedVersion' | 'entityNumber'>>;
}

function applyMove({ order, context }: Step, move: Move): TransitionOutcome {
  const { sms: _previousSms, ...rest } = order;
  const next: OrderSnapshot = {
    ...rest,
    ...move.patch,
    status: move.to,
    deadlines: move.deadlines ?? {},
    returnReasons: move.returnReasons ?? order.returnReasons,
  };
  if (move.sms) next.sms = move.sms;
  return {
    order: next,
    events: [
      { type: move.event, from: order.status, to: move.to, at: context.now, details: move.details ?? {} },
    ],
    effects: move.effects ?? [],
  };
}

function notify(audience: NotificationAudience, template: NotificationTemplate): OrderEffect {
  return { kind: 'notify', audience, template };
}

function latest(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** Remind on the morning (China time) of the last working day of a step. */
function remindOnDueDay(
  context: TransitionContext,
  audience: NotificationAudience,
  template: NotificationTemplate,
  deadline: DeadlineKind,
  dueAt: Date,
): OrderEffect {
  const at = latest(context.now, getStartOfChinaDay(context.calendar.toChinaDate(dueAt)));
  return { kind: 'schedule_reminder', audience, template, deadline, dueAt, at };
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

function getSmsRules(context: TransitionContext): SmsRules {
  return context.smsRules ?? DEFAULT_SMS_RULES;
}

/** The snapshot says sms_verification; a missing challenge means the stored row is corrupt. */
function getSms(order: OrderSnapshot): SmsChallenge {
  if (!order.sms) throw new RangeError(`Order ${order.id} is in sms_verification without an SMS challenge`);
  return order.sms;
}

function submit(step: Step): TransitionOutcome {
  const { order, context } = step;
  const resubmission = order.status !== 'draft';
  const due = context.calendar.deadlineInWorkingDays(
    context.now,
    context.provinceRules.providerReviewDays.value.max,
  );
  return applyMove(step, {
    to: 'submitted',
    event: resubmission ? 'resubmitted' : 'submitted',
    details: { version: order.version, providerReviewDue: due.toISOString() },
    deadlines: { providerReviewDue: due },
    returnReasons: [],
    patch: { submittedVersion: order.version },
    effects: [
      notify('provider', resubmission ? 'order_resubmitted' : 'order_submitted'),
      remindOnDueDay(context, 'provider', 'provider_review_due', 'providerReviewDue', due),
    ],
  });
}

/** The provider's deadline runs from submission until the order leaves the provider. */
function keepProviderDeadline(order: OrderSnapshot): OrderDeadlines {
  return order.deadlines.providerReviewDue === undefined
    ? {}
    : { providerReviewDue: order.deadlines.providerReviewDue };
}

function returnToApplicant(
  step: Step,
  event: OrderEventType,
  reasons: ReturnReason[],
  extra: Record<string, JsonValue> = {},
): TransitionOutcome {
  return applyMove(step, {
    to: 'returned_by_provider',
    event,
    details: { ...extra, reasons: reasonsToJson(reasons) },
    returnReasons: reasons,
    effects: [notify('applicant', 'order_returned')],
  });
}

function systemReason(reasonCode: string, en: string, zh: string): ReturnReason {
  return { reasonCode, text: { en, zh } };
}

function recordIdentityVerification(
  step: Step,
  command: Extract<OrderCommand, { kind: 'record_identity_verification' }>,
): Result<TransitionOutcome, Issue> {
  if (command.result === 'passed') {
    return ok(
      applyMove(step, {
        to: 'ready_for_authority',
        event: 'identity_verification_passed',
        deadlines: keepProviderDeadline(step.order),
      }),
    );
  }
  if (command.result !== 'failed') {
    return err(
      issue(
        'invalid_verification_result',
        'The identity verification result must be "passed" or "failed".',
        '真实性核验结果应为“passed”（通过）或“failed”（未通过）。',
        { params: { field: 'result' } },
      ),
    );
  }
  const given = command.reasons ?? [];
  const reasons =
    given.length === 0
      ? ok([
          systemReason(
            'identity_verification_failed',
            'The identity verification of the service admin failed: take the photo again.',
            '网站负责人真实性核验未通过：请重新拍摄核验照片。',
          ),
        ])
      : validateReturnReasons(given);
  if (!reasons.ok) return reasons;
  return ok(returnToApplicant(step, 'identity_verification_failed', reasons.value));
}

/** Enter the authority's review: its deadline starts now (order-33: at most 20 working days). */
function enterAuthorityReview(
  step: Step,
  event: OrderEventType,
  details: Record<string, JsonValue>,
  effects: OrderEffect[],
): TransitionOutcome {
  const { order, context } = step;
  const due = context.calendar.deadlineInWorkingDays(
    context.now,
    context.provinceRules.authorityReviewDays.value.max,
  );
  const sandbox = order.authorityMode === 'sandbox';
  return applyMove(step, {
    to: 'authority_review',
    event,
    details: { ...details, authorityReviewDue: due.toISOString() },
    deadlines: { authorityReviewDue: due },
    effects: [
      ...effects,
      ...(sandbox ? [notify('authority', 'authority_review_requested')] : []),
      notify('applicant', 'order_in_authority_review'),
      // In recorded mode the provider chases the real authority for its decision.
      remindOnDueDay(
        context,
        sandbox ? 'authority' : 'provider',
        'authority_review_due',
        'authorityReviewDue',
        due,
      ),
    ],
  });
}

/**
 * The sandbox sends its own SMS check. Cancel access has none (ref-3-sms). In recorded mode the real
 * MIIT sends the code from 12381 and checks it on its own site, which this platform cannot see, so the
 * order waits in authority_review and an SMS failure comes back as the authority's rejection.
 */
function sendToAuthority(step: Step): TransitionOutcome {
  const { order, context } = step;
  const smsRequired = context.orderTypeRules.smsVerification;
  if (smsRequired && order.authorityMode === 'sandbox') {
    const rules = getSmsRules(context);
    const expiresAt = context.calendar.deadlineInHours(context.now, rules.validityHours);
    const remindAt = context.calendar.deadlineInHours(
      context.now,
      Math.max(0, rules.validityHours - rules.reminderHoursBefore),
    );
    const recipients = getSmsRecipients(order.type);
    return applyMove(step, {
      to: 'sms_verification',
      event: 'sent_to_authority',
      details: { sms: 'sandbox', smsExpiresAt: expiresAt.toISOString(), recipients },
      deadlines: { smsExpiresAt: expiresAt },
      sms: { issuedAt: context.now, expiresAt, attempts: 0, maxAttempts: rules.maxAttempts },
      effects: [
        { kind: 'issue_sms_challenge', expiresAt, maxAttempts: rules.maxAttempts, recipients },
        notify('applicant', 'sms_verification_requested'),
        {
          kind: 'schedule_reminder',
          audience: 'applicant',
          template: 'sms_expiring',
          deadline: 'smsExpiresAt',
          dueAt: expiresAt,
          at: remindAt,
        },
      ],
    });
  }
  const sms = smsRequired ? 'miit' : 'none';
  return enterAuthorityReview(
    step,
    'sent_to_authority',
    { sms },
    smsRequired ? [notify('applicant', 'miit_sms_expected')] : [],
  );
}

/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** '2026-10-01 15:00' in China time, for messages. */
function formatChinaTime(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function isExpired(sms: SmsChallenge, now: Date): boolean {
  return now.getTime() >= sms.expiresAt.getTime();
}

/**
 * `typedLate`: the filer typed a code after expiry, rather than the provider or the platform's job
 * closing the check; recorded so the history names the right party.
 */
function expireSms(step: Step, sms: SmsChallenge, typedLate = false): TransitionOutcome {
  const hours = getSmsRules(step.context).validityHours;
  return returnToApplicant(
    step,
    'sms_expired',
    [
      systemReason(
        'sms_timeout',
        `The SMS code was not entered within ${hours} hours. Check that the phones can receive messages from 12381, then submit the order again.`,
        `未在 ${hours} 小时内完成短信核验。请确认手机能接收 12381 发送的短信后重新提交订单。`,
      ),
    ],
    {
      attempts: sms.attempts,
      smsExpiresAt: sms.expiresAt.toISOString(),
      ...(typedLate ? { typedLate: true } : {}),
    },
  );
}

function submitSmsCode(step: Step, matches: boolean): TransitionOutcome {
  const sms = getSms(step.order);
  // A code typed after expiry is not checked: the challenge is over, whatever the code.
  if (isExpired(sms, step.context.now)) return expireSms(step, sms, true);
  if (matches) {
    return enterAuthorityReview(step, 'sms_code_accepted', { attempts: sms.attempts }, []);
  }
  const attempts = sms.attempts + 1;
  if (attempts >= sms.maxAttempts) {
    return returnToApplicant(
      step,
      'sms_attempts_exhausted',
      [
        systemReason(
          'sms_failed',
          `The SMS code was entered wrongly ${attempts} times. Check the phone numbers, then submit the order again.`,
          `短信验证码已连续 ${attempts} 次输入错误。请核对手机号码后重新提交订单。`,
        ),
      ],
      { attempts },
    );
  }
  return applyMove(step, {
    to: 'sms_verification',
    event: 'sms_code_rejected',
    details: { attempts, remaining: sms.maxAttempts - attempts },
    deadlines: step.order.deadlines,
    sms: { ...sms, attempts },
  });
}

function approveByAuthority(
  step: Step,
  command: Extract<OrderCommand, { kind: 'approve_by_authority' }>,
): Result<TransitionOutcome, Issue> {
  const { order, context } = step;
  const effects: OrderEffect[] = [];
  const details: Record<string, JsonValue> = { mode: order.authorityMode };
  const patch: Move['patch'] = {};
  const numbered = issuesNumbers(order.type);
  if (command.recordedNumbers !== undefined && (order.authorityMode === 'sandbox' || !numbered)) {
    return err(
      issue(
        'recorded_numbers_not_applicable',
        order.authorityMode === 'sandbox'
          ? 'The sandbox authority issues the numbers itself; do not enter any.'
          : 'This order type issues no numbers; do not enter any.',
        order.authorityMode === 'sandbox'
          ? '沙箱管局自动下发备案号，无需填写。'
          : '此类订单不下发备案号，无需填写。',
        { params: { field: 'recordedNumbers', mode: order.authorityMode, orderType: order.type } },
      ),
    );
  }
  if (numbered && order.authorityMode === 'recorded') {
    if (command.recordedNumbers === undefined) {
      return err(
        issue(
          'recorded_numbers_required',
          'Enter the numbers the authority issued with its approval.',
          '请填写管局审核通过时下发的备案号。',
          { source: 'ref-6-numbers', params: { field: 'recordedNumbers' } },
        ),
      );
    }
    const numbers = validateRecordedNumbers(order, command.recordedNumbers, {
      ...(context.catalogue === undefined ? {} : { catalogue: context.catalogue }),
    });
    if (!numbers.ok) return numbers;
    effects.push({ kind: 'record_numbers', ...numbers.value });
    details.entityNumber = numbers.value.entityNumber;
    details.serviceNumbers = numbers.value.serviceNumbers;
    patch.entityNumber = numbers.value.entityNumber;
  } else if (numbered) {
    const approvalYear = Number(context.calendar.toChinaDate(context.now).slice(0, 4));
    effects.push({
      kind: 'issue_numbers',
      provinceCode: order.provinceCode,
      approvalYear,
      newEntityNumber: order.type === 'first_filing',
    });
    details.approvalYear = approvalYear;
  }
  effects.push({ kind: 'update_registry', orderType: order.type, ...getRegistryUpdate(order.type) });
  if (bindsServiceCodes(order.type)) effects.push({ kind: 'burn_service_codes' });
  effects.push(notify('applicant', 'order_approved'), notify('provider', 'order_approved'));
  return ok(applyMove(step, { to: 'approved', event: 'approved_by_authority', details, effects, patch }));
}

function withdraw(step: Step): TransitionOutcome {
  // A draft was never seen by the provider; anything later was.
  const effects = step.order.status === 'draft' ? [] : [notify('provider', 'order_withdrawn')];
  return applyMove(step, { to: 'withdrawn', event: 'withdrawn', effects });
}

function assertContext(order: OrderSnapshot, context: TransitionContext): void {
  if (!isOrderStatus(order.status)) throw new RangeError(`Order ${order.id} has an unknown status`);
  if (Number.isNaN(context.now.getTime())) throw new RangeError('context.now must be a valid Date');
  if (context.provinceRules.province !== order.provinceCode) {
    throw new RangeError(
      `Province rules of ${context.provinceRules.province} passed for an order in ${order.provinceCode}`,
    );
  }
  if (context.orderTypeRules.id !== order.type) {
    throw new RangeError(`Order type rules of ${context.orderTypeRules.id} passed for a ${order.type} order`);
  }
}

/**
 * Applies one command to an order (DESIGN.md §4): the new snapshot, the one audit event it writes and
 * the effects infra performs in the same transaction. Pure: the instant and the rules come in the
 * context, and the input snapshot is left untouched. A command the status does not accept is an
 * 'invalid_transition' issue; a command with bad data (no reasons, a malformed number) its own issue.
 *
 * Throws a RangeError only for caller bugs: rules of another province or type, an invalid `now`, an
 * unknown status, or an sms_verification snapshot without its challenge.
 */
export function transitionOrder(
  order: OrderSnapshot,
  command: OrderCommand,
  context: TransitionContext,
): Result<TransitionOutcome, Issue> {
  assertContext(order, context);
  // Commands come from the wire; an unknown kind is bad input, not a crash.
  const kind: unknown = (command as { kind?: unknown } | null)?.kind;
  if (!isOrderCommandKind(kind)) {
    return err(
      issue('unknown_command', 'Unknown order command.', '未知的订单操作。', {
        params: { command: String(kind).slice(0, 60) },
      }),
    );
  }
  if (!ALLOWED_COMMANDS[order.status].includes(command.kind)) {
    return err(invalidTransition(order.status, command.kind));
  }
  const step: Step = { order, context };
  switch (command.kind) {
    case 'submit':
      return ok(submit(step));
    case 'start_provider_review':
      return ok(
        applyMove(step, {
          to: 'provider_review',
          event: 'provider_review_started',
          deadlines: keepProviderDeadline(order),
          effects: [notify('applicant', 'provider_review_started')],
        }),
      );
    case 'return_by_provider': {
      const reasons = validateReturnReasons(command.reasons);
      if (!reasons.ok) return reasons;
      return ok(returnToApplicant(step, 'returned_by_provider', reasons.value));
    }
    case 'approve_by_provider':
      return ok(
        applyMove(step, {
          to: 'identity_verification',
          event: 'approved_by_provider',
          deadlines: keepProviderDeadline(order),
          effects: [notify('applicant', 'identity_verification_requested')],
        }),
      );
    case 'record_identity_verification':
      return recordIdentityVerification(step, command);
    case 'send_to_authority':
      return ok(sendToAuthority(step));
    case 'submit_sms_code':
      return ok(submitSmsCode(step, command.matches === true));
    case 'expire_sms': {
      const sms = getSms(order);
      if (!isExpired(sms, context.now)) {
        return err(
          issue(
            'sms_not_expired',
            `The SMS code is valid until ${formatChinaTime(sms.expiresAt)} (China time); the check cannot be closed before then.`,
            `短信验证码有效期至北京时间 ${formatChinaTime(sms.expiresAt)}，此前不能按超时处理。`,
            { source: 'ref-3-sms', params: { expiresAt: sms.expiresAt.toISOString() } },
          ),
        );
      }
      return ok(expireSms(step, sms));
    }
    case 'approve_by_authority':
      return approveByAuthority(step, command);
    case 'reject_by_authority': {
      const reasons = validateReturnReasons(command.reasons);
      if (!reasons.ok) return reasons;
      return ok(
        applyMove(step, {
          to: 'rejected_by_authority',
          event: 'rejected_by_authority',
          details: { reasons: reasonsToJson(reasons.value) },
          returnReasons: reasons.value,
          effects: [notify('applicant', 'order_rejected'), notify('provider', 'order_rejected')],
        }),
      );
    }
    case 'withdraw':
      return ok(withdraw(step));
    default:
      return assertNever(command);
  }
}
