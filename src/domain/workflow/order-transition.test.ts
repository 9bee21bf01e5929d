import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import { getProvinceRules } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import type { OrderType } from '../catalogue/schema.ts';
import type { Issue } from '../shared/issue.ts';
import { ORDER_COMMAND_KINDS, type OrderCommand, type OrderCommandKind } from './order-command.ts';
import type { OrderEffect, OrderEventType, TransitionOutcome } from './order-outcome.ts';
import { type AuthorityMode, createDraftOrder, type OrderSnapshot } from './order-snapshot.ts';
import { isOrderStatus, ORDER_STATUSES, type OrderStatus } from './order-status.ts';
import { listAllowedCommands, type TransitionContext, transitionOrder } from './order-transition.ts';
import { ORDER_TYPE_IDS, type OrderTypeId } from './order-type.ts';

const calendar = createWorkingDayCalendar();
const ENTITY = '京ICP备2020000123号';

function getOrderTypeRules(type: OrderTypeId): OrderType {
  const rules = defaultCatalogue.orderTypes.find((t) => t.id === type);
  if (!rules) throw new Error(`No catalogue entry for ${type}`);
  return rules;
}

function contextAt(order: OrderSnapshot, now: Date | string): TransitionContext {
  return {
    now: typeof now === 'string' ? new Date(now) : now,
    calendar,
    provinceRules: getProvinceRules(defaultCatalogue, order.provinceCode),
    orderTypeRules: getOrderTypeRules(order.type),
  };
}

