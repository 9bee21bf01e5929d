import type { OrderStats } from './api.ts';

/** The review stages the statistics time, in workflow order. */
export const STATS_STAGES = [
  'provider_review',
  'identity_verification',
  'sms_verification',
  'authority_review',
] as const;
export type StatsStage = (typeof STATS_STAGES)[number];

/** Which figure of a stage's times the chart plots. */
export type StageMeasure = 'medianWorkingDays' | 'p90WorkingDays';

export interface StageSeries {
  /** Province codes on the category axis, in the order the server lists them. */
  provinces: string[];
  /** One series per stage: the measure for each province, null where the stage has no data there. */
  series: { stage: StatsStage; data: (number | null)[] }[];
}

/** The time-per-stage chart's data for the chosen measure (median or 90th percentile). */
export function buildStageSeries(stageTimes: OrderStats['stageTimes'], measure: StageMeasure): StageSeries {
  const provinces = [...new Set(stageTimes.map((s) => s.provinceCode))];
  return {
    provinces,
    series: STATS_STAGES.map((stage) => ({
      stage,
      data: provinces.map(
        (code) => stageTimes.find((s) => s.provinceCode === code && s.stage === stage)?.[measure] ?? null,
      ),
    })),
  };
}
