import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDayNumber, toIsoDate } from '../calendar/china-date.ts';
import {
  assessAnnualReports,
  assessRenewal,
  changesBlockingAnnualReport,
  computeLicenceExpiry,
  describeLicenceReminder,
  dueLicenceReminders,
  type IssuedLicence,
  LICENCE_CHANGE_KINDS,
  LICENCE_CHANGE_NAMES,
  LICENCE_REMINDER_KINDS,
  type LicenceReminder,
  listReportYears,
  planLicenceReminders,
} from './licence-obligations.ts';

const licence: IssuedLicence = {
  issuedOn: '2024-03-15',
  expiresOn: '2029-03-14',
  annualReports: [],
};

const addDays = (date: string, days: number) => toIsoDate(toDayNumber(date) + days);

describe('computeLicenceExpiry', () => {
  it.each([
    ['2024-03-15', '2029-03-14'],
    ['2024-01-01', '2028-12-31'],
    // 29 February has no anniversary in 2029: the term ends with February (Civil Code art. 202), less a day.
    ['2024-02-29', '2029-02-27'],
    // 1 March 2023 → the anniversary 1 March 2028 − 1 day is the leap day.
    ['2023-03-01', '2028-02-29'],
    ['2026-12-31', '2031-12-30'],
  ])('%s → %s', (issuedOn, expiresOn) => {
    expect(computeLicenceExpiry(issuedOn)).toBe(expiresOn);
  });

  it.each(['2024-02-30', '2024/03/15', ''])('throws for %j', (date) => {
    expect(() => computeLicenceExpiry(date)).toThrow(RangeError);
  });
});

describe('assessRenewal', () => {
  const dates = {
    expiresOn: '2029-03-14',
    opensOn: '2028-09-15',
    dueSoonFrom: '2028-11-14',
    renewalDeadline: '2028-12-14',
  };

  it.each([
    ['2024-03-15', 'not_yet'],
    ['2028-09-14', 'not_yet'],
    ['2028-09-15', 'open'],
    ['2028-11-13', 'open'],
    ['2028-11-14', 'due_soon'],
    ['2028-12-14', 'due_soon'],
    ['2028-12-15', 'late'],
    ['2029-03-14', 'late'],
    ['2029-03-15', 'expired'],
    ['2031-01-01', 'expired'],
  ] as const)('on %s: %s', (today, state) => {
    const status = assessRenewal(licence, today);
    expect(status).toEqual({
      state,
      ...dates,
      daysToDeadline: toDayNumber(dates.renewalDeadline) - toDayNumber(today),
    });
  });

  it('expiry is 90 days after the deadline and 180 after the opening', () => {
    const status = assessRenewal(licence, '2026-01-01');
    expect(toDayNumber(status.expiresOn) - toDayNumber(status.renewalDeadline)).toBe(90);
    expect(toDayNumber(status.expiresOn) - toDayNumber(status.opensOn)).toBe(180);
    expect(toDayNumber(status.renewalDeadline) - toDayNumber(status.dueSoonFrom)).toBe(30);
  });

  it.each([
    [{ renewalAppliedOn: '2028-10-01' }, '2028-12-20', 'done', false],
    [{ renewalAppliedOn: '2028-12-14' }, '2028-12-14', 'done', false],
    [{ renewalAppliedOn: '2028-12-20' }, '2029-06-01', 'done', true],
    // A date after today is not an application yet.
    [{ renewalAppliedOn: '2028-12-20' }, '2028-12-19', 'late', undefined],
  ] as const)('%j on %s → %s (late: %s)', (extra, today, state, appliedLate) => {
    const status = assessRenewal({ ...licence, ...extra }, today);
    expect(status.state).toBe(state);
    expect(status.appliedLate).toBe(appliedLate);
  });

  it.each([
    [{ ...licence, expiresOn: '2029-02-30' }, '2026-01-01'],
    [{ ...licence, expiresOn: '2023-01-01' }, '2026-01-01'],
    [{ ...licence, renewalAppliedOn: 'soon' }, '2026-01-01'],
    [{ ...licence, annualReports: [2024.5] }, '2026-01-01'],
    [licence, '2026-1-1'],
  ])('throws for caller bugs: %j on %s', (bad, today) => {
    expect(() => assessRenewal(bad, today)).toThrow(RangeError);
  });
});

