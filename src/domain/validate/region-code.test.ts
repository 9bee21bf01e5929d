import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { checkRegionCode, resolveRegionCode } from './region-code.ts';

describe('resolveRegionCode', () => {
  it.each([
    ['110105', 'county', '朝阳区'],
    ['350100', 'city', '福州市'],
    ['440000', 'province', '广东省'],
    ['810000', 'province', '香港特别行政区'],
    ['100000', 'national', undefined],
    ['119999', 'unknown', '北京市'],
    ['990000', 'unknown', undefined],
  ])('%s resolves to level %s', (code, level, name) => {
    const region = resolveRegionCode(defaultCatalogue, code);
    expect(region.level).toBe(level);
    const named = region.county ?? region.city ?? region.province ?? region.outsideFiling;
    expect(named?.nameZh).toBe(name);
  });

  it('warns (never errors) on unknown codes, citing GB/T 2260', () => {
    expect(checkRegionCode(resolveRegionCode(defaultCatalogue, '110105'))).toBeUndefined();
    const warning = checkRegionCode(resolveRegionCode(defaultCatalogue, '990101'));
    expect(warning).toMatchObject({
      code: 'unknown_region_code',
      source: 'gbt-2260',
      params: { regionCode: '990101' },
    });
  });
});
