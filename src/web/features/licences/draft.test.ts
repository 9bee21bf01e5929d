import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgentClient, LicenceFacts } from './api.ts';
import {
  emptyFacts,
  emptyLicenceDraft,
  type FactsDraft,
  findDraftField,
  findFirstInvalidStep,
  findStepOfField,
  fromLicenceFacts,
  type LicenceDraft,
  prefillFromEligibility,
  toCreateRequest,
  toLicenceFacts,
  toPrerequisitesRequest,
  validateLicenceStep,
} from './draft.ts';

const beijingCompany: LicenceDraft = {
  kind: 'icp',
  scope: 'provincial',
  province: '11',
  companyName: ' 北京示例科技有限公司 ',
  uscc: ' 91110108MA01EXAM95 ',
  client: '',
  facts: {
    ...emptyFacts(),
    applicantKind: 'chinese_company',
    registeredCapitalRmb: 1_000_000,
    icpFilingNumber: ' 京ICP备2026000002号 ',
  },
};

describe('toLicenceFacts', () => {
  it.each([
    ['no applicant yet', emptyFacts(), undefined],
    [
      'a Chinese company: no ownership sent, filing number trimmed',
      { ...emptyFacts(), applicantKind: 'chinese_company', icpFilingNumber: ' 京ICP备2024012345号 ' },
      { applicantKind: 'chinese_company', icpFilingNumber: '京ICP备2024012345号' },
    ],
    [
      'a joint venture sends the Chinese share',
      { ...emptyFacts(), applicantKind: 'joint_venture', foreignSharePercent: 33.3 },
      { applicantKind: 'joint_venture', chineseOwnershipPercent: 66.7 },
    ],
    [
      'a joint venture without its share cannot be checked yet',
      { ...emptyFacts(), applicantKind: 'joint_venture' },
      undefined,
    ],
    [
      'a joint venture with a share of 100 % is no joint venture',
      { ...emptyFacts(), applicantKind: 'joint_venture', foreignSharePercent: 100 },
      undefined,
    ],
    [
      'every optional fact',
      {
        ...emptyFacts(),
        applicantKind: 'wfoe',
        foreignSharePercent: 40,
        registeredCapitalRmb: 10_000_000,
        pilotZone: 'hainan_ftp',
        activities: ['ecommerce_platform'],
        preApprovals: ['education'],
      },
      {
        applicantKind: 'wfoe',
        registeredCapitalRmb: 10_000_000,
        pilotZone: 'hainan_ftp',
        activities: ['ecommerce_platform'],
        preApprovals: ['education'],
      },
    ],
  ] as [string, FactsDraft, LicenceFacts | undefined][])('%s', (_, draft, expected) => {
    expect(toLicenceFacts(draft)).toEqual(expected);
  });

  it('gives back the same facts after a round trip through the form', () => {
    const facts = fc.record(
      {
        applicantKind: fc.constantFrom(
          'chinese_company',
          'wfoe',
          'joint_venture',
          'foreign_company' as const,
        ),
        chineseOwnershipPercent: fc.integer({ min: 1, max: 99 }),
        registeredCapitalRmb: fc.integer({ min: 0, max: 1e12 }),
        pilotZone: fc.constantFrom('beijing', 'shenzhen' as const),
        icpFilingNumber: fc.constantFrom('京ICP备2024012345号', '粤ICP备2023000001号-2'),
        activities: fc.subarray(['online_sales', 'advertising', 'ecommerce_platform'] as const, {
          minLength: 1,
        }),
        preApprovals: fc.subarray(['education', 'news'], { minLength: 1 }),
      },
      { requiredKeys: ['applicantKind'] },
    );
    fc.assert(
      fc.property(facts, (input) => {
        const canonical: LicenceFacts = { ...input, activities: input.activities && [...input.activities] };
        if (canonical.activities === undefined) delete canonical.activities;
        if (input.applicantKind === 'joint_venture') {
          canonical.chineseOwnershipPercent = input.chineseOwnershipPercent ?? 60;
        } else delete canonical.chineseOwnershipPercent;
        expect(toLicenceFacts(fromLicenceFacts(canonical))).toEqual(canonical);
      }),
    );
  });
});

