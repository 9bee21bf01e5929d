import { describe, expect, it } from 'vitest';
import { findParty, readEventReasons } from './events.ts';

describe('findParty', () => {
  it.each([
    ['created', 'sandbox', 'applicant'],
    ['resubmitted', 'sandbox', 'applicant'],
    ['withdrawn', 'recorded', 'applicant'],
    ['acceptance_check_started', 'sandbox', 'authority'],
    ['approved', 'sandbox', 'authority'],
    ['approved', 'recorded', 'recorded'],
    ['annual_report_recorded', 'sandbox', 'holder'],
    ['change_filed', 'sandbox', 'holder'],
    ['licence_reminder_sent', 'sandbox', 'system'],
  ] as const)('%s (%s) is by the %s', (type, mode, party) => {
    expect(findParty({ type }, mode)).toBe(party);
  });
});

describe('readEventReasons', () => {
  it('reads well-formed reasons and skips the rest', () => {
    const reason = { fieldPath: 'materials.business_plan', reasonCode: 'x', text: { en: 'Missing.' } };
    expect(readEventReasons({ details: { reasons: [reason, { text: 'bare' }, null] } })).toEqual([reason]);
    expect(readEventReasons({ details: { version: 2 } })).toEqual([]);
  });
});
