import type { Catalogue } from '../catalogue/catalogue.ts';
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
  type ResolvedAbbreviation,
  resolveAbbreviation,
  toProvinceRef,
  unknownAbbreviationIssue,
} from './province-abbreviation.ts';

/**
 * Telecom business categories seen in licence numbers: A1/A2 basic services (on combined licences
 * such as A2.B1.B2-…), B1/B2 value-added services; information services (B25) sit under B2
 * (ref-6-licence).
 */
export type TelecomCategory = 'A1' | 'A2' | 'B1' | 'B2';

export const TELECOM_CATEGORIES: readonly TelecomCategory[] = ['A1', 'A2', 'B1', 'B2'];

/** Site suffixes after a licence number (京ICP证030173号-136): same bound as filing service indexes. */
export const MAX_LICENCE_SUFFIX = 999_999;

/** Provincial commercial ICP licence number, 京ICP证030173号[-136]. */
export interface IcpLicenceNumber {
  kind: 'icp_licence';
  province: ProvinceRef;
  /** As printed; both current and legacy abbreviations are accepted without comment. */
  abbreviation: string;
  /** Expanded from the two printed digits. */
  year: number;
  /** Four digits. */
  serial: string;
  /** Site suffix after the hyphen, if any. */
  suffix?: number;
  canonical: string;
}

/** Value-added telecom licence number: provincial 京B2-20212732 or cross-regional (MIIT) B2-20233776. */
export interface TelecomLicenceNumber {
  kind: 'telecom_licence';
  /** As printed after normalisation: "B2", or "A2.B1.B2" on a combined licence. */
  category: string;
  /** The categories of `category`, ascending and without duplicates. */
  categories: TelecomCategory[];
  /** Provincial licences carry the issuing province's abbreviation; cross-regional ones are issued by MIIT. */
  scope: 'provincial' | 'cross_regional';
  province?: ProvinceRef;
  abbreviation?: string;
  year: number;
  /** Four digits. */
  serial: string;
  suffix?: number;
  canonical: string;
}

export interface IcpLicenceNumberParts {
  abbreviation: string;
  year: number;
  serial: string | number;
  suffix?: number;
}

export interface TelecomLicenceNumberParts {
  /** Omit for a cross-regional licence. */
  abbreviation?: string;
  category?: TelecomCategory | readonly TelecomCategory[];
  year: number;
  serial: string | number;
  suffix?: number;
}

const SOURCE = 'ref-6-licence';

function checkAbbreviation(abbreviation: string): void {
  if (!/^\p{Script=Han}$/u.test(abbreviation)) {
    throw new RangeError(`An abbreviation is one Chinese character: ${abbreviation}`);
  }
}

function formatSuffix(suffix: number | undefined): string {
  if (suffix === undefined) return '';
  if (!Number.isInteger(suffix) || suffix < 1 || suffix > MAX_LICENCE_SUFFIX) {
    throw new RangeError(`A licence suffix must be an integer 1–${MAX_LICENCE_SUFFIX}: ${suffix}`);
  }
  return `-${suffix}`;
}

/**
 * `<abbr>ICP证<YY><serial>号[-N]`.
 * @throws RangeError when a part is out of range (parts come from code, not from user input).
 */
export function formatIcpLicenceNumber(parts: IcpLicenceNumberParts): string {
  checkAbbreviation(parts.abbreviation);
  const year = formatYearDigits(parts.year, 2);
  const serial = formatSerialDigits(parts.serial, 4);
  return `${parts.abbreviation}ICP证${year}${serial}号${formatSuffix(parts.suffix)}`;
}

function sortCategories(categories: readonly TelecomCategory[]): TelecomCategory[] {
  return TELECOM_CATEGORIES.filter((c) => categories.includes(c));
}

/**
 * `[<abbr>]<category>-<YYYY><serial>[-N]`; the category defaults to B2.
 * @throws RangeError when a part is out of range (parts come from code, not from user input).
 */
export function formatTelecomLicenceNumber(parts: TelecomLicenceNumberParts): string {
  if (parts.abbreviation !== undefined) checkAbbreviation(parts.abbreviation);
  const raw = parts.category ?? 'B2';
  const categories = sortCategories(typeof raw === 'string' ? [raw] : raw);
  if (categories.length === 0) throw new RangeError('A telecom licence has at least one category');
  const year = formatYearDigits(parts.year, 4);
  const serial = formatSerialDigits(parts.serial, 4);
  return `${parts.abbreviation ?? ''}${categories.join('.')}-${year}${serial}${formatSuffix(parts.suffix)}`;
}

function readLicenceSuffix(rest: string, errors: Issue[]): number | undefined | null {
  if (rest === '') return null;
  const match = /^-([1-9]\d{0,5})$/u.exec(rest);
  if (match) return Number(match[1]);
  errors.push(
    issue(
      'bad_suffix',
      `"${rest}" is not a licence suffix; expected -N (N from 1, no leading zero).`,
      `“${rest}”不是有效的许可证后缀；应为 -N（N 从 1 起且无前导零）。`,
      { source: SOURCE, params: { suffix: rest } },
    ),
  );
  return undefined;
}

function readAbbreviation(
  catalogue: Catalogue,
  abbr: string,
  errors: Issue[],
): ResolvedAbbreviation | undefined {
  // Licence numbers keep the older abbreviation (川B2-2026… is current), so legacy ones pass silently.
  const resolved = resolveAbbreviation(catalogue, abbr);
  if (!resolved) errors.push(unknownAbbreviationIssue(catalogue, abbr));
  return resolved;
}

/**
 * Parses a commercial ICP licence number, 京ICP证030173号 or 京ICP证030173号-136: six digits,
 * two-digit year + four-digit serial (ref-6-licence).
 */
