import { parseIsoDate } from '../../domain/calendar/working-day-calendar.ts';
import { defaultCatalogue } from '../../domain/catalogue/default-catalogue.ts';
import { parseFilingNumber, type ServiceType } from '../../domain/numbers/filing-number.ts';
import { type Issue, issue } from '../../domain/shared/issue.ts';
import { normalizeText } from '../../domain/shared/normalize.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { validateDomain } from '../../domain/validate/domain.ts';
import type { RegistryEntry, RegistryEntryInput, RegistryServiceInput } from './registry-store.ts';

/**
 * The registry's CSV: one row per service (entity columns repeated), or one entity-only row with
 * the service columns empty for an entity without services. Export writes exactly these columns in
 * this order; import needs the header and accepts the columns in any order.
 */
export const REGISTRY_CSV_COLUMNS = [
  'entity_number',
  'unit_name',
  'nature',
  'entity_approved_on',
  'service_number',
  'service_type',
  'service_name',
  'content_type',
  'domains',
  'service_approved_on',
  'limit_access',
] as const;

export type RegistryCsvColumn = (typeof REGISTRY_CSV_COLUMNS)[number];
export type RegistryCsvRow = Record<RegistryCsvColumn, string>;

/** Columns an entity-only file may leave out; every other column must be in the header. */
const OPTIONAL_COLUMNS: ReadonlySet<RegistryCsvColumn> = new Set([
  'service_type',
  'content_type',
  'limit_access',
]);

export const MAX_REGISTRY_NAME_LENGTH = 200;
const MAX_CONTENT_TYPE_LENGTH = 50;

const SERVICE_TYPE_NAMES: Readonly<Record<string, ServiceType>> = {
  website: 'website',
  app: 'app',
  mini_program: 'mini_program',
  quick_app: 'quick_app',
  网站: 'website',
  小程序: 'mini_program',
  快应用: 'quick_app',
};

const FLAG_VALUES: Readonly<Record<string, boolean>> = {
  '': false,
  '0': false,
  '1': true,
  false: false,
  true: true,
  no: false,
  yes: true,
  否: false,
  是: true,
};

/** Domains in one cell: separated by semicolons, commas or white space (full-width forms too). */
const DOMAIN_SEPARATORS = /[;,\s；，、]+/u;

export interface HeaderMapping {
  /** Index of each known column in the file's records. */
  indexes: Partial<Record<RegistryCsvColumn, number>>;
  width: number;
}

/** Reads the header row: every required column present, no unknown or repeated column. */
export function readRegistryHeader(header: readonly string[]): Result<HeaderMapping, Issue> {
  const indexes: Partial<Record<RegistryCsvColumn, number>> = {};
  const known = new Set<string>(REGISTRY_CSV_COLUMNS);
  for (const [index, raw] of header.entries()) {
    const name = raw.normalize('NFKC').trim().toLowerCase();
    if (!known.has(name)) {
      return err(
        issue(
          'unknown_column',
          `Unknown column "${raw}" in the header; the columns are: ${REGISTRY_CSV_COLUMNS.join(', ')}.`,
          `表头中有未知列“${raw}”；可用的列为：${REGISTRY_CSV_COLUMNS.join('、')}。`,
          { params: { column: raw } },
        ),
      );
    }
    const column = name as RegistryCsvColumn;
    if (indexes[column] !== undefined) {
      return err(
        issue(
          'duplicate_column',
          `Column "${column}" appears twice in the header.`,
          `表头中“${column}”列重复。`,
          {
            params: { column },
          },
        ),
      );
    }
    indexes[column] = index;
  }
  const missing = REGISTRY_CSV_COLUMNS.filter((c) => indexes[c] === undefined && !OPTIONAL_COLUMNS.has(c));
  if (missing.length > 0) {
    return err(
      issue(
        'missing_columns',
        `The header lacks the column(s): ${missing.join(', ')}.`,
        `表头缺少以下列：${missing.join('、')}。`,
        { params: { columns: missing.join(',') } },
      ),
    );
  }
  return ok({ indexes, width: header.length });
}

/** The cells of one record by column name ('' for optional columns the file does not have). */
export function readRegistryRecord(mapping: HeaderMapping, record: readonly string[]): RegistryCsvRow {
  const row = {} as RegistryCsvRow;
  for (const column of REGISTRY_CSV_COLUMNS) {
    const index = mapping.indexes[column];
    row[column] = index === undefined ? '' : (record[index] ?? '');
  }
  return row;
}

function fieldIssue(column: RegistryCsvColumn, code: string, en: string, zh: string): Issue {
  return issue(code, `${column}: ${en}`, `${column}：${zh}`, { params: { column } });
}

