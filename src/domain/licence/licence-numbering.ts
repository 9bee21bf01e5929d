import { type Catalogue, findProvince } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { isFourDigitYear, isTwoDigitYear } from '../numbers/issue-year.ts';
import {
  formatIcpLicenceNumber,
  formatTelecomLicenceNumber,
  parseIcpLicenceNumber,
  parseTelecomLicenceNumber,
} from '../numbers/licence-number.ts';
import { type Issue, issue } from '../shared/issue.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { LicenceKind, LicenceScope } from './licence-kind.ts';

/**
 * The numbers printed on an issued licence (reference §6.2, ref-6-licence), formatted and parsed with
 * numbers/licence-number.ts:
 * - every licence carries a value-added telecom licence number: provincial `<abbr>B2-<yyyy><serial>`
 *   (京B2-20240001), cross-regional (MIIT) `B2-<yyyy><serial>` without a province;
 * - a provincial ICP licence is also printed as `<abbr>ICP证<yy><serial>号` (京ICP证240001号).
 * The number shows only the B2 class (value-added services, second class); the service category (B25
 * information services, B21 EDI) is written on the licence, not in the number, so an EDI licence gets a
 * B2 number too, and no ICP证 number (that form is the information-service licence's).
 *
 * One serial sequence per issuing authority and year: ICP and EDI licences of Beijing share the 京B2-2024
 * space, so they must share its counter. A provincial ICP licence prints the same serial in both forms;
 * the real authorities may keep two counters, which the recorded numbers of `validateLicenceNumbers`
 * allow.
 */

const SOURCE = 'ref-6-licence';

/** Four-digit serials: 0001–9999 per authority and year. */
export const MAX_LICENCE_SERIAL = 9999;

export interface LicenceNumbers {
  /** 京B2-20240001 or B2-20240001; every licence has one. */
  telecomLicenceNumber: string;
  /** 京ICP证240001号; provincial ICP licences only. */
  icpLicenceNumber?: string;
}

export interface LicenceNumberTarget {
  kind: LicenceKind;
  scope: LicenceScope;
  /** The company's province: the issuing authority of a provincial licence. */
  provinceCode: string;
}

/** The counter a serial is drawn from: the province code, or 'miit' for cross-regional licences. */
export function getLicenceSequenceKey(target: Pick<LicenceNumberTarget, 'scope' | 'provinceCode'>): string {
  return target.scope === 'cross_regional' ? 'miit' : target.provinceCode;
}

function printsIcpNumber(target: Pick<LicenceNumberTarget, 'kind' | 'scope'>): boolean {
  return target.kind === 'icp' && target.scope === 'provincial';
}

function unknownProvince(key: string): Issue {
  return issue('unknown_province', `Unknown province "${key}".`, `未知省份“${key}”。`, {
    source: 'ref-6-4',
    params: { province: key },
  });
}

/**
 * The abbreviation licences print. Where a province's ICP filing numbers moved to another character
 * (Sichuan 蜀, Gansu 陇), its telecom licences kept the usual one-character name: 川B2-…, 甘B2-… are
 * still issued (ref-6-licence; numbers/licence-number.ts reads both).
 */
export function getLicenceAbbreviation(province: {
  icpAbbreviation: string;
  legacyAbbreviations: readonly string[];
}): string {
  return province.legacyAbbreviations[0] ?? province.icpAbbreviation;
}

export interface FormatLicenceNumbersInput extends LicenceNumberTarget {
  year: number;
  serial: number;
}

/**
 * The numbers of a licence with a given serial, in the province's current abbreviation (never a legacy
 * one). The ICP证 form prints a two-digit year, which reads back as 2000–2049 only.
 */