/** Factory with overrides; in sms_verification it carries a challenge, as the workflow guarantees. */
function buildOrder(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  const type = overrides.type ?? 'first_filing';
  const order: OrderSnapshot = {
    ...createDraftOrder({
      id: 'order-1',
      type,
      provinceCode: '11',
      authorityMode: 'sandbox',
      ...(type === 'first_filing' ? {} : { entityNumber: ENTITY }),
    }),
    ...overrides,
  };
  if (order.status === 'sms_verification' && !order.sms) {
    const issuedAt = new Date('2026-05-11T02:00:00Z');
    const expiresAt = new Date('2026-05-12T02:00:00Z');
    order.sms = { issuedAt, expiresAt, attempts: 0, maxAttempts: 5 };
    order.deadlines = { smsExpiresAt: expiresAt };
  }
  return order;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function apply(order: OrderSnapshot, command: OrderCommand, now: Date | string): TransitionOutcome {
  const result = transitionOrder(deepFreeze(structuredClone(order)), command, contextAt(order, now));
  if (!result.ok) throw new Error(`${command.kind} from ${order.status}: ${result.error.code}`);
  return result.value;
}

function reject(order: OrderSnapshot, command: OrderCommand, now: Date | string): Issue {
  const result = transitionOrder(order, command, contextAt(order, now));
  if (result.ok) throw new Error(`${command.kind} from ${order.status} unexpectedly succeeded`);
  return result.error;
}

const reason = {
  fieldPath: 'entity.leader.mobile',
  reasonCode: 'phone_unreachable',
  text: { zh: '电话无法接通' },
};

function effectsOf<K extends OrderEffect['kind']>(outcome: TransitionOutcome, kind: K) {
  return outcome.effects.filter((e): e is Extract<OrderEffect, { kind: K }> => e.kind === kind);
}

/** A valid instance of each command, for the transition table. */
function sampleCommand(kind: OrderCommandKind): OrderCommand {
  switch (kind) {
    case 'return_by_provider':
    case 'reject_by_authority':
      return { kind, reasons: [reason] };
    case 'record_identity_verification':
      return { kind, result: 'passed' };
    case 'submit_sms_code':
      return { kind, matches: true };
    default:
      return { kind } as OrderCommand;
  }
}

describe('transitionOrder: the table of allowed commands', () => {
  // Written out by hand from DESIGN.md §4, independent of the implementation's table.
  const expected: Record<OrderStatus, OrderCommandKind[]> = {
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

  const cases = ORDER_STATUSES.flatMap((status) =>
    ORDER_COMMAND_KINDS.map((kind) => [status, kind, expected[status].includes(kind)] as const),
  );

  it('covers all 11 × 11 pairs', () => {
    expect(cases).toHaveLength(121);
  });

  it.each(cases)('%s + %s → allowed: %s', (status, kind, allowed) => {
    const order = deepFreeze(buildOrder({ status }));
    // After the SMS expiry, so expire_sms is accepted where the status allows it.
    const result = transitionOrder(order, sampleCommand(kind), contextAt(order, '2026-05-12T03:00:00Z'));
    expect(result.ok).toBe(allowed);
    expect(listAllowedCommands(status).includes(kind)).toBe(allowed);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_transition');
      expect(result.error.params).toEqual({ from: status, command: kind });
      expect(result.error.message.en).toContain('not possible');
      expect(result.error.message.zh).toContain('不能执行');
    }
  });

  it('answers an unknown command with an issue, not a crash', () => {
    const order = buildOrder();
    const result = transitionOrder(
      order,
      { kind: 'approve' } as unknown as OrderCommand,
      contextAt(order, '2026-05-11T00:00:00Z'),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unknown_command');
  });
});

describe('transitionOrder: a first filing from draft to approved', () => {
  it('goes through one provider return and resubmission, one wrong SMS code and authority approval', () => {
    const events: OrderEventType[] = [];
    let order = buildOrder({ version: 1 });
    const step = (command: OrderCommand, now: string) => {
      const outcome = apply(order, command, now);
      expect(outcome.events).toHaveLength(1);
      events.push(...outcome.events.map((e) => e.type));
      order = outcome.order;
      return outcome;
    };

    const submitted = step({ kind: 'submit' }, '2026-05-11T01:00:00Z');
    expect(order).toMatchObject({ status: 'submitted', submittedVersion: 1 });
    expect(submitted.effects).toContainEqual({
      kind: 'notify',
      audience: 'provider',
      template: 'order_submitted',
    });

    step({ kind: 'start_provider_review' }, '2026-05-11T02:00:00Z');
    const returned = step({ kind: 'return_by_provider', reasons: [reason] }, '2026-05-11T03:00:00Z');
    expect(order.status).toBe('returned_by_provider');
    expect(order.returnReasons).toEqual([reason]);
    expect(order.deadlines).toEqual({});
    expect(returned.events[0]?.details.reasons).toEqual([reason]);
    expect(returned.effects).toEqual([{ kind: 'notify', audience: 'applicant', template: 'order_returned' }]);

    // The applicant edits (infra stores content version 2) and resubmits.
    order = { ...order, version: 2 };
    const resubmitted = step({ kind: 'submit' }, '2026-05-12T01:00:00Z');
    expect(order).toMatchObject({ status: 'submitted', submittedVersion: 2, returnReasons: [] });
    expect(resubmitted.effects[0]).toEqual({
      kind: 'notify',
      audience: 'provider',
      template: 'order_resubmitted',
    });

    step({ kind: 'start_provider_review' }, '2026-05-12T02:00:00Z');
    step({ kind: 'approve_by_provider' }, '2026-05-12T03:00:00Z');
    expect(order.status).toBe('identity_verification');
    step({ kind: 'record_identity_verification', result: 'passed' }, '2026-05-12T04:00:00Z');
    expect(order.status).toBe('ready_for_authority');

    const sent = step({ kind: 'send_to_authority' }, '2026-05-12T05:00:00Z');
    expect(order.status).toBe('sms_verification');
    expect(effectsOf(sent, 'issue_sms_challenge')).toEqual([
      {
        kind: 'issue_sms_challenge',
        expiresAt: new Date('2026-05-13T05:00:00Z'),
        maxAttempts: 5,
        recipients: ['entity_leader', 'service_admin'],
      },
    ]);

    const wrong = step({ kind: 'submit_sms_code', matches: false }, '2026-05-12T06:00:00Z');
    expect(wrong.events[0]).toMatchObject({
      type: 'sms_code_rejected',
      from: 'sms_verification',
      to: 'sms_verification',
      details: { attempts: 1, remaining: 4 },
    });
    expect(order.sms?.attempts).toBe(1);

    step({ kind: 'submit_sms_code', matches: true }, '2026-05-12T07:00:00Z');
    expect(order.status).toBe('authority_review');
    expect(order.sms).toBeUndefined();
    expect(order.deadlines.authorityReviewDue).toBeInstanceOf(Date);

    const approved = step({ kind: 'approve_by_authority' }, '2026-05-20T02:00:00Z');
    expect(order.status).toBe('approved');
    expect(order.deadlines).toEqual({});
    expect(approved.effects).toEqual([
      { kind: 'issue_numbers', provinceCode: '11', approvalYear: 2026, newEntityNumber: true },
      { kind: 'update_registry', orderType: 'first_filing', operation: 'add', target: 'entity' },
      { kind: 'burn_service_codes' },
      { kind: 'notify', audience: 'applicant', template: 'order_approved' },
      { kind: 'notify', audience: 'provider', template: 'order_approved' },
    ]);

    expect(events).toEqual([
      'submitted',
      'provider_review_started',
      'returned_by_provider',
      'resubmitted',
      'provider_review_started',
      'approved_by_provider',
      'identity_verification_passed',
      'sent_to_authority',
      'sms_code_rejected',
      'sms_code_accepted',
      'approved_by_authority',
    ]);
  });
});

describe('transitionOrder: every order type reaches approved', () => {
  const registryEffects: Record<OrderTypeId, { operation: string; target: string }> = {
    first_filing: { operation: 'add', target: 'entity' },
    add_service: { operation: 'add', target: 'service' },
    add_access: { operation: 'add', target: 'access' },
    change: { operation: 'replace', target: 'entity' },
    cancel_service: { operation: 'remove', target: 'service' },
    cancel_entity: { operation: 'remove', target: 'entity' },
    cancel_access: { operation: 'remove', target: 'access' },
  };

  it.each(ORDER_TYPE_IDS.map((type) => [type] as const))('%s', (type) => {
    let order = buildOrder({ type });
    const times = [
      '2026-06-01T01:00:00Z',
      '2026-06-01T02:00:00Z',
      '2026-06-01T03:00:00Z',
      '2026-06-01T04:00:00Z',
    ];
    order = apply(order, { kind: 'submit' }, times[0] ?? '').order;
    order = apply(order, { kind: 'start_provider_review' }, times[1] ?? '').order;
    order = apply(order, { kind: 'approve_by_provider' }, times[2] ?? '').order;
    order = apply(order, { kind: 'record_identity_verification', result: 'passed' }, times[3] ?? '').order;
    const sent = apply(order, { kind: 'send_to_authority' }, '2026-06-01T05:00:00Z');
    order = sent.order;
    if (type === 'cancel_access') {
      // The one type without an SMS check (ref-3-sms).
      expect(order.status).toBe('authority_review');
      expect(effectsOf(sent, 'issue_sms_challenge')).toEqual([]);
      expect(sent.events[0]?.details.sms).toBe('none');
    } else {
      expect(order.status).toBe('sms_verification');
      expect(effectsOf(sent, 'issue_sms_challenge')[0]?.recipients.length).toBeGreaterThan(0);
      order = apply(order, { kind: 'submit_sms_code', matches: true }, '2026-06-01T06:00:00Z').order;
    }
    expect(order.status).toBe('authority_review');
    const approved = apply(order, { kind: 'approve_by_authority' }, '2026-06-10T02:00:00Z');
    expect(approved.order.status).toBe('approved');
    const numbers = effectsOf(approved, 'issue_numbers');
    if (type === 'first_filing' || type === 'add_service') {
      expect(numbers).toEqual([
        {
          kind: 'issue_numbers',
          provinceCode: '11',
          approvalYear: 2026,
          newEntityNumber: type === 'first_filing',
        },
      ]);
    } else {
      expect(numbers).toEqual([]);
    }
    expect(effectsOf(approved, 'update_registry')).toEqual([
      { kind: 'update_registry', orderType: type, ...registryEffects[type] },
    ]);
    const burns = ['first_filing', 'add_service', 'add_access'].includes(type);
    expect(effectsOf(approved, 'burn_service_codes')).toHaveLength(burns ? 1 : 0);
  });

  it('the catalogue and the SMS recipients agree on which types have an SMS check', () => {
    for (const type of ORDER_TYPE_IDS) {
      let order = buildOrder({ type, status: 'ready_for_authority' });
      const sent = apply(order, { kind: 'send_to_authority' }, '2026-06-01T05:00:00Z');
      order = sent.order;
      expect(order.status === 'sms_verification').toBe(getOrderTypeRules(type).smsVerification);
    }
  });
});

describe('transitionOrder: SMS verification', () => {
  const sentAt = '2026-05-11T02:00:00Z';
  const inSms = () =>
    apply(buildOrder({ status: 'ready_for_authority' }), { kind: 'send_to_authority' }, sentAt).order;

  it('returns the order on the 5th wrong code with reason sms_failed', () => {
    let order = inSms();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const outcome = apply(order, { kind: 'submit_sms_code', matches: false }, '2026-05-11T03:00:00Z');
      order = outcome.order;
      expect(order.status).toBe('sms_verification');
      expect(outcome.events[0]?.details).toEqual({ attempts: attempt, remaining: 5 - attempt });
      expect(outcome.effects).toEqual([]);
    }
    const fifth = apply(order, { kind: 'submit_sms_code', matches: false }, '2026-05-11T03:00:00Z');
    expect(fifth.order.status).toBe('returned_by_provider');
    expect(fifth.order.sms).toBeUndefined();
    expect(fifth.order.deadlines).toEqual({});
    expect(fifth.order.returnReasons.map((r) => r.reasonCode)).toEqual(['sms_failed']);
    expect(fifth.order.returnReasons[0]?.text.zh).toContain('5');
    expect(fifth.events[0]).toMatchObject({ type: 'sms_attempts_exhausted', details: { attempts: 5 } });
  });

  it('accepts the right code after four wrong ones', () => {
    let order = inSms();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      order = apply(order, { kind: 'submit_sms_code', matches: false }, '2026-05-11T03:00:00Z').order;
    }
    const accepted = apply(order, { kind: 'submit_sms_code', matches: true }, '2026-05-11T04:00:00Z');
    expect(accepted.order.status).toBe('authority_review');
    expect(accepted.events[0]).toMatchObject({ type: 'sms_code_accepted', details: { attempts: 4 } });
    expect(accepted.effects).toContainEqual({
      kind: 'notify',
      audience: 'authority',
      template: 'authority_review_requested',
    });
  });

  it('times out only once the 24 hours have passed', () => {
    const order = inSms();
    expect(order.sms?.expiresAt).toEqual(new Date('2026-05-12T02:00:00Z'));
    const early = reject(order, { kind: 'expire_sms' }, '2026-05-12T01:59:59.999Z');
    expect(early.code).toBe('sms_not_expired');
    expect(early.message.en).toContain('2026-05-12 10:00');
    expect(early.message.zh).toContain('北京时间 2026-05-12 10:00');

    const expired = apply(order, { kind: 'expire_sms' }, '2026-05-12T02:00:00Z');
    expect(expired.order.status).toBe('returned_by_provider');
    expect(expired.order.returnReasons.map((r) => r.reasonCode)).toEqual(['sms_timeout']);
    expect(expired.events[0]).toMatchObject({ type: 'sms_expired', details: { attempts: 0 } });
  });

  it('does not check a code entered after expiry, even a right one', () => {
    const late = apply(inSms(), { kind: 'submit_sms_code', matches: true }, '2026-05-12T02:00:01Z');
    expect(late.order.status).toBe('returned_by_provider');
    expect(late.events[0]).toMatchObject({ type: 'sms_expired', details: { typedLate: true } });
  });

  it('reminds the applicant four hours before the code expires', () => {
    const sent = apply(buildOrder({ status: 'ready_for_authority' }), { kind: 'send_to_authority' }, sentAt);
    expect(effectsOf(sent, 'schedule_reminder')).toEqual([
      {
        kind: 'schedule_reminder',
        audience: 'applicant',
        template: 'sms_expiring',
        deadline: 'smsExpiresAt',
        dueAt: new Date('2026-05-12T02:00:00Z'),
        at: new Date('2026-05-11T22:00:00Z'),
      },
    ]);
  });
});

