import { describe, expect, it } from 'vitest';
import {
  type DetectOrderTypeInput,
  detectOrderType,
  type RegistryEntityRecord,
  type RegistryServiceRecord,
  type RegistrySnapshot,
} from './detect-order-type.ts';

const CERT = '91110108MA01ABCD2X';
const HERE = 'provider-here';
const OTHER = 'provider-other';
const ENTITY = '京ICP备2020000123号';

const siteOther = { serviceNumber: `${ENTITY}-1`, domain: 'example.cn', accessProviderIds: [OTHER] };
const siteShared = { serviceNumber: `${ENTITY}-2`, domain: 'example.com', accessProviderIds: [HERE, OTHER] };
const siteHereOnly = { serviceNumber: `${ENTITY}-3`, domain: 'example.net', accessProviderIds: [HERE] };

function entity(overrides: Partial<RegistryEntityRecord> = {}): RegistryEntityRecord {
  return {
    entityNumber: ENTITY,
    provinceCode: '11',
    certificateNumber: CERT,
    services: [siteOther, siteShared],
    ...overrides,
  };
}

function serviceOf(summary: typeof siteOther, entityNumber = ENTITY): RegistryServiceRecord {
  return { ...summary, entityNumber };
}

const foreignService: RegistryServiceRecord = {
  serviceNumber: '京ICP备2019000999号-1',
  domain: 'taken.cn',
  entityNumber: '京ICP备2019000999号',
  accessProviderIds: [OTHER],
};

function input(
  intent: DetectOrderTypeInput['intent'],
  registry: RegistrySnapshot,
  overrides: Partial<DetectOrderTypeInput> = {},
): DetectOrderTypeInput {
  return { intent, certificateNumber: CERT, province: '11', providerId: HERE, registry, ...overrides };
}

describe('detectOrderType: detected types', () => {
  it.each<[string, DetectOrderTypeInput, Record<string, unknown>]>([
    [
      'first filing: neither entity nor domain is filed',
      input('file_service', { entity: null, service: null }, { domain: 'https://www.Example.CN/about' }),
      { orderType: 'first_filing', domain: 'example.cn', entityAtThisProvider: false, warnings: [] },
    ],
    [
      'first filing by province name and an IDN domain',
      input('file_service', { entity: null, service: null }, { domain: '例子.中国', province: '北京' }),
      { orderType: 'first_filing', provinceCode: '11', domain: 'xn--fsqu00a.xn--fiqs8s' },
    ],
    [
      'add service, entity filed through another provider (无主体)',
      input(
        'file_service',
        { entity: entity({ services: [siteOther] }), service: null },
        { domain: 'new.cn' },
      ),
      { orderType: 'add_service', entityNumber: ENTITY, entityAtThisProvider: false, domain: 'new.cn' },
    ],
    [
      'add service, entity filed here (有主体)',
      input('file_service', { entity: entity(), service: null }, { domain: 'new.cn' }),
      { orderType: 'add_service', entityNumber: ENTITY, entityAtThisProvider: true },
    ],
    [
      'add service to a shell entity where the province allows it (Beijing)',
      input('file_service', { entity: entity({ services: [] }), service: null }, { domain: 'new.cn' }),
      { orderType: 'add_service', entityAtThisProvider: false },
    ],
    [
      'add access: entity and domain filed, accessed elsewhere',
      input('file_service', { entity: entity(), service: serviceOf(siteOther) }, { domain: 'example.cn' }),
      { orderType: 'add_access', serviceNumber: `${ENTITY}-1`, entityAtThisProvider: true },
    ],
    [
      'change of the entity only (no domain)',
      input('change', { entity: entity(), service: null }),
      { orderType: 'change', entityNumber: ENTITY, warnings: [] },
    ],
    [
      'change of a service accessed here',
      input('change', { entity: entity(), service: serviceOf(siteShared) }, { domain: 'example.com' }),
      { orderType: 'change', serviceNumber: `${ENTITY}-2` },
    ],
    [
      'cancel service, the entity keeps others',
      input(
        'cancel_service',
        { entity: entity(), service: serviceOf(siteShared) },
        { domain: 'example.com' },
      ),
      { orderType: 'cancel_service', serviceNumber: `${ENTITY}-2`, warnings: [] },
    ],
    [
      'cancel access, other providers remain',
      input('cancel_access', { entity: entity(), service: serviceOf(siteShared) }, { domain: 'example.com' }),
      { orderType: 'cancel_access', serviceNumber: `${ENTITY}-2`, warnings: [] },
    ],
    [
      'a change or cancellation of a domain whose suffix is no longer fileable',
      input(
        'cancel_service',
        {
          entity: entity({
            services: [siteShared, { ...siteShared, serviceNumber: `${ENTITY}-4`, domain: 'old.io' }],
          }),
          service: serviceOf({ ...siteShared, serviceNumber: `${ENTITY}-4`, domain: 'old.io' }),
        },
        { domain: 'old.io' },
      ),
      { orderType: 'cancel_service', domain: 'old.io' },
    ],
  ])('%s', (_name, detectInput, expected) => {
    const result = detectOrderType(detectInput);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ provinceCode: '11', ...expected });
  });

  it('warns that cancelling the entity removes every service, also those elsewhere', () => {
    const result = detectOrderType(input('cancel_entity', { entity: entity(), service: null }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.orderType).toBe('cancel_entity');
    expect(result.value.warnings.map((w) => w.code)).toEqual(['cancels_all_services']);
    expect(result.value.warnings[0]?.params).toMatchObject({ services: 2 });
  });

  it('warns that cancelling the last service leaves a shell entity', () => {
    const result = detectOrderType(
      input(
        'cancel_service',
        { entity: entity({ services: [siteHereOnly] }), service: serviceOf(siteHereOnly) },
        { domain: 'example.net' },
      ),
    );
    expect(result.ok && result.value.warnings.map((w) => w.code)).toEqual(['entity_becomes_shell']);
  });

  it('warns when the provider cancelling access is the last one', () => {
    const result = detectOrderType(
      input(
        'cancel_access',
        { entity: entity(), service: serviceOf(siteHereOnly) },
        { domain: 'example.net' },
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.orderType).toBe('cancel_access');
    const [warning] = result.value.warnings;
    expect(warning?.code).toBe('last_access_provider');
    expect(warning?.message.zh).toContain('空壳');
  });
});

