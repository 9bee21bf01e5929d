import { describe, expect, it } from 'vitest';
import { decideLanguageOnSignIn } from './saved-language.ts';

describe('decideLanguageOnSignIn', () => {
  it.each([
    // saved on the account, shown in this browser → what happens
    ['zh-CN', 'en', { kind: 'adopt', language: 'zh-CN' }],
    ['en', 'zh-CN', { kind: 'adopt', language: 'en' }],
    ['zh-CN', 'zh-CN', undefined],
    ['en', 'en', undefined],
    [null, 'zh-CN', { kind: 'save', language: 'zh-CN' }],
    [undefined, 'en', { kind: 'save', language: 'en' }],
    ['', 'zh-CN', { kind: 'save', language: 'zh-CN' }],
    ['fr', 'en', undefined],
  ] as const)('saved %s, showing %s', (saved, current, expected) => {
    expect(decideLanguageOnSignIn(saved, current)).toEqual(expected);
  });
});
