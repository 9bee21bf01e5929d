import type { Catalogue } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { type FilingNumber, parseFilingNumber } from '../numbers/filing-number.ts';
import { type Issue, issue } from '../shared/issue.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { RecordedNumbers } from './order-command.ts';
import type { OrderTypeId } from './order-type.ts';

/** More than any real order carries; a bound keeps a typo in a script from writing thousands of rows. */
export const MAX_RECORDED_SERVICE_NUMBERS = 100;

const SOURCE = 'ref-6-numbers';

export interface RecordedNumbersOrder {
  type: OrderTypeId;
  provinceCode: string;
  entityNumber?: string;
}

function invalidNumber(field: string, input: string, cause: Issue): Issue {
  return issue(
    'invalid_recorded_number',
    `${field}: "${input.slice(0, 60)}" — ${cause.message.en}`,
    `${field}：“${input.slice(0, 60)}”——${cause.message.zh}`,
    { source: SOURCE, params: { field, cause: cause.code } },
  );
}

function readNumber(
  field: string,
  input: string,
  provinceCode: string,
  catalogue: Catalogue,
): Result<FilingNumber, Issue> {
  const parsed = parseFilingNumber(typeof input === 'string' ? input : '', { catalogue });
  const first = parsed.errors[0];
  if (first || !parsed.value) {
    return err(
      invalidNumber(
        field,
        String(input),
        first ?? issue('not_a_filing_number', 'not an ICP filing number.', '不是 ICP 备案号。'),
      ),
    );
  }
  if (parsed.value.province.code !== provinceCode) {
    return err(
      issue(
        'recorded_number_wrong_province',
        `${field}: ${parsed.normalized} belongs to ${parsed.value.province.nameEn}, but the order was filed in another province.`,
        `${field}：${parsed.normalized} 属于${parsed.value.province.nameZh}，与订单的备案省份不符。`,
        { source: 'ref-6-4', params: { field, numberProvince: parsed.value.province.code, provinceCode } },
      ),
    );
  }
  return ok(parsed.value);
}

function serviceNumbersRequired(count: number): Issue {
  return issue(
    'recorded_service_numbers_required',
    `Enter the service number(s) the authority issued (1–${MAX_RECORDED_SERVICE_NUMBERS}), e.g. 京ICP备2024012345号-1.`,
    `请填写管局下发的网站备案号（1–${MAX_RECORDED_SERVICE_NUMBERS} 个），例如 京ICP备2024012345号-1。`,
    { source: SOURCE, params: { count } },
  );
}

export interface ValidRecordedNumbers {
  entityNumber: string;
  serviceNumbers: string[];
}

/**
 * Checks the numbers a provider reviewer copies from the real authority's decision (recorded mode):
 * each must parse with the number codec, belong to the order's province, and fit together — service
 * numbers under one entity number, which is the order's entity for an added service. Returns the
 * canonical forms.
 */
export function validateRecordedNumbers(
  order: RecordedNumbersOrder,
  recorded: RecordedNumbers,
  opts: { catalogue?: Catalogue } = {},
): Result<ValidRecordedNumbers, Issue> {
  const catalogue = opts.catalogue ?? defaultCatalogue;
  const serviceInputs = Array.isArray(recorded.serviceNumbers) ? recorded.serviceNumbers : [];
  if (serviceInputs.length === 0 || serviceInputs.length > MAX_RECORDED_SERVICE_NUMBERS) {
    return err(serviceNumbersRequired(serviceInputs.length));
  }

  let entityNumber = order.type === 'first_filing' ? undefined : order.entityNumber;
  if (recorded.entityNumber !== undefined) {
    const entity = readNumber('entityNumber', recorded.entityNumber, order.provinceCode, catalogue);
    if (!entity.ok) return entity;
    if (entity.value.service) {
      return err(
        issue(
          'recorded_entity_number_has_suffix',
          `entityNumber: enter the entity number without the service suffix (${entity.value.entityNumber}).`,
          `entityNumber：请填写不带网站序号的主体备案号（${entity.value.entityNumber}）。`,
          { source: SOURCE, params: { field: 'entityNumber' } },
        ),
      );
    }
    if (order.type === 'first_filing' && entity.value.isLegacyAbbreviation) {
      return err(
        issue(
          'recorded_number_legacy_abbreviation',
          `entityNumber: new numbers use ${entity.value.province.nameEn}'s current abbreviation, not "${entity.value.abbreviation}".`,
          `entityNumber：新下发的备案号使用${entity.value.province.nameZh}现行简称，而不是“${entity.value.abbreviation}”。`,
          { source: 'ref-6-4', params: { field: 'entityNumber', abbreviation: entity.value.abbreviation } },
        ),
      );
    }
    if (entityNumber !== undefined && entityNumber !== entity.value.entityNumber) {
      return err(
        issue(
          'recorded_entity_number_mismatch',
          `entityNumber: ${entity.value.entityNumber} is not the order's entity (${entityNumber}).`,
          `entityNumber：${entity.value.entityNumber} 不是本订单的主体（${entityNumber}）。`,
          { source: SOURCE, params: { field: 'entityNumber', expected: entityNumber } },
        ),
      );
    }
    entityNumber = entity.value.entityNumber;
  } else if (order.type === 'first_filing') {
    return err(
      issue(
        'recorded_entity_number_required',
        'Enter the entity number the authority issued, e.g. 京ICP备2024012345号.',
        '请填写管局下发的主体备案号，例如 京ICP备2024012345号。',
        { source: SOURCE, params: { field: 'entityNumber' } },
      ),
    );
  }

  const services: { field: string; number: FilingNumber; serviceNumber: string }[] = [];
  for (const [index, input] of serviceInputs.entries()) {
    const field = `serviceNumbers[${index}]`;
    const parsed = readNumber(field, input, order.provinceCode, catalogue);
    if (!parsed.ok) return parsed;
    if (!parsed.value.service) {
      return err(
        issue(
          'recorded_service_suffix_missing',
          `${field}: a service number ends with its suffix, e.g. ${parsed.value.entityNumber}-1.`,
          `${field}：网站备案号应带网站序号，例如 ${parsed.value.entityNumber}-1。`,
          { source: SOURCE, params: { field } },
        ),
      );
    }
    services.push({ field, number: parsed.value, serviceNumber: parsed.value.service.number });
  }
  const [first] = services;
  if (!first) return err(serviceNumbersRequired(0));
  const expected = entityNumber ?? first.number.entityNumber;
  const serviceNumbers: string[] = [];
  for (const { field, number, serviceNumber } of services) {
    if (number.entityNumber !== expected) {
      return err(
        issue(
          'recorded_entity_number_mismatch',
          `${field}: ${serviceNumber} is not under the entity number ${expected}.`,
          `${field}：${serviceNumber} 不属于主体备案号 ${expected}。`,
          { source: SOURCE, params: { field, expected } },
        ),
      );
    }
    if (serviceNumbers.includes(serviceNumber)) {
      return err(
        issue(
          'recorded_service_number_duplicate',
          `${field}: ${serviceNumber} is listed twice.`,
          `${field}：${serviceNumber} 重复填写。`,
          { source: SOURCE, params: { field } },
        ),
      );
    }
    serviceNumbers.push(serviceNumber);
  }
  return ok({ entityNumber: expected, serviceNumbers });
}