/** Names, service names and content types: NFKC, single spaces, within the length limit. */
function readName(row: RegistryCsvRow, column: RegistryCsvColumn, max: number, issues: Issue[]): string {
  const value = normalizeText(row[column]);
  if (value.includes('\uFFFD')) {
    issues.push(
      fieldIssue(
        column,
        'not_utf8',
        'contains bytes that are not UTF-8; save the file as UTF-8.',
        '含有非 UTF-8 字节，请将文件另存为 UTF-8 编码。',
      ),
    );
  } else if (/\p{Cc}/u.test(value)) {
    issues.push(fieldIssue(column, 'control_characters', 'contains control characters.', '含有控制字符。'));
  } else if (value === '') {
    issues.push(fieldIssue(column, 'required', 'is required.', '为必填项。'));
  } else if ([...value].length > max) {
    issues.push(fieldIssue(column, 'too_long', `is longer than ${max} characters.`, `超过 ${max} 个字符。`));
  }
  return value;
}

function readDate(row: RegistryCsvRow, column: RegistryCsvColumn, issues: Issue[]): string {
  const parsed = parseIsoDate(row[column]);
  if (parsed.ok) return parsed.value;
  issues.push({ ...parsed.error, message: prefixMessage(column, parsed.error) });
  return '';
}

function prefixMessage(column: RegistryCsvColumn, found: Issue): Issue['message'] {
  return { en: `${column}: ${found.message.en}`, zh: `${column}：${found.message.zh}` };
}

function readNature(row: RegistryCsvRow, issues: Issue[]): string {
  const key = row.nature.normalize('NFKC').trim().toLowerCase();
  const nature = defaultCatalogue.entityNatures.find(
    (n) => n.id === key || n.nameZh === key || n.nameEn.toLowerCase() === key,
  );
  if (nature) return nature.id;
  issues.push(
    fieldIssue(
      'nature',
      'unknown_nature',
      `unknown entity nature "${row.nature}" (use an id such as enterprise or individual, or the Chinese name such as 企业).`,
      `未知的主办单位性质“${row.nature}”（请填写 enterprise、individual 等标识，或“企业”等中文名称）。`,
    ),
  );
  return '';
}

function readDomains(row: RegistryCsvRow, issues: Issue[]): string[] {
  const domains: string[] = [];
  for (const text of row.domains.normalize('NFKC').split(DOMAIN_SEPARATORS)) {
    if (text === '') continue;
    const result = validateDomain(text);
    // The registry mirrors what was approved: a suffix that has since left the fileable list stays.
    const blocking = result.errors.filter((e) => e.code !== 'tld_not_fileable');
    if (!result.value || blocking.length > 0) {
      const first = blocking[0] ?? result.errors[0];
      issues.push(
        fieldIssue(
          'domains',
          'invalid_domain',
          `"${text}" is not a valid domain${first ? `: ${first.message.en}` : '.'}`,
          `“${text}”不是有效的域名${first ? `：${first.message.zh}` : '。'}`,
        ),
      );
      continue;
    }
    if (!domains.includes(result.value.ascii)) domains.push(result.value.ascii);
  }
  return domains;
}

