import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { parseFilingNumber, SERVICE_TYPES, type ServiceType } from './filing-number.ts';
import { nextEntityNumber, nextServiceSuffix } from './numbering.ts';

describe('nextEntityNumber', () => {
  it.each([
    [{ province: '11', approvalYear: 2024, lastSerial: null }, '京ICP备2024000001号'],
    [{ province: '11', approvalYear: 2024, lastSerial: 12344 }, '京ICP备2024012345号'],
    [{ province: 'beijing', approvalYear: 2021, lastSerial: 34285 }, '京ICP备2021034286号'],
    [{ province: '51', approvalYear: 2026, lastSerial: 7878 }, '蜀ICP备2026007879号'],
    [{ province: '川', approvalYear: 2026, lastSerial: 0 }, '蜀ICP备2026000001号'],
    [{ province: 'gansu', approvalYear: 2021, lastSerial: 3157 }, '陇ICP备2021003158号'],
    [{ province: '44', approvalYear: 2099, lastSerial: 999_998 }, '粤ICP备2099999999号'],
  ])('%j → %s', (input, expected) => {
    expect(nextEntityNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [{ province: 'atlantis', approvalYear: 2024, lastSerial: null }, 'unknown_province'],
    [{ province: '11', approvalYear: 1999, lastSerial: null }, 'bad_year'],
    [{ province: '11', approvalYear: 2024.5, lastSerial: null }, 'bad_year'],
    [{ province: '11', approvalYear: 2024, lastSerial: -1 }, 'bad_serial'],
    [{ province: '11', approvalYear: 2024, lastSerial: 1.5 }, 'bad_serial'],
    [{ province: '11', approvalYear: 2024, lastSerial: 1_000_000 }, 'bad_serial'],
    [{ province: '11', approvalYear: 2024, lastSerial: 999_999 }, 'serial_space_exhausted'],
  ])('%j → %s', (input, code) => {
    const result = nextEntityNumber(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.source).toBeDefined();
    }
  });

  it('issues parseable numbers with the current abbreviation for every province', () => {
    for (const province of defaultCatalogue.provinces) {
      fc.assert(
        fc.property(
          fc.integer({ min: 2000, max: 2099 }),
          fc.option(fc.integer({ min: 0, max: 999_998 }), { nil: null }),
          (approvalYear, lastSerial) => {
            const result = nextEntityNumber({ province: province.code, approvalYear, lastSerial });
            if (!result.ok) throw new Error(result.error.code);
            const parsed = parseFilingNumber(result.value);
            expect(parsed.valid).toBe(true);
            expect(parsed.warnings).toEqual([]);
            expect(parsed.value?.abbreviation).toBe(province.icpAbbreviation);
            expect(parsed.value?.year).toBe(approvalYear);
            expect(Number(parsed.value?.serial)).toBe((lastSerial ?? 0) + 1);
          },
        ),
        { numRuns: 20 },
      );
    }
  });
});

describe('nextServiceSuffix', () => {
  it.each<[string[], ServiceType, { index: number; suffix: string }]>([
    [[], 'website', { index: 1, suffix: '1' }],
    [[], 'app', { index: 1, suffix: '1A' }],
    [['1'], 'app', { index: 2, suffix: '2A' }],
    [['1', '2A'], 'mini_program', { index: 3, suffix: '3X' }],
    [['1', '2A', '3X'], 'quick_app', { index: 4, suffix: '4K' }],
    [['1', '2A', '3X', '4K'], 'website', { index: 5, suffix: '5' }],
    [['7'], 'website', { index: 8, suffix: '8' }],
    [['3X', '1'], 'app', { index: 4, suffix: '4A' }],
  ])('%j + %s → %j', (usedSuffixes, type, expected) => {
    expect(nextServiceSuffix({ usedSuffixes, type })).toEqual({ ok: true, value: expected });
  });

  it.each<[string[], string]>([
    [['0'], 'bad_suffix'],
    [['01'], 'bad_suffix'],
    [['2B'], 'bad_suffix'],
    [['-1'], 'bad_suffix'],
    [[''], 'bad_suffix'],
    [['2a'], 'bad_suffix'],
    [['1', '1A'], 'duplicate_suffix_index'],
    [['2', '2'], 'duplicate_suffix_index'],
    [['999999'], 'suffix_space_exhausted'],
  ])('%j → %s', (usedSuffixes, code) => {
    const result = nextServiceSuffix({ usedSuffixes, type: 'website' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });

  it('one shared sequence: issuing in any type order never repeats an index', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SERVICE_TYPES), { maxLength: 40 }), (types) => {
        const used: string[] = [];
        for (const [i, type] of types.entries()) {
          const next = nextServiceSuffix({ usedSuffixes: used, type });
          if (!next.ok) throw new Error(next.error.code);
          expect(next.value.index).toBe(i + 1);
          used.push(next.value.suffix);
        }
        expect(new Set(used.map((s) => Number.parseInt(s, 10))).size).toBe(used.length);
      }),
    );
  });

  it('cancelled suffixes still count: the next index is max used + 1 whatever is left out', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(...SERVICE_TYPES),
        (indexes, type) => {
          const used = indexes.map((i) => `${i}`);
          const next = nextServiceSuffix({ usedSuffixes: used, type });
          if (!next.ok) throw new Error(next.error.code);
          expect(next.value.index).toBe(Math.max(...indexes) + 1);
        },
      ),
    );
  });
});
