import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar } from '../calendar/working-day-calendar.ts';
import type { Issue } from '../shared/issue.ts';
import {
  createDraftLicenceApplication,
  type LicenceApplicationSnapshot,
  type LicenceEffect,
  type LicenceTransitionOutcome,
} from './licence-application.ts';
import { LICENCE_COMMAND_KINDS, type LicenceCommand, type LicenceCommandKind } from './licence-command.ts';
import { LICENCE_APPLICATION_STATUSES, type LicenceApplicationStatus } from './licence-status.ts';
import {
  DEFAULT_LICENCE_REVIEW_RULES,
  type LicenceTransitionContext,
  listAllowedLicenceCommands,
  transitionLicenceApplication,
} from './licence-transition.ts';

const calendar = createWorkingDayCalendar();

function contextAt(now: string, extra: Partial<LicenceTransitionContext> = {}): LicenceTransitionContext {
  return { now: new Date(now), calendar, ...extra };
}

function buildApplication(overrides: Partial<LicenceApplicationSnapshot> = {}): LicenceApplicationSnapshot {
  return {
    ...createDraftLicenceApplication({
      id: 'app-1',
      kind: 'icp',
      scope: 'provincial',
      provinceCode: '11',
      authorityMode: 'sandbox',
    }),
    ...overrides,
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function apply(
  application: LicenceApplicationSnapshot,
  command: LicenceCommand,
  now: string,
  extra: Partial<LicenceTransitionContext> = {},
): LicenceTransitionOutcome {
  const result = transitionLicenceApplication(
    deepFreeze(structuredClone(application)),
    command,
    contextAt(now, extra),
  );
  if (!result.ok) throw new Error(`${command.kind} from ${application.status}: ${result.error.code}`);
  return result.value;
}

function reject(application: LicenceApplicationSnapshot, command: LicenceCommand, now: string): Issue {
  const result = transitionLicenceApplication(application, command, contextAt(now));
  if (result.ok) throw new Error(`${command.kind} from ${application.status} unexpectedly succeeded`);
  return result.error;
}

function effectsOf<K extends LicenceEffect['kind']>(outcome: LicenceTransitionOutcome, kind: K) {
  return outcome.effects.filter((e): e is Extract<LicenceEffect, { kind: K }> => e.kind === kind);
}

const reason = {
  fieldPath: 'materials.idc_contract',
  reasonCode: 'idc_contract_expired',
  text: { zh: '托管合同已过期' },
};

const approveCommand: LicenceCommand = {
  kind: 'approve',
  numbers: { telecomLicenceNumber: '京B2-20260001', icpLicenceNumber: '京ICP证260001号' },
  issuedOn: '2026-11-20',
};

function sampleCommand(kind: LicenceCommandKind): LicenceCommand {
  switch (kind) {
    case 'request_materials':
    case 'reject':
      return { kind, reasons: [reason] };
    case 'approve':
      return approveCommand;
    default:
      return { kind } as LicenceCommand;
  }
}

/** An application as it stands in each status, with the data the workflow guarantees there. */
function inStatus(status: LicenceApplicationStatus): LicenceApplicationSnapshot {
  const acceptedAt = new Date('2026-10-12T02:00:00Z');
  switch (status) {
    case 'under_review':
      return buildApplication({
        status,
        acceptedAt,
        deadlines: { reviewDue: new Date('2026-12-11T15:59:59.999Z') },
      });
    case 'approved':
      return buildApplication({
        status,
        acceptedAt,
        licence: {
          numbers: { telecomLicenceNumber: '京B2-20260001' },
          issuedOn: '2026-11-20',
          expiresOn: '2031-11-19',
        },
      });
    default:
      return buildApplication({ status });
  }
}

describe('transitionLicenceApplication: the table of allowed commands', () => {
  // Written out by hand from the brief and licence-status.ts, independent of the implementation's table.
  const expected: Record<LicenceApplicationStatus, LicenceCommandKind[]> = {
    draft: ['submit', 'withdraw'],
    submitted: ['start_acceptance_check', 'withdraw'],
    acceptance_check: ['request_materials', 'accept', 'reject', 'withdraw'],
    materials_requested: ['submit', 'withdraw'],
    under_review: ['approve', 'reject', 'withdraw'],
    approved: [],
    rejected: [],
    withdrawn: [],
  };

  const cases = LICENCE_APPLICATION_STATUSES.flatMap((status) =>
    LICENCE_COMMAND_KINDS.map((kind) => [status, kind, expected[status].includes(kind)] as const),
  );

  it('covers all 8 × 7 pairs', () => {
    expect(cases).toHaveLength(56);
  });

  it.each(cases)('%s + %s → allowed: %s', (status, kind, allowed) => {
    const result = transitionLicenceApplication(
      inStatus(status),
      sampleCommand(kind),
      contextAt('2026-11-20T04:00:00Z'),
    );
    expect(result.ok).toBe(allowed);
    expect(listAllowedLicenceCommands(status).includes(kind)).toBe(allowed);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid_transition');
      expect(result.error.params).toEqual({ from: status, command: kind });
      expect(result.error.message.en).not.toBe('');
      expect(result.error.message.zh).not.toBe('');
    }
  });
});

describe('transitionLicenceApplication: deadlines', () => {
  it.each([
    // Monday morning: five working days → the following Monday.
    ['2026-05-11T02:00:00Z', '2026-05-18T15:59:59.999Z'],
    // Across Mid-autumn and National Day 2026: 9-29, 9-30, 10-8, 10-9, 10-10 (make-up Saturday).
    ['2026-09-28T02:00:00Z', '2026-10-10T15:59:59.999Z'],
    // 18:00 in Beijing on 9-30 is still 9-30 in China: 10-8 … 10-13.
    ['2026-09-30T10:00:00Z', '2026-10-13T15:59:59.999Z'],
    // 00:30 in Beijing on 2026-05-12 is the next China day already.
    ['2026-05-11T16:30:00Z', '2026-05-19T15:59:59.999Z'],
  ])('submitted at %s → acceptanceDue %s', (now, due) => {
    const outcome = apply(buildApplication(), { kind: 'submit' }, now);
    expect(outcome.application.deadlines).toEqual({ acceptanceDue: new Date(due) });
    expect(outcome.application.submittedAt).toEqual(new Date(now));
    expect(outcome.events[0]?.details.acceptanceDue).toBe(due);
  });

  it('uses the calendar’s working-day arithmetic, as the filing workflow does', () => {
    const now = new Date('2026-09-28T02:00:00Z');
    const outcome = apply(buildApplication(), { kind: 'submit' }, now.toISOString());
    expect(outcome.application.deadlines.acceptanceDue).toEqual(calendar.deadlineInWorkingDays(now, 5));
  });

  it('keeps the acceptance deadline through the acceptance check', () => {
    const submitted = apply(buildApplication(), { kind: 'submit' }, '2026-05-11T02:00:00Z').application;
    const checking = apply(submitted, { kind: 'start_acceptance_check' }, '2026-05-12T02:00:00Z').application;
    expect(checking.deadlines).toEqual(submitted.deadlines);
  });

  it.each([
    // 60 calendar days after the China day of acceptance, holidays included.
    ['2026-10-12T02:00:00Z', '2026-12-11T15:59:59.999Z'],
    ['2026-12-31T17:00:00Z', '2027-03-02T15:59:59.999Z'],
    ['2027-01-01T03:00:00Z', '2027-03-02T15:59:59.999Z'],
  ])('accepted at %s → reviewDue %s', (now, due) => {
    const outcome = apply(inStatus('acceptance_check'), { kind: 'accept' }, now);
    expect(outcome.application.status).toBe('under_review');
    expect(outcome.application.deadlines).toEqual({ reviewDue: new Date(due) });
    expect(outcome.application.acceptedAt).toEqual(new Date(now));
  });

  it('takes other review rules from the context', () => {
    const rules = { acceptanceWorkingDays: 15, reviewCalendarDays: 45 };
    const submitted = apply(buildApplication(), { kind: 'submit' }, '2026-05-11T02:00:00Z', { rules });
    expect(submitted.application.deadlines.acceptanceDue).toEqual(
      calendar.deadlineInWorkingDays(new Date('2026-05-11T02:00:00Z'), 15),
    );
    const accepted = apply(inStatus('acceptance_check'), { kind: 'accept' }, '2026-10-12T02:00:00Z', {
      rules,
    });
    expect(accepted.application.deadlines.reviewDue).toEqual(new Date('2026-11-26T15:59:59.999Z'));
    expect(DEFAULT_LICENCE_REVIEW_RULES).toEqual({ acceptanceWorkingDays: 5, reviewCalendarDays: 60 });
  });

  it.each([
    ['request_materials', 'materials_requested'],
    ['reject', 'rejected'],
    ['withdraw', 'withdrawn'],
  ] as const)('%s clears the deadlines', (kind, to) => {
    const checking = buildApplication({
      status: 'acceptance_check',
      deadlines: { acceptanceDue: new Date('2026-05-18T15:59:59.999Z') },
    });
    const outcome = apply(checking, sampleCommand(kind), '2026-05-13T02:00:00Z');
    expect(outcome.application.status).toBe(to);
    expect(outcome.application.deadlines).toEqual({});
  });

  it('schedules the due-day reminders for the decider: the sandbox authority, or the applicant in recorded mode', () => {
    const sandbox = apply(buildApplication(), { kind: 'submit' }, '2026-05-11T02:00:00Z');
    expect(effectsOf(sandbox, 'schedule_reminder')).toEqual([
      {
        kind: 'schedule_reminder',
        audience: 'authority',
        template: 'licence_acceptance_due',
        deadline: 'acceptanceDue',
        dueAt: new Date('2026-05-18T15:59:59.999Z'),
        at: new Date('2026-05-17T16:00:00.000Z'),
      },
    ]);
    const sandboxReview = apply(inStatus('acceptance_check'), { kind: 'accept' }, '2026-10-12T02:00:00Z');
    expect(effectsOf(sandboxReview, 'schedule_reminder')[0]?.audience).toBe('authority');
    const recordedApp = buildApplication({ status: 'acceptance_check', authorityMode: 'recorded' });
    const recordedOutcome = apply(recordedApp, { kind: 'accept' }, '2026-10-12T02:00:00Z');
    expect(effectsOf(recordedOutcome, 'schedule_reminder')).toEqual([
      {
        kind: 'schedule_reminder',
        audience: 'applicant',
        template: 'licence_review_due',
        deadline: 'reviewDue',
        dueAt: new Date('2026-12-11T15:59:59.999Z'),
        at: new Date('2026-12-10T16:00:00.000Z'),
      },
    ]);
  });
});

describe('transitionLicenceApplication: the happy path and the materials loop', () => {
  it('runs draft → approved with one event per step and the licence recorded', () => {
    let app = buildApplication();
    const steps: [LicenceCommand, string, LicenceApplicationStatus, string][] = [
      [{ kind: 'submit' }, '2026-09-28T02:00:00Z', 'submitted', 'submitted'],
      [
        { kind: 'start_acceptance_check' },
        '2026-09-29T02:00:00Z',
        'acceptance_check',
        'acceptance_check_started',
      ],
      [
        { kind: 'request_materials', reasons: [reason] },
        '2026-09-30T02:00:00Z',
        'materials_requested',
        'materials_requested',
      ],
      [{ kind: 'submit' }, '2026-10-09T02:00:00Z', 'submitted', 'resubmitted'],
      [
        { kind: 'start_acceptance_check' },
        '2026-10-10T02:00:00Z',
        'acceptance_check',
        'acceptance_check_started',
      ],
      [{ kind: 'accept' }, '2026-10-12T02:00:00Z', 'under_review', 'accepted'],
      [approveCommand, '2026-11-20T04:00:00Z', 'approved', 'approved'],
    ];
    for (const [command, now, status, event] of steps) {
      const outcome = apply(app, command, now);
      expect(outcome.events).toHaveLength(1);
      expect(outcome.events[0]).toMatchObject({
        type: event,
        from: app.status,
        to: status,
        at: new Date(now),
      });
      app = outcome.application;
    }
    expect(app.status).toBe('approved');
    expect(app.deadlines).toEqual({});
    expect(app.reasons).toEqual([]);
    expect(app.licence).toEqual({
      numbers: { telecomLicenceNumber: '京B2-20260001', icpLicenceNumber: '京ICP证260001号' },
      issuedOn: '2026-11-20',
      expiresOn: '2031-11-19',
    });
  });

  it('keeps the reasons of a materials request until the next submission', () => {
    const checking = inStatus('acceptance_check');
    const returned = apply(
      checking,
      { kind: 'request_materials', reasons: [reason] },
      '2026-05-13T02:00:00Z',
    );
    expect(returned.application.reasons).toEqual([reason]);
    expect(returned.events[0]?.details.reasons).toEqual([
      {
        reasonCode: 'idc_contract_expired',
        text: { zh: '托管合同已过期' },
        fieldPath: 'materials.idc_contract',
      },
    ]);
    expect(effectsOf(returned, 'notify')).toEqual([
      { kind: 'notify', audience: 'applicant', template: 'licence_materials_requested' },
    ]);
    const again = apply({ ...returned.application, version: 2 }, { kind: 'submit' }, '2026-05-15T02:00:00Z');
    expect(again.application.reasons).toEqual([]);
    expect(again.application.submittedVersion).toBe(2);
    expect(again.events[0]?.type).toBe('resubmitted');
    expect(effectsOf(again, 'notify').map((e) => e.template)).toEqual([
      'licence_application_resubmitted',
      'licence_application_resubmitted',
    ]);
  });

  it('records the rejection stage', () => {
    const atCheck = apply(
      inStatus('acceptance_check'),
      { kind: 'reject', reasons: [reason] },
      '2026-05-13T02:00:00Z',
    );
    expect(atCheck.events[0]?.details.stage).toBe('acceptance');
    const atReview = apply(
      inStatus('under_review'),
      { kind: 'reject', reasons: [reason] },
      '2026-11-13T02:00:00Z',
    );
    expect(atReview.events[0]?.details.stage).toBe('review');
    expect(effectsOf(atReview, 'notify')).toEqual([
      { kind: 'notify', audience: 'applicant', template: 'licence_rejected' },
    ]);
  });

  it('tells the sandbox authority of a withdrawal it has seen, and nobody of a withdrawn draft', () => {
    expect(apply(buildApplication(), { kind: 'withdraw' }, '2026-05-13T02:00:00Z').effects).toEqual([]);
    expect(apply(inStatus('under_review'), { kind: 'withdraw' }, '2026-05-13T02:00:00Z').effects).toEqual([
      { kind: 'notify', audience: 'authority', template: 'licence_application_withdrawn' },
    ]);
    const recorded = buildApplication({ status: 'submitted', authorityMode: 'recorded' });
    expect(apply(recorded, { kind: 'withdraw' }, '2026-05-13T02:00:00Z').effects).toEqual([]);
  });

  it('does not touch its input', () => {
    const app = deepFreeze(buildApplication());
    const copy = structuredClone(app);
    transitionLicenceApplication(app, { kind: 'submit' }, contextAt('2026-05-11T02:00:00Z'));
    expect(app).toEqual(copy);
  });
});

describe('transitionLicenceApplication: approval', () => {
  const review = inStatus('under_review');
  const now = '2026-11-20T04:00:00Z';

  it('emits record_licence with canonical numbers and the computed expiry', () => {
    const outcome = apply(
      review,
      {
        kind: 'approve',
        numbers: { telecomLicenceNumber: ' 京b2－20260001 号' },
        issuedOn: '2026-11-20',
      },
      now,
    );
    expect(effectsOf(outcome, 'record_licence')).toEqual([
      {
        kind: 'record_licence',
        licenceKind: 'icp',
        scope: 'provincial',
        provinceCode: '11',
        numbers: { telecomLicenceNumber: '京B2-20260001' },
        issuedOn: '2026-11-20',
        expiresOn: '2031-11-19',
      },
    ]);
    expect(outcome.events[0]?.details).toEqual({
      telecomLicenceNumber: '京B2-20260001',
      issuedOn: '2026-11-20',
      expiresOn: '2031-11-19',
    });
  });

  it('takes the printed expiry date when given', () => {
    const outcome = apply(review, { ...approveCommand, expiresOn: '2031-11-20' } as LicenceCommand, now);
    expect(outcome.application.licence?.expiresOn).toBe('2031-11-20');
  });

  it('accepts a cross-regional EDI licence with a B2 number without province', () => {
    const edi = buildApplication({ ...review, kind: 'edi', scope: 'cross_regional' });
    const outcome = apply(
      edi,
      { kind: 'approve', numbers: { telecomLicenceNumber: 'B2-20264321' }, issuedOn: '2026-11-19' },
      now,
    );
    expect(outcome.application.licence?.numbers).toEqual({ telecomLicenceNumber: 'B2-20264321' });
  });

  it.each([
    [{ ...approveCommand, issuedOn: '2026-11-31' }, 'invalid_date'],
    [{ ...approveCommand, issuedOn: '20261120' }, 'invalid_date'],
    [{ ...approveCommand, issuedOn: '2026-11-21' }, 'issue_date_in_future'],
    [{ ...approveCommand, issuedOn: '2026-10-11' }, 'issue_date_before_acceptance'],
    [{ ...approveCommand, expiresOn: '2026-11-20' }, 'expiry_before_issue'],
    [{ ...approveCommand, expiresOn: '2031-02-30' }, 'invalid_date'],
    [{ ...approveCommand, numbers: { telecomLicenceNumber: '沪B2-20260001' } }, 'licence_number_mismatch'],
    [{ ...approveCommand, numbers: { telecomLicenceNumber: 'B2-20260001' } }, 'licence_number_mismatch'],
    [{ ...approveCommand, numbers: { telecomLicenceNumber: '京B2-2026001' } }, 'bad_digits'],
    [{ ...approveCommand, numbers: {} }, 'licence_number_required'],
  ])('%j → %s', (command, code) => {
    const error = reject(review, command as LicenceCommand, now);
    expect(error.code).toBe(code);
    expect(error.message.en).not.toBe('');
    expect(error.message.zh).not.toBe('');
  });

  it('refuses an ICP证 number on an EDI licence', () => {
    const edi = buildApplication({ ...review, kind: 'edi' });
    expect(reject(edi, approveCommand, now).code).toBe('icp_licence_number_not_applicable');
  });
});

describe('transitionLicenceApplication: bad input', () => {
  it.each([
    [{ kind: 'request_materials', reasons: [] }, 'return_reasons_required'],
    [{ kind: 'reject', reasons: [{ reasonCode: 'Bad Code', text: { en: 'x' } }] }, 'invalid_return_reason'],
  ])('%j → %s', (command, code) => {
    expect(reject(inStatus('acceptance_check'), command as LicenceCommand, '2026-05-13T02:00:00Z').code).toBe(
      code,
    );
  });

  it.each([{ kind: 'explode' }, { kind: 42 }, {}, null])('unknown command %j', (command) => {
    expect(
      reject(buildApplication(), command as unknown as LicenceCommand, '2026-05-13T02:00:00Z').code,
    ).toBe('unknown_command');
  });

  it('throws for caller bugs: an unknown status or an invalid now', () => {
    const broken = buildApplication({ status: 'lost' as LicenceApplicationStatus });
    expect(() =>
      transitionLicenceApplication(broken, { kind: 'submit' }, contextAt('2026-05-13T02:00:00Z')),
    ).toThrow(RangeError);
    expect(() =>
      transitionLicenceApplication(buildApplication(), { kind: 'submit' }, contextAt('nope')),
    ).toThrow(RangeError);
  });
});

describe('transitionLicenceApplication: properties', () => {
  const commandArb = fc.constantFrom(...LICENCE_COMMAND_KINDS).map(sampleCommand);

  it('any command sequence keeps the snapshot consistent and never throws', () => {
    fc.assert(
      fc.property(fc.array(commandArb, { maxLength: 25 }), (commands) => {
        let app = buildApplication();
        let day = 0;
        for (const command of commands) {
          day += 1;
          // Approvals in the sequence must be dated on or after the day they run; issue on that day.
          const now = new Date(Date.UTC(2026, 0, 5 + day, 4));
          const today = now.toISOString().slice(0, 10);
          const actual = command.kind === 'approve' ? { ...command, issuedOn: today } : command;
          const result = transitionLicenceApplication(app, actual, { now, calendar });
          if (!result.ok) {
            expect(result.error.code).toBe('invalid_transition');
            continue;
          }
          const { application, events } = result.value;
          expect(events).toHaveLength(1);
          expect(events[0]?.from).toBe(app.status);
          expect(events[0]?.to).toBe(application.status);
          expect(application.licence !== undefined).toBe(application.status === 'approved');
          expect(application.deadlines.acceptanceDue !== undefined).toBe(
            application.status === 'submitted' || application.status === 'acceptance_check',
          );
          expect(application.deadlines.reviewDue !== undefined).toBe(application.status === 'under_review');
          app = application;
        }
      }),
      { numRuns: 200 },
    );
  });
});
