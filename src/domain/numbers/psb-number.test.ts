import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { formatPsbNumber, parsePsbNumber } from './psb-number.ts';

describe('parsePsbNumber: valid numbers', () => {
  it.each([
    {
      input: '京公网安备11010802020134号',
      canonical: '京公网安备11010802020134号',
      province: '11',
      countyCode: '110108',
      county: 'Haidian District',
      city: 'Beijing',
      serial: '02020134',
      warnings: [],
    },
    {
      input: '京公网安备 11010802020134号',
      canonical: '京公网安备11010802020134号',
      province: '11',
      countyCode: '110108',
      county: 'Haidian District',
      city: 'Beijing',
      serial: '02020134',
      warnings: [],
    },
    {
      input: '京公网安备 11010202009201号',
      canonical: '京公网安备11010202009201号',
      province: '11',
      countyCode: '110102',
      county: 'Xicheng District',
      city: 'Beijing',
      serial: '02009201',
      warnings: [],
    },
    {
      input: '京公网安备11010602005139号',
      canonical: '京公网安备11010602005139号',
      province: '11',
      countyCode: '110106',
      county: 'Fengtai District',
      city: 'Beijing',
      serial: '02005139',
      warnings: [],
    },
    {
      input: '苏公网安备32041102000483号',
      canonical: '苏公网安备32041102000483号',
      province: '32',
      countyCode: '320411',
      county: 'Xinbei District',
      city: 'Changzhou City',
      serial: '02000483',
      warnings: [],
    },
    {
      input: '浙公网安备 33010602009号',
      canonical: '浙公网安备33010602009号',
      province: '33',
      countyCode: '330106',
      county: 'Xihu District',
      city: 'Hangzhou City',
      serial: '02009',
      warnings: ['legacy_psb_number'],
    },
    {
      input: '川公网安备 51010702001250号',
      canonical: '川公网安备51010702001250号',
      province: '51',
      countyCode: '510107',
      county: 'Wuhou District',
      city: 'Chengdu City',
      serial: '02001250',
      warnings: [],
    },
    {
      input: '京公网安备１１０１０８０２０２０１３４',
      canonical: '京公网安备11010802020134号',
      province: '11',
      countyCode: '110108',
      county: 'Haidian District',
      city: 'Beijing',
      serial: '02020134',
      warnings: ['missing_trailing_hao'],
    },
    {
      input: '京公网安备11010302010293号',
      canonical: '京公网安备11010302010293号',
      province: '11',
      countyCode: '110103',
      county: undefined,
      city: 'Beijing',
      serial: '02010293',
      warnings: ['unknown_county_code'],
    },
    {
      input: '贵公网安备52052302000396号',
      canonical: '贵公网安备52052302000396号',
      province: '52',
      countyCode: '520523',
      county: 'Jinsha County',
      city: 'Bijie City',
      serial: '02000396',
      warnings: ['unlisted_abbreviation'],
    },
  ])('$input', (c) => {
    const result = parsePsbNumber(c.input);
    expect(result.errors).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toEqual(c.warnings);
    expect(result.normalized).toBe(c.canonical);
    const value = result.value;
    expect(value?.kind).toBe('psb_filing');
    expect(value?.canonical).toBe(c.canonical);
    expect(value?.province.code).toBe(c.province);
    expect(value?.countyCode).toBe(c.countyCode);
    expect(value?.county?.nameEn).toBe(c.county);
    expect(value?.city?.nameEn).toBe(c.city);
    expect(value?.serial).toBe(c.serial);
    expect(value?.isLegacyLength).toBe(c.warnings.includes('legacy_psb_number'));
  });

  it('gives the county in both languages', () => {
    expect(parsePsbNumber('京公网安备11010802020134号').value?.county).toEqual({
      code: '110108',
      nameZh: '海淀区',
      nameEn: 'Haidian District',
    });
  });
});

