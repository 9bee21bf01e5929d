import { computeAge, isIsoDate, parseCompactDate } from '../calendar/china-date.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { type Issue, issue, type Validation, validation } from '../shared/issue.ts';
import { normalizeCompact } from '../shared/normalize.ts';
import { checkRegionCode, type RegionParts, resolveRegionCode } from './region-code.ts';

/**
 * Citizen identity numbers per GB 11643-1999: six-digit GB/T 2260 address code, eight-digit birth
 * date, three-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check character (X = 10).
 * Residence permits for Hong Kong, Macao and Taiwan residents use the same layout with address
 * codes 810000, 820000 and 830000 (reference §4.2).
 */
export interface ResidentIdParts {
  kind: 'resident_id' | 'hmt_residence_permit';
  /** 18 for GB 11643-1999 numbers, 15 for first-generation numbers (GB 11643-1989). */
  length: 18 | 15;
  regionCode: string;
  region: RegionParts;
  /** `YYYY-MM-DD`; absent when the digits are not a real date. */
  birthDate?: string;
  /** Completed years at `at`; only when `at` was given. */
  age?: number;
  sex: 'male' | 'female';
  sequence: string;
  /** Absent for 15-digit numbers, which have none. */
  checkDigit?: string;
}

export interface ResidentIdOptions {
  /** Reference day `YYYY-MM-DD` for the age and the "born in the future" check. */
  at?: string;
  catalogue?: Catalogue;
}

const SOURCE = 'gb-11643';
/** Weights 2^(17-i) mod 11 for positions 1-17 (ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** Nobody born earlier was alive when resident identity cards were introduced (1984). */
const EARLIEST_BIRTH_YEAR = 1850;
const HMT_PREFIXES = new Set(['81', '82', '83']);

/** The check character of a resident ID from its first 17 digits. */
export function computeResidentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('computeResidentIdCheckDigit needs exactly 17 digits');
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) sum += Number(first17[i]) * weight;
  return CHECK_CHARS[sum % 11] as string;
}

function checkBirthDate(
  digits: string,
  at: string | undefined,
  errors: Issue[],
): { birthDate?: string; age?: number } {
  const birthDate = parseCompactDate(digits);
  if (!birthDate || Number(birthDate.slice(0, 4)) < EARLIEST_BIRTH_YEAR) {
    errors.push(
      issue(
        'invalid_birth_date',
        `The birth date ${digits} is not a real date.`,
        `出生日期 ${digits} 不是有效日期。`,
        { source: SOURCE, params: { birthDate: digits } },
      ),
    );
    return {};
  }
  if (!at) return { birthDate };
  if (birthDate > at) {
    errors.push(
      issue(
        'birth_date_in_future',
        `The birth date ${birthDate} is after ${at}.`,
        `出生日期 ${birthDate} 晚于 ${at}。`,
        { source: SOURCE, params: { birthDate, at } },
      ),
    );
    return { birthDate };
  }
  return { birthDate, age: computeAge(birthDate, at) };
}

function decode(
  normalized: string,
  length: 18 | 15,
  at: string | undefined,
  catalogue: Catalogue,
  errors: Issue[],
  warnings: Issue[],
): ResidentIdParts {
  const regionCode = normalized.slice(0, 6);
  // First-generation numbers omit the century; they were issued to people born in the 1900s.
  const birthDigits = length === 18 ? normalized.slice(6, 14) : `19${normalized.slice(6, 12)}`;
  const sequence = length === 18 ? normalized.slice(14, 17) : normalized.slice(12, 15);
  const region = resolveRegionCode(catalogue, regionCode);
  const regionWarning = checkRegionCode(region);
  if (regionWarning) warnings.push(regionWarning);
  const parts: ResidentIdParts = {
    kind: HMT_PREFIXES.has(regionCode.slice(0, 2)) ? 'hmt_residence_permit' : 'resident_id',
    length,
    regionCode,
    region,
    ...checkBirthDate(birthDigits, at, errors),
    sex: Number(sequence.at(-1)) % 2 === 1 ? 'male' : 'female',
    sequence,
  };
  if (length === 18) parts.checkDigit = normalized.slice(17);
  return parts;
}

/**
 * Validates an 18-character resident identity number (or HK/Macao/Taiwan residence-permit number)
 * and decodes region, birth date, age and sex. Unknown region codes are warnings only.
 */
export function validateResidentId(input: string, opts: ResidentIdOptions = {}): Validation<ResidentIdParts> {
  const catalogue = opts.catalogue ?? defaultCatalogue;
  const normalized = normalizeCompact(input).toUpperCase();
  const errors: Issue[] = [];
  const warnings: Issue[] = [];

  let at: string | undefined;
  if (opts.at !== undefined) {
    at = isIsoDate(opts.at) ? opts.at : undefined;
    if (!at) {
      warnings.push(
        issue(
          'invalid_reference_date',
          `The reference date "${opts.at}" is not a YYYY-MM-DD date; age was not checked.`,
          `参考日期“${opts.at}”不是 YYYY-MM-DD 格式，未检查年龄。`,
          { params: { at: opts.at } },
        ),
      );
    }
  }

  if (normalized === '') {
    errors.push(issue('empty', 'Enter the identity number.', '请输入身份证号码。'));
    return validation(normalized, errors, warnings);
  }

  if (/^\d{15}$/.test(normalized)) {
    errors.push(
      issue(
        'legacy_15_digit',
        'This is a first-generation 15-digit number; filing needs the current 18-character number.',
        '这是第一代 15 位身份证号码，备案需使用现行 18 位号码。',
        { source: SOURCE },
      ),
    );
    const parts = decode(normalized, 15, at, catalogue, errors, warnings);
    return validation(normalized, errors, warnings, parts);
  }

  if (normalized.length !== 18) {
    errors.push(
      issue(
        'invalid_length',
        `An identity number has 18 characters; this has ${normalized.length}.`,
        `身份证号码应为 18 位，当前为 ${normalized.length} 位。`,
        { source: SOURCE, params: { length: normalized.length, expected: 18 } },
      ),
    );
    return validation(normalized, errors, warnings);
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    errors.push(
      issue(
        'invalid_characters',
        'An identity number has 17 digits followed by a digit or X.',
        '身份证号码应为 17 位数字加 1 位数字或 X。',
        { source: SOURCE },
      ),
    );
    return validation(normalized, errors, warnings);
  }

  const expected = computeResidentIdCheckDigit(normalized.slice(0, 17));
  const actual = normalized.slice(17);
  if (expected !== actual) {
    errors.push(
      issue(
        'check_digit_mismatch',
        `The check character should be ${expected}, not ${actual}; the number has a typo.`,
        `校验位应为 ${expected}，而不是 ${actual}，号码有误。`,
        { source: SOURCE, params: { expected, actual } },
      ),
    );
  }
  const parts = decode(normalized, 18, at, catalogue, errors, warnings);
  return validation(normalized, errors, warnings, parts);
}