describe('transitionOrder: withdrawal', () => {
  const open: OrderStatus[] = [
    'draft',
    'submitted',
    'provider_review',
    'returned_by_provider',
    'identity_verification',
    'ready_for_authority',
    'sms_verification',
    'rejected_by_authority',
  ];
  it.each(ORDER_STATUSES.map((status) => [status, open.includes(status)] as const))(
    'from %s: %s',
    (status, allowed) => {
      const order = buildOrder({ status });
      const result = transitionOrder(order, { kind: 'withdraw' }, contextAt(order, '2026-05-11T03:00:00Z'));
      expect(result.ok).toBe(allowed);
      if (result.ok) {
        expect(result.value.order).toMatchObject({ status: 'withdrawn', deadlines: {} });
        expect(result.value.order.sms).toBeUndefined();
        expect(result.value.effects).toEqual(
          status === 'draft' ? [] : [{ kind: 'notify', audience: 'provider', template: 'order_withdrawn' }],
        );
      }
    },
  );
});

describe('transitionOrder: deadlines in China working days', () => {
  it('counts the provider review over the 2026 National Day holiday', () => {
    // Wed 30 Sep 2026, 10:00 in Beijing; 1–7 Oct are off, so 2 working days end on Fri 9 Oct.
    const outcome = apply(buildOrder(), { kind: 'submit' }, '2026-09-30T02:00:00Z');
    const due = new Date('2026-10-09T15:59:59.999Z');
    expect(outcome.order.deadlines).toEqual({ providerReviewDue: due });
    expect(outcome.events[0]?.details.providerReviewDue).toBe('2026-10-09T15:59:59.999Z');
    expect(effectsOf(outcome, 'schedule_reminder')).toEqual([
      {
        kind: 'schedule_reminder',
        audience: 'provider',
        template: 'provider_review_due',
        deadline: 'providerReviewDue',
        dueAt: due,
        // 00:00 on 9 Oct in Beijing.
        at: new Date('2026-10-08T16:00:00Z'),
      },
    ]);
  });

  it('keeps the provider deadline through the provider phase and drops it at the authority', () => {
    let order = apply(buildOrder(), { kind: 'submit' }, '2026-09-30T02:00:00Z').order;
    const due = order.deadlines.providerReviewDue;
    order = apply(order, { kind: 'start_provider_review' }, '2026-10-08T01:00:00Z').order;
    order = apply(order, { kind: 'approve_by_provider' }, '2026-10-08T02:00:00Z').order;
    order = apply(
      order,
      { kind: 'record_identity_verification', result: 'passed' },
      '2026-10-08T03:00:00Z',
    ).order;
    expect(order.deadlines).toEqual({ providerReviewDue: due });
    order = apply(order, { kind: 'send_to_authority' }, '2026-10-08T04:00:00Z').order;
    expect(Object.keys(order.deadlines)).toEqual(['smsExpiresAt']);
  });

  it('runs the SMS clock in calendar hours through the holiday', () => {
    const order = buildOrder({ status: 'ready_for_authority' });
    const sent = apply(order, { kind: 'send_to_authority' }, '2026-09-30T07:00:00Z');
    expect(sent.order.deadlines).toEqual({ smsExpiresAt: new Date('2026-10-01T07:00:00Z') });
  });

  it('gives the authority 20 working days, which the holiday pushes to 3 November', () => {
    const order = buildOrder({ status: 'sms_verification' });
    const sms = { issuedAt: new Date('2026-09-30T01:00:00Z'), expiresAt: new Date('2026-10-01T01:00:00Z') };
    const inSms = {
      ...order,
      sms: { ...sms, attempts: 0, maxAttempts: 5 },
      deadlines: { smsExpiresAt: sms.expiresAt },
    };
    const accepted = apply(inSms, { kind: 'submit_sms_code', matches: true }, '2026-09-30T02:00:00Z');
    expect(accepted.order.deadlines).toEqual({ authorityReviewDue: new Date('2026-11-03T15:59:59.999Z') });
    expect(effectsOf(accepted, 'schedule_reminder')[0]).toMatchObject({
      audience: 'authority',
      template: 'authority_review_due',
      at: new Date('2026-11-02T16:00:00Z'),
    });
  });

  it('sends cancel access straight to the authority with the authority deadline', () => {
    const order = buildOrder({ type: 'cancel_access', status: 'ready_for_authority' });
    const sent = apply(order, { kind: 'send_to_authority' }, '2026-09-30T02:00:00Z');
    expect(sent.order).toMatchObject({
      status: 'authority_review',
      deadlines: { authorityReviewDue: new Date('2026-11-03T15:59:59.999Z') },
    });
  });
});

