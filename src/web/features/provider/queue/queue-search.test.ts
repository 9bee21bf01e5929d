import { describe, expect, it } from 'vitest';
import { parseDashboardSearch } from '../../dashboard/search.ts';
import { parseQueueSearch } from './queue-search.ts';

describe('parseQueueSearch', () => {
  it.each<[string, Record<string, unknown>, ReturnType<typeof parseQueueSearch>]>([
    ['nothing', {}, {}],
    [
      'every filter, as the router reads a link',
      { view: 'all', status: 'submitted', type: 'change', province: 44, flag: 'overdue', q: 'abc', page: 2 },
      { view: 'all', status: 'submitted', type: 'change', province: 44, flag: 'overdue', q: 'abc', page: 2 },
    ],
    ['a quoted province', { province: '44' }, { province: 44 }],
    ['a number searched as text', { q: 123 }, { q: '123' }],
    ['a search of spaces', { q: '   ' }, {}],
    [
      'values the page cannot use are dropped, the others kept',
      { view: 'mine', status: 'lost', type: 'x', province: 1, flag: 'late', page: 0, smsPage: 3, extra: 1 },
      { smsPage: 3 },
    ],
    ['a search longer than the API takes', { q: 'x'.repeat(101) }, {}],
  ])('%s', (_name, search, expected) => {
    expect(parseQueueSearch(search)).toEqual(expected);
  });
});

describe('parseDashboardSearch', () => {
  it.each<[Record<string, unknown>, ReturnType<typeof parseDashboardSearch>]>([
    [{}, {}],
    [
      { client: 12, page: 2 },
      { client: 12, page: 2 },
    ],
    [{ client: '12' }, { client: 12 }],
    [{ client: 'abc', page: -1 }, {}],
    [{ client: 1.5 }, {}],
  ])('%j', (search, expected) => {
    expect(parseDashboardSearch(search)).toEqual(expected);
  });
});
