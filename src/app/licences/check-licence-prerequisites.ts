import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { NextStep, Reason } from '../../domain/eligibility/assessment.ts';
import { reason } from '../../domain/eligibility/reason.ts';
import {
  isLicenceKind,
  isLicenceScope,
  type LicenceKind,
  type LicenceScope,
} from '../../domain/licence/licence-kind.ts';
import {
  type CheckedLicenceFacts,
  checkLicencePrerequisites,
  type LicenceFacts,
  type LicencePrerequisites,
  validateLicenceFacts,
} from '../../domain/licence/licence-prerequisites.ts';
import { normalizeText } from '../../domain/shared/normalize.ts';
import type { RegistryEntry, RegistryStore } from '../registry/registry-store.ts';
import { invalidInput, toLicenceError } from './licence-errors.ts';

export interface PrerequisiteDeps {
  catalogue: Catalogue;
  registry?: Pick<RegistryStore, 'findByNumber'>;
}

export interface CheckLicencePrerequisitesInput {
  kind: LicenceKind;
  scope: LicenceScope;
  /** The company's province: code, name or abbreviation. */
  province: string;
  facts: LicenceFacts;
  /** The company's registered name, to compare with the unit the filing number is registered to. */
  companyName?: string;
}

export interface LicencePrerequisiteResult extends LicencePrerequisites {
  /** The facts as checked (filing number canonical, pre-approvals once each). */
  facts: LicenceFacts;
  provinceCode: string;
}

/** The facts validated, or validation_failed with one issue per malformed fact. */
export function validateFactsOrThrow(
  catalogue: Catalogue,
  input: Pick<CheckLicencePrerequisitesInput, 'kind' | 'scope' | 'province' | 'facts'>,
): CheckedLicenceFacts {
  if (!isLicenceKind(input.kind)) {
    throw invalidInput(
      'unknown_licence_kind',
      'Choose the licence: icp or edi.',
      '请选择许可证类型：icp 或 edi。',
      'kind',
    );
  }
  if (!isLicenceScope(input.scope)) {
    throw invalidInput(
      'unknown_licence_scope',
      'Choose the scope: provincial or cross_regional.',
      '请选择经营范围：provincial（本省）或 cross_regional（跨地区）。',
      'scope',
    );
  }
  const checked = validateLicenceFacts(
    { kind: input.kind, scope: input.scope, provinceCode: input.province, facts: input.facts },
    catalogue,
  );
  if (!checked.ok) throw toLicenceError(checked.error);
  return checked.value;
}

/** The registry's answer on a filing number, read before a transaction (the registry is the database). */
export interface RegistryLookup {
  number: string;
  entry?: RegistryEntry;
}

/** Looks the filing number up; undefined without a registry or a number. */
export async function lookUpFilingNumber(
  deps: PrerequisiteDeps,
  number: string | undefined,
): Promise<RegistryLookup | undefined> {
  if (!deps.registry || number === undefined) return undefined;
  const entry = await deps.registry.findByNumber(number);
  return entry ? { number, entry } : { number };
}

/**
 * What the public registry says about the filing number: registered to this company, to another unit
 * (blocking: the licence needs the company's own filed site), or not in the platform's copy (the
 * authority checks MIIT's own records, so that does not block).
 */
function checkRegistry(kind: LicenceKind, lookup: RegistryLookup, companyName: string | undefined): Reason {
  const prefix = kind === 'icp' ? 'licence' : 'edi';
  const sources = ['ref-9-licence', 'ref-3-display'];
  const { number, entry } = lookup;
  if (!entry) {
    return reason(
      `${prefix}.filing_number.not_in_registry`,
      'condition',
      `${number} is not in the platform's copy of the public registry; the authority checks it against MIIT's records.`,
      `平台的公开备案信息副本中没有 ${number}；审批机关将以工业和信息化部的记录为准进行核实。`,
      sources,
      { filingNumber: number },
    );
  }
  const unit = entry.entity.unitName;
  if (companyName !== undefined && normalizeText(unit) !== normalizeText(companyName)) {
    return reason(
      `${prefix}.filing_number.other_unit`,
      'fail',
      `The public registry lists ${number} under ${unit}, not under the applying company: the licence needs a site filed by the company itself.`,
      `公开备案信息显示 ${number} 的主办单位为“${unit}”，而非申请公司：经营许可证须以公司本身已备案的网站申请。`,
      sources,
      { filingNumber: number, unitName: unit },
    );
  }
  return reason(
    `${prefix}.filing_number.in_registry`,
    companyName === undefined ? 'info' : 'pass',
    `The public registry lists ${number} under ${unit}.`,
    `公开备案信息显示 ${number} 的主办单位为“${unit}”。`,
    sources,
    { filingNumber: number, unitName: unit },
  );
}

/**
 * The prerequisite checks on validated facts, with the registry's answer on the filing number when it
 * was looked up for that same number.
 */
export function assessLicencePrerequisites(
  catalogue: Catalogue,
  kind: LicenceKind,
  checked: CheckedLicenceFacts,
  options: { companyName?: string; lookup?: RegistryLookup | undefined } = {},
): LicencePrerequisiteResult {
  const result = checkLicencePrerequisites(kind, checked, catalogue);
  const { lookup } = options;
  const registry =
    lookup !== undefined && lookup.number === checked.facts.icpFilingNumber
      ? checkRegistry(kind, lookup, options.companyName)
      : undefined;
  const [first, ...rest] = result.checks;
  const checks = registry && first ? [first, registry, ...rest] : result.checks;
  const blocking = checks.filter((c) => c.outcome === 'fail');
  return {
    ...result,
    checks,
    blocking,
    isMet: blocking.length === 0,
    facts: checked.facts,
    provinceCode: checked.provinceCode,
  };
}

/** The checks as clients see them: failing checks named by rule id. */
export interface LicencePrerequisitesView {
  isMet: boolean;
  checks: Reason[];
  /** Rule ids of the failing checks: submission waits until none is left. */
  blocking: string[];
  nextSteps: NextStep[];
}

export function presentPrerequisites(result: LicencePrerequisites): LicencePrerequisitesView {
  return {
    isMet: result.isMet,
    checks: result.checks,
    blocking: result.blocking.map((check) => check.ruleId),
    nextSteps: result.nextSteps,
  };
}

export interface CheckedPrerequisitesView extends LicencePrerequisitesView {
  /** The facts as checked (filing number canonical, pre-approvals once each). */
  facts: LicenceFacts;
  /** The company's province, two-digit code. */
  provinceCode: string;
}

/**
 * The prerequisite checks of a planned application without saving anything (public): each check with
 * its explanation and sources, the blocking ones, and what to do. Errors: validation_failed (malformed
 * facts, unknown kind, scope or province).
 */
export async function checkLicenceApplicationPrerequisites(
  deps: PrerequisiteDeps,
  input: CheckLicencePrerequisitesInput,
): Promise<CheckedPrerequisitesView> {
  const checked = validateFactsOrThrow(deps.catalogue, input);
  const lookup = await lookUpFilingNumber(deps, checked.facts.icpFilingNumber);
  const result = assessLicencePrerequisites(deps.catalogue, input.kind, checked, {
    ...(input.companyName === undefined ? {} : { companyName: input.companyName }),
    lookup,
  });
  return { ...presentPrerequisites(result), facts: result.facts, provinceCode: result.provinceCode };
}