describe('transitionOrder: reviewers’ reasons', () => {
  it.each<[OrderStatus, OrderCommand]>([
    ['provider_review', { kind: 'return_by_provider', reasons: [] }],
    ['authority_review', { kind: 'reject_by_authority', reasons: [] }],
  ])('%s + %j needs a reason', (status, command) => {
    expect(reject(buildOrder({ status }), command, '2026-05-11T03:00:00Z').code).toBe(
      'return_reasons_required',
    );
  });

  it('refuses a malformed reason and leaves the order as it was', () => {
    const order = deepFreeze(buildOrder({ status: 'provider_review' }));
    const error = reject(
      order,
      {
        kind: 'return_by_provider',
        reasons: [{ fieldPath: 'entity..x', reasonCode: 'x', text: { en: 'x' } }],
      },
      '2026-05-11T03:00:00Z',
    );
    expect(error).toMatchObject({ code: 'invalid_return_reason', params: { field: 'fieldPath' } });
  });

  it('records a rejection with its reasons for the applicant and the provider', () => {
    const order = buildOrder({
      status: 'authority_review',
      deadlines: { authorityReviewDue: new Date('2026-06-01T00:00:00Z') },
    });
    const rejected = apply(order, { kind: 'reject_by_authority', reasons: [reason] }, '2026-05-20T02:00:00Z');
    expect(rejected.order).toMatchObject({
      status: 'rejected_by_authority',
      returnReasons: [reason],
      deadlines: {},
    });
    expect(rejected.effects).toEqual([
      { kind: 'notify', audience: 'applicant', template: 'order_rejected' },
      { kind: 'notify', audience: 'provider', template: 'order_rejected' },
    ]);
    const resubmitted = apply(rejected.order, { kind: 'submit' }, '2026-05-21T02:00:00Z');
    expect(resubmitted.order).toMatchObject({ status: 'submitted', returnReasons: [] });
    expect(resubmitted.events[0]?.type).toBe('resubmitted');
  });

  it('returns a failed identity verification with the reviewer’s reasons or a default one', () => {
    const order = buildOrder({ status: 'identity_verification' });
    const withReasons = apply(
      order,
      {
        kind: 'record_identity_verification',
        result: 'failed',
        reasons: [{ reasonCode: 'photo_blurred', text: { en: 'Blurred' } }],
      },
      '2026-05-11T03:00:00Z',
    );
    expect(withReasons.order.returnReasons).toEqual([
      { reasonCode: 'photo_blurred', text: { en: 'Blurred' } },
    ]);
    expect(withReasons.events[0]?.type).toBe('identity_verification_failed');
    const bare = apply(
      order,
      { kind: 'record_identity_verification', result: 'failed' },
      '2026-05-11T03:00:00Z',
    );
    expect(bare.order.status).toBe('returned_by_provider');
    expect(bare.order.returnReasons.map((r) => r.reasonCode)).toEqual(['identity_verification_failed']);
    const bad = reject(
      order,
      { kind: 'record_identity_verification', result: 'maybe' } as unknown as OrderCommand,
      '2026-05-11T03:00:00Z',
    );
    expect(bad.code).toBe('invalid_verification_result');
  });
});

