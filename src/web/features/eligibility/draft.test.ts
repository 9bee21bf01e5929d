import { describe, expect, it } from 'vitest';
import { stepFromHash } from './draft.ts';

describe('stepFromHash', () => {
  it.each([
    // hash, step shown before → step shown now
    ['', undefined, 'applicant'],
    ['', 'result', 'applicant'],
    ['location', 'applicant', 'location'],
    ['#site', undefined, 'site'],
    ['result', 'review', 'result'],
    // An in-page anchor (the skip link's #main) is not a step: the wizard stays where it was.
    ['main', 'result', 'result'],
    ['#main', 'site', 'site'],
    ['eligibility-examples', 'applicant', 'applicant'],
    // …and on a first load it starts at the beginning.
    ['main', undefined, 'applicant'],
  ] as const)('#%s after %s → %s', (hash, current, expected) => {
    expect(stepFromHash(hash, current)).toBe(expected);
  });
});
