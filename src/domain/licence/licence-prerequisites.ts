import { type Catalogue, findProvince } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import type { NextStep, Reason } from '../eligibility/assessment.ts';
import {
  type Activity,
  type ApplicantKind,
  type ApplicantProfile,
  applicantProfileSchema,
  findForeignOwnershipPercent,
  isIndividualKind,
  type PilotZone,
} from '../eligibility/profile.ts';
import { nextStep, reason } from '../eligibility/reason.ts';
import type { RuleContext } from '../eligibility/rule-context.ts';
import { assessEdiLicence, assessIcpLicence } from '../eligibility/rules/licence.ts';
import { determineNeeds, findCommercialActivities } from '../eligibility/rules/scope.ts';
import { parseFilingNumber } from '../numbers/filing-number.ts';
import { type Issue, issue } from '../shared/issue.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { LicenceKind, LicenceScope } from './licence-kind.ts';
import type { LicenceMaterialInput } from './licence-materials.ts';

/**
 * Whether a company may apply for the licence it asks for, checked on the facts it gives with the
 * eligibility engine's licence rules (eligibility/rules/licence.ts): a company lawfully established in
 * China (order-42), registered capital of RMB 1 million in one province or 10 million across provinces
 * (ref-9-licence), foreign ownership at most 50 % for the ICP licence (fite-2022) but 100 % for EDI
 * (miit-2015-196) and in the 2024 pilot zones (miit-2024-107). The engine asks whether a filing can be
 * obtained; an application needs one already, so that check is replaced by one on the filing number.
 */

/** What the applicant states about the company, beyond the kind, scope and province of the application. */
export interface LicenceFacts {
  applicantKind: ApplicantKind;
  /** Chinese (mainland) share in percent; required for a joint venture (profile.ts). */
  chineseOwnershipPercent?: number;
  registeredCapitalRmb?: number;
  /** The 2024 pilot zone the company is registered in, if any. */
  pilotZone?: PilotZone;
  /** What the site does; the kind's typical activity when absent (online sales, or a platform for EDI). */
  activities?: Activity[];
  /** The site's ICP filing number (entity or service number): a licence needs a filed site. */
  icpFilingNumber?: string;
  /** Pre-approval ids of the catalogue the service holds; each adds a material to the checklist. */
  preApprovals?: string[];
}

export interface LicencePrerequisiteInput {
  kind: LicenceKind;
  scope: LicenceScope;
  /** The company's province, as a two-digit code (or any key `findProvince` understands). */
  provinceCode: string;
  facts: LicenceFacts;
}

export interface LicencePrerequisites {
  /** Every check in the order the engine gives them, each with its explanation and sources. */
  checks: Reason[];
  /** The failing checks: submission waits until none is left. */
  blocking: Reason[];
  nextSteps: NextStep[];
  isMet: boolean;
}

const DEFAULT_ACTIVITIES: Readonly<Record<LicenceKind, Activity[]>> = {
  icp: ['online_sales'],
  edi: ['ecommerce_platform'],
};

function toProfileInput(input: LicencePrerequisiteInput, provinceCode: string): Record<string, unknown> {
  const { facts } = input;
  // Only the facts a licence rule reads; the rest of the profile (presence, hosting) is what any filed
  // company already has, so the engine's filing rules never get to block here.
  const profile: Record<string, unknown> = {
    applicantKind: facts.applicantKind,
    inChina: true,
    hostingInMainland: true,
    certificateProvince: provinceCode,
    activities: facts.activities ?? DEFAULT_ACTIVITIES[input.kind],
    crossRegional: input.scope === 'cross_regional',
  };
  if (facts.chineseOwnershipPercent !== undefined)
    profile.chineseOwnershipPercent = facts.chineseOwnershipPercent;
  if (facts.registeredCapitalRmb !== undefined) profile.registeredCapitalRmb = facts.registeredCapitalRmb;
  if (facts.pilotZone !== undefined) profile.pilotZone = facts.pilotZone;
  return profile;
}

function factIssue(path: readonly PropertyKey[], message: string): Issue {
  const field = ['facts', ...path.map(String)].join('.');
  return issue('invalid_fact', message, `字段 ${field} 不正确：${message}`, { params: { field } });
}

