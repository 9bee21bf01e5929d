import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectNumberKind, parseAnyNumber } from './detect-number.ts';

describe('parseAnyNumber', () => {
  it.each([
    ['京ICP备2021034286号-1', 'icp_filing', '京ICP备2021034286号-1'],
    ['蜀ICP备 12005138号-1', 'icp_filing', '蜀ICP备12005138号-1'],
    ['京ICP备2024012345号-4K', 'icp_filing', '京ICP备2024012345号-4K'],
    ['京ICP证030173号-136', 'icp_licence', '京ICP证030173号-136'],
    ['京ICP证110507号', 'icp_licence', '京ICP证110507号'],
    ['京B2-20212732', 'telecom_licence', '京B2-20212732'],
    ['B2-20080207', 'telecom_licence', 'B2-20080207'],
    ['A2.B1.B2-20090003', 'telecom_licence', 'A2.B1.B2-20090003'],
    ['苏公网安备32041102000483号', 'psb_filing', '苏公网安备32041102000483号'],
    ['京公网安备 11010202009201号', 'psb_filing', '京公网安备11010202009201号'],
  ])('%s → %s', (input, kind, normalized) => {
    const result = parseAnyNumber(input);
    expect(result.errors).toEqual([]);
    expect(result.value?.kind).toBe(kind);
    expect(result.normalized).toBe(normalized);
  });

  it('narrows on kind', () => {
    const value = parseAnyNumber('苏公网安备32041102000483号').value;
    expect(value?.kind === 'psb_filing' ? value.county?.nameEn : undefined).toBe('Xinbei District');
  });

  it('delegates errors of a detected kind', () => {
    expect(parseAnyNumber('京ICP备2021034286号-0').errors.map((e) => e.code)).toEqual(['bad_suffix']);
    expect(parseAnyNumber('京ICP证03017号').errors.map((e) => e.code)).toEqual(['bad_digits']);
    expect(parseAnyNumber('京C2-20212732').errors.map((e) => e.code)).toEqual(['bad_category']);
  });

  it.each(['', 'hello', '20212732', '京网文（2024）1468-073号', '(京)-经营性-2024-0502', '京ICP'])(
    '%j is unrecognised',
    (input) => {
      const result = parseAnyNumber(input);
      expect(result.valid).toBe(false);
      expect(result.errors.map((e) => e.code)).toEqual(['unrecognised_number']);
      expect(result.errors[0]?.message.en).toContain('京ICP备2021034286号');
      expect(result.errors[0]?.message.en).toContain('京公网安备11010802020134号');
    },
  );

  it('detects the kind from its marker', () => {
    expect(detectNumberKind('京 icp 备 123')).toBe('icp_filing');
    expect(detectNumberKind('京ICP证B2-20171701号')).toBe('icp_licence');
    expect(detectNumberKind('b2-2008')).toBe('telecom_licence');
    expect(detectNumberKind('公网安备')).toBe('psb_filing');
    expect(detectNumberKind('no number')).toBeUndefined();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseAnyNumber(text);
        expect(result.valid).toBe(result.errors.length === 0);
      }),
    );
  });
});
