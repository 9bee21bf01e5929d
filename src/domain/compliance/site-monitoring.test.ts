import { describe, expect, it } from 'vitest';
import { decideVerdictNotice, planNextCheck, type SiteVerdict } from './site-monitoring.ts';

describe('planNextCheck', () => {
  const at = new Date('2026-12-01T02:00:00Z');
  it.each([
    [24, 'compliant', '2026-12-02T02:00:00.000Z'],
    [24, 'non_compliant', '2026-12-02T02:00:00.000Z'],
    [168, 'warnings', '2026-12-08T02:00:00.000Z'],
    [24, 'unreachable', '2026-12-01T03:00:00.000Z'],
    [1, 'unreachable', '2026-12-01T03:00:00.000Z'],
  ] as const)('every %i h after a %s check → %s', (hours, verdict, next) => {
    expect(planNextCheck(at, hours, verdict).toISOString()).toBe(next);
  });
});

describe('decideVerdictNotice', () => {
  const cases: [SiteVerdict | null, SiteVerdict | null, SiteVerdict, boolean, SiteVerdict | null][] = [
    // previous, notified, now → notify, notified after
    [null, null, 'compliant', false, 'compliant'],
    [null, null, 'non_compliant', true, 'non_compliant'],
    [null, null, 'warnings', true, 'warnings'],
    ['compliant', 'compliant', 'compliant', false, 'compliant'],
    ['compliant', 'compliant', 'non_compliant', true, 'non_compliant'],
    ['non_compliant', 'non_compliant', 'non_compliant', false, 'non_compliant'],
    ['non_compliant', 'non_compliant', 'compliant', true, 'compliant'],
    // One failed fetch is not news; the second in a row is, once.
    [null, null, 'unreachable', false, null],
    ['compliant', 'compliant', 'unreachable', false, 'compliant'],
    ['unreachable', 'compliant', 'unreachable', true, 'unreachable'],
    ['unreachable', 'unreachable', 'unreachable', false, 'unreachable'],
    // Back after an outage nobody was told of: nothing changed for the owner.
    ['unreachable', 'compliant', 'compliant', false, 'compliant'],
    ['unreachable', 'unreachable', 'compliant', true, 'compliant'],
  ];
  it.each(cases)(
    'previous %s, notified %s, now %s → notify %s, notified %s',
    (previous, notified, verdict, notify, after) => {
      expect(decideVerdictNotice({ previousVerdict: previous, notifiedVerdict: notified, verdict })).toEqual({
        notify,
        notifiedVerdict: after,
      });
    },
  );
});
