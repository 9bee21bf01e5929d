import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { type Issue, issue, type Validation, validation } from '../shared/issue.ts';
import {
  expandTwoDigitYear,
  formatSerialDigits,
  formatYearDigits,
  isFourDigitYear,
  yearBeforeRegimeWarning,
} from './issue-year.ts';
import { missingHaoWarning, type NumberParseOptions, normalizeNumberText } from './number-text.ts';
import {
  type ProvinceRef,
  resolveAbbreviation,
  toProvinceRef,
  unknownAbbreviationIssue,
} from './province-abbreviation.ts';

/** The kinds of internet information service a filing covers (reference §6.1). */
export type ServiceType = 'website' | 'app' | 'mini_program' | 'quick_app';

export const SERVICE_TYPES: readonly ServiceType[] = ['website', 'app', 'mini_program', 'quick_app'];

/** Letter after the service index: -1 website, -2A app, -3X mini-program, -4K quick app (ref-6-numbers). */
export const SERVICE_SUFFIX_LETTERS: Readonly<Record<ServiceType, '' | 'A' | 'X' | 'K'>> = {
  website: '',
  app: 'A',
  mini_program: 'X',
  quick_app: 'K',
};

/** Service indexes are one per entity; six digits is far beyond any real entity and keeps numbers short. */
export const MAX_SERVICE_INDEX = 999_999;

/** Filing serials are six digits (ref-6-numbers). */
export const MAX_FILING_SERIAL = 999_999;

export interface ServiceSuffix {
  index: number;
  type: ServiceType;
  /** As printed after the hyphen: "1", "2A". */
  suffix: string;
}

export interface FilingNumber {
  kind: 'icp_filing';
  province: ProvinceRef;
  abbreviation: string;
  isLegacyAbbreviation: boolean;
  /** Year of first approval of the entity. */
  year: number;
  yearDigits: 2 | 4;
  /** Six digits. */
  serial: string;
  /** Canonical entity number, e.g. 京ICP备2021034286号. */
  entityNumber: string;
  service?: ServiceSuffix & {
    /** Canonical service number, e.g. 京ICP备2021034286号-1. */
    number: string;
  };
}

export interface FilingNumberParts {
  abbreviation: string;
  year: number;
  yearDigits?: 2 | 4;
  serial: string | number;
  service?: { index: number; type: ServiceType };
}

const SOURCE = 'ref-6-numbers';

function typeOfLetter(letter: string): ServiceType | undefined {
  return SERVICE_TYPES.find((type) => SERVICE_SUFFIX_LETTERS[type] === letter);
}

/**
 * A canonical service suffix ("1", "2A", "3X", "4K"): index 1–999999 without leading zeros, then the
 * service-type letter. Returns undefined for anything else.
 */
export function parseServiceSuffix(text: string): ServiceSuffix | undefined {
  const match = /^([1-9]\d{0,5})([AXK]?)$/u.exec(text);
  if (!match) return undefined;
  const [, digits = '', letter = ''] = match;
  const type = typeOfLetter(letter);
  if (!type) return undefined;
  return { index: Number(digits), type, suffix: text };
}

/**
 * The suffix printed after the hyphen for a service.
 * @throws RangeError when the index is not an integer 1–999999 (a programming error).
 */
export function formatServiceSuffix(index: number, type: ServiceType): string {
  if (!Number.isInteger(index) || index < 1 || index > MAX_SERVICE_INDEX) {
    throw new RangeError(`A service index must be an integer 1–${MAX_SERVICE_INDEX}: ${index}`);
  }
  return `${index}${SERVICE_SUFFIX_LETTERS[type]}`;
}

/**
 * The canonical filing number for its parts: `<abbr>ICP备<year><serial>号[-<suffix>]`.
 * @throws RangeError when a part is out of range (parts come from code, not from user input).
 */
export function formatFilingNumber(parts: FilingNumberParts): string {
  if (!/^\p{Script=Han}$/u.test(parts.abbreviation)) {
    throw new RangeError(`An abbreviation is one Chinese character: ${parts.abbreviation}`);
  }
  const year = formatYearDigits(parts.year, parts.yearDigits ?? 4);
  const serial = formatSerialDigits(parts.serial, 6);
  const entity = `${parts.abbreviation}ICP备${year}${serial}号`;
  return parts.service ? `${entity}-${formatServiceSuffix(parts.service.index, parts.service.type)}` : entity;
}

function notAFilingNumber(text: string): Issue {
  const hint = text.includes('ICP备案')
    ? { en: ' Write ICP备, not ICP备案.', zh: '应写作“ICP备”，而非“ICP备案”。' }
    : { en: '', zh: '' };
  return issue(
    'not_a_filing_number',
    `Not an ICP filing number; expected e.g. 京ICP备2021034286号 or 京ICP备2021034286号-1.${hint.en}`,
    `不是 ICP 备案号，格式应如 京ICP备2021034286号 或 京ICP备2021034286号-1。${hint.zh}`,
    { source: SOURCE },
  );
}

interface DigitsReading {
  year: number;
  yearDigits: 2 | 4;
  serial: string;
}

