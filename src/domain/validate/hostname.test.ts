import { describe, expect, it } from 'vitest';
import { findHostnameProblems } from './hostname.ts';

describe('findHostnameProblems', () => {
  it.each([
    ['example.com', []],
    ['xn--fsqu00a.xn--fiqs8s', []],
    ['-bad-.com', ['label_hyphen']],
    ['a..com', ['empty_label']],
    ['a_b.com', ['invalid_characters']],
    [`${'a'.repeat(64)}.com`, ['label_too_long']],
    [`${'a.'.repeat(127)}com`, ['too_long']],
  ])('%s', (host, kinds) => {
    expect(findHostnameProblems(host).map((p) => p.kind)).toEqual(kinds);
  });
});
