import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import {
  formatIcpLicenceNumber,
  formatTelecomLicenceNumber,
  type IcpLicenceNumberParts,
  parseIcpLicenceNumber,
  parseTelecomLicenceNumber,
  TELECOM_CATEGORIES,
  type TelecomLicenceNumberParts,
} from './licence-number.ts';

const abbreviations = defaultCatalogue.provinces.flatMap((p) => [
  { abbreviation: p.icpAbbreviation, province: p.code },
  ...p.legacyAbbreviations.map((a) => ({ abbreviation: a, province: p.code })),
]);

describe('parseIcpLicenceNumber', () => {
  it.each([
    {
      input: '京ICP证030173号',
      normalized: '京ICP证030173号',
      year: 2003,
      serial: '0173',
      suffix: undefined,
    },
    {
      input: '京ICP证110507号',
      normalized: '京ICP证110507号',
      year: 2011,
      serial: '0507',
      suffix: undefined,
    },
    {
      input: '京ICP证040655号',
      normalized: '京ICP证040655号',
      year: 2004,
      serial: '0655',
      suffix: undefined,
    },
    {
      input: '京ICP证030173号-136',
      normalized: '京ICP证030173号-136',
      year: 2003,
      serial: '0173',
      suffix: 136,
    },
    {
      input: '京 icp证 030173 号－136',
      normalized: '京ICP证030173号-136',
      year: 2003,
      serial: '0173',
      suffix: 136,
    },
  ])('$input', ({ input, normalized, year, serial, suffix }) => {
    const result = parseIcpLicenceNumber(input);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.normalized).toBe(normalized);
    expect(result.value).toEqual({
      kind: 'icp_licence',
      province: { code: '11', nameEn: 'Beijing', nameZh: '北京市' },
      abbreviation: '京',
      year,
      serial,
      canonical: normalized,
      ...(suffix === undefined ? {} : { suffix }),
    });
  });

  it('warns about a missing 号 and a 19YY year', () => {
    expect(parseIcpLicenceNumber('京ICP证030173').warnings.map((w) => w.code)).toEqual([
      'missing_trailing_hao',
    ]);
    expect(parseIcpLicenceNumber('粤ICP证990001号').warnings.map((w) => w.code)).toEqual([
      'implausible_year',
    ]);
  });

  it('accepts legacy abbreviations without comment', () => {
    const result = parseIcpLicenceNumber('川ICP证100001号');
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.value?.province.code).toBe('51');
  });

  it.each([
    { input: '京ICP备2021034286号', codes: ['not_a_licence_number'] },
    { input: 'ICP证030173号', codes: ['unknown_abbreviation'] },
    { input: '北京ICP证030173号', codes: ['unknown_abbreviation'] },
    { input: '京ICP证1000001号', codes: ['bad_digits'] },
    { input: '京ICP证03017号', codes: ['bad_digits'] },
    { input: '京ICP证B2-20171701号', codes: ['bad_digits', 'bad_suffix'] },
    { input: '京ICP证030173号-0', codes: ['bad_suffix'] },
    { input: '京ICP证030173号-1A', codes: ['bad_suffix'] },
    { input: '京ICP证030173号x', codes: ['bad_suffix'] },
  ])('$input → $codes', ({ input, codes }) => {
    const result = parseIcpLicenceNumber(input);
    expect(result.valid).toBe(false);
    expect(result.value).toBeUndefined();
    expect(result.errors.map((e) => e.code)).toEqual(codes);
  });
});

