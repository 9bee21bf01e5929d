import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDayNumber, toIsoDate } from '../calendar/china-date.ts';
import {
  assessDomainExpiry,
  assessInstanceExpiry,
  assessPsbFiling,
  describeFilingReminder,
  detectShellEntity,
  dueFilingReminders,
  FILING_REMINDER_KINDS,
  FILING_REMINDER_SOURCES,
  type FiledServiceFacts,
  planFilingReminders,
} from './filing-obligations.ts';

const addDays = (date: string, days: number) => toIsoDate(toDayNumber(date) + days);

const service: FiledServiceFacts = {
  psb: { goLiveOn: '2026-03-01' },
  domains: [{ domain: 'example.cn', expiresOn: '2027-01-31' }],
  accessInstances: [{ instanceId: 'i-123', expiresOn: '2026-09-30' }],
};

describe('assessPsbFiling', () => {
  it.each([
    ['2026-02-28', 'not_live', 31],
    ['2026-03-01', 'open', 30],
    ['2026-03-20', 'open', 11],
    ['2026-03-21', 'due_soon', 10],
    ['2026-03-31', 'due_soon', 0],
    ['2026-04-01', 'late', -1],
    ['2027-01-01', 'late', -276],
  ] as const)('on %s: %s, %s days left', (today, state, daysLeft) => {
    expect(assessPsbFiling({ goLiveOn: '2026-03-01' }, today)).toEqual({
      state,
      dueOn: '2026-03-31',
      daysLeft,
    });
  });

  it.each(['京公网安备11010802020134号', ' x '])(
    'a recorded PSB number %j ends the obligation',
    (psbNumber) => {
      expect(assessPsbFiling({ goLiveOn: '2026-03-01', psbNumber }, '2026-05-01').state).toBe('done');
    },
  );

  it('an empty PSB number is no number', () => {
    expect(assessPsbFiling({ goLiveOn: '2026-03-01', psbNumber: '  ' }, '2026-05-01').state).toBe('late');
  });

  it('throws for a malformed date', () => {
    expect(() => assessPsbFiling({ goLiveOn: '2026-02-30' }, '2026-05-01')).toThrow(RangeError);
    expect(() => assessPsbFiling({ goLiveOn: '2026-02-01' }, 'today')).toThrow(RangeError);
  });
});

describe('domain and instance expiry', () => {
  it.each([
    ['2026-12-01', 'valid', 61],
    ['2026-12-02', 'expiring', 60],
    ['2027-01-31', 'expiring', 0],
    ['2027-02-01', 'expired', -1],
  ] as const)('domain on %s: %s', (today, state, daysLeft) => {
    expect(assessDomainExpiry({ domain: 'example.cn', expiresOn: '2027-01-31' }, today)).toEqual({
      state,
      expiresOn: '2027-01-31',
      daysLeft,
    });
  });

  it.each([
    ['2026-08-30', 'valid', 31],
    ['2026-08-31', 'expiring', 30],
    ['2026-09-30', 'expiring', 0],
    ['2026-10-01', 'expired', -1],
  ] as const)('instance on %s: %s', (today, state, daysLeft) => {
    expect(assessInstanceExpiry({ instanceId: 'i-123', expiresOn: '2026-09-30' }, today)).toEqual({
      state,
      expiresOn: '2026-09-30',
      daysLeft,
    });
  });
});

describe('detectShellEntity', () => {
  const active = (hasActiveAccess: boolean) => ({ status: 'active' as const, hasActiveAccess });
  const cancelled = { status: 'cancelled' as const, hasActiveAccess: false };

  it.each([
    [[], true, 'no_active_service', []],
    [[cancelled, cancelled], true, 'no_active_service', []],
    [[cancelled, active(false)], true, 'no_service_with_access', [1]],
    [[active(false), active(false)], true, 'no_service_with_access', [0, 1]],
    [[active(true)], false, undefined, []],
    [[active(false), cancelled, active(true)], false, undefined, [0]],
  ])('%j → shell %s (%s), without access %j', (services, isShell, reason, withoutAccess) => {
    const finding = detectShellEntity({ services });
    expect(finding.isShell).toBe(isShell);
    expect(finding.servicesWithoutAccess).toEqual(withoutAccess);
    if (finding.isShell) {
      expect(finding.reason).toBe(reason);
      expect(finding.source).toBe('ref-7-shell');
      expect(finding.message.en).toContain('shell');
      expect(finding.message.zh).toContain('空壳主体');
    }
  });
});