describe('transitionOrder: recorded authority outcome', () => {
  const recorded = (type: OrderTypeId, status: OrderStatus) =>
    buildOrder({ type, status, authorityMode: 'recorded' as AuthorityMode });

  it('leaves the SMS check to the real MIIT and tells the applicant to expect it', () => {
    const sent = apply(
      recorded('first_filing', 'ready_for_authority'),
      { kind: 'send_to_authority' },
      '2026-05-11T02:00:00Z',
    );
    expect(sent.order.status).toBe('authority_review');
    expect(sent.events[0]?.details.sms).toBe('miit');
    expect(sent.effects).toContainEqual({
      kind: 'notify',
      audience: 'applicant',
      template: 'miit_sms_expected',
    });
    expect(sent.effects).not.toContainEqual(expect.objectContaining({ audience: 'authority' }));
    expect(effectsOf(sent, 'schedule_reminder')[0]?.audience).toBe('provider');
  });

  it('records the numbers the authority issued', () => {
    const approved = apply(
      recorded('first_filing', 'authority_review'),
      {
        kind: 'approve_by_authority',
        recordedNumbers: { entityNumber: '京ICP备2026004321号', serviceNumbers: ['京ICP备2026004321号-1'] },
      },
      '2026-05-20T02:00:00Z',
    );
    expect(approved.order).toMatchObject({ status: 'approved', entityNumber: '京ICP备2026004321号' });
    expect(approved.effects[0]).toEqual({
      kind: 'record_numbers',
      entityNumber: '京ICP备2026004321号',
      serviceNumbers: ['京ICP备2026004321号-1'],
    });
    expect(effectsOf(approved, 'issue_numbers')).toEqual([]);
  });

  it.each<[OrderTypeId, AuthorityMode, OrderCommand, string]>([
    ['first_filing', 'recorded', { kind: 'approve_by_authority' }, 'recorded_numbers_required'],
    [
      'first_filing',
      'recorded',
      {
        kind: 'approve_by_authority',
        recordedNumbers: { entityNumber: '沪ICP备2026004321号', serviceNumbers: ['沪ICP备2026004321号-1'] },
      },
      'recorded_number_wrong_province',
    ],
    [
      'add_service',
      'recorded',
      { kind: 'approve_by_authority', recordedNumbers: { serviceNumbers: ['京ICP备2021000001号-2'] } },
      'recorded_entity_number_mismatch',
    ],
    [
      'change',
      'recorded',
      { kind: 'approve_by_authority', recordedNumbers: { serviceNumbers: [`${ENTITY}-2`] } },
      'recorded_numbers_not_applicable',
    ],
    [
      'first_filing',
      'sandbox',
      {
        kind: 'approve_by_authority',
        recordedNumbers: { entityNumber: '京ICP备2026004321号', serviceNumbers: ['京ICP备2026004321号-1'] },
      },
      'recorded_numbers_not_applicable',
    ],
  ])('%s in %s mode: %j → %s', (type, authorityMode, command, code) => {
    const order = buildOrder({ type, status: 'authority_review', authorityMode });
    const error = reject(order, command, '2026-05-20T02:00:00Z');
    expect(error.code).toBe(code);
    expect(error.message.zh).toMatch(/\p{Script=Han}/u);
  });

  it('approves a change in recorded mode without numbers', () => {
    const approved = apply(
      recorded('change', 'authority_review'),
      { kind: 'approve_by_authority' },
      '2026-05-20T02:00:00Z',
    );
    expect(approved.order.status).toBe('approved');
    expect(approved.effects[0]).toEqual({
      kind: 'update_registry',
      orderType: 'change',
      operation: 'replace',
      target: 'entity',
    });
  });
});