describe('parseTelecomLicenceNumber', () => {
  it.each([
    {
      input: '京B2-20212732',
      canonical: '京B2-20212732',
      province: '11',
      year: 2021,
      serial: '2732',
      category: 'B2',
    },
    {
      input: '京B2-20212732号',
      canonical: '京B2-20212732',
      province: '11',
      year: 2021,
      serial: '2732',
      category: 'B2',
    },
    {
      input: 'B2-20233776',
      canonical: 'B2-20233776',
      province: undefined,
      year: 2023,
      serial: '3776',
      category: 'B2',
    },
    {
      input: 'B2-20080207',
      canonical: 'B2-20080207',
      province: undefined,
      year: 2008,
      serial: '0207',
      category: 'B2',
    },
    {
      input: '川B2-20260779',
      canonical: '川B2-20260779',
      province: '51',
      year: 2026,
      serial: '0779',
      category: 'B2',
    },
    {
      input: '沪B1-20120043',
      canonical: '沪B1-20120043',
      province: '31',
      year: 2012,
      serial: '0043',
      category: 'B1',
    },
    {
      input: 'A2.B1.B2-20090003',
      canonical: 'A2.B1.B2-20090003',
      province: undefined,
      year: 2009,
      serial: '0003',
      category: 'A2.B1.B2',
    },
    {
      input: 'b2.b1 - 2013 0004',
      canonical: 'B1.B2-20130004',
      province: undefined,
      year: 2013,
      serial: '0004',
      category: 'B1.B2',
    },
    {
      input: '京Ｂ２－２０２１２７３２',
      canonical: '京B2-20212732',
      province: '11',
      year: 2021,
      serial: '2732',
      category: 'B2',
    },
  ])('$input', ({ input, canonical, province, year, serial, category }) => {
    const result = parseTelecomLicenceNumber(input);
    expect(result.errors).toEqual([]);
    expect(result.normalized).toBe(canonical);
    const value = result.value;
    expect(value?.kind).toBe('telecom_licence');
    expect(value?.canonical).toBe(canonical);
    expect(value?.scope).toBe(province ? 'provincial' : 'cross_regional');
    expect(value?.province?.code).toBe(province);
    expect(value?.year).toBe(year);
    expect(value?.serial).toBe(serial);
    expect(value?.category).toBe(category);
    expect(value?.categories.join('.')).toBe(category);
  });

  it('keeps a site suffix', () => {
    const value = parseTelecomLicenceNumber('川B2-20120050-3').value;
    expect(value?.suffix).toBe(3);
    expect(value?.canonical).toBe('川B2-20120050-3');
  });

  it.each([
    { input: '京ICP证030173号', codes: ['not_a_telecom_licence_number'] },
    { input: '20212732', codes: ['not_a_telecom_licence_number'] },
    { input: '京ICP证B2-20171701号', codes: ['not_a_telecom_licence_number'] },
    { input: '京C2-20212732', codes: ['bad_category'] },
    { input: '京B3-20212732', codes: ['bad_category'] },
    { input: '京D3-20250002', codes: ['bad_category'] },
    { input: '北京B2-20212732', codes: ['unknown_abbreviation'] },
    { input: '合字B1.B2-20130004', codes: ['unknown_abbreviation'] },
    { input: '京B2-2021273', codes: ['bad_digits'] },
    { input: '川B2-140912-1', codes: ['bad_digits'] },
    { input: '京B2-19992732', codes: ['bad_digits'] },
    { input: '京B2-20212732-0', codes: ['bad_suffix'] },
  ])('$input → $codes', ({ input, codes }) => {
    const result = parseTelecomLicenceNumber(input);
    expect(result.valid).toBe(false);
    expect(result.value).toBeUndefined();
    expect(result.errors.map((e) => e.code)).toEqual(codes);
  });
});

describe('formatters', () => {
  it('formats licence numbers', () => {
    expect(formatIcpLicenceNumber({ abbreviation: '京', year: 2003, serial: 173 })).toBe('京ICP证030173号');
    expect(formatIcpLicenceNumber({ abbreviation: '京', year: 2003, serial: '0173', suffix: 136 })).toBe(
      '京ICP证030173号-136',
    );
    expect(formatTelecomLicenceNumber({ abbreviation: '京', year: 2021, serial: 2732 })).toBe(
      '京B2-20212732',
    );
    expect(formatTelecomLicenceNumber({ year: 2023, serial: 3776 })).toBe('B2-20233776');
    expect(formatTelecomLicenceNumber({ category: ['B2', 'A2', 'B1'], year: 2009, serial: 3 })).toBe(
      'A2.B1.B2-20090003',
    );
  });

  it.each<IcpLicenceNumberParts>([
    { abbreviation: '京', year: 2003, serial: 10_000 },
    { abbreviation: '京', year: 2075, serial: 1 },
    { abbreviation: '京', year: 2003, serial: 1, suffix: 0 },
    { abbreviation: 'J', year: 2003, serial: 1 },
  ])('rejects impossible ICP licence parts %j', (parts) => {
    expect(() => formatIcpLicenceNumber(parts)).toThrow(RangeError);
  });

  it.each<TelecomLicenceNumberParts>([
    { year: 1999, serial: 1 },
    { year: 2021, serial: 10_000 },
    { year: 2021, serial: 1, category: [] },
    { abbreviation: '北京', year: 2021, serial: 1 },
  ])('rejects impossible telecom licence parts %j', (parts) => {
    expect(() => formatTelecomLicenceNumber(parts)).toThrow(RangeError);
  });
});

