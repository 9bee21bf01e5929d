import type { Catalogue } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { type Issue, issue, type Validation, validation } from '../shared/issue.ts';
import { normalizeCompact } from '../shared/normalize.ts';
import { checkRegionCode, type RegionParts, resolveRegionCode } from './region-code.ts';

/**
 * Unified social credit code per GB 32100-2015: registering authority (1), organisation class (2),
 * registering area GB/T 2260 code (3-8), organisation code per GB 11714 (9-17), check character (18).
 */
export interface UsccParts {
  registeringAuthority: CodeName;
  organisationClass: CodeName;
  /** Entity nature id whose `usccClasses` match characters 1-2 (or 1), for pre-selecting the form. */
  suggestedNature?: string;
  regionCode: string;
  region: RegionParts;
  organisationCode: string;
  checkChar: string;
}

export interface CodeName {
  code: string;
  /** Absent when GB 32100 defines no such code. */
  nameEn?: string;
  nameZh?: string;
}

const SOURCE = 'gb-32100';
/** The 31 characters GB 32100 uses: digits and capitals without I, O, Z, S and V. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

interface AuthorityEntry {
  en: string;
  zh: string;
  classes: Record<string, { en: string; zh: string }>;
}

const OTHER = { en: 'Other', zh: '其他' };

/** GB 32100-2015 Annex A: registering authorities and the organisation classes each registers. */
const AUTHORITIES: Record<string, AuthorityEntry> = {
  '1': {
    en: 'Staffing office',
    zh: '机构编制',
    classes: {
      '1': { en: 'Government agency', zh: '机关' },
      '2': { en: 'Public institution', zh: '事业单位' },
      '3': {
        en: 'Mass organisation staffed by the central staffing office',
        zh: '中央编办直接管理机构编制的群众团体',
      },
      '9': OTHER,
    },
  },
  '2': {
    en: 'Foreign affairs',
    zh: '外交',
    classes: { '1': { en: 'Resident foreign news agency', zh: '外国常驻新闻机构' }, '9': OTHER },
  },
  '3': {
    en: 'Justice administration',
    zh: '司法行政',
    classes: {
      '1': { en: 'Law firm', zh: '律师执业机构' },
      '2': { en: 'Notary office', zh: '公证处' },
      '3': { en: 'Grassroots legal service office', zh: '基层法律服务所' },
      '4': { en: 'Judicial appraisal institution', zh: '司法鉴定机构' },
      '5': { en: 'Arbitration commission', zh: '仲裁委员会' },
      '9': OTHER,
    },
  },
  '4': {
    en: 'Culture',
    zh: '文化',
    classes: { '1': { en: 'Foreign cultural centre in China', zh: '外国在华文化中心' }, '9': OTHER },
  },
  '5': {
    en: 'Civil affairs',
    zh: '民政',
    classes: {
      '1': { en: 'Social organisation', zh: '社会团体' },
      '2': { en: 'Private non-enterprise unit', zh: '民办非企业单位' },
      '3': { en: 'Foundation', zh: '基金会' },
      '9': OTHER,
    },
  },
  '6': {
    en: 'Tourism',
    zh: '旅游',
    classes: {
      '1': { en: 'Resident office of a foreign tourism authority', zh: '外国旅游部门常驻代表机构' },
      '2': {
        en: 'Resident office of a Hong Kong, Macao or Taiwan tourism authority',
        zh: '港澳台地区旅游部门常驻内地（大陆）代表机构',
      },
      '9': OTHER,
    },
  },
  '7': {
    en: 'Religious affairs',
    zh: '宗教',
    classes: {
      '1': { en: 'Place of religious activity', zh: '宗教活动场所' },
      '2': { en: 'Religious school', zh: '宗教院校' },
      '9': OTHER,
    },
  },
  '8': {
    en: 'Trade union',
    zh: '工会',
    classes: { '1': { en: 'Grassroots trade union', zh: '基层工会' }, '9': OTHER },
  },
  '9': {
    en: 'Market regulation (industry and commerce)',
    zh: '市场监管（工商）',
    classes: {
      '1': { en: 'Enterprise', zh: '企业' },
      '2': { en: 'Sole proprietorship (individual business)', zh: '个体工商户' },
      '3': { en: "Farmers' specialised cooperative", zh: '农民专业合作社' },
    },
  },
  A: {
    en: 'Central Military Commission staffing office',
    zh: '中央军委改革和编制办公室',
    classes: { '1': { en: 'Military public institution', zh: '军队事业单位' }, '9': OTHER },
  },
  N: {
    en: 'Agriculture',
    zh: '农业',
    classes: {
      '1': { en: 'Group-level collective economic organisation', zh: '组级集体经济组织' },
      '2': { en: 'Village-level collective economic organisation', zh: '村级集体经济组织' },
      '3': { en: 'Township-level collective economic organisation', zh: '乡镇级集体经济组织' },
      '9': OTHER,
    },
  },
  Y: { en: 'Other registering authority', zh: '其他', classes: { '1': OTHER } },
};

function toUsccValue(char: string): number {
  return USCC_ALPHABET.indexOf(char);
}

/** The check character of a USCC from its first 17 characters: 31 − (Σ value·weight mod 31), 31 → 0. */
export function computeUsccCheckChar(first17: string): string {
  if (first17.length !== 17 || [...first17].some((c) => toUsccValue(c) < 0)) {
    throw new Error('computeUsccCheckChar needs 17 characters from the GB 32100 alphabet');
  }
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) sum += toUsccValue(first17[i] as string) * weight;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] as string;
}

