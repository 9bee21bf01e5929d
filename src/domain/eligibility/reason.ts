import type { Catalogue } from '../catalogue/catalogue.ts';
import type { Province } from '../catalogue/schema.ts';
import type { Eligibility, NextStep, Outcome, ProvinceRef, Reason } from './assessment.ts';

/** Small builders shared by the rule groups, so every reason has the same shape. */

export function reason(
  ruleId: string,
  outcome: Outcome,
  en: string,
  zh: string,
  sources: string[],
  params?: Reason['params'],
): Reason {
  return params === undefined
    ? { ruleId, outcome, message: { en, zh }, sources: dedupe(sources) }
    : { ruleId, outcome, message: { en, zh }, sources: dedupe(sources), params };
}

export function nextStep(id: string, en: string, zh: string, sources: string[]): NextStep {
  return { id, message: { en, zh }, sources: dedupe(sources) };
}

export function dedupe<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** Any failing reason blocks; otherwise any condition makes the answer conditional. */
export function deriveEligibility(applies: boolean, reasons: readonly Reason[]): Eligibility {
  if (!applies) return 'not_applicable';
  if (reasons.some((r) => r.outcome === 'fail')) return 'not_eligible';
  if (reasons.some((r) => r.outcome === 'condition')) return 'conditional';
  return 'eligible';
}

/** The outcome a prerequisite instrument passes on to the instruments that need it. */
export function outcomeOfPrerequisite(eligibility: Eligibility): Outcome {
  switch (eligibility) {
    case 'eligible':
      return 'pass';
    case 'conditional':
      return 'condition';
    case 'not_eligible':
      return 'fail';
    case 'not_applicable':
      return 'info';
  }
}

export function toProvinceRef(province: Province): ProvinceRef {
  return { code: province.code, nameEn: province.nameEn, nameZh: province.nameZh };
}

/** "Hebei, Jiangxi" / "河北省、江西省" for messages. */
export function listProvinceNames(provinces: readonly ProvinceRef[]): { en: string; zh: string } {
  return {
    en: provinces.map((p) => p.nameEn).join(', '),
    zh: provinces.map((p) => p.nameZh).join('、'),
  };
}

/** Province codes in catalogue order, resolved to references (unknown codes are skipped). */
export function toProvinceRefs(catalogue: Catalogue, codes: Iterable<string>): ProvinceRef[] {
  const wanted = new Set(codes);
  return catalogue.provinces.filter((p) => wanted.has(p.code)).map(toProvinceRef);
}
