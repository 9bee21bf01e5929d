import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../shared/issue.ts';
import type { LicenceKind, LicenceScope } from './licence-kind.ts';
import {
  type CheckedLicenceFacts,
  checkLicencePrerequisites,
  type LicenceFacts,
  type LicencePrerequisites,
  toLicenceMaterialInput,
  validateLicenceFacts,
} from './licence-prerequisites.ts';

const FILING = '京ICP备2024012345号';

function check(
  kind: LicenceKind,
  scope: LicenceScope,
  provinceCode: string,
  facts: LicenceFacts,
): LicencePrerequisites {
  return checkLicencePrerequisites(kind, validate(kind, scope, provinceCode, facts));
}

function validate(
  kind: LicenceKind,
  scope: LicenceScope,
  provinceCode: string,
  facts: LicenceFacts,
): CheckedLicenceFacts {
  const result = validateLicenceFacts({ kind, scope, provinceCode, facts });
  if (!result.ok) throw new Error(result.error.map((i) => i.code).join(', '));
  return result.value;
}

function invalid(facts: LicenceFacts, provinceCode = '11'): Issue[] {
  const result = validateLicenceFacts({ kind: 'icp', scope: 'provincial', provinceCode, facts });
  if (result.ok) throw new Error('expected invalid facts');
  return result.error;
}

const beijingCompany: LicenceFacts = {
  applicantKind: 'chinese_company',
  registeredCapitalRmb: 2_000_000,
  icpFilingNumber: FILING,
};

describe('checkLicencePrerequisites', () => {
  it.each<[string, LicenceKind, LicenceScope, string, LicenceFacts, string[], string[]]>([
    [
      'a Chinese company in Beijing with capital and a filing',
      'icp',
      'provincial',
      '11',
      beijingCompany,
      [
        'licence.filing_number.present',
        'licence.company_required',
        'licence.foreign_ownership.none',
        'licence.registered_capital.met',
        'licence.issuer.province',
      ],
      [],
    ],
    [
      'a 60 %-foreign joint venture asking for the ICP licence',
      'icp',
      'provincial',
      '11',
      { ...beijingCompany, applicantKind: 'joint_venture', chineseOwnershipPercent: 40 },
      ['licence.filing_number.present', 'licence.company_required', 'licence.foreign_ownership.over_cap'],
      ['licence.foreign_ownership.over_cap'],
    ],
    [
      'a WFOE asking for a cross-regional EDI licence',
      'edi',
      'cross_regional',
      '31',
      { applicantKind: 'wfoe', registeredCapitalRmb: 20_000_000, icpFilingNumber: '沪ICP备2023000001号-1' },
      [
        'edi.filing_number.present',
        'edi.foreign_ownership.unlimited',
        'edi.registered_capital.met',
        'edi.issuer.miit',
      ],
      [],
    ],
    [
      'a WFOE in the Beijing pilot zone asking for the ICP licence',
      'icp',
      'provincial',
      '11',
      { ...beijingCompany, applicantKind: 'wfoe', pilotZone: 'beijing' },
      ['licence.foreign_ownership.pilot_zone'],
      [],
    ],
    [
      'a WFOE claiming the Beijing pilot while registered in Guangdong',
      'icp',
      'provincial',
      '44',
      {
        applicantKind: 'wfoe',
        pilotZone: 'beijing',
        registeredCapitalRmb: 2_000_000,
        icpFilingNumber: '粤ICP备2024000001号',
      },
      ['licence.foreign_ownership.pilot_zone_registration'],
      ['licence.foreign_ownership.pilot_zone_registration'],
    ],
    [
      'cross-regional capital below RMB 10 million',
      'icp',
      'cross_regional',
      '11',
      { ...beijingCompany, registeredCapitalRmb: 5_000_000 },
      ['licence.registered_capital.below', 'licence.issuer.miit'],
      ['licence.registered_capital.below'],
    ],
    [
      'no filing number yet',
      'icp',
      'provincial',
      '11',
      { applicantKind: 'chinese_company', registeredCapitalRmb: 1_000_000 },
      ['licence.filing_number.missing', 'licence.registered_capital.met'],
      ['licence.filing_number.missing'],
    ],
    [
      'an individual',
      'icp',
      'provincial',
      '11',
      { applicantKind: 'chinese_individual', icpFilingNumber: FILING },
      ['licence.company_required'],
      ['licence.company_required'],
    ],
  ])('%s', (_name, kind, scope, province, facts, expected, blocking) => {
    const result = check(kind, scope, province, facts);
    const ids = result.checks.map((c) => c.ruleId);
    for (const id of expected) expect(ids).toContain(id);
    expect(result.blocking.map((c) => c.ruleId)).toEqual(blocking);
    expect(result.isMet).toBe(blocking.length === 0);
    // The engine's "can the filing be obtained" is replaced by the filing-number check.
    expect(ids.some((id) => id.endsWith('.requires_filing'))).toBe(false);
    for (const found of result.checks) expect(found.sources.length).toBeGreaterThan(0);
  });

  it('explains a failed check and says what to do', () => {
    const result = check('icp', 'provincial', '11', {
      ...beijingCompany,
      applicantKind: 'joint_venture',
      chineseOwnershipPercent: 40,
    });
    const overCap = result.blocking[0];
    expect(overCap?.message.en).toContain('60 %');
    expect(overCap?.sources).toContain('fite-2022');
    expect(result.nextSteps.map((s) => s.id)).toEqual(
      expect.arrayContaining(['reduce_foreign_ownership', 'use_edi_for_platform']),
    );
  });

  it('does not block on a filing from another province, but says the authority will check it', () => {
    const result = check('icp', 'provincial', '11', {
      ...beijingCompany,
      icpFilingNumber: '粤ICP备2024000001号',
    });
    const found = result.checks.find((c) => c.ruleId === 'licence.filing_number.other_province');
    expect(found?.outcome).toBe('condition');
    expect(result.isMet).toBe(true);
  });

  it('never blocks an EDI application on foreign ownership', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.boolean(), (chinese, crossRegional) => {
        const result = check('edi', crossRegional ? 'cross_regional' : 'provincial', '11', {
          ...beijingCompany,
          registeredCapitalRmb: 50_000_000,
          applicantKind: 'joint_venture',
          chineseOwnershipPercent: chinese,
        });
        expect(result.isMet).toBe(true);
      }),
    );
  });

  it('blocks the ICP licence exactly when foreign ownership exceeds 50 % outside the pilot zones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), (chinese) => {
        const result = check('icp', 'provincial', '11', {
          ...beijingCompany,
          applicantKind: 'joint_venture',
          chineseOwnershipPercent: chinese,
        });
        expect(result.isMet).toBe(100 - chinese <= 50);
      }),
    );
  });
});