describe('properties', () => {
  const serial = fc.integer({ min: 0, max: 9999 });
  const suffix = fc.option(fc.integer({ min: 1, max: 999_999 }), { nil: undefined });

  it('ICP licence: parse(format(parts)) gives back the parts for every province', () => {
    for (const a of abbreviations) {
      fc.assert(
        fc.property(fc.integer({ min: 1950, max: 2049 }), serial, suffix, (year, s, sfx) => {
          const text = formatIcpLicenceNumber({
            abbreviation: a.abbreviation,
            year,
            serial: s,
            ...(sfx === undefined ? {} : { suffix: sfx }),
          });
          const result = parseIcpLicenceNumber(text);
          expect(result.errors).toEqual([]);
          expect(result.normalized).toBe(text);
          expect(result.value?.province.code).toBe(a.province);
          expect(result.value?.abbreviation).toBe(a.abbreviation);
          expect(result.value?.year).toBe(year);
          expect(result.value?.serial).toBe(String(s).padStart(4, '0'));
          expect(result.value?.suffix).toBe(sfx);
          expect(result.value?.canonical).toBe(text);
        }),
        { numRuns: 30 },
      );
    }
  });

  it('telecom licence: parse(format(parts)) gives back the parts for every province and cross-regional', () => {
    for (const a of [...abbreviations, undefined]) {
      fc.assert(
        fc.property(
          fc.integer({ min: 2000, max: 2099 }),
          serial,
          fc.subarray([...TELECOM_CATEGORIES], { minLength: 1 }),
          suffix,
          (year, s, categories, sfx) => {
            const text = formatTelecomLicenceNumber({
              ...(a ? { abbreviation: a.abbreviation } : {}),
              category: categories,
              year,
              serial: s,
              ...(sfx === undefined ? {} : { suffix: sfx }),
            });
            const result = parseTelecomLicenceNumber(text);
            expect(result.errors).toEqual([]);
            expect(result.normalized).toBe(text);
            expect(result.value?.scope).toBe(a ? 'provincial' : 'cross_regional');
            expect(result.value?.province?.code).toBe(a?.province);
            expect(result.value?.categories).toEqual(categories);
            expect(result.value?.year).toBe(year);
            expect(result.value?.serial).toBe(String(s).padStart(4, '0'));
            expect(result.value?.suffix).toBe(sfx);
          },
        ),
        { numRuns: 30 },
      );
    }
  });

  it('format(parse(s)) = s on canonical strings', () => {
    const icp = fc
      .record({
        a: fc.constantFrom(...abbreviations),
        y: fc.integer({ min: 1950, max: 2049 }),
        s: serial,
        sfx: suffix,
      })
      .map(({ a, y, s, sfx }) =>
        formatIcpLicenceNumber({
          abbreviation: a.abbreviation,
          year: y,
          serial: s,
          ...(sfx ? { suffix: sfx } : {}),
        }),
      );
    fc.assert(
      fc.property(icp, (text) => {
        const v = parseIcpLicenceNumber(text).value;
        if (!v) throw new Error(`did not parse ${text}`);
        const again = formatIcpLicenceNumber({
          abbreviation: v.abbreviation,
          year: v.year,
          serial: v.serial,
          ...(v.suffix ? { suffix: v.suffix } : {}),
        });
        expect(again).toBe(text);
      }),
    );
    const telecom = fc
      .record({
        a: fc.option(fc.constantFrom(...abbreviations), { nil: undefined }),
        y: fc.integer({ min: 2000, max: 2099 }),
        s: serial,
        c: fc.subarray([...TELECOM_CATEGORIES], { minLength: 1 }),
      })
      .map(({ a, y, s, c }) =>
        formatTelecomLicenceNumber({
          ...(a ? { abbreviation: a.abbreviation } : {}),
          category: c,
          year: y,
          serial: s,
        }),
      );
    fc.assert(
      fc.property(telecom, (text) => {
        const v = parseTelecomLicenceNumber(text).value;
        if (!v) throw new Error(`did not parse ${text}`);
        const again = formatTelecomLicenceNumber({
          ...(v.abbreviation ? { abbreviation: v.abbreviation } : {}),
          category: v.categories,
          year: v.year,
          serial: v.serial,
        });
        expect(again).toBe(text);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(parseIcpLicenceNumber(text).valid).toBe(parseIcpLicenceNumber(text).errors.length === 0);
        expect(parseTelecomLicenceNumber(text).valid).toBe(
          parseTelecomLicenceNumber(text).errors.length === 0,
        );
      }),
    );
  });
});
