import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import { findContentCategory } from '../../domain/order-content/content-categories.ts';
import type {
  AccessDraft,
  OrderContentDraft,
  PersonDraft,
  ServiceDraft,
  ServiceType,
} from '../../domain/order-content/order-content.ts';
import type { OrderTypeId } from '../../domain/workflow/order-type.ts';
import type {
  VerificationFormContent,
  VerificationFormPerson,
  VerificationFormService,
} from './document-deps.ts';

/**
 * The verification form's values from an order's content: codes become their catalogue names in both
 * languages ("个人 Individual"), as the printed form is read by the provider's checker and signed by
 * the applicant. A value the content lacks stays out, leaving its box to be filled in by hand. Pure.
 */

export interface VerificationFormContext {
  catalogue: Catalogue;
  /** OB-2026-000123. */
  orderReference: string;
  orderType: OrderTypeId;
  /** The order's province, when the content does not name one yet. */
  provinceCode: string;
  /** The access provider, e.g. "示例云 Example Cloud". */
  providerName?: string;
  /** Regions of the provider instances the services name, by instance id. */
  instanceRegions?: ReadonlyMap<string, string>;
}

const SERVICE_TYPE_NAMES: Readonly<Record<ServiceType, { nameEn: string; nameZh: string }>> = {
  website: { nameEn: 'Website', nameZh: '网站' },
  app: { nameEn: 'App', nameZh: 'App' },
  mini_program: { nameEn: 'Mini program', nameZh: '小程序' },
  quick_app: { nameEn: 'Quick app', nameZh: '快应用' },
};

function readText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function readTexts(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((item) => readText(item) ?? []) : [];
}

/** "中文 English", or the code itself when the catalogue does not know it. */
function formatName(
  item: { nameZh: string; nameEn: string } | undefined,
  code: string | undefined,
): string | undefined {
  if (item) return item.nameZh === item.nameEn ? item.nameZh : `${item.nameZh} ${item.nameEn}`;
  return code;
}

/** Copies the defined values only, so absent ones stay absent rather than undefined. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

function toPerson(catalogue: Catalogue, person: PersonDraft | undefined): VerificationFormPerson | undefined {
  if (!person || typeof person !== 'object') return undefined;
  const certificateType = readText(person.certificateType);
  return compact({
    name: readText(person.name),
    certificateType: formatName(
      catalogue.certificateTypes.find((type) => type.id === certificateType),
      certificateType,
    ),
    certificateNumber: readText(person.certificateNumber),
    mobilePhone: readText(person.mobile),
    officePhone: readText(person.officePhone),
    emergencyPhone: readText(person.emergencyPhone),
    email: readText(person.email),
  });
}

function toAccess(context: VerificationFormContext, access: AccessDraft | undefined) {
  const instanceId = readText(access?.instanceId);
  const region =
    readText(access?.region) ??
    (instanceId === undefined ? undefined : context.instanceRegions?.get(instanceId));
  return compact({
    provider: context.providerName,
    region,
    ipAddresses: readTexts(access?.ipAddresses),
  });
}

function toService(
  context: VerificationFormContext,
  service: ServiceDraft,
  leader: VerificationFormPerson | undefined,
): VerificationFormService {
  const { catalogue } = context;
  const type = readText(service.type);
  const category = readText(service.contentCategory);
  const domain = readText(service.domain);
  return compact({
    name: readText(service.name),
    serviceType: formatName(type === undefined ? undefined : SERVICE_TYPE_NAMES[type as ServiceType], type),
    domains: domain === undefined ? undefined : [domain],
    homeUrl: readText(service.homeUrl),
    contentCategory: formatName(category === undefined ? undefined : findContentCategory(category), category),
    preApprovals: (Array.isArray(service.preApprovals) ? service.preApprovals : []).map((approval) => {
      const id = readText(approval?.id);
      return compact({
        type: formatName(
          catalogue.preApprovals.find((item) => item.id === id),
          id,
        ),
        number: readText(approval?.approvalNumber),
      });
    }),
    admin: service.adminSameAsLeader === true ? leader : toPerson(catalogue, service.admin),
    access: toAccess(context, service.access),
  });
}

export function buildVerificationFormContent(
  content: OrderContentDraft,
  context: VerificationFormContext,
): VerificationFormContent {
  const { catalogue } = context;
  const entity = content.entity && typeof content.entity === 'object' ? content.entity : {};
  const provinceCode = readText(entity.provinceCode) ?? context.provinceCode;
  const cityCode = readText(entity.cityCode);
  const countyCode = readText(entity.countyCode);
  const nature = readText(entity.nature);
  const certificateType = readText(entity.certificateType);
  const leader = toPerson(catalogue, entity.leader);
  const services = Array.isArray(content.services) ? content.services : [];
  return compact({
    orderNumber: context.orderReference,
    orderType: formatName(
      catalogue.orderTypes.find((type) => type.id === context.orderType),
      context.orderType,
    ),
    providerName: context.providerName,
    entity: compact({
      name: readText(entity.name),
      nature: formatName(nature === undefined ? undefined : catalogue.index.natureById.get(nature), nature),
      certificateType: formatName(
        catalogue.certificateTypes.find((type) => type.id === certificateType),
        certificateType,
      ),
      certificateNumber: readText(entity.certificateNumber),
      province: catalogue.index.provinceByKey.get(provinceCode)?.nameZh ?? provinceCode,
      city: cityCode === undefined ? undefined : catalogue.index.cityByCode.get(cityCode)?.nameZh,
      county: countyCode === undefined ? undefined : catalogue.index.countyByCode.get(countyCode)?.nameZh,
      certificateAddress: readText(entity.certificateAddress),
      mailingAddress: readText(entity.mailingAddress),
      leader,
    }),
    services: services.map((service) =>
      toService(context, service && typeof service === 'object' ? service : {}, leader),
    ),
  });
}