export function formatLicenceNumbers(
  input: FormatLicenceNumbersInput,
  catalogue: Catalogue = defaultCatalogue,
): Result<LicenceNumbers, Issue> {
  const province = findProvince(catalogue, input.provinceCode);
  if (!province) return err(unknownProvince(input.provinceCode));
  const icp = printsIcpNumber(input);
  // Two printed digits expand to 2000–2049 (numbers/issue-year.ts); later years would read back wrong.
  const yearOk = isFourDigitYear(input.year) && (!icp || (isTwoDigitYear(input.year) && input.year >= 2000));
  if (!yearOk) {
    const max = icp ? 2049 : 2099;
    return err(
      issue(
        'bad_year',
        `The issue year must be an integer 2000–${max} for this licence, not ${input.year}.`,
        `该许可证的发证年份应为 2000–${max} 之间的整数，而不是 ${input.year}。`,
        { source: SOURCE, params: { year: input.year } },
      ),
    );
  }
  if (!Number.isInteger(input.serial) || input.serial < 1 || input.serial > MAX_LICENCE_SERIAL) {
    return err(
      issue(
        'bad_serial',
        `A licence serial is an integer 1–${MAX_LICENCE_SERIAL}, not ${input.serial}.`,
        `许可证序号应为 1–${MAX_LICENCE_SERIAL} 之间的整数，而不是 ${input.serial}。`,
        { source: SOURCE, params: { serial: input.serial } },
      ),
    );
  }
  const abbreviation = getLicenceAbbreviation(province);
  const numbers: LicenceNumbers = {
    telecomLicenceNumber: formatTelecomLicenceNumber({
      ...(input.scope === 'provincial' ? { abbreviation } : {}),
      category: 'B2',
      year: input.year,
      serial: input.serial,
    }),
  };
  if (icp) {
    numbers.icpLicenceNumber = formatIcpLicenceNumber({
      abbreviation,
      year: input.year,
      serial: input.serial,
    });
  }
  return ok(numbers);
}

export interface NextLicenceNumbersInput extends LicenceNumberTarget {
  issueYear: number;
  /** Highest serial already issued from this sequence (`getLicenceSequenceKey`) and year; null for none. */
  lastSerial: number | null;
}

/**
 * The numbers to issue at approval (sandbox authority): the next serial of the authority's sequence for
 * the issue year. Infra allocates it inside the approval transaction, unique by constraint.
 */
export function nextLicenceNumbers(
  input: NextLicenceNumbersInput,
  catalogue: Catalogue = defaultCatalogue,
): Result<LicenceNumbers & { serial: number }, Issue> {
  const last = input.lastSerial ?? 0;
  if (!Number.isInteger(last) || last < 0 || last > MAX_LICENCE_SERIAL) {
    return err(
      issue(
        'bad_serial',
        `The last serial must be an integer 0–${MAX_LICENCE_SERIAL} or null, not ${input.lastSerial}.`,
        `上一个序号应为 0–${MAX_LICENCE_SERIAL} 之间的整数或 null，而不是 ${input.lastSerial}。`,
        { source: SOURCE, params: { lastSerial: String(input.lastSerial) } },
      ),
    );
  }
  if (last === MAX_LICENCE_SERIAL) {
    const key = getLicenceSequenceKey(input);
    return err(
      issue(
        'serial_space_exhausted',
        `All ${MAX_LICENCE_SERIAL} licence serials of ${key} for ${input.issueYear} are used.`,
        `${key} ${input.issueYear} 年的 ${MAX_LICENCE_SERIAL} 个许可证序号已全部用完。`,
        { source: SOURCE, params: { sequence: key, year: input.issueYear } },
      ),
    );
  }
  const serial = last + 1;
  const numbers = formatLicenceNumbers(
    { kind: input.kind, scope: input.scope, provinceCode: input.provinceCode, year: input.issueYear, serial },
    catalogue,
  );
  return numbers.ok ? ok({ ...numbers.value, serial }) : numbers;
}

function mismatch(field: keyof LicenceNumbers, number: string, en: string, zh: string): Issue {
  return issue('licence_number_mismatch', en, zh, { source: SOURCE, params: { field, number } });
}

/** A parse that is not valid has at least one error (numbers/licence-number.ts); this keeps the types honest. */
function firstError(errors: readonly Issue[]): Issue {
  return (
    errors[0] ??
    issue('invalid_licence_number', 'Not a licence number.', '不是有效的许可证编号。', { source: SOURCE })
  );
}

function withField(found: Issue, field: keyof LicenceNumbers): Issue {
  return { ...found, params: { ...found.params, field } };
}

