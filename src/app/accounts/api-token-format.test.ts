import { describe, expect, it } from 'vitest';
import { generateApiToken, hashApiToken, isApiTokenShaped } from './api-token-format.ts';

describe('API tokens', () => {
  it('are 256 random bits with a marker, a shown prefix and a SHA-256 hash', () => {
    const first = generateApiToken();
    const second = generateApiToken();
    expect(first.token).not.toBe(second.token);
    expect(isApiTokenShaped(first.token)).toBe(true);
    expect(first.prefix).toBe(first.token.slice(0, 12));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.hash).toBe(hashApiToken(first.token));
  });

  it.each([
    '',
    'obt_',
    'obt_short',
    `Obt_${'a'.repeat(43)}`,
    `obt_${'a'.repeat(44)}`,
    `obt_${'=+'.repeat(22)}`,
  ])('rejects %j as a token shape', (text) => {
    expect(isApiTokenShaped(text)).toBe(false);
  });
});
