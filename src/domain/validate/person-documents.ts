import { parseCompactDate } from '../calendar/china-date.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { type Issue, issue, type Validation, validation } from '../shared/issue.ts';
import { normalizeCompact } from '../shared/normalize.ts';
import { computeResidentIdCheckDigit } from './resident-id.ts';

/**
 * Numbers of the personal certificates other than the resident ID card (reference §4.2). The
 * reference lists the documents but not their number formats; the formats below are the ones printed
 * on the documents, cited to the closest source (ref-4-certificates), and checked as formats only
 * unless a check character is defined.
 */
const SOURCE = 'ref-4-certificates';

function emptyIssue(en: string, zh: string): Issue {
  return issue('empty', `Enter the ${en} number.`, `请输入${zh}号码。`);
}

function formatIssue(en: string, zh: string, expectedEn: string, expectedZh: string): Issue {
  return issue(
    'invalid_format',
    `This is not a valid ${en} number: expected ${expectedEn}.`,
    `${zh}号码格式不正确：应为${expectedZh}。`,
    { source: SOURCE },
  );
}

/** Upper-cased, without white space and the hyphens people type to group digits. */
function normalizeDocumentNumber(input: string): string {
  return normalizeCompact(input).replace(/-/g, '').toUpperCase();
}

export interface PassportParts {
  number: string;
  /** `cn` when the number has the shape of a PRC ordinary passport (E or G series). */
  issuer?: 'cn';
}

/**
 * Passports (for non-Chinese applicants): format only, 5-17 letters or digits, which covers the
 * document numbers of the ICAO 9303 machine-readable zone (9 characters) and national variants.
 * PRC ordinary passports are G + 8 digits (until 2012) and E + 8 digits or E + letter + 7 digits.
 */
export function validatePassport(input: string): Validation<PassportParts> {
  const normalized = normalizeDocumentNumber(input);
  if (normalized === '') return validation(normalized, [emptyIssue('passport', '护照')], []);
  if (!/^[0-9A-Z]{5,17}$/.test(normalized)) {
    return validation(
      normalized,
      [formatIssue('passport', '护照', '5 to 17 letters or digits', '5 至 17 位字母或数字')],
      [],
    );
  }
  const parts: PassportParts = { number: normalized };
  if (/^(?:[EG]\d{8}|E[A-Z]\d{7})$/.test(normalized)) parts.issuer = 'cn';
  return validation(normalized, [], [], parts);
}

export interface HkMacaoPermitParts {
  number: string;
  region: 'hong_kong' | 'macao';
  /** `legacy`: the older 10-digit form (8 digits plus a 2-digit issue count). */
  format: 'current' | 'legacy';
}

/**
 * Mainland travel permit for Hong Kong and Macao residents (港澳居民来往内地通行证): H (Hong Kong) or
 * M (Macao) followed by 8 digits; older permits append a 2-digit issue count (10 digits).
 */
export function validateHkMacaoPermit(input: string): Validation<HkMacaoPermitParts> {
  const normalized = normalizeDocumentNumber(input);
  const en = 'Hong Kong/Macao mainland travel permit';
  const zh = '港澳居民来往内地通行证';
  if (normalized === '') return validation(normalized, [emptyIssue(en, zh)], []);
  const match = /^([HM])(\d{8}|\d{10})$/.exec(normalized);
  if (!match) {
    return validation(
      normalized,
      [formatIssue(en, zh, 'H or M followed by 8 (or 10) digits', 'H 或 M 加 8 位（或 10 位）数字')],
      [],
    );
  }
  const parts: HkMacaoPermitParts = {
    number: normalized,
    region: match[1] === 'H' ? 'hong_kong' : 'macao',
    format: match[2]?.length === 8 ? 'current' : 'legacy',
  };
  return validation(normalized, [], [], parts);
}

export interface TaiwanPermitParts {
  number: string;
  /** `legacy`: a 10-character number from the booklet permits issued before the 2015 card. */
  format: 'current' | 'legacy';
}

/**
 * Mainland travel permit for Taiwan residents (台湾居民来往大陆通行证): 8 digits on the card issued
 * since 2015; older booklets carry 10-character numbers (10 digits, or a letter and 9 digits) or
 * 8 digits with a bracketed issue letter, e.g. 12345678(B).
 */
