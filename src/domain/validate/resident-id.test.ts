import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { computeResidentIdCheckDigit, validateResidentId } from './resident-id.ts';

const codes = (v: { errors: { code: string }[] }) => v.errors.map((e) => e.code);

describe('validateResidentId', () => {
  it('accepts the GB 11643 example and decodes it', () => {
    const result = validateResidentId('11010519491231002X', { at: '2024-06-01' });
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.value).toMatchObject({
      kind: 'resident_id',
      length: 18,
      regionCode: '110105',
      birthDate: '1949-12-31',
      age: 74,
      sex: 'female',
      sequence: '002',
      checkDigit: 'X',
    });
    expect(result.value?.region.province?.nameEn).toBe('Beijing');
    expect(result.value?.region.county?.nameZh).toBe('朝阳区');
  });

  it('reports a wrong check digit with expected and actual', () => {
    const result = validateResidentId('110101199003074518');
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'check_digit_mismatch',
        source: 'gb-11643',
        params: { expected: '4', actual: '8' },
      }),
    ]);
    expect(result.value?.birthDate).toBe('1990-03-07');
  });

  it.each([
    ['１１０１０５１９４９１２３１００２Ｘ', '11010519491231002X'],
    ['11010519491231002x', '11010519491231002X'],
    [' 110105 19491231 002X ', '11010519491231002X'],
  ])('normalises %s', (input, normalized) => {
    const result = validateResidentId(input);
    expect(result.valid).toBe(true);
    expect(result.normalized).toBe(normalized);
  });

  it.each([
    ['', ['empty']],
    ['1101051949123100', ['invalid_length']],
    ['1101051949123100211', ['invalid_length']],
    ['11010519491231002Y', ['invalid_characters']],
    ['A1010519491231002X', ['invalid_characters']],
    [`11010519490230002${computeResidentIdCheckDigit('11010519490230002')}`, ['invalid_birth_date']],
    [`11010517000101002${computeResidentIdCheckDigit('11010517000101002')}`, ['invalid_birth_date']],
  ])('rejects %s', (input, expected) => {
    expect(codes(validateResidentId(input))).toEqual(expected);
  });

  it('rejects birth dates after the reference day and computes age only with one', () => {
    const id = `11010520300101001${computeResidentIdCheckDigit('11010520300101001')}`;
    expect(codes(validateResidentId(id, { at: '2025-01-01' }))).toEqual(['birth_date_in_future']);
    expect(validateResidentId(id).valid).toBe(true);
    expect(validateResidentId('11010519491231002X').value?.age).toBeUndefined();
  });

  it('warns on an unparseable reference day instead of failing the number', () => {
    const result = validateResidentId('11010519491231002X', { at: '2024/06/01' });
    expect(result.valid).toBe(true);
    expect(result.warnings.map((w) => w.code)).toEqual(['invalid_reference_date']);
    expect(result.value?.age).toBeUndefined();
  });

  it('treats an unknown region code as a warning', () => {
    const first17 = '99010119900101001';
    const result = validateResidentId(first17 + computeResidentIdCheckDigit(first17));
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([
      expect.objectContaining({ code: 'unknown_region_code', params: { regionCode: '990101' } }),
    ]);
  });

  it.each([
    ['810000', 'Hong Kong'],
    ['820000', 'Macao'],
    ['830000', 'Taiwan'],
  ])('decodes HK/Macao/Taiwan residence permits (%s)', (region, name) => {
    const first17 = `${region}19900101001`;
    const result = validateResidentId(first17 + computeResidentIdCheckDigit(first17));
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.value?.kind).toBe('hmt_residence_permit');
    expect(result.value?.region.outsideFiling?.nameEn).toBe(name);
    expect(result.value?.sex).toBe('male');
  });

  it('gives 15-digit legacy numbers their own reason and decodes them (19xx births)', () => {
    const result = validateResidentId('110105491231002', { at: '2024-06-01' });
    expect(result.valid).toBe(false);
    expect(codes(result)).toEqual(['legacy_15_digit']);
    expect(result.value).toMatchObject({ length: 15, birthDate: '1949-12-31', sex: 'female', age: 74 });
    expect(result.value?.checkDigit).toBeUndefined();
  });

  it('computes check digits', () => {
    expect(computeResidentIdCheckDigit('11010519491231002')).toBe('X');
    expect(computeResidentIdCheckDigit('11010119900307451')).toBe('4');
  });
});

const counties = defaultCatalogue.regions.counties.map((c) => c.code);

const validIdArbitrary = fc
  .record({
    region: fc.constantFrom(...counties),
    birth: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2024-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, sequence }) => {
    const birthDate = birth.toISOString().slice(0, 10);
    const first17 = `${region}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
    return { id: first17 + computeResidentIdCheckDigit(first17), birthDate, sequence };
  });

describe('validateResidentId properties', () => {
  it('accepts every generated valid number and decodes it', () => {
    fc.assert(
      fc.property(validIdArbitrary, ({ id, birthDate, sequence }) => {
        const result = validateResidentId(id, { at: '2025-01-01' });
        expect(result.errors).toEqual([]);
        expect(result.warnings).toEqual([]);
        expect(result.value?.birthDate).toBe(birthDate);
        expect(result.value?.sex).toBe(sequence % 2 === 1 ? 'male' : 'female');
      }),
    );
  });

  it('rejects every single-character substitution', () => {
    const mutation = fc
      .tuple(validIdArbitrary, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 0, max: 10 }))
      .map(([{ id }, position, pick]) => {
        const alphabet = position === 17 ? '0123456789X' : '0123456789';
        const options = [...alphabet].filter((c) => c !== id[position]);
        const replacement = options[pick % options.length] as string;
        return `${id.slice(0, position)}${replacement}${id.slice(position + 1)}`;
      });
    fc.assert(
      fc.property(mutation, (mutated) => {
        expect(validateResidentId(mutated).valid).toBe(false);
      }),
    );
  });
});
