import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../domain/catalogue/default-catalogue.ts';
import { addMonths, checkInstanceEligibility, coversMinimumTerm } from './instance-eligibility.ts';

describe('addMonths', () => {
  it('keeps the day and clamps it to the month', () => {
    expect(addMonths('2026-01-15', 3)).toBe('2026-04-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-02', 12)).toBe('2027-03-02');
  });
});

describe('coversMinimumTerm', () => {
  it('needs three full months, the last day included', () => {
    expect(coversMinimumTerm('2026-01-01', '2026-03-31')).toBe(true);
    expect(coversMinimumTerm('2026-01-01', '2026-03-30')).toBe(false);
    expect(coversMinimumTerm('2026-01-15', '2026-04-14')).toBe(true);
    expect(coversMinimumTerm('2026-01-15', '2026-04-13')).toBe(false);
  });
});

describe('checkInstanceEligibility', () => {
  const instance = { provinceCode: '11', subscriptionStart: '2026-01-01', subscriptionEnd: '2026-12-31' };
  const codes = (today: string, overrides = {}) =>
    checkInstanceEligibility({ ...instance, ...overrides }, today, defaultCatalogue).issues.map(
      (i) => i.code,
    );

  it('accepts a mainland instance subscribed for a year, while it runs', () => {
    expect(codes('2026-03-02')).toEqual([]);
  });

  it('names every reason an instance cannot carry a filing', () => {
    expect(codes('2026-03-02', { provinceCode: '81' })).toEqual(['instance_not_in_mainland']);
    expect(codes('2026-02-01', { subscriptionEnd: '2026-02-28' })).toEqual(['subscription_too_short']);
    expect(codes('2027-01-01')).toEqual(['subscription_expired']);
    expect(codes('2025-12-31')).toEqual(['subscription_not_started']);
  });
});