function checkTelecomNumber(
  target: LicenceNumberTarget,
  input: string,
  provinceCode: string,
  catalogue: Catalogue,
): Result<string, Issue> {
  const field = 'telecomLicenceNumber';
  const parsed = parseTelecomLicenceNumber(input, { catalogue });
  const value = parsed.value;
  if (!parsed.valid || !value) return err(withField(firstError(parsed.errors), field));
  if (!value.categories.includes('B2')) {
    return err(
      mismatch(
        field,
        value.canonical,
        `${value.canonical} is not a value-added (B2) telecom licence.`,
        `${value.canonical} 不是增值电信业务（B2）经营许可证编号。`,
      ),
    );
  }
  if (value.suffix !== undefined) {
    return err(
      mismatch(
        field,
        value.canonical,
        'Enter the licence number without a site suffix.',
        '请填写不带网站后缀的许可证编号。',
      ),
    );
  }
  if (target.scope === 'cross_regional' && value.scope !== 'cross_regional') {
    return err(
      mismatch(
        field,
        value.canonical,
        `A cross-regional licence is issued by MIIT and its number has no province: B2-…, not ${value.canonical}.`,
        `跨地区经营许可证由工业和信息化部颁发，编号不带省份简称（B2-…），而不是 ${value.canonical}。`,
      ),
    );
  }
  if (target.scope === 'provincial' && value.province?.code !== provinceCode) {
    return err(
      mismatch(
        field,
        value.canonical,
        `A provincial licence carries the abbreviation of the company’s province; ${value.canonical} does not.`,
        `省内经营许可证编号应带公司所在省份的简称，${value.canonical} 不符。`,
      ),
    );
  }
  return ok(value.canonical);
}

function checkIcpNumber(input: string, provinceCode: string, catalogue: Catalogue): Result<string, Issue> {
  const field = 'icpLicenceNumber';
  const parsed = parseIcpLicenceNumber(input, { catalogue });
  const value = parsed.value;
  if (!parsed.valid || !value) return err(withField(firstError(parsed.errors), field));
  if (value.suffix !== undefined || value.province.code !== provinceCode) {
    return err(
      mismatch(
        field,
        value.canonical,
        `Enter the ICP licence number of the company’s province without a site suffix, not ${value.canonical}.`,
        `请填写公司所在省份、不带网站后缀的ICP经营许可证编号，而不是 ${value.canonical}。`,
      ),
    );
  }
  return ok(value.canonical);
}

/**
 * Checks numbers a real authority issued (recorded by the applicant or an agent) against the
 * application: well formed, a B2 number of the right authority without a site suffix, and an ICP证 number
 * only on a provincial ICP licence (optional there: many provinces print only the B2 number). Returns the
 * canonical forms.
 */
export function validateLicenceNumbers(
  target: LicenceNumberTarget,
  numbers: LicenceNumbers,
  catalogue: Catalogue = defaultCatalogue,
): Result<LicenceNumbers, Issue> {
  const province = findProvince(catalogue, target.provinceCode);
  if (!province) return err(unknownProvince(target.provinceCode));
  if (typeof numbers?.telecomLicenceNumber !== 'string') {
    return err(
      issue(
        'licence_number_required',
        'Enter the value-added telecom licence number (e.g. 京B2-20240001 or B2-20240001).',
        '请填写增值电信业务经营许可证编号（如 京B2-20240001 或 B2-20240001）。',
        { source: SOURCE, params: { field: 'telecomLicenceNumber' } },
      ),
    );
  }
  const icpNumber: unknown = numbers.icpLicenceNumber;
  if (icpNumber !== undefined && typeof icpNumber !== 'string') {
    return err(
      issue('invalid_licence_number', 'The ICP licence number must be text.', 'ICP经营许可证编号应为文本。', {
        source: SOURCE,
        params: { field: 'icpLicenceNumber' },
      }),
    );
  }
  const telecom = checkTelecomNumber(target, numbers.telecomLicenceNumber, province.code, catalogue);
  if (!telecom.ok) return telecom;
  const checked: LicenceNumbers = { telecomLicenceNumber: telecom.value };
  if (numbers.icpLicenceNumber === undefined) return ok(checked);
  if (!printsIcpNumber(target)) {
    return err(
      issue(
        'icp_licence_number_not_applicable',
        'Only a provincial ICP licence has an ICP证 number; leave it empty.',
        '只有省内ICP经营许可证才有“ICP证”编号，请留空。',
        { source: SOURCE, params: { field: 'icpLicenceNumber' } },
      ),
    );
  }
  const icp = checkIcpNumber(numbers.icpLicenceNumber, province.code, catalogue);
  if (!icp.ok) return icp;
  checked.icpLicenceNumber = icp.value;
  return ok(checked);
}
