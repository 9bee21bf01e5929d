import { describe, expect, it } from 'vitest';
import {
  validateForeignPermanentResidence,
  validateHkMacaoPermit,
  validatePassport,
  validateTaiwanPermit,
} from './person-documents.ts';
import { computeResidentIdCheckDigit } from './resident-id.ts';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('validatePassport', () => {
  it.each([
    ['E12345678', 'E12345678', 'cn'],
    ['g12345678', 'G12345678', 'cn'],
    ['EA1234567', 'EA1234567', 'cn'],
    ['５３６４５４８２９', '536454829', undefined],
    ['C01X00T47', 'C01X00T47', undefined],
    ['AB-123 456', 'AB123456', undefined],
  ])('accepts %s', (input, normalized, issuer) => {
    const result = validatePassport(input);
    expect(result.valid).toBe(true);
    expect(result.normalized).toBe(normalized);
    expect(result.value?.issuer).toBe(issuer);
  });

  it.each([
    ['', 'empty'],
    ['A123', 'invalid_format'],
    ['A12345678901234567', 'invalid_format'],
    ['E1234567/8', 'invalid_format'],
  ])('rejects %s', (input, code) => {
    expect(codes(validatePassport(input).errors)).toEqual([code]);
  });
});

describe('validateHkMacaoPermit', () => {
  it.each([
    ['H12345678', 'hong_kong', 'current'],
    ['m87654321', 'macao', 'current'],
    ['H1234567801', 'hong_kong', 'legacy'],
  ])('accepts %s', (input, region, format) => {
    const result = validateHkMacaoPermit(input);
    expect(result.valid).toBe(true);
    expect(result.value).toMatchObject({ region, format });
  });

  it.each(['', 'H1234567', 'C12345678', 'H123456789', '12345678'])('rejects %s', (input) => {
    expect(validateHkMacaoPermit(input).valid).toBe(false);
  });
});

describe('validateTaiwanPermit', () => {
  it('accepts the current 8-digit number', () => {
    const result = validateTaiwanPermit('１２３４５６７８');
    expect(result).toMatchObject({ valid: true, normalized: '12345678', warnings: [] });
    expect(result.value?.format).toBe('current');
  });

  it.each(['1234567890', 'A123456789', '12345678(B)', '12345678（B）'])(
    'accepts the older form %s with a warning',
    (input) => {
      const result = validateTaiwanPermit(input);
      expect(result.valid).toBe(true);
      expect(result.value?.format).toBe('legacy');
      expect(codes(result.warnings)).toEqual(['legacy_format']);
    },
  );

  it.each(['', '1234567', '123456789', 'AB12345678'])('rejects %s', (input) => {
    expect(validateTaiwanPermit(input).valid).toBe(false);
  });
});

describe('validateForeignPermanentResidence', () => {
  const first17 = '93184019900101001';
  const current = first17 + computeResidentIdCheckDigit(first17);

  it('accepts an 18-digit card and decodes it', () => {
    const result = validateForeignPermanentResidence(current);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.value).toMatchObject({
      format: 'current_18',
      provinceCode: '31',
      provinceNameEn: 'Shanghai',
      nationality: '840',
      birthDate: '1990-01-01',
      sex: 'male',
    });
  });

  it('rejects a wrong GB 11643 check character', () => {
    const wrong = first17 + (current.endsWith('0') ? '1' : '0');
    expect(validateForeignPermanentResidence(wrong).errors).toEqual([
      expect.objectContaining({ code: 'check_digit_mismatch', source: 'gb-11643' }),
    ]);
  });

  it('rejects an impossible birth date and warns on an unknown province', () => {
    const bad = '99984019900230001';
    const result = validateForeignPermanentResidence(bad + computeResidentIdCheckDigit(bad));
    expect(codes(result.errors)).toEqual(['invalid_birth_date']);
    expect(codes(result.warnings)).toEqual(['unknown_region_code']);
  });

  it('accepts the 2004 15-character format, checking its last digit only as a warning', () => {
    // USA + 12 digits whose last is the ICAO 9303 check digit of the first 14 characters.
    const ok = validateForeignPermanentResidence('usa310090010118');
    expect(ok.valid).toBe(true);
    expect(ok.value).toMatchObject({ format: 'legacy_15', nationality: 'USA' });
    const unconfirmed = validateForeignPermanentResidence('USA310090010113');
    expect(unconfirmed.valid).toBe(true);
    expect(codes(unconfirmed.warnings)).toEqual(['check_digit_unverified']);
  });

  it.each(['', '12345678901234567X', 'US3100900101123', '8318401990010100'])('rejects %s', (input) => {
    expect(validateForeignPermanentResidence(input).valid).toBe(false);
  });
});
