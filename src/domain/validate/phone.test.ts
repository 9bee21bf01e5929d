import { describe, expect, it } from 'vitest';
import { validateLandline, validateMobile } from './phone.ts';

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('validateMobile', () => {
  it.each([
    '13812345678',
    '+86 138 1234 5678',
    '+86-138-1234-5678',
    '008613812345678',
    '8613812345678',
    '(+86) 138 1234 5678',
    '１３８１２３４５６７８',
  ])('accepts %s', (input) => {
    const result = validateMobile(input);
    expect(result.valid).toBe(true);
    expect(result.normalized).toBe('13812345678');
    expect(result.value).toEqual({ national: '13812345678', e164: '+8613812345678' });
  });

  it.each([
    ['', 'empty'],
    ['12812345678', 'invalid_mobile'],
    ['1381234567', 'invalid_mobile'],
    ['138123456789', 'invalid_mobile'],
    ['010-12345678', 'invalid_mobile'],
    ['+1 202 555 0123', 'not_mainland_number'],
    ['00852 9123 4567', 'not_mainland_number'],
  ])('rejects %s', (input, code) => {
    expect(codes(validateMobile(input).errors)).toEqual([code]);
  });
});

describe('validateLandline', () => {
  it.each([
    ['010-12345678', '010-12345678', { areaCode: '010', number: '12345678' }],
    ['(010)12345678', '010-12345678', { areaCode: '010', number: '12345678' }],
    ['（010）12345678', '010-12345678', { areaCode: '010', number: '12345678' }],
    ['+86 10 1234 5678', '010-12345678', { areaCode: '010', number: '12345678', e164: '+861012345678' }],
    ['0086-21-87654321', '021-87654321', { areaCode: '021', number: '87654321' }],
    ['01012345678', '010-12345678', { areaCode: '010', number: '12345678' }],
    ['0755-2345678', '0755-2345678', { areaCode: '0755', number: '2345678' }],
    ['0755 8765 4321', '0755-87654321', { areaCode: '0755', number: '87654321' }],
    ['010-12345678-801', '010-12345678-801', { number: '12345678', extension: '801' }],
    ['010-12345678 转 801', '010-12345678-801', { extension: '801' }],
    ['010-12345678 ext. 801', '010-12345678-801', { extension: '801' }],
    ['0571-87654321#23', '0571-87654321-23', { areaCode: '0571', extension: '23' }],
  ])('accepts %s', (input, normalized, parts) => {
    const result = validateLandline(input);
    expect(result.errors).toEqual([]);
    expect(result.normalized).toBe(normalized);
    expect(result.value).toMatchObject(parts);
  });

  it.each([
    ['', 'empty'],
    ['12345678', 'missing_area_code'],
    ['13812345678', 'mobile_not_landline'],
    ['0111-1234567', 'invalid_area_code'],
    ['010-123456', 'invalid_local_number'],
    ['010-012345678', 'invalid_local_number'],
    ['010-1234abcd', 'invalid_characters'],
    ['+44 20 7946 0018', 'not_mainland_number'],
  ])('rejects %s', (input, code) => {
    expect(codes(validateLandline(input).errors)).toEqual([code]);
  });
});
