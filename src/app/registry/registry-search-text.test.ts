import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPageSize, decodeCursor, encodeCursor, normalizeNameQuery } from './registry-search-text.ts';

describe('registry search input', () => {
  it('normalises a name query and bounds its length', () => {
    expect(normalizeNameQuery('  腾讯　科技 ')).toEqual({ ok: true, value: '腾讯 科技' });
    expect(normalizeNameQuery('ＱＱ')).toEqual({ ok: true, value: 'QQ' });
    expect(normalizeNameQuery('腾')).toMatchObject({ ok: false, error: { code: 'query_too_short' } });
    expect(normalizeNameQuery('𠀀'.repeat(101))).toMatchObject({
      ok: false,
      error: { code: 'query_too_long' },
    });
    expect(normalizeNameQuery('𠀀'.repeat(100)).ok).toBe(true);
  });

  it('round-trips cursors and refuses anything else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 50 }), (id) => {
        expect(decodeCursor(encodeCursor(id))).toEqual({ ok: true, value: id });
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const decoded = decodeCursor(text);
        if (decoded.ok) expect(encodeCursor(decoded.value)).toBe(text);
      }),
    );
    for (const bad of ['', 'djE6MA', 'djE6LTE', 'djI6MQ', '%%%']) {
      expect(decodeCursor(bad)).toMatchObject({ ok: false, error: { code: 'invalid_cursor' } });
    }
  });

  it('accepts page sizes 1–100, default 20', () => {
    expect(checkPageSize(undefined)).toEqual({ ok: true, value: 20 });
    expect(checkPageSize(100)).toEqual({ ok: true, value: 100 });
    for (const bad of [0, 101, 2.5, Number.NaN]) expect(checkPageSize(bad).ok).toBe(false);
  });
});