/** 10 digits = 4-digit year + 6-digit serial; 8 digits = 2-digit year + 6-digit serial (ref-6-numbers). */
function readDigits(digits: string, errors: Issue[], warnings: Issue[]): DigitsReading | undefined {
  if (!/^\d+$/u.test(digits)) {
    errors.push(
      issue(
        'bad_digits',
        `Between ICP备 and 号 there must be 8 or 10 digits, not "${digits}".`,
        `“ICP备”与“号”之间应为 8 位或 10 位数字，而不是“${digits}”。`,
        { source: SOURCE, params: { digits } },
      ),
    );
    return undefined;
  }
  if (digits.length === 10) {
    const year = Number(digits.slice(0, 4));
    if (!isFourDigitYear(year)) {
      errors.push(
        issue(
          'bad_digits',
          `A 10-digit filing number starts with its year (20YY), not ${digits.slice(0, 4)}.`,
          `10 位备案号以年份（20YY）开头，而不是 ${digits.slice(0, 4)}。`,
          { source: SOURCE, params: { digits } },
        ),
      );
      return undefined;
    }
    return { year, yearDigits: 4, serial: digits.slice(4) };
  }
  if (digits.length === 8) {
    const year = expandTwoDigitYear(Number(digits.slice(0, 2)));
    if (year < 2000) warnings.push(yearBeforeRegimeWarning(year));
    return { year, yearDigits: 2, serial: digits.slice(2) };
  }
  if (digits.length === 6 || digits.length === 7) {
    // Early numbers with 6 or 7 digits exist, but no source documents their structure, so there is no
    // year or serial we could report or check.
    errors.push(
      issue(
        'legacy_short_number',
        `${digits.length}-digit filing numbers come from early filings whose structure is not documented, so they cannot be checked here; look the number up at beian.miit.gov.cn.`,
        `${digits.length} 位备案号属于早期编号，其结构无公开说明，无法在此校验；请在 beian.miit.gov.cn 查询。`,
        { source: SOURCE, params: { length: digits.length } },
      ),
    );
    return undefined;
  }
  errors.push(
    issue(
      'bad_digits',
      `A filing number has 10 digits (year + serial) or, if older, 8 digits; this one has ${digits.length}.`,
      `备案号应为 10 位数字（年份 + 序号），早期为 8 位；此编号为 ${digits.length} 位。`,
      { source: SOURCE, params: { length: digits.length } },
    ),
  );
  return undefined;
}

function readSuffix(rest: string, errors: Issue[]): ServiceSuffix | undefined | null {
  if (rest === '') return null;
  const parsed = rest.startsWith('-') ? parseServiceSuffix(rest.slice(1)) : undefined;
  if (parsed) return parsed;
  errors.push(
    issue(
      'bad_suffix',
      `"${rest}" is not a service suffix; expected -N for a website, -NA app, -NX mini-program or -NK quick app (N from 1, no leading zero).`,
      `“${rest}”不是有效的服务后缀；应为 -N（网站）、-NA（App）、-NX（小程序）或 -NK（快应用），N 从 1 起且无前导零。`,
      { source: SOURCE, params: { suffix: rest } },
    ),
  );
  return undefined;
}

/**
 * Parses an ICP filing number, entity (京ICP备2021034286号) or service (…号-1, -2A, -3X, -4K).
 * Tolerates full-width characters, spaces, lower case and a missing 号; accepts the legacy
 * abbreviations 川/甘 with a warning; 8-digit numbers carry a two-digit year.
 */
export function parseFilingNumber(input: string, opts: NumberParseOptions = {}): Validation<FilingNumber> {
  const catalogue = opts.catalogue ?? defaultCatalogue;
  const text = normalizeNumberText(input);
  const shape = /^(?<abbr>.*?)ICP备(?<digits>[^号-]*)(?<hao>号?)(?<rest>.*)$/u.exec(text);
  if (!shape?.groups || text.includes('ICP备案')) return validation(text, [notAFilingNumber(text)], []);
  const { abbr = '', digits = '', hao = '', rest = '' } = shape.groups;

  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const resolved = resolveAbbreviation(catalogue, abbr);
  if (!resolved) errors.push(unknownAbbreviationIssue(catalogue, abbr));
  else if (resolved.isLegacy) {
    warnings.push(
      issue(
        'legacy_abbreviation',
        `"${abbr}" appears only in older numbers; ${resolved.province.nameEn} issues new numbers as ${resolved.province.icpAbbreviation}ICP备….`,
        `“${abbr}”仅见于较早的编号；${resolved.province.nameZh}新编号使用“${resolved.province.icpAbbreviation}ICP备”。`,
        { source: 'ref-6-4', params: { abbreviation: abbr, current: resolved.province.icpAbbreviation } },
      ),
    );
  }
  const reading = readDigits(digits, errors, warnings);
  const service = readSuffix(rest, errors);
  if (hao === '') warnings.push(missingHaoWarning(SOURCE));

  if (!resolved || !reading || service === undefined) return validation(text, errors, warnings);
  const entityNumber = `${abbr}ICP备${digits}号`;
  const value: FilingNumber = {
    kind: 'icp_filing',
    province: toProvinceRef(resolved.province),
    abbreviation: abbr,
    isLegacyAbbreviation: resolved.isLegacy,
    year: reading.year,
    yearDigits: reading.yearDigits,
    serial: reading.serial,
    entityNumber,
  };
  if (service) value.service = { ...service, number: `${entityNumber}-${service.suffix}` };
  return validation(value.service?.number ?? entityNumber, errors, warnings, value);
}