/** GB 11714 organisation-code check character over the first 8 characters (weights 3,7,9,10,5,8,4,2). */
function computeOrganisationCodeCheck(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (const [i, weight] of weights.entries()) sum += Number.parseInt(first8[i] as string, 36) * weight;
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  return check === 11 ? '0' : String(check);
}

function suggestNature(catalogue: Catalogue, code: string): string | undefined {
  const twoChars = code.slice(0, 2);
  const oneChar = code.slice(0, 1);
  return (
    catalogue.entityNatures.find((n) => n.usccClasses.includes(twoChars))?.id ??
    catalogue.entityNatures.find((n) => n.usccClasses.includes(oneChar))?.id
  );
}

/** Validates a unified social credit code (统一社会信用代码) and decodes its parts. */
export function validateUscc(input: string, opts: { catalogue?: Catalogue } = {}): Validation<UsccParts> {
  const catalogue = opts.catalogue ?? defaultCatalogue;
  const normalized = normalizeCompact(input).toUpperCase();
  const errors: Issue[] = [];
  const warnings: Issue[] = [];

  if (normalized === '') {
    errors.push(issue('empty', 'Enter the unified social credit code.', '请输入统一社会信用代码。'));
    return validation(normalized, errors, warnings);
  }
  if (normalized.length !== 18) {
    errors.push(
      issue(
        'invalid_length',
        `A unified social credit code has 18 characters; this has ${normalized.length}.`,
        `统一社会信用代码应为 18 位，当前为 ${normalized.length} 位。`,
        { source: SOURCE, params: { length: normalized.length, expected: 18 } },
      ),
    );
    return validation(normalized, errors, warnings);
  }
  const invalidChars = [...new Set([...normalized].filter((c) => toUsccValue(c) < 0))];
  if (invalidChars.length > 0) {
    errors.push(
      issue(
        'invalid_characters',
        `Characters ${invalidChars.join(' ')} never occur in a unified social credit code (only digits and capital letters without I, O, Z, S, V).`,
        `统一社会信用代码不含字符 ${invalidChars.join(' ')}（只用数字和除 I、O、Z、S、V 以外的大写字母）。`,
        { source: SOURCE, params: { characters: invalidChars.join('') } },
      ),
    );
    return validation(normalized, errors, warnings);
  }

  const expected = computeUsccCheckChar(normalized.slice(0, 17));
  const actual = normalized.slice(17);
  if (expected !== actual) {
    errors.push(
      issue(
        'check_digit_mismatch',
        `The check character should be ${expected}, not ${actual}; the code has a typo.`,
        `校验码应为 ${expected}，而不是 ${actual}，代码有误。`,
        { source: SOURCE, params: { expected, actual } },
      ),
    );
  }

  const authorityCode = normalized.slice(0, 1);
  const classCode = normalized.slice(1, 2);
  const authority = AUTHORITIES[authorityCode];
  const orgClass = authority?.classes[classCode];
  if (!authority) {
    warnings.push(
      issue(
        'unknown_registering_authority',
        `Registering-authority code ${authorityCode} is not defined in GB 32100.`,
        `登记管理部门代码 ${authorityCode} 不在 GB 32100 定义的范围内。`,
        { source: SOURCE, params: { code: authorityCode } },
      ),
    );
  } else if (!orgClass) {
    warnings.push(
      issue(
        'unknown_organisation_class',
        `Organisation class ${classCode} is not defined for registering authority ${authorityCode} (${authority.en}).`,
        `机构类别代码 ${classCode} 不在登记管理部门 ${authorityCode}（${authority.zh}）的定义范围内。`,
        { source: SOURCE, params: { authority: authorityCode, code: classCode } },
      ),
    );
  }

  const regionCode = normalized.slice(2, 8);
  const region = resolveRegionCode(catalogue, regionCode);
  if (!/^\d{6}$/.test(regionCode)) {
    errors.push(
      issue(
        'invalid_region_code',
        `Characters 3-8 (${regionCode}) must be a six-digit administrative division code.`,
        `第 3-8 位（${regionCode}）应为 6 位数字行政区划代码。`,
        { source: SOURCE, params: { regionCode } },
      ),
    );
  } else {
    const regionWarning = checkRegionCode(region);
    if (regionWarning) warnings.push(regionWarning);
  }

  const organisationCode = normalized.slice(8, 17);
  const orgCheck = computeOrganisationCodeCheck(organisationCode.slice(0, 8));
  if (orgCheck !== organisationCode.slice(8)) {
    // A warning only: the code may be right even if this embedded check fails (the USCC check passed).
    warnings.push(
      issue(
        'organisation_code_check_mismatch',
        `The embedded organisation code ${organisationCode} fails its GB 11714 check (expected ${orgCheck} at position 17); verify the code against the licence.`,
        `内含的组织机构代码 ${organisationCode} 未通过 GB 11714 校验（第 17 位应为 ${orgCheck}），请对照执照核实。`,
        { source: SOURCE, params: { organisationCode, expected: orgCheck } },
      ),
    );
  }

  const parts: UsccParts = {
    registeringAuthority: authority
      ? { code: authorityCode, nameEn: authority.en, nameZh: authority.zh }
      : { code: authorityCode },
    organisationClass: orgClass
      ? { code: classCode, nameEn: orgClass.en, nameZh: orgClass.zh }
      : { code: classCode },
    regionCode,
    region,
    organisationCode,
    checkChar: actual,
  };
  const nature = suggestNature(catalogue, normalized);
  if (nature) parts.suggestedNature = nature;
  return validation(normalized, errors, warnings, parts);
}
