import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import {
  type FilingNumberParts,
  formatFilingNumber,
  formatServiceSuffix,
  parseFilingNumber,
  parseServiceSuffix,
  SERVICE_TYPES,
  type ServiceType,
} from './filing-number.ts';

/** Full-width forms of printable ASCII, as pasted from Chinese documents. */
function toFullWidth(text: string): string {
  return text.replace(/[!-~]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

describe('parseFilingNumber: valid numbers', () => {
  const cases: {
    input: string;
    normalized: string;
    province: string;
    year: number;
    yearDigits: 2 | 4;
    serial: string;
    service?: { index: number; type: ServiceType; suffix: string };
    warnings?: string[];
    legacy?: boolean;
  }[] = [
    {
      input: '京ICP备2021034286号',
      normalized: '京ICP备2021034286号',
      province: '11',
      year: 2021,
      yearDigits: 4,
      serial: '034286',
    },
    {
      input: '京ICP备2021034286号-1',
      normalized: '京ICP备2021034286号-1',
      province: '11',
      year: 2021,
      yearDigits: 4,
      serial: '034286',
      service: { index: 1, type: 'website', suffix: '1' },
    },
    {
      input: '蜀ICP备 12005138号-1',
      normalized: '蜀ICP备12005138号-1',
      province: '51',
      year: 2012,
      yearDigits: 2,
      serial: '005138',
      service: { index: 1, type: 'website', suffix: '1' },
    },
    {
      input: '京ICP备2024012345号-2A',
      normalized: '京ICP备2024012345号-2A',
      province: '11',
      year: 2024,
      yearDigits: 4,
      serial: '012345',
      service: { index: 2, type: 'app', suffix: '2A' },
    },
    {
      input: '京ICP备2024012345号-3X',
      normalized: '京ICP备2024012345号-3X',
      province: '11',
      year: 2024,
      yearDigits: 4,
      serial: '012345',
      service: { index: 3, type: 'mini_program', suffix: '3X' },
    },
    {
      input: '京ICP备2024012345号-4K',
      normalized: '京ICP备2024012345号-4K',
      province: '11',
      year: 2024,
      yearDigits: 4,
      serial: '012345',
      service: { index: 4, type: 'quick_app', suffix: '4K' },
    },
    {
      input: '京ICP备16059763号',
      normalized: '京ICP备16059763号',
      province: '11',
      year: 2016,
      yearDigits: 2,
      serial: '059763',
    },
    {
      input: '京ICP备10046444号-7',
      normalized: '京ICP备10046444号-7',
      province: '11',
      year: 2010,
      yearDigits: 2,
      serial: '046444',
      service: { index: 7, type: 'website', suffix: '7' },
    },
    {
      input: '陇ICP备2021003158号-1',
      normalized: '陇ICP备2021003158号-1',
      province: '62',
      year: 2021,
      yearDigits: 4,
      serial: '003158',
      service: { index: 1, type: 'website', suffix: '1' },
    },
    {
      input: '蜀ICP备2026007879号-1',
      normalized: '蜀ICP备2026007879号-1',
      province: '51',
      year: 2026,
      yearDigits: 4,
      serial: '007879',
      service: { index: 1, type: 'website', suffix: '1' },
    },
    {
      input: '川ICP备09012345号',
      normalized: '川ICP备09012345号',
      province: '51',
      year: 2009,
      yearDigits: 2,
      serial: '012345',
      warnings: ['legacy_abbreviation'],
      legacy: true,
    },
    {
      input: '甘ICP备14000123号-2',
      normalized: '甘ICP备14000123号-2',
      province: '62',
      year: 2014,
      yearDigits: 2,
      serial: '000123',
      service: { index: 2, type: 'website', suffix: '2' },
      warnings: ['legacy_abbreviation'],
      legacy: true,
    },
    {
      input: '京icp备2021034286号-2a',
      normalized: '京ICP备2021034286号-2A',
      province: '11',
      year: 2021,
      yearDigits: 4,
      serial: '034286',
      service: { index: 2, type: 'app', suffix: '2A' },
    },
    {
      input: '京ＩＣＰ备２０２１０３４２８６号－１',
      normalized: '京ICP备2021034286号-1',
      province: '11',
      year: 2021,
      yearDigits: 4,
      serial: '034286',
      service: { index: 1, type: 'website', suffix: '1' },
    },
    {
      input: ' 京 ICP 备 2021 034286 号 – 1\u3000',
      normalized: '京ICP备2021034286号-1',
      province: '11',
      year: 2021,
      yearDigits: 4,
      serial: '034286',
      service: { index: 1, type: 'website', suffix: '1' },
    },
    {
      input: '京ICP备2021034286',
      normalized: '京ICP备2021034286号',
      province: '11',
      year: 2021,
      yearDigits: 4,
      serial: '034286',
      warnings: ['missing_trailing_hao'],
    },
    {
      input: '粤ICP备2021034286-3X',
      normalized: '粤ICP备2021034286号-3X',
      province: '44',
      year: 2021,
      yearDigits: 4,
      serial: '034286',
      service: { index: 3, type: 'mini_program', suffix: '3X' },
      warnings: ['missing_trailing_hao'],
    },
    {
      input: '京ICP备99012345号',
      normalized: '京ICP备99012345号',
      province: '11',
      year: 1999,
      yearDigits: 2,
      serial: '012345',
      warnings: ['implausible_year'],
    },
    {
      input: '京ICP备05012345号',
      normalized: '京ICP备05012345号',
      province: '11',
      year: 2005,
      yearDigits: 2,
      serial: '012345',
    },
  ];

  it.each(cases)('$input', (c) => {
    const result = parseFilingNumber(c.input);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.normalized).toBe(c.normalized);
    expect(result.warnings.map((w) => w.code)).toEqual(c.warnings ?? []);
    const value = result.value;
    expect(value?.kind).toBe('icp_filing');
    expect(value?.province.code).toBe(c.province);
    expect(value?.year).toBe(c.year);
    expect(value?.yearDigits).toBe(c.yearDigits);
    expect(value?.serial).toBe(c.serial);
    expect(value?.isLegacyAbbreviation).toBe(c.legacy ?? false);
    expect(value?.entityNumber).toBe(c.normalized.replace(/-.*$/u, ''));
    if (c.service) expect(value?.service).toEqual({ ...c.service, number: c.normalized });
    else expect(value?.service).toBeUndefined();
  });

  it('names the province in both languages', () => {
    expect(parseFilingNumber('京ICP备2021034286号').value?.province).toEqual({
      code: '11',
      nameEn: 'Beijing',
      nameZh: '北京市',
    });
  });

  it('cites sources on every issue', () => {
    const result = parseFilingNumber('川ICP备09012345');
    expect(result.warnings.length).toBe(2);
    for (const w of result.warnings) {
      expect(w.source && defaultCatalogue.index.sourceById.has(w.source)).toBe(true);
      expect(w.message.en).not.toBe('');
      expect(w.message.zh).not.toBe('');
    }
  });
});

describe('parseFilingNumber: bad inputs', () => {
  const cases: { input: string; codes: string[]; hasValue?: boolean }[] = [
    { input: '', codes: ['not_a_filing_number'] },
    { input: 'hello', codes: ['not_a_filing_number'] },
    { input: '京ICP证030173号', codes: ['not_a_filing_number'] },
    { input: '京ICP备案2021034286号', codes: ['not_a_filing_number'] },
    { input: '京公网安备11010802020134号', codes: ['not_a_filing_number'] },
    { input: 'ICP备2021034286号', codes: ['unknown_abbreviation'] },
    { input: '北京ICP备2021034286号', codes: ['unknown_abbreviation'] },
    { input: '贵ICP备2021034286号', codes: ['unknown_abbreviation'] },
    { input: 'XICP备2021034286号', codes: ['unknown_abbreviation'] },
    { input: '京ICP备202103428号', codes: ['bad_digits'] },
    { input: '京ICP备20210342861号', codes: ['bad_digits'] },
    { input: '京ICP备1234号', codes: ['bad_digits'] },
    { input: '京ICP备号', codes: ['bad_digits'] },
    { input: '京ICP备2021O34286号', codes: ['bad_digits'] },
    { input: '京ICP备1999034286号', codes: ['bad_digits'] },
    { input: '京ICP备123456号', codes: ['legacy_short_number'] },
    { input: '京ICP备1234567号-1', codes: ['legacy_short_number'] },
    { input: '京ICP备2021034286号-0', codes: ['bad_suffix'] },
    { input: '京ICP备2021034286号-01', codes: ['bad_suffix'] },
    { input: '京ICP备2021034286号-2B', codes: ['bad_suffix'] },
    { input: '京ICP备2021034286号-A', codes: ['bad_suffix'] },
    { input: '京ICP备2021034286号-', codes: ['bad_suffix'] },
    { input: '京ICP备2021034286号-1-2', codes: ['bad_suffix'] },
    { input: '京ICP备2021034286号1', codes: ['bad_suffix'] },
    { input: '京ICP备2021034286号-1234567', codes: ['bad_suffix'] },
    { input: '贵ICP备2021O34286号-0', codes: ['unknown_abbreviation', 'bad_digits', 'bad_suffix'] },
  ];

  it.each(cases)('$input → $codes', ({ input, codes }) => {
    const result = parseFilingNumber(input);
    expect(result.valid).toBe(false);
    expect(result.value).toBeUndefined();
    expect(result.errors.map((e) => e.code)).toEqual(codes);
    for (const e of result.errors) expect(e.source).toBeDefined();
  });

  it('explains the 备案 typo', () => {
    const [error] = parseFilingNumber('京ICP备案2021034286号').errors;
    expect(error?.message.en).toContain('ICP备案');
  });
});

describe('service suffixes', () => {
  it.each([
    ['1', { index: 1, type: 'website', suffix: '1' }],
    ['2A', { index: 2, type: 'app', suffix: '2A' }],
    ['3X', { index: 3, type: 'mini_program', suffix: '3X' }],
    ['4K', { index: 4, type: 'quick_app', suffix: '4K' }],
    ['136', { index: 136, type: 'website', suffix: '136' }],
  ] as const)('parses %s', (text, expected) => {
    expect(parseServiceSuffix(text)).toEqual(expected);
  });

  it.each(['', '0', '01', 'A', '2a', '2B', '-1', '1 ', '1234567'])('rejects %j', (text) => {
    expect(parseServiceSuffix(text)).toBeUndefined();
  });

  it('formats index and type', () => {
    expect(SERVICE_TYPES.map((t, i) => formatServiceSuffix(i + 1, t))).toEqual(['1', '2A', '3X', '4K']);
    expect(() => formatServiceSuffix(0, 'website')).toThrow(RangeError);
    expect(() => formatServiceSuffix(1.5, 'app')).toThrow(RangeError);
  });
});

describe('formatFilingNumber', () => {
  it.each<[FilingNumberParts, string]>([
    [{ abbreviation: '京', year: 2021, serial: 34286 }, '京ICP备2021034286号'],
    [
      { abbreviation: '京', year: 2021, serial: '034286', service: { index: 1, type: 'website' } },
      '京ICP备2021034286号-1',
    ],
    [
      { abbreviation: '京', year: 2024, serial: 12345, service: { index: 2, type: 'app' } },
      '京ICP备2024012345号-2A',
    ],
    [{ abbreviation: '京', year: 2016, yearDigits: 2, serial: 59763 }, '京ICP备16059763号'],
    [{ abbreviation: '川', year: 2009, yearDigits: 2, serial: 1 }, '川ICP备09000001号'],
    [{ abbreviation: '京', year: 1999, yearDigits: 2, serial: 1 }, '京ICP备99000001号'],
  ])('%j → %s', (parts, expected) => {
    expect(formatFilingNumber(parts)).toBe(expected);
  });

  it.each<FilingNumberParts>([
    { abbreviation: '京', year: 2021, serial: 1_000_000 },
    { abbreviation: '京', year: 2021, serial: -1 },
    { abbreviation: '京', year: 2021, serial: '12a' },
    { abbreviation: '京', year: 1999, serial: 1 },
    { abbreviation: '京', year: 2075, yearDigits: 2, serial: 1 },
    { abbreviation: 'BJ', year: 2021, serial: 1 },
    { abbreviation: '京', year: 2021, serial: 1, service: { index: 0, type: 'website' } },
  ])('rejects impossible parts %j', (parts) => {
    expect(() => formatFilingNumber(parts)).toThrow(RangeError);
  });
});

describe('properties', () => {
  const abbreviations = defaultCatalogue.provinces.flatMap((p) => [
    { abbreviation: p.icpAbbreviation, province: p.code, isLegacy: false },
    ...p.legacyAbbreviations.map((a) => ({ abbreviation: a, province: p.code, isLegacy: true })),
  ]);
  const serial = fc.integer({ min: 0, max: 999_999 });
  const yearOf = (digits: 2 | 4) =>
    digits === 4 ? fc.integer({ min: 2000, max: 2099 }) : fc.integer({ min: 1950, max: 2049 });
  const service = (type: ServiceType | undefined) =>
    type === undefined
      ? fc.constant(undefined)
      : fc.integer({ min: 1, max: 999_999 }).map((index) => ({ index, type }));
  const combos = abbreviations.flatMap((a) =>
    [...SERVICE_TYPES, undefined].flatMap((type) =>
      ([4, 2] as const).map((yearDigits) => ({ ...a, type, yearDigits })),
    ),
  );

  it('covers all 31 provinces, both legacy abbreviations, every service type and both year widths', () => {
    expect(new Set(combos.map((c) => c.province)).size).toBe(31);
    expect(combos.length).toBe((31 + 2) * 5 * 2);
  });

  it('parse(format(parts)) gives back the parts, for every province × service type × year width', () => {
    for (const combo of combos) {
      fc.assert(
        fc.property(yearOf(combo.yearDigits), serial, service(combo.type), (year, serialNumber, svc) => {
          const parts: FilingNumberParts = {
            abbreviation: combo.abbreviation,
            year,
            yearDigits: combo.yearDigits,
            serial: serialNumber,
            ...(svc ? { service: svc } : {}),
          };
          const text = formatFilingNumber(parts);
          const result = parseFilingNumber(text);
          expect(result.valid).toBe(true);
          expect(result.normalized).toBe(text);
          const value = result.value;
          expect(value?.province.code).toBe(combo.province);
          expect(value?.abbreviation).toBe(combo.abbreviation);
          expect(value?.isLegacyAbbreviation).toBe(combo.isLegacy);
          expect(value?.year).toBe(year);
          expect(value?.yearDigits).toBe(combo.yearDigits);
          expect(value?.serial).toBe(String(serialNumber).padStart(6, '0'));
          expect(value?.service?.index).toBe(svc?.index);
          expect(value?.service?.type).toBe(svc?.type);
          expect(value?.service?.number ?? value?.entityNumber).toBe(text);
        }),
        { numRuns: 15 },
      );
    }
  });

  const canonical = fc
    .record({
      a: fc.constantFrom(...abbreviations),
      yearDigits: fc.constantFrom(2 as const, 4 as const),
      serial,
      type: fc.option(fc.constantFrom(...SERVICE_TYPES), { nil: undefined }),
      index: fc.integer({ min: 1, max: 9999 }),
      y: fc.integer({ min: 0, max: 99 }),
    })
    .map(({ a, yearDigits, serial: s, type, index, y }) =>
      formatFilingNumber({
        abbreviation: a.abbreviation,
        year: yearDigits === 4 ? 2000 + y : y < 50 ? 2000 + y : 1900 + y,
        yearDigits,
        serial: s,
        ...(type ? { service: { index, type } } : {}),
      }),
    );

  it('format(parse(s)) = s on canonical strings', () => {
    fc.assert(
      fc.property(canonical, (text) => {
        const value = parseFilingNumber(text).value;
        expect(value).toBeDefined();
        if (!value) return;
        const again = formatFilingNumber({
          abbreviation: value.abbreviation,
          year: value.year,
          yearDigits: value.yearDigits,
          serial: value.serial,
          ...(value.service ? { service: value.service } : {}),
        });
        expect(again).toBe(text);
        expect(parseFilingNumber(again)).toEqual(parseFilingNumber(text));
      }),
    );
  });

  it('spaces, full-width forms and lower case do not change the result', () => {
    fc.assert(
      fc.property(
        canonical,
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        (text, cuts, fullWidth, lower) => {
          let noisy = text;
          for (const cut of cuts) {
            const at = cut % (noisy.length + 1);
            noisy = `${noisy.slice(0, at)} ${noisy.slice(at)}`;
          }
          if (lower) noisy = noisy.toLowerCase();
          if (fullWidth) noisy = toFullWidth(noisy);
          const result = parseFilingNumber(noisy);
          expect(result.normalized).toBe(text);
          expect(result.value).toEqual(parseFilingNumber(text).value);
        },
      ),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseFilingNumber(text);
        expect(result.valid).toBe(result.errors.length === 0);
      }),
    );
  });
});
