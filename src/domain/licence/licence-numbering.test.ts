import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { parseIcpLicenceNumber, parseTelecomLicenceNumber } from '../numbers/licence-number.ts';
import { LICENCE_KINDS, LICENCE_SCOPES } from './licence-kind.ts';
import {
  formatLicenceNumbers,
  getLicenceSequenceKey,
  type LicenceNumbers,
  type LicenceNumberTarget,
  MAX_LICENCE_SERIAL,
  nextLicenceNumbers,
  validateLicenceNumbers,
} from './licence-numbering.ts';

describe('formatLicenceNumbers', () => {
  it.each([
    [
      { kind: 'icp', scope: 'provincial', provinceCode: '11', year: 2024, serial: 1 },
      { telecomLicenceNumber: '京B2-20240001', icpLicenceNumber: '京ICP证240001号' },
    ],
    [
      { kind: 'icp', scope: 'provincial', provinceCode: 'guangdong', year: 2049, serial: 9999 },
      { telecomLicenceNumber: '粤B2-20499999', icpLicenceNumber: '粤ICP证499999号' },
    ],
    [
      { kind: 'edi', scope: 'provincial', provinceCode: '31', year: 2025, serial: 17 },
      { telecomLicenceNumber: '沪B2-20250017' },
    ],
    [
      { kind: 'icp', scope: 'cross_regional', provinceCode: '11', year: 2023, serial: 3776 },
      { telecomLicenceNumber: 'B2-20233776' },
    ],
    [
      { kind: 'edi', scope: 'cross_regional', provinceCode: '44', year: 2099, serial: 1 },
      { telecomLicenceNumber: 'B2-20990001' },
    ],
    // Licences keep the usual one-character name where filing numbers moved on (蜀, 陇), whichever
    // key names the province.
    [
      { kind: 'icp', scope: 'provincial', provinceCode: '蜀', year: 2026, serial: 779 },
      { telecomLicenceNumber: '川B2-20260779', icpLicenceNumber: '川ICP证260779号' },
    ],
    [
      { kind: 'edi', scope: 'provincial', provinceCode: '62', year: 2026, serial: 12 },
      { telecomLicenceNumber: '甘B2-20260012' },
    ],
  ] as const)('%j → %j', (input, expected) => {
    expect(formatLicenceNumbers(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [
      { kind: 'icp', scope: 'provincial', provinceCode: 'atlantis', year: 2024, serial: 1 },
      'unknown_province',
    ],
    [{ kind: 'icp', scope: 'provincial', provinceCode: '11', year: 2050, serial: 1 }, 'bad_year'],
    [{ kind: 'icp', scope: 'provincial', provinceCode: '11', year: 1999, serial: 1 }, 'bad_year'],
    [{ kind: 'edi', scope: 'provincial', provinceCode: '11', year: 2100, serial: 1 }, 'bad_year'],
    [{ kind: 'edi', scope: 'provincial', provinceCode: '11', year: 2024.5, serial: 1 }, 'bad_year'],
    [{ kind: 'icp', scope: 'provincial', provinceCode: '11', year: 2024, serial: 0 }, 'bad_serial'],
    [{ kind: 'icp', scope: 'provincial', provinceCode: '11', year: 2024, serial: 10_000 }, 'bad_serial'],
    [{ kind: 'icp', scope: 'provincial', provinceCode: '11', year: 2024, serial: 1.5 }, 'bad_serial'],
  ] as const)('%j → %s', (input, code) => {
    const result = formatLicenceNumbers(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('a provincial ICP licence after 2049 cannot print a two-digit year, an EDI licence can', () => {
    expect(
      formatLicenceNumbers({ kind: 'edi', scope: 'provincial', provinceCode: '11', year: 2050, serial: 1 }),
    ).toEqual({
      ok: true,
      value: { telecomLicenceNumber: '京B2-20500001' },
    });
  });

  it('every number it formats parses back to the same province, year and serial', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LICENCE_KINDS),
        fc.constantFrom(...LICENCE_SCOPES),
        fc.constantFrom(...defaultCatalogue.provinces),
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: MAX_LICENCE_SERIAL }),
        (kind, scope, province, year, serial) => {
          const result = formatLicenceNumbers({ kind, scope, provinceCode: province.code, year, serial });
          const printsIcp = kind === 'icp' && scope === 'provincial';
          if (printsIcp && year > 2049) {
            expect(result.ok).toBe(false);
            return;
          }
          if (!result.ok) throw new Error(result.error.code);
          const telecom = parseTelecomLicenceNumber(result.value.telecomLicenceNumber);
          expect(telecom.valid).toBe(true);
          expect(telecom.warnings).toEqual([]);
          expect(telecom.value?.canonical).toBe(result.value.telecomLicenceNumber);
          expect(telecom.value?.scope).toBe(scope);
          expect(telecom.value?.province?.code).toBe(scope === 'provincial' ? province.code : undefined);
          expect(telecom.value?.categories).toEqual(['B2']);
          expect(telecom.value?.year).toBe(year);
          expect(Number(telecom.value?.serial)).toBe(serial);
          if (!printsIcp) {
            expect(result.value.icpLicenceNumber).toBeUndefined();
            return;
          }
          const icp = parseIcpLicenceNumber(result.value.icpLicenceNumber ?? '');
          expect(icp.valid).toBe(true);
          expect(icp.warnings).toEqual([]);
          expect(icp.value?.canonical).toBe(result.value.icpLicenceNumber);
          expect(icp.value?.province.code).toBe(province.code);
          expect(icp.value?.year).toBe(year);
          expect(Number(icp.value?.serial)).toBe(serial);
          // What it formats, the approval accepts.
          expect(validateLicenceNumbers({ kind, scope, provinceCode: province.code }, result.value)).toEqual({
            ok: true,
            value: result.value,
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('nextLicenceNumbers and getLicenceSequenceKey', () => {
  it.each([
    [null, 1, '京B2-20260001'],
    [0, 1, '京B2-20260001'],
    [41, 42, '京B2-20260042'],
    [9998, 9999, '京B2-20269999'],
  ])('last %s → serial %s', (lastSerial, serial, number) => {
    const result = nextLicenceNumbers({
      kind: 'edi',
      scope: 'provincial',
      provinceCode: '11',
      issueYear: 2026,
      lastSerial,
    });
    expect(result).toEqual({ ok: true, value: { serial, telecomLicenceNumber: number } });
  });

  it.each([
    [9999, 'serial_space_exhausted'],
    [-1, 'bad_serial'],
    [10_000, 'bad_serial'],
    [2.5, 'bad_serial'],
  ])('last %s → %s', (lastSerial, code) => {
    const result = nextLicenceNumbers({
      kind: 'icp',
      scope: 'cross_regional',
      provinceCode: '11',
      issueYear: 2026,
      lastSerial,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('passes format errors through', () => {
    const result = nextLicenceNumbers({
      kind: 'icp',
      scope: 'provincial',
      provinceCode: '11',
      issueYear: 2050,
      lastSerial: 3,
    });
    expect(result.ok).toBe(false);
  });

  it.each([
    [{ scope: 'provincial', provinceCode: '11' }, '11'],
    [{ scope: 'provincial', provinceCode: '44' }, '44'],
    [{ scope: 'cross_regional', provinceCode: '44' }, 'miit'],
  ] as const)('%j draws from %s', (target, key) => {
    expect(getLicenceSequenceKey(target)).toBe(key);
  });
});

describe('validateLicenceNumbers', () => {
  const beijingIcp: LicenceNumberTarget = { kind: 'icp', scope: 'provincial', provinceCode: '11' };

  it.each([
    // Real formats from §6.2, normalised to canonical.
    [beijingIcp, { telecomLicenceNumber: '京B2-20212732' }, { telecomLicenceNumber: '京B2-20212732' }],
    [
      beijingIcp,
      { telecomLicenceNumber: '京B2-20090108号', icpLicenceNumber: '京ICP证030173号' },
      { telecomLicenceNumber: '京B2-20090108', icpLicenceNumber: '京ICP证030173号' },
    ],
    [
      { kind: 'icp', scope: 'cross_regional', provinceCode: '11' },
      { telecomLicenceNumber: 'B2-20233776' },
      { telecomLicenceNumber: 'B2-20233776' },
    ],
    // A combined licence still includes B2; a legacy abbreviation still names the province.
    [
      { kind: 'edi', scope: 'provincial', provinceCode: '51' },
      { telecomLicenceNumber: '川B2-20260779' },
      { telecomLicenceNumber: '川B2-20260779' },
    ],
    [
      { kind: 'edi', scope: 'cross_regional', provinceCode: '11' },
      { telecomLicenceNumber: 'A2.B1.B2-20080207' },
      { telecomLicenceNumber: 'A2.B1.B2-20080207' },
    ],
  ] as const)('%j + %j → %j', (target, numbers, expected) => {
    expect(validateLicenceNumbers(target, numbers)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [
      { ...beijingIcp, provinceCode: 'atlantis' },
      { telecomLicenceNumber: '京B2-20212732' },
      'unknown_province',
      undefined,
    ],
    [
      beijingIcp,
      { telecomLicenceNumber: '沪B2-20212732' },
      'licence_number_mismatch',
      'telecomLicenceNumber',
    ],
    [beijingIcp, { telecomLicenceNumber: 'B2-20212732' }, 'licence_number_mismatch', 'telecomLicenceNumber'],
    [
      beijingIcp,
      { telecomLicenceNumber: '京B2-20212732-3' },
      'licence_number_mismatch',
      'telecomLicenceNumber',
    ],
    [
      beijingIcp,
      { telecomLicenceNumber: '京A2-20212732' },
      'licence_number_mismatch',
      'telecomLicenceNumber',
    ],
    [
      { kind: 'icp', scope: 'cross_regional', provinceCode: '11' },
      { telecomLicenceNumber: '京B2-20212732' },
      'licence_number_mismatch',
      'telecomLicenceNumber',
    ],
    [beijingIcp, { telecomLicenceNumber: '京B2-2021273' }, 'bad_digits', 'telecomLicenceNumber'],
    [
      beijingIcp,
      { telecomLicenceNumber: '京ICP备2021034286号' },
      'not_a_telecom_licence_number',
      'telecomLicenceNumber',
    ],
    [
      beijingIcp,
      { telecomLicenceNumber: '京B2-20212732', icpLicenceNumber: '沪ICP证030173号' },
      'licence_number_mismatch',
      'icpLicenceNumber',
    ],
    [
      beijingIcp,
      { telecomLicenceNumber: '京B2-20212732', icpLicenceNumber: '京ICP证030173号-136' },
      'licence_number_mismatch',
      'icpLicenceNumber',
    ],
    [
      beijingIcp,
      { telecomLicenceNumber: '京B2-20212732', icpLicenceNumber: '京ICP证03017号' },
      'bad_digits',
      'icpLicenceNumber',
    ],
    [
      { kind: 'edi', scope: 'provincial', provinceCode: '11' },
      { telecomLicenceNumber: '京B2-20212732', icpLicenceNumber: '京ICP证030173号' },
      'icp_licence_number_not_applicable',
      'icpLicenceNumber',
    ],
    [
      { kind: 'icp', scope: 'cross_regional', provinceCode: '11' },
      { telecomLicenceNumber: 'B2-20212732', icpLicenceNumber: '京ICP证030173号' },
      'icp_licence_number_not_applicable',
      'icpLicenceNumber',
    ],
    [
      beijingIcp,
      { telecomLicenceNumber: '京B2-20212732', icpLicenceNumber: 42 },
      'invalid_licence_number',
      'icpLicenceNumber',
    ],
  ] as const)('%j + %j → %s', (target, numbers, code, field) => {
    const result = validateLicenceNumbers(target, numbers as LicenceNumbers);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.params?.field).toBe(field);
      expect(result.error.message.zh).not.toBe('');
    }
  });
});
