import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import { getProvince } from '../../domain/catalogue/catalogue.ts';
import { parseFilingNumber, type ServiceType } from '../../domain/numbers/filing-number.ts';
import { nextEntityNumber, nextServiceSuffix } from '../../domain/numbers/numbering.ts';
import type { ServiceDraft } from '../../domain/order-content/order-content.ts';
import { issue } from '../../domain/shared/issue.ts';
import type { ValidRecordedNumbers } from '../../domain/workflow/recorded-numbers.ts';
import type { NumberStore } from './number-store.ts';
import { toDomainError } from './order-errors.ts';
import type { OrderRecord } from './order-store.ts';

/** The numbers an approval issued (or recorded): the entity's and one per service of the order. */
export interface FilingNumbers {
  entityNumber: string;
  serviceNumbers: string[];
}

function serialOf(entityNumber: string, catalogue: Catalogue): number {
  const parsed = parseFilingNumber(entityNumber, { catalogue });
  return parsed.value ? Number(parsed.value.serial) : 0;
}

function suffixOf(serviceNumber: string, catalogue: Catalogue): string | undefined {
  return parseFilingNumber(serviceNumber, { catalogue }).value?.service?.suffix;
}

/**
 * Where the next numbers are read from. The allocator locks the province's sequence row (and saves
 * it afterwards); the preview only peeks at it, so both run the same computation below.
 */
export interface NextNumbersSource {
  /** The last entity serial the province's sequence issued for the year (0 before the first). */
  readLastSerial(provinceCode: string, year: number): Promise<number>;
  findHighestEntityNumber: NumberStore['findHighestEntityNumber'];
  listServiceNumbers: NumberStore['listServiceNumbers'];
}

export interface NextNumbersInput {
  provinceCode: string;
  approvalYear: number;
  /** A first filing: a new entity number; otherwise the services join `entityNumber`. */
  newEntityNumber: boolean;
  /** The entity the services are added to (required unless `newEntityNumber`). */
  entityNumber?: string;
  services: readonly Pick<ServiceDraft, 'type'>[];
}

/**
 * The numbers an approval issues now (ref-6-numbers), computed once for the allocator and the preview:
 * a first filing takes <abbreviation>ICP备<approval year><next six-digit serial>号, the serial clearing
 * both the province's sequence and every number already issued or imported for that year (so a
 * sandbox number never lands on an existing one); each service then takes the next suffix of the
 * entity's one sequence, which counts every suffix it ever held so a cancelled one is never reused.
 */
export async function computeNextFilingNumbers(
  source: NextNumbersSource,
  catalogue: Catalogue,
  input: NextNumbersInput,
): Promise<FilingNumbers> {
  let entityNumber = input.entityNumber;
  if (input.newEntityNumber) {
    const province = getProvince(catalogue, input.provinceCode);
    const last = await source.readLastSerial(province.code, input.approvalYear);
    const prefix = `${province.icpAbbreviation}ICP备${input.approvalYear}`;
    const highest = await source.findHighestEntityNumber(`${prefix}000000号`, `${prefix}999999号`);
    const lastSerial = Math.max(last, highest === undefined ? 0 : serialOf(highest, catalogue));
    const next = nextEntityNumber(
      { province: province.code, approvalYear: input.approvalYear, lastSerial },
      { catalogue },
    );
    if (!next.ok) throw toDomainError(next.error);
    entityNumber = next.value;
  }
  if (entityNumber === undefined) throw new Error('Services can only be numbered under an entity number');
  const used = (await source.listServiceNumbers(entityNumber))
    .map((n) => suffixOf(n, catalogue))
    .filter((s): s is string => s !== undefined);
  const serviceNumbers: string[] = [];
  for (const service of input.services) {
    const type: ServiceType = service.type ?? 'website';
    const next = nextServiceSuffix({ usedSuffixes: used, type });
    if (!next.ok) throw toDomainError(next.error);
    used.push(next.value.suffix);
    serviceNumbers.push(`${entityNumber}-${next.value.suffix}`);
  }
  return { entityNumber, serviceNumbers };
}