describe('planFilingReminders', () => {
  it('plans PSB, domain and instance reminders sorted by day', () => {
    expect(planFilingReminders(service).map((r) => [r.key, r.fireOn])).toEqual([
      ['psb_filing_open:2026-03-01', '2026-03-01'],
      ['psb_filing_due_soon:2026-03-01', '2026-03-21'],
      ['psb_filing_due_today:2026-03-01', '2026-03-31'],
      ['psb_filing_late:2026-03-01', '2026-04-01'],
      ['instance_expiring_30:i-123:2026-09-30', '2026-08-31'],
      ['instance_expiring_7:i-123:2026-09-30', '2026-09-23'],
      ['instance_expired:i-123:2026-09-30', '2026-10-01'],
      ['domain_expiring_60:example.cn:2027-01-31', '2026-12-02'],
      ['domain_expiring_30:example.cn:2027-01-31', '2027-01-01'],
      ['domain_expiring_7:example.cn:2027-01-31', '2027-01-24'],
      ['domain_expired:example.cn:2027-01-31', '2027-02-01'],
    ]);
  });

  it('leaves out the PSB filing of a service not live yet', () => {
    expect(planFilingReminders({ domains: [], accessInstances: [] })).toEqual([]);
  });

  it('is sorted with unique keys for any facts', () => {
    const date = fc
      .integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2035-12-31') })
      .map(toIsoDate);
    fc.assert(
      fc.property(
        fc.option(date, { nil: undefined }),
        fc.array(fc.record({ domain: fc.constantFrom('a.cn', 'b.com', 'c.net'), expiresOn: date }), {
          maxLength: 4,
        }),
        fc.array(fc.record({ instanceId: fc.constantFrom('i-1', 'i-2'), expiresOn: date }), { maxLength: 3 }),
        (goLiveOn, domains, accessInstances) => {
          const plan = planFilingReminders({
            ...(goLiveOn === undefined ? {} : { psb: { goLiveOn } }),
            domains,
            accessInstances,
          });
          const keys = plan.map((r) => r.key);
          expect(new Set(keys).size).toBe(keys.length);
          const days = plan.map((r) => r.fireOn);
          expect(days).toEqual([...days].sort());
        },
      ),
    );
  });
});

describe('dueFilingReminders', () => {
  it.each([
    [service, '2026-02-28', [], []],
    [service, '2026-03-01', [], ['psb_filing_open:2026-03-01']],
    [service, '2026-03-05', ['psb_filing_open:2026-03-01'], []],
    // Recorded late: only the latest stage of each obligation.
    [service, '2026-04-10', [], ['psb_filing_late:2026-03-01']],
    [
      { ...service, psb: { goLiveOn: '2026-03-01', psbNumber: '京公网安备11010802020134号' } },
      '2026-04-10',
      [],
      [],
    ],
    [service, '2026-09-25', ['psb_filing_late:2026-03-01'], ['instance_expiring_7:i-123:2026-09-30']],
    [
      service,
      '2027-01-10',
      [
        'psb_filing_late:2026-03-01',
        'instance_expired:i-123:2026-09-30',
        'domain_expiring_60:example.cn:2027-01-31',
      ],
      ['domain_expiring_30:example.cn:2027-01-31'],
    ],
    // A renewed instance (new expiry) starts its own reminders.
    [
      { ...service, accessInstances: [{ instanceId: 'i-123', expiresOn: '2027-09-30' }] },
      '2026-10-05',
      ['psb_filing_late:2026-03-01', 'instance_expired:i-123:2026-09-30'],
      [],
    ],
  ] as const)('%j on %s, sent %j → %j', (facts, today, sent, keys) => {
    expect(dueFilingReminders(facts, today, sent).map((r) => r.key)).toEqual(keys);
  });

  it('fires every reminder exactly once, on its day, across daily ticks', () => {
    const date = fc
      .integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2027-12-31') })
      .map(toIsoDate);
    fc.assert(
      fc.property(
        date,
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        fc.array(fc.record({ domain: fc.constantFrom('a.cn', 'b.com'), expiresOn: date }), { maxLength: 2 }),
        fc.array(fc.record({ instanceId: fc.constantFrom('i-1', 'i-2'), expiresOn: date }), { maxLength: 2 }),
        (goLiveOn, psbAfter, domains, accessInstances) => {
          const psbOn = psbAfter === undefined ? undefined : addDays(goLiveOn, psbAfter);
          const at = (today: string): FiledServiceFacts => ({
            psb:
              psbOn !== undefined && psbOn <= today
                ? { goLiveOn, psbNumber: '京公网安备11010802020134号' }
                : { goLiveOn },
            domains,
            accessInstances,
          });
          const sent: string[] = [];
          const firedOn = new Map<string, string>();
          for (let day = toDayNumber('2023-10-01'); day <= toDayNumber('2028-03-01'); day += 1) {
            const today = toIsoDate(day);
            for (const reminder of dueFilingReminders(at(today), today, sent)) {
              expect(firedOn.has(reminder.key)).toBe(false);
              firedOn.set(reminder.key, today);
              sent.push(reminder.key);
            }
          }
          for (const reminder of planFilingReminders(at('2023-10-01'))) {
            const settled =
              reminder.kind.startsWith('psb_') && psbOn !== undefined && psbOn <= reminder.fireOn;
            expect(firedOn.get(reminder.key)).toBe(settled ? undefined : reminder.fireOn);
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('describeFilingReminder', () => {
  it('describes every kind in both languages with its date and subject', () => {
    const plan = planFilingReminders(service);
    expect(new Set(plan.map((r) => r.kind))).toEqual(new Set(FILING_REMINDER_KINDS));
    for (const reminder of plan) {
      const text = describeFilingReminder(reminder);
      for (const message of [text.en, text.zh]) {
        expect(message).toContain(reminder.dueOn);
        if (reminder.subject !== undefined) expect(message).toContain(reminder.subject);
        if (reminder.daysBefore !== undefined) expect(message).toContain(String(reminder.daysBefore));
      }
      expect(FILING_REMINDER_SOURCES[reminder.kind].length).toBeGreaterThan(0);
    }
  });
});