describe('toPrerequisitesRequest and toCreateRequest', () => {
  it('need the licence, its scope, the province and the applicant', () => {
    expect(toPrerequisitesRequest(emptyLicenceDraft({ kind: 'icp', scope: 'provincial' }))).toBeUndefined();
    expect(toPrerequisitesRequest({ ...beijingCompany, province: '' })).toBeUndefined();
    expect(toPrerequisitesRequest(beijingCompany)).toEqual({
      kind: 'icp',
      scope: 'provincial',
      province: '11',
      companyName: '北京示例科技有限公司',
      facts: {
        applicantKind: 'chinese_company',
        registeredCapitalRmb: 1_000_000,
        icpFilingNumber: '京ICP备2026000002号',
      },
    });
  });

  it('leave the company name out of the check until there is one', () => {
    expect(toPrerequisitesRequest({ ...beijingCompany, companyName: '  ' })).not.toHaveProperty(
      'companyName',
    );
  });

  it('name the agency and the client when an agent chose one', () => {
    const clients: AgentClient[] = [
      { id: 'auth-1', agencyId: '7', client: { id: '42', name: '王小明', email: 'wang@example.cn' } },
    ];
    expect(toCreateRequest(beijingCompany, clients)).toMatchObject({
      companyName: '北京示例科技有限公司',
      uscc: '91110108MA01EXAM95',
    });
    expect(toCreateRequest(beijingCompany, clients)).not.toHaveProperty('clientUserId');
    expect(toCreateRequest({ ...beijingCompany, client: 'auth-1' }, clients)).toMatchObject({
      agentOrgId: '7',
      clientUserId: '42',
    });
  });
});

describe('validateLicenceStep', () => {
  it.each([
    ['licence', emptyLicenceDraft(), { kind: 'required', scope: 'required' }],
    ['licence', beijingCompany, {}],
    ['company', emptyLicenceDraft(), { companyName: 'required', uscc: 'required', province: 'required' }],
    ['company', beijingCompany, {}],
    ['facts', emptyLicenceDraft(), { 'facts.applicantKind': 'required' }],
    [
      'facts',
      { ...beijingCompany, facts: { ...beijingCompany.facts, applicantKind: 'joint_venture' } },
      { 'facts.foreignSharePercent': 'required' },
    ],
    [
      'facts',
      {
        ...beijingCompany,
        facts: { ...beijingCompany.facts, applicantKind: 'joint_venture', foreignSharePercent: 0 },
      },
      { 'facts.foreignSharePercent': 'range' },
    ],
    ['review', emptyLicenceDraft(), {}],
  ] as const)('%s step of %#', (step, draft, expected) => {
    expect(validateLicenceStep(step, draft as LicenceDraft)).toEqual(expected);
  });

  it('finds the first step with a missing answer', () => {
    expect(findFirstInvalidStep(emptyLicenceDraft({ kind: 'edi', scope: 'provincial' }))).toBe('company');
    expect(findFirstInvalidStep(beijingCompany)).toBeUndefined();
    expect(findFirstInvalidStep(emptyLicenceDraft(), 'licence')).toBeUndefined();
  });
});

describe('findDraftField', () => {
  it.each([
    ['body.facts.icpFilingNumber', 'facts.icpFilingNumber', 'facts'],
    ['facts.chineseOwnershipPercent', 'facts.foreignSharePercent', 'facts'],
    ['facts.activities.0', 'facts.activities', 'facts'],
    ['uscc', 'uscc', 'company'],
    ['body.province', 'province', 'company'],
    ['clientUserId', 'client', 'company'],
    ['kind', 'kind', 'licence'],
  ] as const)('%s is the field %s', (path, field, step) => {
    expect(findDraftField(path)).toBe(field);
    expect(findStepOfField(field)).toBe(step);
  });

  it.each(['facts', 'materials.business_plan', 'reasons.0.text', ''])(
    '%s is no field of the form',
    (path) => {
      expect(findDraftField(path)).toBeUndefined();
    },
  );
});

describe('prefillFromEligibility', () => {
  it('takes a joint venture’s facts and a province code, and keeps what the link chose', () => {
    const draft = prefillFromEligibility(emptyLicenceDraft({ kind: 'icp', scope: 'provincial' }), {
      applicantKind: 'joint_venture',
      chineseOwnershipPercent: 60,
      inChina: true,
      hostingInMainland: true,
      certificateProvince: '31',
      activities: ['online_sales', 'online_payments'],
      registeredCapitalRmb: 2_000_000,
      crossRegional: true,
      pilotZone: 'shanghai_lingang_pudong',
    });
    expect(draft).toMatchObject({
      kind: 'icp',
      scope: 'provincial',
      province: '31',
      facts: {
        applicantKind: 'joint_venture',
        foreignSharePercent: 40,
        registeredCapitalRmb: 2_000_000,
        pilotZone: 'shanghai_lingang_pudong',
        activities: ['online_sales', 'online_payments'],
      },
    });
  });

  it('leaves an individual’s answers out: only companies hold a licence', () => {
    const draft = prefillFromEligibility(emptyLicenceDraft(), {
      applicantKind: 'chinese_individual',
      inChina: true,
      hostingInMainland: true,
      certificateProvince: 'Beijing',
      crossRegional: true,
    });
    expect(draft.facts.applicantKind).toBe('');
    expect(draft.province).toBe('');
    expect(draft.scope).toBe('cross_regional');
  });
});
