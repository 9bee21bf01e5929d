import { describe, expect, it } from 'vitest';
import { normalizeNumberText } from './number-text.ts';

describe('normalizeNumberText', () => {
  it.each([
    ['京ICP备2021034286号-1', '京ICP备2021034286号-1'],
    [' 蜀ICP备 12005138号-1 ', '蜀ICP备12005138号-1'],
    ['京ＩＣＰ备２０２１０３４２８６号－１', '京ICP备2021034286号-1'],
    ['京icp备2021034286号-2a', '京ICP备2021034286号-2A'],
    ['京B2\u201320212732', '京B2-20212732'],
    ['京B2\u221220212732', '京B2-20212732'],
    ['京公网安备\u300011010802020134\u00a0号', '京公网安备11010802020134号'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeNumberText(input)).toBe(expected);
  });
});
