import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../domain/catalogue/default-catalogue.ts';
import { parseFilingNumber } from '../../../domain/numbers/filing-number.ts';
import { validateDomain } from '../../../domain/validate/domain.ts';
import { generateRegistrySample } from './registry-sample.ts';

describe('generateRegistrySample', () => {
  const entries = [...generateRegistrySample({ services: 6_000, seed: 3 })];
  const services = entries.flatMap((e) => e.services.map((s) => ({ entity: e.entity, service: s })));

  it('yields exactly the requested services, the same ones for the same seed', () => {
    expect(services).toHaveLength(6_000);
    expect([...generateRegistrySample({ services: 6_000, seed: 3 })]).toEqual(entries);
    expect([...generateRegistrySample({ services: 50, seed: 4 })]).not.toEqual([
      ...generateRegistrySample({ services: 50, seed: 3 }),
    ]);
  });

  it('covers all 31 provinces and the main entity natures', () => {
    expect(new Set(entries.map((e) => e.entity.provinceCode)).size).toBe(31);
    const natures = new Set(entries.map((e) => e.entity.nature));
    for (const nature of [
      'enterprise',
      'individual',
      'government',
      'public_institution',
      'social_organisation',
    ]) {
      expect(natures).toContain(nature);
    }
    for (const nature of natures) expect(defaultCatalogue.index.natureById.has(nature)).toBe(true);
  });

  it('issues numbers the codec accepts: unique, 8 digits before 2019-04-22 and 10 after, suffix per type', () => {
    const numbers = new Set<string>();
    for (const { entity, service } of services) {
      const parsed = parseFilingNumber(service.serviceNumber);
      expect(parsed.valid, service.serviceNumber).toBe(true);
      expect(parsed.value?.entityNumber).toBe(entity.entityNumber);
      expect(parsed.value?.service?.type).toBe(service.serviceType);
      expect(parsed.value?.province.code).toBe(entity.provinceCode);
      expect(parsed.value?.yearDigits).toBe(entity.approvedOn < '2019-04-22' ? 2 : 4);
      expect(service.approvedOn >= entity.approvedOn).toBe(true);
      if (service.serviceType !== 'website') expect(service.approvedOn >= '2023-09-01').toBe(true);
      expect(numbers.has(service.serviceNumber)).toBe(false);
      numbers.add(service.serviceNumber);
    }
    expect(new Set(entries.map((e) => e.entity.entityNumber)).size).toBe(entries.length);
    const digits = new Set(services.map((s) => parseFilingNumber(s.service.serviceNumber).value?.yearDigits));
    expect(digits).toEqual(new Set([2, 4]));
  });

  it('gives websites unique domains on fileable suffixes, and short names to many individuals', () => {
    const domains = services.flatMap((s) => s.service.domains);
    expect(new Set(domains).size).toBe(domains.length);
    for (const domain of domains) expect(validateDomain(domain).valid, domain).toBe(true);
    for (const { service } of services) {
      expect(service.domains.length > 0).toBe(service.serviceType === 'website');
    }
    const twoCharacterNames = entries.filter(
      (e) => e.entity.nature === 'individual' && [...e.entity.unitName].length === 2,
    );
    expect(twoCharacterNames.length).toBeGreaterThan(50);
  });
});