describe('annual reports', () => {
  it.each([
    [licence, [2024, 2025, 2026, 2027, 2028]],
    [{ ...licence, issuedOn: '2024-01-01', expiresOn: '2028-12-31' }, [2024, 2025, 2026, 2027]],
    [{ ...licence, issuedOn: '2024-12-31', expiresOn: '2029-12-30' }, [2024, 2025, 2026, 2027, 2028]],
    // A licence expiring in the year it was issued never reaches a window.
    [{ ...licence, issuedOn: '2024-01-01', expiresOn: '2024-12-31' }, []],
  ])('%j reports on %j', (issued, years) => {
    expect(listReportYears(issued)).toEqual(years);
  });

  it.each([
    ['2024-12-31', { 2024: 'upcoming', 2025: 'upcoming' }],
    ['2025-01-01', { 2024: 'open', 2025: 'upcoming' }],
    ['2025-02-28', { 2024: 'open', 2025: 'upcoming' }],
    ['2025-03-01', { 2024: 'due_soon', 2025: 'upcoming' }],
    ['2025-03-31', { 2024: 'due_soon', 2025: 'upcoming' }],
    ['2025-04-01', { 2024: 'late', 2025: 'upcoming' }],
    ['2026-03-05', { 2024: 'late', 2025: 'due_soon' }],
  ])('on %s', (today, expected) => {
    const statuses = assessAnnualReports(licence, today);
    expect(statuses.slice(0, 2).map((s) => [s.forYear, s.state])).toEqual(
      Object.entries(expected).map(([y, s]) => [Number(y), s]),
    );
  });

  it('a reported year is done whatever the day, and the windows are 1 January–31 March of the next year', () => {
    const statuses = assessAnnualReports({ ...licence, annualReports: [2024, 2026] }, '2027-06-01');
    expect(statuses).toEqual([
      { forYear: 2024, state: 'done', opensOn: '2025-01-01', dueSoonFrom: '2025-03-01', dueOn: '2025-03-31' },
      { forYear: 2025, state: 'late', opensOn: '2026-01-01', dueSoonFrom: '2026-03-01', dueOn: '2026-03-31' },
      { forYear: 2026, state: 'done', opensOn: '2027-01-01', dueSoonFrom: '2027-03-01', dueOn: '2027-03-31' },
      {
        forYear: 2027,
        state: 'upcoming',
        opensOn: '2028-01-01',
        dueSoonFrom: '2028-03-01',
        dueOn: '2028-03-31',
      },
      {
        forYear: 2028,
        state: 'upcoming',
        opensOn: '2029-01-01',
        dueSoonFrom: '2029-03-01',
        dueOn: '2029-03-31',
      },
    ]);
  });
});