function unknownProvince(provinceCode: string): Issue {
  return issue('unknown_province', `Unknown province "${provinceCode}".`, `未知省份“${provinceCode}”。`, {
    source: 'ref-6-4',
    params: { field: 'province', province: provinceCode },
  });
}

/** Only the fields LicenceFacts names, so stored facts never carry anything else. */
function pickFacts(input: LicenceFacts): LicenceFacts {
  const facts: LicenceFacts = { applicantKind: input.applicantKind };
  if (input.chineseOwnershipPercent !== undefined)
    facts.chineseOwnershipPercent = input.chineseOwnershipPercent;
  if (input.registeredCapitalRmb !== undefined) facts.registeredCapitalRmb = input.registeredCapitalRmb;
  if (input.pilotZone !== undefined) facts.pilotZone = input.pilotZone;
  if (input.activities !== undefined) facts.activities = [...input.activities];
  if (input.icpFilingNumber !== undefined) facts.icpFilingNumber = input.icpFilingNumber;
  if (input.preApprovals !== undefined) facts.preApprovals = [...input.preApprovals];
  return facts;
}

export interface CheckedLicenceFacts {
  facts: LicenceFacts;
  profile: ApplicantProfile;
  /** The province's two-digit code. */
  provinceCode: string;
}

/**
 * The facts in canonical form (filing number as the codec prints it, pre-approvals once each), or every
 * problem that makes them unusable: malformed values, not missing ones. A missing filing number or a
 * capital below the threshold is a failed check (`checkLicencePrerequisites`), not a malformed fact.
 */
export function validateLicenceFacts(
  input: LicencePrerequisiteInput,
  catalogue: Catalogue = defaultCatalogue,
): Result<CheckedLicenceFacts, Issue[]> {
  const province = findProvince(catalogue, input.provinceCode);
  if (!province) return err([unknownProvince(input.provinceCode)]);
  const issues: Issue[] = [];
  const parsed = applicantProfileSchema.safeParse(toProfileInput(input, province.code));
  if (!parsed.success) {
    for (const found of parsed.error.issues) issues.push(factIssue(found.path, found.message));
  }
  const facts = pickFacts(input.facts);
  const number = input.facts.icpFilingNumber?.trim();
  if (number === undefined || number === '') {
    delete facts.icpFilingNumber;
  } else {
    const filing = parseFilingNumber(number, { catalogue });
    if (filing.valid && filing.value) {
      facts.icpFilingNumber = filing.value.service?.number ?? filing.value.entityNumber;
    } else {
      for (const found of filing.errors) {
        issues.push({ ...found, params: { ...found.params, field: 'facts.icpFilingNumber' } });
      }
    }
  }
  if (input.facts.preApprovals !== undefined) {
    const known = new Set(catalogue.preApprovals.map((p) => p.id));
    for (const [index, id] of input.facts.preApprovals.entries()) {
      if (!known.has(id)) {
        issues.push(
          issue(
            'unknown_pre_approval',
            `"${id.slice(0, 64)}" is not a pre-approval of the catalogue (GET /api/catalogue/pre-approvals).`,
            `“${id.slice(0, 64)}”不是规则目录中的前置审批（见 GET /api/catalogue/pre-approvals）。`,
            { source: 'ref-4-pre-approvals', params: { field: `facts.preApprovals.${index}` } },
          ),
        );
      }
    }
    facts.preApprovals = [...new Set(input.facts.preApprovals)];
  }
  if (!parsed.success || issues.length > 0) return err(issues);
  return ok({ facts, profile: parsed.data, provinceCode: province.code });
}

function buildContext(checked: CheckedLicenceFacts, catalogue: Catalogue): RuleContext {
  const { profile } = checked;
  const province = findProvince(catalogue, checked.provinceCode);
  const context: RuleContext = {
    profile,
    catalogue,
    isIndividual: isIndividualKind(profile.applicantKind),
    commercialActivities: findCommercialActivities(profile),
    needs: determineNeeds(profile),
  };
  if (province) {
    // A company is registered, files and is licensed where its business licence was issued (ref-8-who).
    context.certificateProvince = province;
    context.filingProvince = province;
  }
  const foreign = findForeignOwnershipPercent(profile);
  if (foreign !== undefined) context.foreignPercent = foreign;
  return context;
}

