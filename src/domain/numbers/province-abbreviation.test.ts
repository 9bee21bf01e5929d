import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { resolveAbbreviation, unknownAbbreviationIssue } from './province-abbreviation.ts';

describe('resolveAbbreviation', () => {
  it.each([
    ['京', '11', false],
    ['蜀', '51', false],
    ['川', '51', true],
    ['陇', '62', false],
    ['甘', '62', true],
    ['黔', '52', false],
  ])('%s → %s (legacy %s)', (abbreviation, code, isLegacy) => {
    const resolved = resolveAbbreviation(defaultCatalogue, abbreviation);
    expect(resolved?.province.code).toBe(code);
    expect(resolved?.isLegacy).toBe(isLegacy);
  });

  it('resolves every current abbreviation to its own province', () => {
    for (const p of defaultCatalogue.provinces) {
      expect(resolveAbbreviation(defaultCatalogue, p.icpAbbreviation)?.province.code).toBe(p.code);
    }
  });

  it.each(['', '11', 'beijing', '北京', '北京市', '贵', 'X'])('%j is not an abbreviation', (key) => {
    expect(resolveAbbreviation(defaultCatalogue, key)).toBeUndefined();
  });

  it('lists the known abbreviations when one is unknown', () => {
    const found = unknownAbbreviationIssue(defaultCatalogue, '贵');
    expect(found.code).toBe('unknown_abbreviation');
    expect(found.message.en).toContain('京');
    expect(found.message.zh).toContain('陇');
  });
});