describe('planLicenceReminders', () => {
  it('plans three reminders per report year and four for the renewal, sorted by day', () => {
    const plan = planLicenceReminders(licence);
    expect(plan).toHaveLength(5 * 3 + 4);
    expect(plan.slice(0, 3)).toEqual([
      {
        key: 'annual_report_open:2024',
        kind: 'annual_report_open',
        fireOn: '2025-01-01',
        dueOn: '2025-03-31',
        forYear: 2024,
      },
      {
        key: 'annual_report_due_soon:2024',
        kind: 'annual_report_due_soon',
        fireOn: '2025-03-01',
        dueOn: '2025-03-31',
        forYear: 2024,
      },
      {
        key: 'annual_report_late:2024',
        kind: 'annual_report_late',
        fireOn: '2025-04-01',
        dueOn: '2025-03-31',
        forYear: 2024,
      },
    ]);
    const renewal = plan.filter((r) => r.forYear === undefined);
    expect(renewal).toEqual([
      { key: 'renewal_open:2029-03-14', kind: 'renewal_open', fireOn: '2028-09-15', dueOn: '2028-12-14' },
      {
        key: 'renewal_due_soon:2029-03-14',
        kind: 'renewal_due_soon',
        fireOn: '2028-11-14',
        dueOn: '2028-12-14',
      },
      { key: 'renewal_late:2029-03-14', kind: 'renewal_late', fireOn: '2028-12-15', dueOn: '2028-12-14' },
      {
        key: 'licence_expired:2029-03-14',
        kind: 'licence_expired',
        fireOn: '2029-03-15',
        dueOn: '2029-03-14',
      },
    ]);
  });

  it('is sorted with unique keys for any issue date', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2090-12-31') }), (day) => {
        const issuedOn = toIsoDate(day);
        const plan = planLicenceReminders({
          issuedOn,
          expiresOn: computeLicenceExpiry(issuedOn),
          annualReports: [],
        });
        const keys = plan.map((r) => r.key);
        expect(new Set(keys).size).toBe(keys.length);
        const days = plan.map((r) => r.fireOn);
        expect(days).toEqual([...days].sort());
        expect(plan.every((r) => r.fireOn > issuedOn)).toBe(true);
      }),
    );
  });
});

