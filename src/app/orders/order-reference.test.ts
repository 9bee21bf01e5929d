import { describe, expect, it } from 'vitest';
import { formatOrderReference, parseOrderReference } from './order-reference.ts';

describe('order references', () => {
  it('use the China year of creation and the zero-padded id', () => {
    expect(formatOrderReference(123, new Date('2026-03-02T02:00:00Z'))).toBe('OB-2026-000123');
    // 31 Dec 16:30 UTC is already 1 Jan in Beijing.
    expect(formatOrderReference(7, new Date('2026-12-31T16:30:00Z'))).toBe('OB-2027-000007');
    expect(formatOrderReference(1_234_567, new Date('2026-03-02T02:00:00Z'))).toBe('OB-2026-1234567');
  });

  it('parse back to the id, and refuse anything else', () => {
    expect(parseOrderReference('OB-2026-000123')).toEqual({ id: 123, year: 2026 });
    expect(parseOrderReference(' ob-2026-1234567 ')).toEqual({ id: 1_234_567, year: 2026 });
    for (const text of ['OB-2026-123', 'OB-26-000123', 'OB-2026-000000', '123', '']) {
      expect(parseOrderReference(text), text).toBeUndefined();
    }
  });
});
