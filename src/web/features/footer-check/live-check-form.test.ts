import { describe, expect, it } from 'vitest';
import { emptyLiveDraft, formatBytes, formatSeconds, toLiveCheckRequest } from './live-check-form.ts';

describe('toLiveCheckRequest', () => {
  it.each([
    ['only the URL, trimmed', ' example.cn ', emptyLiveDraft, { url: 'example.cn' }],
    [
      'every field, trimmed',
      'https://staging.example.cn/',
      {
        domain: ' example.cn ',
        expectedNumber: ' 京ICP备2024012345号-1 ',
        psbRequired: true,
        licenceNumber: ' 京B2-20212732 ',
        render: 'always',
      },
      {
        url: 'https://staging.example.cn/',
        domain: 'example.cn',
        expectedNumber: '京ICP备2024012345号-1',
        psbRequired: true,
        licenceNumber: '京B2-20212732',
        render: 'always',
      },
    ],
    [
      'blank optional fields are left out',
      'example.cn',
      { ...emptyLiveDraft, domain: '   ', expectedNumber: '\t', licenceNumber: ' ' },
      { url: 'example.cn' },
    ],
    [
      'render never is sent',
      'example.cn',
      { ...emptyLiveDraft, render: 'never' },
      { url: 'example.cn', render: 'never' },
    ],
  ] as const)('%s', (_, url, draft, expected) => {
    expect(toLiveCheckRequest(url, draft)).toEqual(expected);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, 'en', '0 B'],
    [812, 'en', '812 B'],
    [1024, 'en', '1 KB'],
    [12_595, 'en', '12.3 KB'],
    [2 * 1024 * 1024, 'en', '2 MB'],
    [1_468_006, 'zh-CN', '1.4 MB'],
  ])('%d bytes in %s → %s', (bytes, language, expected) => {
    expect(formatBytes(bytes, language)).toBe(expected);
  });
});

describe('formatSeconds', () => {
  it.each([
    [0, '0.1'],
    [12, '0.1'],
    [449, '0.4'],
    [1_250, '1.3'],
    [10_000, '10.0'],
  ])('%d ms → %s s', (ms, expected) => {
    expect(formatSeconds(ms, 'en')).toBe(expected);
  });
});