describe('parsePsbNumber: bad inputs', () => {
  it.each([
    { input: '京ICP备2021034286号', codes: ['not_a_psb_number'] },
    { input: '公网安备11010802020134号', codes: ['unknown_abbreviation'] },
    { input: 'XX公网安备11010802020134号', codes: ['unknown_abbreviation'] },
    { input: '云公网安备99010902000181号', codes: ['unknown_abbreviation'] },
    { input: '京公网安备32041102000483号', codes: ['province_mismatch'] },
    { input: '黔公网安备11000002000001号', codes: ['province_mismatch'] },
    { input: '京公网安备81000002000001号', codes: ['province_mismatch'] },
    { input: '京公网安备1101080202号', codes: ['bad_digits'] },
    { input: '京公网安备110108020201345号', codes: ['bad_digits'] },
    { input: '京公网安备11010802O20134号', codes: ['bad_digits'] },
    { input: '京公网安备11010802020134号-1', codes: ['bad_digits'] },
    { input: '京公网安备号', codes: ['bad_digits'] },
  ])('$input → $codes', ({ input, codes }) => {
    const result = parsePsbNumber(input);
    expect(result.errors.map((e) => e.code)).toEqual(codes);
    expect(result.valid).toBe(codes.length === 0);
  });

  it.each(['京公网安备110108020201号', '京公网安备1101080202013号'])(
    'accepts shorter legacy %s with a warning',
    (input) => {
      const result = parsePsbNumber(input);
      expect(result.valid).toBe(true);
      expect(result.warnings.map((w) => w.code)).toEqual(['legacy_psb_number']);
      expect(result.value?.isLegacyLength).toBe(true);
    },
  );

  it('cites the region table for a mismatch', () => {
    expect(parsePsbNumber('京公网安备32041102000483号').errors[0]?.source).toBe('gbt-2260');
  });
});

describe('formatPsbNumber', () => {
  it('formats parts', () => {
    expect(formatPsbNumber({ abbreviation: '京', countyCode: '110108', serial: '02020134' })).toBe(
      '京公网安备11010802020134号',
    );
  });

  it.each([
    { abbreviation: '京', countyCode: '11010', serial: '02020134' },
    { abbreviation: '京', countyCode: '110108', serial: '0202' },
    { abbreviation: '京', countyCode: '110108', serial: '020201345' },
    { abbreviation: 'J', countyCode: '110108', serial: '02020134' },
  ])('rejects impossible parts %j', (parts) => {
    expect(() => formatPsbNumber(parts)).toThrow(RangeError);
  });
});

describe('properties', () => {
  const counties = defaultCatalogue.regions.counties.flatMap((county) => {
    const province = defaultCatalogue.provinces.find((p) => p.code === county.code.slice(0, 2));
    return province ? [{ county, province }] : [];
  });

  it('parse(format(parts)) gives back the parts for counties of every province', () => {
    expect(new Set(counties.map((c) => c.province.code)).size).toBe(31);
    fc.assert(
      fc.property(
        fc.constantFrom(...counties),
        fc.stringMatching(/^\d{5,8}$/),
        fc.boolean(),
        ({ county, province }, serial, legacyAbbreviation) => {
          const abbreviation =
            legacyAbbreviation && province.legacyAbbreviations[0]
              ? province.legacyAbbreviations[0]
              : province.icpAbbreviation;
          const text = formatPsbNumber({ abbreviation, countyCode: county.code, serial });
          const result = parsePsbNumber(text);
          expect(result.errors).toEqual([]);
          expect(result.normalized).toBe(text);
          expect(result.value?.province.code).toBe(province.code);
          expect(result.value?.county).toEqual(county);
          expect(result.value?.serial).toBe(serial);
          expect(
            formatPsbNumber({
              abbreviation: result.value?.abbreviation ?? '',
              countyCode: result.value?.countyCode ?? '',
              serial: result.value?.serial ?? '',
            }),
          ).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parsePsbNumber(text);
        expect(result.valid).toBe(result.errors.length === 0);
      }),
    );
  });
});