describe('transitionOrder: caller bugs throw', () => {
  it('refuses rules of another province or type, an invalid instant, and a corrupt SMS state', () => {
    const order = buildOrder();
    const context = contextAt(order, '2026-05-11T00:00:00Z');
    expect(() =>
      transitionOrder(
        order,
        { kind: 'submit' },
        { ...context, provinceRules: getProvinceRules(defaultCatalogue, '31') },
      ),
    ).toThrow(RangeError);
    expect(() =>
      transitionOrder(order, { kind: 'submit' }, { ...context, orderTypeRules: getOrderTypeRules('change') }),
    ).toThrow(RangeError);
    expect(() =>
      transitionOrder(order, { kind: 'submit' }, { ...context, now: new Date(Number.NaN) }),
    ).toThrow(RangeError);
    const unknownStatus = { ...order, status: 'archived' } as unknown as OrderSnapshot;
    expect(() => transitionOrder(unknownStatus, { kind: 'submit' }, context)).toThrow(RangeError);
    const corrupt: OrderSnapshot = { ...buildOrder({ status: 'sms_verification' }), sms: undefined };
    delete corrupt.sms;
    expect(() => transitionOrder(corrupt, { kind: 'expire_sms' }, context)).toThrow(RangeError);
  });
});

describe('transitionOrder: properties of random command sequences', () => {
  type Step =
    | { kind: 'plain'; command: OrderCommandKind }
    | { kind: 'reasons'; command: 'return_by_provider' | 'reject_by_authority'; empty: boolean }
    | { kind: 'identity'; passed: boolean }
    | { kind: 'sms'; matches: boolean }
    | { kind: 'approve'; withNumbers: boolean }
    | { kind: 'edit' }
    | { kind: 'next'; pick: number };

  const stepArb: fc.Arbitrary<Step> = fc.oneof(
    // Mostly a command the status accepts, so sequences get far into the workflow.
    { arbitrary: fc.nat().map((pick): Step => ({ kind: 'next', pick })), weight: 6 },
    fc.constantFrom(...ORDER_COMMAND_KINDS).map((command): Step => ({ kind: 'plain', command })),
    fc.record({
      kind: fc.constant('reasons' as const),
      command: fc.constantFrom('return_by_provider' as const, 'reject_by_authority' as const),
      empty: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('identity' as const), passed: fc.boolean() }),
    fc.record({ kind: fc.constant('sms' as const), matches: fc.boolean() }),
    fc.record({ kind: fc.constant('approve' as const), withNumbers: fc.boolean() }),
    fc.constant<Step>({ kind: 'edit' }),
  );

  function toCommand(step: Exclude<Step, { kind: 'edit' }>, order: OrderSnapshot): OrderCommand {
    switch (step.kind) {
      case 'next': {
        // Withdrawal is always on offer; taking it rarely lets sequences reach the authority.
        const allowed = listAllowedCommands(order.status);
        const forward = allowed.filter((k) => k !== 'withdraw');
        const choices = forward.length > 0 && step.pick % 8 !== 0 ? forward : allowed;
        const kind = choices[step.pick % Math.max(1, choices.length)] ?? 'submit';
        return kind === 'approve_by_authority'
          ? toCommand({ kind: 'approve', withNumbers: order.authorityMode === 'recorded' }, order)
          : sampleCommand(kind);
      }
      case 'plain':
        return sampleCommand(step.command);
      case 'reasons':
        return { kind: step.command, reasons: step.empty ? [] : [reason] };
      case 'identity':
        return { kind: 'record_identity_verification', result: step.passed ? 'passed' : 'failed' };
      case 'sms':
        return { kind: 'submit_sms_code', matches: step.matches };
      case 'approve': {
        if (!step.withNumbers) return { kind: 'approve_by_authority' };
        const entity = order.entityNumber ?? '京ICP备2026000001号';
        return {
          kind: 'approve_by_authority',
          recordedNumbers: { entityNumber: entity, serviceNumbers: [`${entity}-9`] },
        };
      }
    }
  }

  it('stays in known statuses, reaches approved only from authority_review, one event per success', () => {
    const reached = new Set<OrderStatus>();
    fc.assert(
      fc.property(
        fc.constantFrom(...ORDER_TYPE_IDS),
        fc.constantFrom<AuthorityMode>('sandbox', 'recorded'),
        fc.array(fc.tuple(stepArb, fc.integer({ min: 0, max: 30 * 3_600_000 })), { maxLength: 40 }),
        (type, authorityMode, steps) => {
          let order = buildOrder({ type, authorityMode });
          let now = new Date('2026-09-28T01:00:00Z').getTime();
          let passedAuthorityReview = false;
          for (const [step, elapsed] of steps) {
            now += elapsed;
            if (step.kind === 'edit') {
              order = { ...order, version: order.version + 1 };
              continue;
            }
            const before = deepFreeze(structuredClone(order));
            const result = transitionOrder(before, toCommand(step, before), contextAt(before, new Date(now)));
            if (!result.ok) {
              expect(result.error.code).toMatch(/^[a-z_]+$/);
              expect(result.error.message.en).not.toBe('');
              expect(result.error.message.zh).not.toBe('');
              continue;
            }
            const next = result.value.order;
            expect(isOrderStatus(next.status)).toBe(true);
            expect(result.value.events).toHaveLength(1);
            expect(result.value.events[0]).toMatchObject({
              from: before.status,
              to: next.status,
              at: new Date(now),
            });
            if (before.status === 'authority_review') passedAuthorityReview = true;
            if (next.status === 'approved') {
              expect(before.status).toBe('authority_review');
              expect(passedAuthorityReview).toBe(true);
            }
            // The SMS challenge exists exactly in sms_verification, and at most one deadline runs.
            expect(next.sms !== undefined).toBe(next.status === 'sms_verification');
            expect(Object.keys(next.deadlines).length).toBeLessThanOrEqual(1);
            reached.add(next.status);
            order = next;
          }
        },
      ),
      // A fixed seed: the coverage check below depends on which sequences are drawn, and 400 random
      // runs now and then missed one status (a flaky suite). Change the seed to explore other ones.
      { numRuns: 400, seed: 20_261_129 },
    );
    // The generator must actually walk the whole workflow for the property to mean anything.
    expect([...reached].sort()).toEqual([...ORDER_STATUSES].filter((s) => s !== 'draft').sort());
  });
});
