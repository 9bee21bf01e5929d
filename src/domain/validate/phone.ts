import { type Issue, issue, type Validation, validation } from '../shared/issue.ts';
import { normalizeText } from '../shared/normalize.ts';

/**
 * Mainland phone numbers of the filing form's people (reference §4.3: mobile, emergency phone and an
 * office phone written country-area-number). Numbering plan facts (11-digit mobiles starting 13-19,
 * trunk prefix 0, two-digit area codes 10 and 2x, three-digit codes otherwise, local numbers of 7-8
 * digits) are those of the mainland plan and carry no catalogue source.
 */
const SOURCE = 'ref-4-fields';

export interface MobileParts {
  /** The 11-digit national number. */
  national: string;
  /** E.164, e.g. +8613812345678. */
  e164: string;
}

/** Removes +86, 0086 or a bare 86 before an 11-digit number. */
function stripCountryCode(digits: string): { rest: string; hadCountryCode: boolean; foreign: boolean } {
  if (digits.startsWith('+86')) return { rest: digits.slice(3), hadCountryCode: true, foreign: false };
  if (digits.startsWith('0086')) return { rest: digits.slice(4), hadCountryCode: true, foreign: false };
  if (digits.startsWith('+') || digits.startsWith('00'))
    return { rest: digits, hadCountryCode: false, foreign: true };
  return { rest: digits, hadCountryCode: false, foreign: false };
}

/** A mainland mobile number: 1[3-9] + 9 digits, with an optional +86/0086/86 prefix. */
export function validateMobile(input: string): Validation<MobileParts> {
  const compact = normalizeText(input).replace(/[\s\-().]/g, '');
  if (compact === '')
    return validation(compact, [issue('empty', 'Enter a mobile number.', '请输入手机号码。')], []);
  const stripped = stripCountryCode(compact);
  let national = stripped.rest;
  if (!stripped.hadCountryCode && /^861\d{10}$/.test(national)) national = national.slice(2);
  const errors: Issue[] = [];
  if (stripped.foreign) {
    errors.push(
      issue(
        'not_mainland_number',
        'Only mainland China mobile numbers (+86) are accepted.',
        '仅接受中国大陆手机号码（+86）。',
        { source: SOURCE },
      ),
    );
    return validation(compact, errors, []);
  }
  if (!/^1[3-9]\d{9}$/.test(national)) {
    errors.push(
      issue(
        'invalid_mobile',
        'A mainland mobile number has 11 digits and starts with 13 to 19.',
        '中国大陆手机号码为 11 位数字，以 13 至 19 开头。',
        { source: SOURCE },
      ),
    );
    return validation(compact, errors, []);
  }
  return validation(national, [], [], { national, e164: `+86${national}` });
}

export interface LandlineParts {
  /** With the trunk prefix, e.g. "010", "0755". */
  areaCode: string;
  number: string;
  extension?: string;
  /** E.164 without the extension, e.g. +861012345678. */
  e164: string;
}

const EXTENSION = /(?:转|分机|ext\.?|extension|x|#)\s*(\d{1,6})$/i;

function landlineError(code: string, en: string, zh: string, params?: Issue['params']): Issue {
  return issue(code, en, zh, params ? { source: SOURCE, params } : { source: SOURCE });
}

/**
 * A mainland landline with area code, e.g. "010-12345678", "(010)12345678", "+86 10 1234 5678",
 * "0755-1234567 转 801". Normalised to "010-12345678" (or "010-12345678-801" with an extension).
 */
export function validateLandline(input: string): Validation<LandlineParts> {
  let text = normalizeText(input);
  if (text === '') return validation(text, [issue('empty', 'Enter a phone number.', '请输入电话号码。')], []);

  let extension: string | undefined;
  const extMatch = EXTENSION.exec(text);
  if (extMatch) {
    extension = extMatch[1];
    text = text.slice(0, extMatch.index).trim();
  }

  let international = false;
  const prefix = /^(?:\+\s*86|0086|86(?=[\s\-(]))[\s-]*/.exec(text);
  if (prefix) {
    international = true;
    text = text.slice(prefix[0].length);
  } else if (/^(?:\+|00)/.test(text)) {
    return validation(
      text,
      [
        landlineError(
          'not_mainland_number',
          'Only mainland China numbers (+86) are accepted.',
          '仅接受中国大陆电话号码（+86）。',
        ),
      ],
      [],
    );
  }

  if (/[^\d\s\-()]/.test(text)) {
    return validation(
      text,
      [
        landlineError(
          'invalid_characters',
          'A phone number contains only digits, spaces, hyphens and brackets.',
          '电话号码只能包含数字、空格、连字符和括号。',
        ),
      ],
      [],
    );
  }
  const groups = text.split(/[\s\-()]+/).filter((g) => g !== '');
  if (international && groups[0] !== undefined && !groups[0].startsWith('0')) groups[0] = `0${groups[0]}`;
  let digits = groups.join('');

  if (/^1[3-9]\d{9}$/.test(digits)) {
    return validation(
      digits,
      [
        landlineError(
          'mobile_not_landline',
          'This is a mobile number; enter a landline with its area code.',
          '这是手机号码，请填写带区号的固定电话。',
        ),
      ],
      [],
    );
  }
  if (!digits.startsWith('0')) {
    return validation(
      digits,
      [
        landlineError(
          'missing_area_code',
          'Add the area code, e.g. 010-12345678.',
          '请加上区号，例如 010-12345678。',
        ),
      ],
      [],
    );
  }
  // Two-digit area codes (after the trunk 0) are 10 and 20-29; every other code has three digits.
  const areaLength = /^0[12]/.test(digits) ? 3 : 4;
  const areaCode = digits.slice(0, areaLength);
  if (/^01[^0]/.test(digits)) {
    return validation(
      digits,
      [
        landlineError('invalid_area_code', `${areaCode} is not an area code.`, `${areaCode} 不是有效区号。`, {
          areaCode,
        }),
      ],
      [],
    );
  }
  let local = digits.slice(areaLength);
  // A hyphenated trailing group after a complete number is an extension: 010-12345678-801.
  const lastGroup = groups.at(-1) ?? '';
  if (!extension && groups.length >= 3 && local.length > 8) {
    const withoutLast = local.slice(0, local.length - lastGroup.length);
    if (withoutLast.length >= 7 && withoutLast.length <= 8) {
      extension = lastGroup;
      local = withoutLast;
      digits = areaCode + local;
    }
  }
  if (!/^[1-9]\d{6,7}$/.test(local)) {
    return validation(
      digits,
      [
        landlineError(
          'invalid_local_number',
          'The number after the area code has 7 or 8 digits and does not start with 0.',
          '区号后的号码应为 7 或 8 位，且不以 0 开头。',
          { areaCode },
        ),
      ],
      [],
    );
  }
  const parts: LandlineParts = { areaCode, number: local, e164: `+86${areaCode.slice(1)}${local}` };
  if (extension) parts.extension = extension;
  const normalized = `${areaCode}-${local}${extension ? `-${extension}` : ''}`;
  return validation(normalized, [], [], parts);
}
