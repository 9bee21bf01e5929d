import { findProvince } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { type Issue, issue } from '../shared/issue.ts';
import { err, ok, type Result } from '../shared/result.ts';
import {
  formatFilingNumber,
  formatServiceSuffix,
  MAX_FILING_SERIAL,
  MAX_SERVICE_INDEX,
  parseServiceSuffix,
  type ServiceType,
} from './filing-number.ts';
import { isFourDigitYear, MAX_FOUR_DIGIT_YEAR, MIN_FOUR_DIGIT_YEAR } from './issue-year.ts';
import type { NumberParseOptions } from './number-text.ts';

export interface NextEntityNumberInput {
  /** Province code ("11"), division code, slug, name or abbreviation. */
  province: string;
  approvalYear: number;
  /** Highest serial already issued in this province and year; null for the first of the year. */
  lastSerial: number | null;
}

export interface NextServiceSuffixInput {
  /** Every suffix the entity ever received, cancelled ones included: ["1", "2A"]. */
  usedSuffixes: readonly string[];
  type: ServiceType;
}

const SOURCE = 'ref-6-numbers';

/**
 * The entity number to issue at approval: the province's current abbreviation (never a legacy one),
 * the four-digit approval year and the next six-digit serial of that province and year (ref-6-numbers).
 */
export function nextEntityNumber(
  input: NextEntityNumberInput,
  opts: NumberParseOptions = {},
): Result<string, Issue> {
  const catalogue = opts.catalogue ?? defaultCatalogue;
  const province = findProvince(catalogue, input.province);
  if (!province) {
    return err(
      issue('unknown_province', `Unknown province "${input.province}".`, `未知省份“${input.province}”。`, {
        source: 'ref-6-4',
        params: { province: input.province },
      }),
    );
  }
  if (!isFourDigitYear(input.approvalYear)) {
    return err(
      issue(
        'bad_year',
        `The approval year must be an integer ${MIN_FOUR_DIGIT_YEAR}–${MAX_FOUR_DIGIT_YEAR}, not ${input.approvalYear}.`,
        `审核通过年份应为 ${MIN_FOUR_DIGIT_YEAR}–${MAX_FOUR_DIGIT_YEAR} 之间的整数，而不是 ${input.approvalYear}。`,
        { source: SOURCE, params: { year: input.approvalYear } },
      ),
    );
  }
  const last = input.lastSerial ?? 0;
  if (!Number.isInteger(last) || last < 0 || last > MAX_FILING_SERIAL) {
    return err(
      issue(
        'bad_serial',
        `The last serial must be an integer 0–${MAX_FILING_SERIAL} or null, not ${input.lastSerial}.`,
        `上一个序号应为 0–${MAX_FILING_SERIAL} 之间的整数或 null，而不是 ${input.lastSerial}。`,
        { source: SOURCE, params: { lastSerial: String(input.lastSerial) } },
      ),
    );
  }
  if (last === MAX_FILING_SERIAL) {
    return err(
      issue(
        'serial_space_exhausted',
        `All ${MAX_FILING_SERIAL} six-digit serials of ${province.nameEn} for ${input.approvalYear} are used.`,
        `${province.nameZh} ${input.approvalYear} 年的 ${MAX_FILING_SERIAL} 个六位序号已全部用完。`,
        { source: SOURCE, params: { province: province.code, year: input.approvalYear } },
      ),
    );
  }
  return ok(
    formatFilingNumber({
      abbreviation: province.icpAbbreviation,
      year: input.approvalYear,
      yearDigits: 4,
      serial: last + 1,
    }),
  );
}

/**
 * The suffix for a new service of an entity. Websites, apps, mini-programs and quick apps share one
 * sequence per entity (-1, -2A, -3X, -4K, ref-6-numbers); the next index is the highest ever used + 1,
 * so a cancelled suffix is never issued again (whether authorities reuse them is not documented, and
 * never reusing is the safe reading).
 */
export function nextServiceSuffix(
  input: NextServiceSuffixInput,
): Result<{ index: number; suffix: string }, Issue> {
  const seen = new Map<number, string>();
  for (const used of input.usedSuffixes) {
    const parsed = parseServiceSuffix(used);
    if (!parsed) {
      return err(
        issue(
          'bad_suffix',
          `"${used}" is not a service suffix (expected N, NA, NX or NK with N from 1, no leading zero).`,
          `“${used}”不是有效的服务后缀（应为 N、NA、NX 或 NK，N 从 1 起且无前导零）。`,
          { source: SOURCE, params: { suffix: used } },
        ),
      );
    }
    const earlier = seen.get(parsed.index);
    if (earlier !== undefined) {
      // One sequence per entity: an index issued twice means the stored history is corrupt.
      return err(
        issue(
          'duplicate_suffix_index',
          `Suffixes "${earlier}" and "${used}" share index ${parsed.index}; an index is issued once per entity.`,
          `后缀“${earlier}”与“${used}”序号同为 ${parsed.index}；同一主体的序号只能使用一次。`,
          { source: SOURCE, params: { index: parsed.index } },
        ),
      );
    }
    seen.set(parsed.index, used);
  }
  const index = Math.max(0, ...seen.keys()) + 1;
  if (index > MAX_SERVICE_INDEX) {
    return err(
      issue(
        'suffix_space_exhausted',
        `All ${MAX_SERVICE_INDEX} service indexes of this entity are used.`,
        `该主体的 ${MAX_SERVICE_INDEX} 个服务序号已全部用完。`,
        { source: SOURCE },
      ),
    );
  }
  return ok({ index, suffix: formatServiceSuffix(index, input.type) });
}