function checkFilingNumber(
  kind: LicenceKind,
  checked: CheckedLicenceFacts,
  catalogue: Catalogue,
): { reason: Reason; steps: NextStep[] } {
  const prefix = kind === 'icp' ? 'licence' : 'edi';
  const sources = kind === 'icp' ? ['ref-9-licence'] : ['ref-9-edi', 'ref-9-licence'];
  const number = checked.facts.icpFilingNumber;
  if (number === undefined) {
    return {
      reason: reason(
        `${prefix}.filing_number.missing`,
        'fail',
        'The site must already have a valid ICP filing number: enter it. A licence is granted only to a filed site.',
        '网站须已取得有效的ICP备案号，请填写。只有已备案的网站才能申请经营许可证。',
        sources,
      ),
      steps: [
        nextStep(
          'file_site_first',
          'File the site first (through the access provider), then apply for the licence with its filing number.',
          '先通过接入商为网站办理ICP备案，取得备案号后再申请经营许可证。',
          [...sources, 'ref-3-process'],
        ),
      ],
    };
  }
  const filed = parseFilingNumber(number, { catalogue }).value;
  const company = findProvince(catalogue, checked.provinceCode);
  if (filed && company && filed.province.code !== company.code) {
    return {
      reason: reason(
        `${prefix}.filing_number.other_province`,
        'condition',
        `The filing ${number} was made in ${filed.province.nameEn}, but the company is registered in ${company.nameEn}: a company files where its business licence was issued, so the authority will check that this filing is the company's.`,
        `备案号 ${number} 属于${filed.province.nameZh}，而公司注册在${company.nameZh}：单位应在营业执照所在地备案，审批机关将核实该备案是否属于本公司。`,
        ['ref-8-who', ...sources],
        { filingNumber: number, filingProvince: filed.province.code, province: company.code },
      ),
      steps: [],
    };
  }
  return {
    reason: reason(
      `${prefix}.filing_number.present`,
      'pass',
      `The site has the ICP filing number ${number}.`,
      `网站已取得ICP备案号 ${number}。`,
      sources,
      { filingNumber: number },
    ),
    steps: [],
  };
}

/**
 * The prerequisite checks of an application on validated facts (`validateLicenceFacts`): the filing
 * number, then the engine's findings on the company, its ownership and capital, and who issues the
 * licence. A failing check blocks submission; conditions and information do not.
 */
export function checkLicencePrerequisites(
  kind: LicenceKind,
  checked: CheckedLicenceFacts,
  catalogue: Catalogue = defaultCatalogue,
): LicencePrerequisites {
  const context = buildContext(checked, catalogue);
  // 'eligible': the filing exists (or is missing), which the filing-number check says instead.
  const findings =
    kind === 'icp' ? assessIcpLicence(context, 'eligible') : assessEdiLicence(context, 'eligible');
  const filing = checkFilingNumber(kind, checked, catalogue);
  const checks = [filing.reason, ...findings.reasons.filter((r) => !r.ruleId.endsWith('.requires_filing'))];
  const blocking = checks.filter((r) => r.outcome === 'fail');
  const steps = new Map<string, NextStep>();
  for (const step of [...filing.steps, ...findings.nextSteps])
    if (!steps.has(step.id)) steps.set(step.id, step);
  return { checks, blocking, nextSteps: [...steps.values()], isMet: blocking.length === 0 };
}

/**
 * The materials checklist input of an application (licence-materials.ts): foreign-invested when any
 * share is foreign (fite-2022), with the pre-approvals the facts name.
 */
export function toLicenceMaterialInput(input: LicencePrerequisiteInput): LicenceMaterialInput {
  const { facts } = input;
  const profile: ApplicantProfile = {
    applicantKind: facts.applicantKind,
    inChina: true,
    hostingInMainland: true,
    activities: facts.activities ?? DEFAULT_ACTIVITIES[input.kind],
    crossRegional: input.scope === 'cross_regional',
  };
  if (facts.chineseOwnershipPercent !== undefined)
    profile.chineseOwnershipPercent = facts.chineseOwnershipPercent;
  return {
    kind: input.kind,
    scope: input.scope,
    isForeignInvested: (findForeignOwnershipPercent(profile) ?? 0) > 0,
    preApprovals: facts.preApprovals ?? [],
  };
}
