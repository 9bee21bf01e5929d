import { describe, expect, it } from 'vitest';
import {
  canEditLicenceApplication,
  isLicenceApplicationStatus,
  isTerminalLicenceStatus,
  isWithAuthority,
  LICENCE_APPLICATION_STATUS_LABELS,
  LICENCE_APPLICATION_STATUSES,
} from './licence-status.ts';

describe('licence application statuses', () => {
  it.each([
    // status, terminal, editable, with the authority
    ['draft', false, true, false],
    ['submitted', false, false, true],
    ['acceptance_check', false, false, true],
    ['materials_requested', false, true, false],
    ['under_review', false, false, true],
    ['approved', true, false, false],
    ['rejected', true, false, false],
    ['withdrawn', true, false, false],
  ] as const)(
    '%s: terminal %s, editable %s, with the authority %s',
    (status, terminal, editable, withAuthority) => {
      expect(isTerminalLicenceStatus(status)).toBe(terminal);
      expect(canEditLicenceApplication(status)).toBe(editable);
      expect(isWithAuthority(status)).toBe(withAuthority);
      expect(LICENCE_APPLICATION_STATUS_LABELS[status].en).not.toBe('');
      expect(LICENCE_APPLICATION_STATUS_LABELS[status].zh).not.toBe('');
    },
  );

  it('lists eight statuses', () => {
    expect(LICENCE_APPLICATION_STATUSES).toHaveLength(8);
  });

  it.each([
    ['draft', true],
    ['under_review', true],
    ['approved_by_authority', false],
    ['', false],
    [null, false],
  ])('isLicenceApplicationStatus(%j) → %s', (value, expected) => {
    expect(isLicenceApplicationStatus(value)).toBe(expected);
  });
});