describe('dueLicenceReminders', () => {
  it.each([
    [licence, '2024-12-31', [], []],
    [licence, '2025-01-01', [], ['annual_report_open:2024']],
    [licence, '2025-01-01', ['annual_report_open:2024'], []],
    [licence, '2025-02-10', ['annual_report_open:2024'], []],
    [licence, '2025-03-01', ['annual_report_open:2024'], ['annual_report_due_soon:2024']],
    // Recorded late: only the latest stage, not three messages at once.
    [licence, '2025-04-05', [], ['annual_report_late:2024']],
    [{ ...licence, annualReports: [2024] }, '2025-04-05', [], []],
    [
      { ...licence, annualReports: [2024, 2025, 2026, 2027] },
      '2028-12-20',
      ['renewal_open:2029-03-14', 'renewal_due_soon:2029-03-14'],
      ['renewal_late:2029-03-14'],
    ],
    // A renewal applied silences the renewal stages, not the expiry.
    [
      { ...licence, annualReports: [2024, 2025, 2026, 2027], renewalAppliedOn: '2028-10-01' },
      '2029-03-20',
      [],
      ['annual_report_due_soon:2028', 'licence_expired:2029-03-14'],
    ],
  ] as const)('%j on %s, sent %j → %j', (issued, today, sent, keys) => {
    expect(dueLicenceReminders(issued, today, sent).map((r) => r.key)).toEqual(keys);
  });

  it('fires every reminder exactly once, on its day, across daily ticks over six years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber('2020-01-01'), max: toDayNumber('2030-12-31') }),
        // Per report year: filed on day n of the year after (1 January = 0), or never.
        fc.array(fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }), {
          minLength: 5,
          maxLength: 5,
        }),
        fc.option(fc.integer({ min: -200, max: 30 }), { nil: undefined }),
        (issueDay, filingDays, renewalOffset) => {
          const issuedOn = toIsoDate(issueDay);
          const expiresOn = computeLicenceExpiry(issuedOn);
          const years = listReportYears({ issuedOn, expiresOn, annualReports: [] });
          const filedOn = new Map<number, string>();
          years.forEach((year, i) => {
            const n = filingDays[i];
            if (n !== undefined) filedOn.set(year, addDays(`${year + 1}-01-01`, n));
          });
          const renewalAppliedOn =
            renewalOffset === undefined ? undefined : addDays(expiresOn, renewalOffset - 90);
          const at = (today: string): IssuedLicence => ({
            issuedOn,
            expiresOn,
            annualReports: years.filter((y) => (filedOn.get(y) ?? '9999-12-31') <= today),
            ...(renewalAppliedOn === undefined ? {} : { renewalAppliedOn }),
          });
          const sent: string[] = [];
          const firedOn = new Map<string, string>();
          const last = toDayNumber(expiresOn) + 400;
          for (let day = issueDay; day <= last; day += 1) {
            const today = toIsoDate(day);
            const due = dueLicenceReminders(at(today), today, sent);
            for (const reminder of due) {
              expect(firedOn.has(reminder.key)).toBe(false);
              firedOn.set(reminder.key, today);
              sent.push(reminder.key);
            }
          }
          const settledOn = (r: LicenceReminder, day: string): boolean => {
            if (r.kind === 'licence_expired') return false;
            if (r.forYear !== undefined) return (filedOn.get(r.forYear) ?? '9999-12-31') <= day;
            return renewalAppliedOn !== undefined && renewalAppliedOn <= day;
          };
          for (const reminder of planLicenceReminders(at(issuedOn))) {
            if (settledOn(reminder, reminder.fireOn)) {
              expect(firedOn.has(reminder.key)).toBe(false);
            } else {
              expect(firedOn.get(reminder.key)).toBe(reminder.fireOn);
            }
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe('describeLicenceReminder', () => {
  it('describes every kind in both languages with its date', () => {
    const plan = planLicenceReminders(licence);
    expect(new Set(plan.map((r) => r.kind))).toEqual(new Set(LICENCE_REMINDER_KINDS));
    for (const reminder of plan) {
      const text = describeLicenceReminder(reminder);
      expect(text.en).toContain(reminder.dueOn);
      expect(text.zh).toContain(reminder.dueOn);
      if (reminder.forYear !== undefined) {
        expect(text.en).toContain(String(reminder.forYear));
        expect(text.zh).toContain(String(reminder.forYear));
      }
    }
  });

  it('names the expiry when the renewal opens', () => {
    const open = planLicenceReminders(licence).find((r) => r.kind === 'renewal_open');
    if (!open) throw new Error('no renewal_open');
    expect(describeLicenceReminder(open).en).toContain('2029-03-14');
  });
});

describe('changesBlockingAnnualReport', () => {
  const changes = [
    { kind: 'company_name', changedOn: '2025-06-01' },
    { kind: 'shareholders', changedOn: '2026-04-01' },
    { kind: 'address', changedOn: '2025-02-01', recordedOn: '2025-03-01' },
    { kind: 'legal_representative', changedOn: '2026-03-31' },
  ] as const;

  it.each([
    [2024, []],
    [2025, ['company_name', 'legal_representative']],
    [2026, ['company_name', 'shareholders', 'legal_representative']],
  ])('report on %s is blocked by %j', (year, kinds) => {
    const issues = changesBlockingAnnualReport(changes, year);
    expect(issues.map((i) => i.params?.kind)).toEqual(kinds);
    for (const found of issues) {
      expect(found.code).toBe('licence_change_not_recorded');
      expect(found.source).toBe('ref-9-licence');
      expect(found.params?.year).toBe(year);
    }
  });

  it('names every change kind in both languages', () => {
    for (const kind of LICENCE_CHANGE_KINDS) {
      const [found] = changesBlockingAnnualReport([{ kind, changedOn: '2025-01-01' }], 2025);
      expect(found?.message.en).toContain(LICENCE_CHANGE_NAMES[kind].en);
      expect(found?.message.zh).toContain(LICENCE_CHANGE_NAMES[kind].zh);
    }
  });

  it('throws for a malformed date', () => {
    expect(() => changesBlockingAnnualReport([{ kind: 'address', changedOn: 'yesterday' }], 2025)).toThrow(
      RangeError,
    );
  });
});
