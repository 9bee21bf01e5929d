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
 * Allocates the next entity serial of the province and year, inside the approval transaction: the
 * sequence row is locked first, and the serial also clears every number already issued or imported
 * for that year, so a sandbox number never lands on an existing one.
 */
async function allocateEntityNumber(
  numbers: NumberStore,
  catalogue: Catalogue,
  provinceCode: string,
  approvalYear: number,
): Promise<string> {
  const province = getProvince(catalogue, provinceCode);
  const last = await numbers.lockSequence(province.code, approvalYear);
  const prefix = `${province.icpAbbreviation}ICP备${approvalYear}`;
  const highest = await numbers.findHighestEntityNumber(`${prefix}000000号`, `${prefix}999999号`);
  const lastSerial = Math.max(last, highest === undefined ? 0 : serialOf(highest, catalogue));
  const next = nextEntityNumber({ province: province.code, approvalYear, lastSerial }, { catalogue });
  if (!next.ok) throw toDomainError(next.error);
  await numbers.saveSequence(province.code, approvalYear, serialOf(next.value, catalogue));
  return next.value;
}

/**
 * The sandbox authority's numbers for an approved first filing (a new entity number) or added
 * service (the entity's): each service gets the next suffix of the entity's one sequence, which
 * counts every suffix it ever held so a cancelled one is never issued again (ref-6-numbers).
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
  const entityNumber = input.newEntityNumber
    ? await allocateEntityNumber(numbers, catalogue, order.provinceCode, input.approvalYear)
    : order.entityNumber;
  if (entityNumber === undefined) throw new Error(`Order ${order.id} adds services to no entity`);
  const used = (await numbers.listServiceNumbers(entityNumber))
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
