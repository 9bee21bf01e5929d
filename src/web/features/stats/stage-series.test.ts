import { describe, expect, it } from 'vitest';
import { buildStageSeries } from './stage-series.ts';

const times = [
  { provinceCode: '11', stage: 'provider_review', count: 4, medianWorkingDays: 1, p90WorkingDays: 2.5 },
  { provinceCode: '11', stage: 'authority_review', count: 3, medianWorkingDays: 8, p90WorkingDays: 17 },
  { provinceCode: '44', stage: 'provider_review', count: 2, medianWorkingDays: 1.5, p90WorkingDays: 3 },
] as const;

describe('buildStageSeries', () => {
  it.each([
    ['medianWorkingDays', [1, 1.5], [8, null]],
    ['p90WorkingDays', [2.5, 3], [17, null]],
  ] as const)('plots %s for each province and stage', (measure, provider, authority) => {
    const { provinces, series } = buildStageSeries([...times], measure);
    expect(provinces).toEqual(['11', '44']);
    expect(series.map((s) => s.stage)).toEqual([
      'provider_review',
      'identity_verification',
      'sms_verification',
      'authority_review',
    ]);
    expect(series.find((s) => s.stage === 'provider_review')?.data).toEqual(provider);
    expect(series.find((s) => s.stage === 'authority_review')?.data).toEqual(authority);
    expect(series.find((s) => s.stage === 'sms_verification')?.data).toEqual([null, null]);
  });

  it('has no provinces without data', () => {
    expect(buildStageSeries([], 'p90WorkingDays').provinces).toEqual([]);
  });
});