/**
 * The sandbox authority's numbers for an approved first filing (a new entity number) or added
 * service (the entity's), allocated inside the approval transaction: the province's sequence row is
 * locked first and saved with the serial taken, and every number is recorded as issued (unique).
 */
export async function issueFilingNumbers(
  numbers: NumberStore,
  catalogue: Catalogue,
  input: {
    order: OrderRecord;
    services: readonly ServiceDraft[];
    approvalYear: number;
    newEntityNumber: boolean;
    now: Date;
  },
): Promise<FilingNumbers> {
  const { order } = input;
  if (!input.newEntityNumber && order.entityNumber === undefined) {
    throw new Error(`Order ${order.id} adds services to no entity`);
  }
  const { entityNumber, serviceNumbers } = await computeNextFilingNumbers(
    {
      readLastSerial: (provinceCode, year) => numbers.lockSequence(provinceCode, year),
      findHighestEntityNumber: (from, to) => numbers.findHighestEntityNumber(from, to),
      listServiceNumbers: (entity) => numbers.listServiceNumbers(entity),
    },
    catalogue,
    {
      provinceCode: order.provinceCode,
      approvalYear: input.approvalYear,
      newEntityNumber: input.newEntityNumber,
      ...(order.entityNumber === undefined ? {} : { entityNumber: order.entityNumber }),
      services: input.services,
    },
  );
  if (input.newEntityNumber) {
    await numbers.saveSequence(
      getProvince(catalogue, order.provinceCode).code,
      input.approvalYear,
      serialOf(entityNumber, catalogue),
    );
  }
  await numbers.recordIssued([
    ...(input.newEntityNumber
      ? [
          {
            number: entityNumber,
            kind: 'entity' as const,
            entityNumber,
            orderId: order.id,
            issuedAt: input.now,
          },
        ]
      : []),
    ...serviceNumbers.map((number) => ({
      number,
      kind: 'service' as const,
      entityNumber,
      orderId: order.id,
      issuedAt: input.now,
    })),
  ]);
  return { entityNumber, serviceNumbers };
}

/**
 * Stores the numbers the real authority issued (recorded mode), already checked by the number codec
 * and the province: one service number per service of the order, none issued before.
 */
export async function recordFilingNumbers(
  numbers: NumberStore,
  input: {
    order: OrderRecord;
    services: readonly ServiceDraft[];
    recorded: ValidRecordedNumbers;
    newEntityNumber: boolean;
    now: Date;
  },
): Promise<FilingNumbers> {
  const { order, recorded } = input;
  if (recorded.serviceNumbers.length !== input.services.length) {
    throw toDomainError(
      issue(
        'recorded_service_count_mismatch',
        `Enter one service number per service of the order (${input.services.length}), in the order of the services.`,
        `请按订单中网站的顺序，为每个网站填写一个网站备案号（共 ${input.services.length} 个）。`,
        { params: { field: 'recordedNumbers.serviceNumbers', expected: input.services.length } },
      ),
    );
  }
  const fresh = [...(input.newEntityNumber ? [recorded.entityNumber] : []), ...recorded.serviceNumbers];
  for (const number of fresh) {
    if (await numbers.isIssued(number)) {
      throw toDomainError(
        issue(
          'number_already_issued',
          `${number} was already issued to another order.`,
          `${number} 已下发给其他订单。`,
          { params: { number } },
        ),
      );
    }
  }
  await numbers.recordIssued(
    fresh.map((number) => ({
      number,
      kind: number === recorded.entityNumber ? ('entity' as const) : ('service' as const),
      entityNumber: recorded.entityNumber,
      orderId: order.id,
      issuedAt: input.now,
    })),
  );
  return { entityNumber: recorded.entityNumber, serviceNumbers: [...recorded.serviceNumbers] };
}
