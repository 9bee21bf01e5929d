import { describe, expect, it } from 'vitest';
import {
  canEdit,
  isInProgress,
  isOrderStatus,
  isTerminalStatus,
  ORDER_STATUS_LABELS,
  ORDER_STATUSES,
  type OrderStatus,
} from './order-status.ts';

describe('order statuses', () => {
  it.each<[OrderStatus, boolean, boolean, boolean]>([
    // status, terminal, in progress, editable
    ['draft', false, true, true],
    ['submitted', false, true, false],
    ['provider_review', false, true, false],
    ['returned_by_provider', false, true, true],
    ['identity_verification', false, true, false],
    ['ready_for_authority', false, true, false],
    ['sms_verification', false, true, false],
    ['authority_review', false, true, false],
    ['approved', true, false, false],
    ['rejected_by_authority', false, true, true],
    ['withdrawn', true, false, false],
  ])('%s: terminal %s, in progress %s, editable %s', (status, terminal, inProgress, editable) => {
    expect(isTerminalStatus(status)).toBe(terminal);
    expect(isInProgress(status)).toBe(inProgress);
    expect(canEdit(status)).toBe(editable);
  });

  it('lists every status once, each with labels in both languages', () => {
    expect(new Set(ORDER_STATUSES).size).toBe(11);
    for (const status of ORDER_STATUSES) {
      expect(ORDER_STATUS_LABELS[status].en).not.toBe('');
      expect(ORDER_STATUS_LABELS[status].zh).toMatch(/\p{Script=Han}/u);
    }
    expect(Object.keys(ORDER_STATUS_LABELS).sort()).toEqual([...ORDER_STATUSES].sort());
  });

  it('recognises statuses from untyped input', () => {
    expect(isOrderStatus('authority_review')).toBe(true);
    expect(isOrderStatus('Approved')).toBe(false);
    expect(isOrderStatus(undefined)).toBe(false);
    expect(isOrderStatus(3)).toBe(false);
  });
});