describe('validateLicenceFacts', () => {
  it('prints the filing number as the codec does and keeps pre-approvals once each', () => {
    const checked = validate('icp', 'provincial', '京', {
      ...beijingCompany,
      icpFilingNumber: ' 京ICP备2024012345号-2 ',
      preApprovals: ['news', 'news', 'education'],
    });
    expect(checked.provinceCode).toBe('11');
    expect(checked.facts.icpFilingNumber).toBe('京ICP备2024012345号-2');
    expect(checked.facts.preApprovals).toEqual(['news', 'education']);
  });

  it.each<[string, LicenceFacts, string]>([
    [
      'a joint venture without its ownership',
      { applicantKind: 'joint_venture' },
      'facts.chineseOwnershipPercent',
    ],
    [
      'a malformed filing number',
      { applicantKind: 'chinese_company', icpFilingNumber: 'ICP-123' },
      'facts.icpFilingNumber',
    ],
    [
      'a negative capital',
      { applicantKind: 'chinese_company', registeredCapitalRmb: -1 },
      'facts.registeredCapitalRmb',
    ],
    [
      'an unknown pre-approval',
      { applicantKind: 'chinese_company', preApprovals: ['casino'] },
      'facts.preApprovals.0',
    ],
  ])('refuses %s', (_name, facts, field) => {
    expect(invalid(facts).map((i) => i.params?.field)).toContain(field);
  });

  it('refuses an unknown province', () => {
    expect(invalid(beijingCompany, 'atlantis')[0]?.code).toBe('unknown_province');
  });
});

describe('toLicenceMaterialInput', () => {
  it.each<[LicenceFacts, boolean]>([
    [{ applicantKind: 'chinese_company' }, false],
    [{ applicantKind: 'joint_venture', chineseOwnershipPercent: 99 }, true],
    [{ applicantKind: 'wfoe' }, true],
  ])('%o is foreign-invested: %s', (facts, expected) => {
    const input = toLicenceMaterialInput({ kind: 'icp', scope: 'provincial', provinceCode: '11', facts });
    expect(input.isForeignInvested).toBe(expected);
  });

  it('passes the pre-approvals on', () => {
    const input = toLicenceMaterialInput({
      kind: 'edi',
      scope: 'cross_regional',
      provinceCode: '11',
      facts: { applicantKind: 'chinese_company', preApprovals: ['education'] },
    });
    expect(input).toEqual({
      kind: 'edi',
      scope: 'cross_regional',
      isForeignInvested: false,
      preApprovals: ['education'],
    });
  });
});