export function validateTaiwanPermit(input: string): Validation<TaiwanPermitParts> {
  const normalized = normalizeDocumentNumber(input);
  const en = 'Taiwan mainland travel permit';
  const zh = '台湾居民来往大陆通行证';
  if (normalized === '') return validation(normalized, [emptyIssue(en, zh)], []);
  if (/^\d{8}$/.test(normalized))
    return validation(normalized, [], [], { number: normalized, format: 'current' });
  if (/^(?:\d{10}|[A-Z]\d{9}|\d{8}\([A-Z]\))$/.test(normalized)) {
    const warning = issue(
      'legacy_format',
      'This is an older permit number format; current permits have 8 digits. Check that the permit is still valid.',
      '这是旧版通行证号码格式，现行通行证为 8 位数字，请确认证件仍在有效期内。',
      { source: SOURCE },
    );
    return validation(normalized, [], [warning], { number: normalized, format: 'legacy' });
  }
  return validation(normalized, [formatIssue(en, zh, '8 digits', '8 位数字')], []);
}

export interface ForeignPermanentResidenceParts {
  number: string;
  format: 'legacy_15' | 'current_18';
  /** ISO 3166-1 alpha-3 (15-character cards) or numeric-3 (18-digit cards) nationality code. */
  nationality: string;
  /** Two-digit GB/T 2260 province code of the issuing office (18-digit cards). */
  provinceCode?: string;
  provinceNameEn?: string;
  provinceNameZh?: string;
  /** `YYYY-MM-DD` (18-digit cards). */
  birthDate?: string;
  sex?: 'male' | 'female';
}

/** ICAO 9303 check digit (weights 7, 3, 1; letters A = 10 … Z = 35). */
function computeIcaoCheckDigit(text: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (const [i, char] of [...text].entries()) sum += Number.parseInt(char, 36) * (weights[i % 3] as number);
  return String(sum % 10);
}

/**
 * Foreign permanent residence ID card (外国人永久居留身份证). The 2004 card: 3-letter nationality
 * code + 12 digits. The 2017 and 2023 cards: 18 digits starting with 9, then the issuing province
 * (2), nationality numeric code (3), birth date (8), sequence (3, odd for men) and a check
 * character computed as in GB 11643. The 2004 layout is not in our sources, so it is checked as a
 * format and its last digit only against the ICAO 9303 check, with a warning if that fails.
 */
export function validateForeignPermanentResidence(
  input: string,
  opts: { catalogue?: Catalogue } = {},
): Validation<ForeignPermanentResidenceParts> {
  const catalogue = opts.catalogue ?? defaultCatalogue;
  const normalized = normalizeDocumentNumber(input);
  const en = 'foreign permanent residence ID';
  const zh = '外国人永久居留身份证';
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  if (normalized === '') return validation(normalized, [emptyIssue(en, zh)], []);

  if (/^[A-Z]{3}\d{12}$/.test(normalized)) {
    if (computeIcaoCheckDigit(normalized.slice(0, 14)) !== normalized.slice(14)) {
      warnings.push(
        issue(
          'check_digit_unverified',
          'The last digit of this older card number could not be confirmed; compare the number with the card.',
          '无法确认该旧版证件号码的校验位，请与证件核对。',
          { source: SOURCE },
        ),
      );
    }
    return validation(normalized, errors, warnings, {
      number: normalized,
      format: 'legacy_15',
      nationality: normalized.slice(0, 3),
    });
  }

  if (!/^9\d{16}[\dX]$/.test(normalized)) {
    errors.push(
      formatIssue(
        en,
        zh,
        '18 digits starting with 9 (or, on 2004 cards, 3 letters and 12 digits)',
        '以 9 开头的 18 位数字（2004 版为 3 位字母加 12 位数字）',
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
        { source: 'gb-11643', params: { expected, actual } },
      ),
    );
  }
  const parts: ForeignPermanentResidenceParts = {
    number: normalized,
    format: 'current_18',
    nationality: normalized.slice(3, 6),
    provinceCode: normalized.slice(1, 3),
    sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female',
  };
  const province = catalogue.index.provinceByKey.get(normalized.slice(1, 3));
  if (province) {
    parts.provinceNameEn = province.nameEn;
    parts.provinceNameZh = province.nameZh;
  } else {
    warnings.push(
      issue(
        'unknown_region_code',
        `Issuing province code ${normalized.slice(1, 3)} is not a known province.`,
        `签发地省级代码 ${normalized.slice(1, 3)} 不是已知省份。`,
        { source: 'gbt-2260', params: { regionCode: normalized.slice(1, 3) } },
      ),
    );
  }
  const birthDate = parseCompactDate(normalized.slice(6, 14));
  if (birthDate) {
    parts.birthDate = birthDate;
  } else {
    errors.push(
      issue(
        'invalid_birth_date',
        `The birth date ${normalized.slice(6, 14)} is not a real date.`,
        `出生日期 ${normalized.slice(6, 14)} 不是有效日期。`,
        { source: SOURCE, params: { birthDate: normalized.slice(6, 14) } },
      ),
    );
  }
  return validation(normalized, errors, warnings, parts);
}