export function parseIcpLicenceNumber(
  input: string,
  opts: NumberParseOptions = {},
): Validation<IcpLicenceNumber> {
  const catalogue = opts.catalogue ?? defaultCatalogue;
  const text = normalizeNumberText(input);
  const shape = /^(?<abbr>.*?)ICP证(?<digits>[^号-]*)(?<hao>号?)(?<rest>.*)$/u.exec(text);
  if (!shape?.groups) {
    return validation(
      text,
      [
        issue(
          'not_a_licence_number',
          'Not an ICP licence number; expected e.g. 京ICP证030173号.',
          '不是 ICP 经营许可证编号，格式应如 京ICP证030173号。',
          { source: SOURCE },
        ),
      ],
      [],
    );
  }
  const { abbr = '', digits = '', hao = '', rest = '' } = shape.groups;
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const resolved = readAbbreviation(catalogue, abbr, errors);
  const digitsOk = /^\d{6}$/u.test(digits);
  if (!digitsOk) {
    errors.push(
      issue(
        'bad_digits',
        `An ICP licence number has 6 digits (2-digit year + 4-digit serial), not "${digits}".`,
        `ICP 经营许可证编号应为 6 位数字（2 位年份 + 4 位序号），而不是“${digits}”。`,
        { source: SOURCE, params: { digits } },
      ),
    );
  }
  const suffix = readLicenceSuffix(rest, errors);
  if (hao === '') warnings.push(missingHaoWarning(SOURCE));
  if (!resolved || !digitsOk || suffix === undefined) return validation(text, errors, warnings);

  const year = expandTwoDigitYear(Number(digits.slice(0, 2)));
  if (year < 2000) warnings.push(yearBeforeRegimeWarning(year));
  const canonical = `${abbr}ICP证${digits}号${suffix === null ? '' : `-${suffix}`}`;
  const value: IcpLicenceNumber = {
    kind: 'icp_licence',
    province: toProvinceRef(resolved.province),
    abbreviation: abbr,
    year,
    serial: digits.slice(2),
    canonical,
  };
  if (suffix !== null) value.suffix = suffix;
  return validation(canonical, errors, warnings, value);
}

function readCategories(text: string, errors: Issue[]): TelecomCategory[] | undefined {
  const parts = text.split('.');
  const unknown = parts.filter((p) => !TELECOM_CATEGORIES.includes(p as TelecomCategory));
  if (unknown.length === 0) return sortCategories(parts as TelecomCategory[]);
  errors.push(
    issue(
      'bad_category',
      `"${unknown.join('.')}" is not a telecom licence category (expected B2, B1, A2 or A1, e.g. 京B2-20212732).`,
      `“${unknown.join('.')}”不是电信业务经营许可证类别（应为 B2、B1、A2 或 A1，如 京B2-20212732）。`,
      { source: SOURCE, params: { category: unknown.join('.') } },
    ),
  );
  return undefined;
}

/**
 * Parses a value-added telecom licence number: provincial 京B2-20212732 or cross-regional B2-20233776
 * (issued by MIIT, no province): 4-digit year + 4-digit serial (ref-6-licence). A trailing 号 is
 * accepted silently because footers print both forms; the canonical form has none.
 */
export function parseTelecomLicenceNumber(
  input: string,
  opts: NumberParseOptions = {},
): Validation<TelecomLicenceNumber> {
  const catalogue = opts.catalogue ?? defaultCatalogue;
  const text = normalizeNumberText(input);
  const shape =
    /^(?<abbr>[^A-Z0-9.-]*)(?<category>[A-Z]\d(?:\.[A-Z]\d)*)-(?<digits>[^号-]*)号?(?<rest>.*)$/u.exec(text);
  if (!shape?.groups) {
    return validation(
      text,
      [
        issue(
          'not_a_telecom_licence_number',
          'Not a value-added telecom licence number; expected e.g. 京B2-20212732 or B2-20233776.',
          '不是增值电信业务经营许可证编号，格式应如 京B2-20212732 或 B2-20233776。',
          { source: SOURCE },
        ),
      ],
      [],
    );
  }
  const { abbr = '', category = '', digits = '', rest = '' } = shape.groups;
  const errors: Issue[] = [];
  const resolved = abbr === '' ? null : readAbbreviation(catalogue, abbr, errors);
  const categories = readCategories(category, errors);
  const year = Number(digits.slice(0, 4));
  const digitsOk = /^\d{8}$/u.test(digits) && isFourDigitYear(year);
  if (!digitsOk) {
    errors.push(
      issue(
        'bad_digits',
        `A telecom licence number has 8 digits after the hyphen (year 20YY + 4-digit serial), not "${digits}".`,
        `电信业务经营许可证编号连字符后应为 8 位数字（年份 20YY + 4 位序号），而不是“${digits}”。`,
        { source: SOURCE, params: { digits } },
      ),
    );
  }
  const suffix = readLicenceSuffix(rest, errors);
  if (resolved === undefined || !categories || !digitsOk || suffix === undefined) {
    return validation(text, errors, []);
  }
  const canonical = `${abbr}${categories.join('.')}-${digits}${suffix === null ? '' : `-${suffix}`}`;
  const value: TelecomLicenceNumber = {
    kind: 'telecom_licence',
    category: categories.join('.'),
    categories,
    scope: resolved ? 'provincial' : 'cross_regional',
    year,
    serial: digits.slice(4),
    canonical,
  };
  if (resolved) {
    value.province = toProvinceRef(resolved.province);
    value.abbreviation = abbr;
  }
  if (suffix !== null) value.suffix = suffix;
  return validation(canonical, errors, [], value);
}
