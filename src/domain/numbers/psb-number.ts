import { type Catalogue, lookupRegion } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import type { Province } from '../catalogue/schema.ts';
import { type Issue, issue, type Validation, validation } from '../shared/issue.ts';
import { missingHaoWarning, type NumberParseOptions, normalizeNumberText } from './number-text.ts';
import {
  type ProvinceRef,
  resolveAbbreviation,
  toProvinceRef,
  unknownAbbreviationIssue,
} from './province-abbreviation.ts';

export interface RegionName {
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Public-security (PSB) website filing number, 京公网安备11010802020134号 (reference §6.3). */
export interface PsbNumber {
  kind: 'psb_filing';
  /** From the county code, which must agree with the abbreviation. */
  province: ProvinceRef;
  /** As printed. */
  abbreviation: string;
  /** First six digits: GB/T 2260 code of the registering police area. */
  countyCode: string;
  county?: RegionName;
  city?: RegionName;
  /** The digits after the county code; opaque. */
  serial: string;
  /** True for the shorter legacy numbers (11–13 digits instead of 14). */
  isLegacyLength: boolean;
  canonical: string;
}

export interface PsbNumberParts {
  abbreviation: string;
  countyCode: string;
  serial: string;
}

const SOURCE = 'ref-6-psb';
const STANDARD_LENGTH = 14;
/** Shorter values such as 浙公网安备 33010602009号 (11 digits) exist; 6 county digits + at least 5. */
const MIN_LEGACY_LENGTH = 11;

/**
 * `<abbr>公网安备<county code><serial>号`.
 * @throws RangeError when a part is malformed (parts come from code, not from user input).
 */
export function formatPsbNumber(parts: PsbNumberParts): string {
  if (!/^\p{Script=Han}$/u.test(parts.abbreviation)) {
    throw new RangeError(`An abbreviation is one Chinese character: ${parts.abbreviation}`);
  }
  if (!/^\d{6}$/u.test(parts.countyCode))
    throw new RangeError(`A county code has 6 digits: ${parts.countyCode}`);
  const length = parts.countyCode.length + parts.serial.length;
  if (!/^\d+$/u.test(parts.serial) || length < MIN_LEGACY_LENGTH || length > STANDARD_LENGTH) {
    throw new RangeError(
      `A PSB serial has ${MIN_LEGACY_LENGTH - 6}–${STANDARD_LENGTH - 6} digits: ${parts.serial}`,
    );
  }
  return `${parts.abbreviation}公网安备${parts.countyCode}${parts.serial}号`;
}

function notAPsbNumber(): Issue {
  return issue(
    'not_a_psb_number',
    'Not a public-security filing number; expected e.g. 京公网安备11010802020134号.',
    '不是公安联网备案号，格式应如 京公网安备11010802020134号。',
    { source: SOURCE },
  );
}

function readDigits(digits: string, rest: string, errors: Issue[], warnings: Issue[]): boolean {
  if (
    rest !== '' ||
    !/^\d+$/u.test(digits) ||
    digits.length < MIN_LEGACY_LENGTH ||
    digits.length > STANDARD_LENGTH
  ) {
    errors.push(
      issue(
        'bad_digits',
        `A public-security filing number has 14 digits between 公网安备 and 号 (older ones 11), not "${digits}${rest}".`,
        `公安联网备案号在“公网安备”与“号”之间应为 14 位数字（早期为 11 位），而不是“${digits}${rest}”。`,
        { source: SOURCE, params: { digits: `${digits}${rest}` } },
      ),
    );
    return false;
  }
  if (digits.length < STANDARD_LENGTH) {
    warnings.push(
      issue(
        'legacy_psb_number',
        `This is an older ${digits.length}-digit public-security number; current ones have 14 digits. Check it on the PSB platform.`,
        `这是 ${digits.length} 位的早期公安备案号，现行编号为 14 位，请在公安备案平台核对。`,
        { source: SOURCE, params: { length: digits.length } },
      ),
    );
  }
  return true;
}

/** The province named by the abbreviation and by the county code must be the same. */
function reconcileProvince(
  catalogue: Catalogue,
  abbr: string,
  codeProvince: Province | undefined,
  countyCode: string,
  errors: Issue[],
  warnings: Issue[],
): Province | undefined {
  if (abbr === '') {
    errors.push(unknownAbbreviationIssue(catalogue, abbr));
    return undefined;
  }
  // PSB numbers keep older abbreviations (川公网安备, 甘公网安备 are common), so legacy ones pass silently.
  const resolved = resolveAbbreviation(catalogue, abbr);
  if (resolved) {
    if (codeProvince?.code === resolved.province.code) return codeProvince;
    errors.push(
      issue(
        'province_mismatch',
        `The county code ${countyCode} is not in ${resolved.province.nameEn}, but the number starts with ${abbr}.`,
        `区县代码 ${countyCode} 不属于${resolved.province.nameZh}，但编号以“${abbr}”开头。`,
        { source: 'gbt-2260', params: { abbreviation: abbr, countyCode } },
      ),
    );
    return undefined;
  }
  // Public-security numbers use some abbreviations the ICP table lacks (贵公网安备 for Guizhou), so a
  // single character we do not know is only a warning when the county code names the province.
  if (codeProvince && /^\p{Script=Han}$/u.test(abbr)) {
    warnings.push(
      issue(
        'unlisted_abbreviation',
        `"${abbr}" is not in the abbreviation table; the province (${codeProvince.nameEn}) was taken from the county code.`,
        `“${abbr}”不在省份简称表中；已按区县代码判定为${codeProvince.nameZh}。`,
        { source: 'ref-6-4', params: { abbreviation: abbr } },
      ),
    );
    return codeProvince;
  }
  errors.push(unknownAbbreviationIssue(catalogue, abbr));
  return undefined;
}

/**
 * Parses a public-security filing number: 14 digits whose first six are the GB/T 2260 county code of
 * the registering police area (ref-6-psb). Spaces, full-width digits and a missing 号 are tolerated;
 * shorter legacy values (11–13 digits) are accepted with a warning.
 */
export function parsePsbNumber(input: string, opts: NumberParseOptions = {}): Validation<PsbNumber> {
  const catalogue = opts.catalogue ?? defaultCatalogue;
  const text = normalizeNumberText(input);
  const shape = /^(?<abbr>.*?)公网安备(?<digits>[^号]*)(?<hao>号?)(?<rest>.*)$/u.exec(text);
  if (!shape?.groups) return validation(text, [notAPsbNumber()], []);
  const { abbr = '', digits = '', hao = '', rest = '' } = shape.groups;

  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const digitsOk = readDigits(digits, rest, errors, warnings);
  const countyCode = digits.slice(0, 6);
  const region = digitsOk ? lookupRegion(catalogue, countyCode) : {};
  const province = digitsOk
    ? reconcileProvince(catalogue, abbr, region.province, countyCode, errors, warnings)
    : undefined;
  if (hao === '') warnings.push(missingHaoWarning(SOURCE));
  if (!province) return validation(text, errors, warnings);

  if (!region.county) {
    // Police areas keep codes of districts merged away since (e.g. 110103 Chongwen), so this is a warning.
    warnings.push(
      issue(
        'unknown_county_code',
        `${countyCode} is not a county code in the current GB/T 2260 table; it may belong to a district that has since been merged.`,
        `${countyCode} 不在现行 GB/T 2260 区县代码表中，可能属于已撤并的区县。`,
        { source: 'gbt-2260', params: { countyCode } },
      ),
    );
  }
  const canonical = `${abbr}公网安备${digits}号`;
  const value: PsbNumber = {
    kind: 'psb_filing',
    province: toProvinceRef(province),
    abbreviation: abbr,
    countyCode,
    serial: digits.slice(6),
    isLegacyLength: digits.length < STANDARD_LENGTH,
    canonical,
  };
  if (region.county) value.county = { ...region.county };
  if (region.city) value.city = { ...region.city };
  return validation(canonical, errors, warnings, value);
}