function readService(
  row: RegistryCsvRow,
  entityNumber: string,
  issues: Issue[],
): RegistryServiceInput | undefined {
  const parsed = parseFilingNumber(row.service_number);
  const service = parsed.value?.service;
  if (!parsed.valid || !parsed.value || !service) {
    const first = parsed.errors[0];
    issues.push(
      fieldIssue(
        'service_number',
        'invalid_service_number',
        `"${row.service_number}" is not a service number such as 京ICP备2021034286号-1${first ? `: ${first.message.en}` : '.'}`,
        `“${row.service_number}”不是服务备案号（应如 京ICP备2021034286号-1）${first ? `：${first.message.zh}` : '。'}`,
      ),
    );
    return undefined;
  }
  if (entityNumber !== '' && parsed.value.entityNumber !== entityNumber) {
    issues.push(
      fieldIssue(
        'service_number',
        'service_number_mismatch',
        `${service.number} does not belong to entity ${entityNumber}.`,
        `${service.number} 不属于主体 ${entityNumber}。`,
      ),
    );
  }
  const typeText = row.service_type.normalize('NFKC').trim();
  if (typeText !== '') {
    const declared = SERVICE_TYPE_NAMES[typeText.toLowerCase()] ?? SERVICE_TYPE_NAMES[typeText];
    if (declared !== service.type) {
      issues.push(
        fieldIssue(
          'service_type',
          'service_type_mismatch',
          `"${typeText}" does not match the number's suffix -${service.suffix}, which means ${service.type}.`,
          `“${typeText}”与编号后缀 -${service.suffix}（${service.type}）不符。`,
        ),
      );
    }
  }
  const serviceName = readName(row, 'service_name', MAX_REGISTRY_NAME_LENGTH, issues);
  const contentText = normalizeText(row.content_type);
  if (/\p{Cc}/u.test(contentText)) {
    issues.push(
      fieldIssue('content_type', 'control_characters', 'contains control characters.', '含有控制字符。'),
    );
  } else if ([...contentText].length > MAX_CONTENT_TYPE_LENGTH) {
    issues.push(
      fieldIssue(
        'content_type',
        'too_long',
        `is longer than ${MAX_CONTENT_TYPE_LENGTH} characters.`,
        `超过 ${MAX_CONTENT_TYPE_LENGTH} 个字符。`,
      ),
    );
  }
  const domains = readDomains(row, issues);
  if (service.type === 'website' && domains.length === 0 && row.domains.trim() === '') {
    issues.push(fieldIssue('domains', 'missing_domain', 'a website needs its domain.', '网站须填写域名。'));
  }
  const approvedOn = readDate(row, 'service_approved_on', issues);
  const flag = FLAG_VALUES[row.limit_access.normalize('NFKC').trim().toLowerCase()];
  if (flag === undefined) {
    issues.push(
      fieldIssue(
        'limit_access',
        'invalid_flag',
        `"${row.limit_access}" is not 0/1, yes/no or 是/否.`,
        `“${row.limit_access}”应为 0/1、yes/no 或 是/否。`,
      ),
    );
  }
  return {
    serviceNumber: service.number,
    serviceType: service.type,
    serviceName,
    contentType: contentText === '' ? null : contentText,
    domains,
    approvedOn,
    isAccessLimited: flag ?? false,
  };
}

const SERVICE_ONLY_COLUMNS: readonly RegistryCsvColumn[] = [
  'service_type',
  'service_name',
  'content_type',
  'domains',
  'service_approved_on',
];

/** Validates one row into a canonical registry entry, or every problem found in it. */
export function parseRegistryRow(row: RegistryCsvRow): Result<RegistryEntryInput, Issue[]> {
  const issues: Issue[] = [];
  const parsed = parseFilingNumber(row.entity_number);
  let entityNumber = '';
  let provinceCode = '';
  if (!parsed.valid || !parsed.value || parsed.value.service) {
    const first = parsed.errors[0];
    issues.push(
      fieldIssue(
        'entity_number',
        'invalid_entity_number',
        `"${row.entity_number}" is not an entity number such as 京ICP备2021034286号${first ? `: ${first.message.en}` : '.'}`,
        `“${row.entity_number}”不是主体备案号（应如 京ICP备2021034286号）${first ? `：${first.message.zh}` : '。'}`,
      ),
    );
  } else {
    entityNumber = parsed.value.entityNumber;
    provinceCode = parsed.value.province.code;
  }
  const unitName = readName(row, 'unit_name', MAX_REGISTRY_NAME_LENGTH, issues);
  const nature = readNature(row, issues);
  const approvedOn = readDate(row, 'entity_approved_on', issues);

  const services: RegistryServiceInput[] = [];
  if (row.service_number.trim() !== '') {
    const service = readService(row, entityNumber, issues);
    if (service) services.push(service);
  } else {
    const stray = SERVICE_ONLY_COLUMNS.filter((c) => row[c].trim() !== '');
    if (stray.length > 0) {
      issues.push(
        fieldIssue(
          'service_number',
          'missing_service_number',
          `is empty but ${stray.join(', ')} are filled in.`,
          `为空，但填写了 ${stray.join('、')}。`,
        ),
      );
    }
  }
  if (issues.length > 0) return err(issues);
  return ok({ entity: { entityNumber, unitName, nature, provinceCode, approvedOn }, services });
}

/** The CSV rows of one entry: one per service, or one entity-only row. */
export function formatRegistryRows(entry: RegistryEntry): string[][] {
  const entity = [
    entry.entity.entityNumber,
    entry.entity.unitName,
    entry.entity.nature,
    entry.entity.approvedOn,
  ];
  if (entry.services.length === 0) return [[...entity, '', '', '', '', '', '', '']];
  return entry.services.map((service) => [
    ...entity,
    service.serviceNumber,
    service.serviceType,
    service.serviceName,
    service.contentType ?? '',
    service.domains.map((d) => d.unicode).join(';'),
    service.approvedOn,
    service.isAccessLimited ? '1' : '0',
  ]);
}
