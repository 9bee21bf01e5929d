import { describe, expect, it } from 'vitest';
import { validateStatsSearch } from './stats-search.ts';

describe('validateStatsSearch', () => {
  it.each([
    [{}, {}],
    [
      { from: '2026-01-01', to: '2026-03-31' },
      { from: '2026-01-01', to: '2026-03-31' },
    ],
    [{ from: '2026-1-1' }, {}],
    [{ to: '2026-13-01' }, {}],
    [{ from: 20260101, to: ['2026-01-01'] }, {}],
    [{ from: '2026-02-01', extra: 'x' }, { from: '2026-02-01' }],
  ])('%j → %j', (search, expected) => {
    expect(validateStatsSearch(search as Record<string, unknown>)).toEqual(expected);
  });
});
