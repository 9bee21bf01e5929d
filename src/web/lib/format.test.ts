import { describe, expect, it, vi } from 'vitest';

// The formatters take the language as a parameter; the UI's current one is not needed here.
vi.mock('../i18n/i18n.ts', () => ({ currentLanguage: () => 'en' }));
const { formatPartialDate } = await import('./format.ts');

describe('formatPartialDate', () => {
  it.each([
    ['2005', 'en', '2005'],
    ['2005', 'zh-CN', '2005年'],
    ['2025-12', 'en', 'Dec 2025'],
    ['2025-12', 'zh-CN', '2025年12月'],
    ['2020-07-24', 'en', 'Jul 24, 2020'],
    ['2020-07-24', 'zh-CN', '2020年7月24日'],
    // A day in China is that day everywhere (midnight in Beijing is the evening before in UTC).
    ['2018-01-01', 'en', 'Jan 1, 2018'],
    ['', 'en', ''],
    [undefined, 'en', ''],
    ['spring 2019', 'en', 'spring 2019'],
  ] as const)('%s in %s → %s', (value, language, expected) => {
    expect(formatPartialDate(value, language)).toBe(expected);
  });
});