describe('detectOrderType: conflicts', () => {
  it.each<[string, DetectOrderTypeInput, string]>([
    [
      'domain filed under another entity, applicant has no filing',
      input('file_service', { entity: null, service: foreignService }, { domain: 'taken.cn' }),
      'domain_filed_under_other_entity',
    ],
    [
      'domain filed under another entity, applicant filed',
      input('file_service', { entity: entity(), service: foreignService }, { domain: 'taken.cn' }),
      'domain_filed_under_other_entity',
    ],
    [
      'entity filed in another province (cross-province = cancel and refile)',
      input('file_service', { entity: entity({ provinceCode: '13' }), service: null }, { domain: 'new.cn' }),
      'entity_filed_in_other_province',
    ],
    [
      'change in another province',
      input('change', { entity: entity({ provinceCode: '31' }), service: null }),
      'entity_filed_in_other_province',
    ],
    [
      'add access where this provider already gives access',
      input('file_service', { entity: entity(), service: serviceOf(siteShared) }, { domain: 'example.com' }),
      'already_accessed_here',
    ],
    [
      'shell entity in a province that makes it refile (Hebei)',
      input(
        'file_service',
        {
          entity: entity({ provinceCode: '13', entityNumber: '冀ICP备2020000123号', services: [] }),
          service: null,
        },
        { domain: 'new.cn', province: '13' },
      ),
      'shell_entity_must_refile',
    ],
    [
      'change of a service this provider does not access',
      input('change', { entity: entity(), service: serviceOf(siteOther) }, { domain: 'example.cn' }),
      'no_access_to_record',
    ],
    [
      'entity change by a provider hosting none of its services',
      input('change', { entity: entity({ services: [siteOther] }), service: null }),
      'no_access_to_record',
    ],
    [
      'cancel service accessed elsewhere',
      input('cancel_service', { entity: entity(), service: serviceOf(siteOther) }, { domain: 'example.cn' }),
      'no_access_to_record',
    ],
    [
      'cancel access of a service this provider does not access',
      input('cancel_access', { entity: entity(), service: serviceOf(siteOther) }, { domain: 'example.cn' }),
      'no_access_to_record',
    ],
    [
      'cancel a shell entity (offline at the authority)',
      input('cancel_entity', { entity: entity({ services: [] }), service: null }),
      'no_access_to_record',
    ],
    ['change without any filing', input('change', { entity: null, service: null }), 'entity_not_filed'],
    [
      'cancel entity without any filing',
      input('cancel_entity', { entity: null, service: null }),
      'entity_not_filed',
    ],
    [
      'cancel a domain filed under someone else',
      input('cancel_service', { entity: entity(), service: foreignService }, { domain: 'taken.cn' }),
      'service_not_filed_under_entity',
    ],
    [
      'cancel a domain not filed at all',
      input('cancel_access', { entity: entity(), service: null }, { domain: 'nothing.cn' }),
      'service_not_filed_under_entity',
    ],
    ['filing without a domain', input('file_service', { entity: null, service: null }), 'domain_required'],
    [
      'cancel service without a domain',
      input('cancel_service', { entity: entity(), service: null }, { domain: ' ' }),
      'domain_required',
    ],
    [
      'filing a suffix that cannot be filed',
      input('file_service', { entity: null, service: null }, { domain: 'example.io' }),
      'tld_not_fileable',
    ],
    [
      'unknown province',
      input('file_service', { entity: null, service: null }, { domain: 'new.cn', province: 'Atlantis' }),
      'unknown_province',
    ],
  ])('%s → %s', (_name, detectInput, code) => {
    const result = detectOrderType(detectInput);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.en.length).toBeGreaterThan(10);
    expect(result.error.message.zh).toMatch(/\p{Script=Han}/u);
  });

  it('names the province where the entity is filed', () => {
    const result = detectOrderType(
      input('file_service', { entity: entity({ provinceCode: '31' }), service: null }, { domain: 'new.cn' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message.en).toContain('Shanghai');
    expect(result.error.message.zh).toContain('上海');
    expect(result.error.params).toMatchObject({ filedIn: '31', requested: '11' });
  });

  it('refuses a registry snapshot of another certificate as a caller bug', () => {
    expect(() =>
      detectOrderType(
        input('change', { entity: entity({ certificateNumber: '110101199003077777' }), service: null }),
      ),
    ).toThrow(RangeError);
    // Full-width characters and case do not make a different certificate.
    expect(
      detectOrderType(
        input('change', { entity: entity(), service: null }, { certificateNumber: '９１110108ma01abcd2x' }),
      ).ok,
    ).toBe(true);
  });
});
