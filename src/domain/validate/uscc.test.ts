import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { computeUsccCheckChar, USCC_ALPHABET, validateUscc } from './uscc.ts';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('validateUscc', () => {
  it('accepts a valid code and decodes its parts', () => {
    const result = validateUscc('91350100M000100Y43');
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.value).toMatchObject({
      registeringAuthority: { code: '9', nameZh: '市场监管（工商）' },
      organisationClass: { code: '1', nameEn: 'Enterprise' },
      regionCode: '350100',
      organisationCode: 'M000100Y4',
      checkChar: '3',
    });
    expect(result.value?.region.city?.nameZh).toBe('福州市');
  });

  it('rejects a changed check character', () => {
    const result = validateUscc('91350100M000100Y44');
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'check_digit_mismatch',
        source: 'gb-32100',
        params: { expected: '3', actual: '4' },
      }),
    ]);
  });

  it.each([
    ['９１３５０１００ｍ０００１００ｙ４３', '91350100M000100Y43'],
    ['91350100 M000100 Y43', '91350100M000100Y43'],
  ])('normalises %s', (input, normalized) => {
    const result = validateUscc(input);
    expect(result.valid).toBe(true);
    expect(result.normalized).toBe(normalized);
  });

  it.each([
    ['', ['empty']],
    ['91350100M000100Y4', ['invalid_length']],
    ['91350100M000100I43', ['invalid_characters']],
    ['91350100O000100Y43', ['invalid_characters']],
    ['9135010SM000100Y43', ['invalid_characters']],
  ])('rejects %s', (input, expected) => {
    expect(codes(validateUscc(input).errors)).toEqual(expected);
  });

  it('rejects letters in the region code', () => {
    const first17 = '9135A100M000100Y4';
    expect(codes(validateUscc(first17 + computeUsccCheckChar(first17)).errors)).toEqual([
      'invalid_region_code',
    ]);
  });

  it.each([
    ['B1', 'unknown_registering_authority'],
    ['94', 'unknown_organisation_class'],
  ])('warns on undefined authority/class codes (%s)', (prefix, warning) => {
    const first17 = `${prefix}350100M000100Y4`;
    const result = validateUscc(first17 + computeUsccCheckChar(first17));
    expect(result.valid).toBe(true);
    expect(codes(result.warnings)).toEqual([warning]);
  });

  it('warns when the embedded GB 11714 organisation code fails its own check', () => {
    const first17 = '91350100M000100Y5';
    const result = validateUscc(first17 + computeUsccCheckChar(first17));
    expect(result.valid).toBe(true);
    expect(codes(result.warnings)).toEqual(['organisation_code_check_mismatch']);
  });

  it('warns on unknown region codes and accepts the national code 100000', () => {
    const unknown = '91990100M000100Y4';
    expect(codes(validateUscc(unknown + computeUsccCheckChar(unknown)).warnings)).toEqual([
      'unknown_region_code',
    ]);
    const national = '11100000M000100Y4';
    const result = validateUscc(national + computeUsccCheckChar(national));
    expect(result.warnings).toEqual([]);
    expect(result.value?.region.level).toBe('national');
    expect(result.value?.organisationClass.nameZh).toBe('机关');
  });

  it('suggests an entity nature, two-character classes before one-character ones', () => {
    const catalogue: Catalogue = {
      ...defaultCatalogue,
      entityNatures: [
        {
          ...(defaultCatalogue.entityNatures[0] as Catalogue['entityNatures'][number]),
          id: 'by_authority',
          usccClasses: ['9'],
        },
        {
          ...(defaultCatalogue.entityNatures[0] as Catalogue['entityNatures'][number]),
          id: 'by_class',
          usccClasses: ['92'],
        },
      ],
    };
    const sole = '92350100M000100Y4';
    expect(validateUscc(sole + computeUsccCheckChar(sole), { catalogue }).value?.suggestedNature).toBe(
      'by_class',
    );
    expect(validateUscc('91350100M000100Y43', { catalogue }).value?.suggestedNature).toBe('by_authority');
    const social = '51350100M000100Y4';
    expect(
      validateUscc(social + computeUsccCheckChar(social), { catalogue }).value?.suggestedNature,
    ).toBeUndefined();
  });

  it('maps a computed 31 to check character 0', () => {
    // Search the first code of a simple family whose weighted sum is divisible by 31.
    const base = '9135010000000000';
    const first17 = [...USCC_ALPHABET].map((c) => base + c).find((c) => computeUsccCheckChar(c) === '0');
    expect(first17).toBeDefined();
    expect(validateUscc(`${first17}0`).valid).toBe(true);
  });
});

const counties = defaultCatalogue.regions.counties.map((c) => c.code);
const alphabetChar = fc.constantFrom(...USCC_ALPHABET);

const validUsccArbitrary = fc
  .record({
    prefix: fc.constantFrom('11', '12', '31', '51', '52', '53', '71', '91', '92', '93', 'A1', 'N2', 'Y1'),
    region: fc.constantFrom(...counties),
    organisation: fc.array(alphabetChar, { minLength: 9, maxLength: 9 }),
  })
  .map(({ prefix, region, organisation }) => {
    const first17 = `${prefix}${region}${organisation.join('')}`;
    return first17 + computeUsccCheckChar(first17);
  });

describe('validateUscc properties', () => {
  it('accepts every generated code with a computed check character', () => {
    fc.assert(
      fc.property(validUsccArbitrary, (code) => {
        const result = validateUscc(code);
        expect(result.errors).toEqual([]);
        expect(result.valid).toBe(true);
      }),
    );
  });

  it('rejects every single-character substitution', () => {
    const mutation = fc
      .tuple(validUsccArbitrary, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 0, max: 29 }))
      .map(([code, position, pick]) => {
        const options = [...USCC_ALPHABET].filter((c) => c !== code[position]);
        return `${code.slice(0, position)}${options[pick] as string}${code.slice(position + 1)}`;
      });
    fc.assert(
      fc.property(mutation, (mutated) => {
        expect(validateUscc(mutated).valid).toBe(false);
      }),
    );
  });
});
