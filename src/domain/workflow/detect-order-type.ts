import type { Catalogue } from '../catalogue/catalogue.ts';
import { findProvince } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import type { Province } from '../catalogue/schema.ts';
import { type Issue, issue } from '../shared/issue.ts';
import { normalizeCompact } from '../shared/normalize.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { validateDomain } from '../validate/domain.ts';
import type { OrderTypeId } from './order-type.ts';

/**
 * What the applicant wants to do. The order type is detected from it and the registry, never chosen
 * (reference §2): "file a service" becomes a first filing, an added service or added access depending
 * on what MIIT already holds for the certificate and the domain.
 */
export type FilingIntent = 'file_service' | 'change' | 'cancel_service' | 'cancel_entity' | 'cancel_access';

/** One service of an entity as the registry holds it. */
export interface RegistryServiceSummary {
  serviceNumber: string;
  domain: string;
  /** Providers that currently give this service access (接入). */
  accessProviderIds: readonly string[];
}

export interface RegistryEntityRecord {
  entityNumber: string;
  provinceCode: string;
  certificateNumber: string;
  services: readonly RegistryServiceSummary[];
}

export interface RegistryServiceRecord extends RegistryServiceSummary {
  /** The entity the service is filed under. */
  entityNumber: string;
}

/** The registry rows infra read for this certificate and domain (in the same transaction). */
export interface RegistrySnapshot {
  /** The entity filed under the certificate number, or null. */
  entity: RegistryEntityRecord | null;
  /** The service filed for the domain, under whichever entity, or null. */
  service: RegistryServiceRecord | null;
}

export interface DetectOrderTypeInput {
  intent: FilingIntent;
  /** The entity's certificate number (USCC, ID card …) as entered. */
  certificateNumber: string;
  /** The province the order is filed in (GB/T 2260 code, name or abbreviation). */
  province: string;
  /** Required for every intent but cancel_entity; optional for change (absent: an entity-only change). */
  domain?: string;
  /** The access provider the order is filed with. */
  providerId: string;
  registry: RegistrySnapshot;
}

export interface OrderTypeDetection {
  orderType: OrderTypeId;
  provinceCode: string;
  /** The registrable domain in ASCII, as the registry stores it. */
  domain?: string;
  /** The existing entity, for every type but a first filing. */
  entityNumber?: string;
  /** True when this provider already gives access to a service of the entity (新增网站 有主体 / 无主体). */
  entityAtThisProvider: boolean;
  /** The existing service the order acts on (add access, change of a service, cancellations). */
  serviceNumber?: string;
  /** Consequences the applicant must confirm before going on. */
  warnings: Issue[];
}

export interface DetectOrderTypeOptions {
  catalogue?: Catalogue;
}

const TYPE_SOURCE = 'ref-2-order-types';

function compactCertificate(value: string): string {
  return normalizeCompact(value).toUpperCase();
}

function hasAccess(service: { accessProviderIds: readonly string[] }, providerId: string): boolean {
  return service.accessProviderIds.includes(providerId);
}

function domainRequired(intent: FilingIntent): Issue {
  return issue(
    'domain_required',
    'Enter the domain of the website this order is about.',
    '请填写本次订单涉及网站的域名。',
    { params: { intent } },
  );
}

function noFiling(intent: FilingIntent): Issue {
  return issue(
    'entity_not_filed',
    'No filing exists for this certificate number, so there is nothing to change or cancel. Check the number, or file the website first.',
    '该证件号码下没有备案信息，无法变更或注销。请核对证件号码，或先办理首次备案。',
    { source: TYPE_SOURCE, params: { intent } },
  );
}

function serviceNotUnderEntity(domain: string): Issue {
  return issue(
    'service_not_filed_under_entity',
    `${domain} is not filed under this entity.`,
    `${domain} 不在该主体的备案信息下。`,
    { source: TYPE_SOURCE, params: { domain } },
  );
}

function noAccess(intent: FilingIntent, domain?: string): Issue {
  return issue(
    'no_access_to_record',
    domain === undefined
      ? 'This provider gives access to none of the entity’s services, so it cannot file this order. Use a provider that hosts one of them.'
      : `This provider does not give ${domain} access, so it cannot file this order. Use the provider that hosts it.`,
    domain === undefined
      ? '本接入商未接入该主体的任何网站，无法办理此业务。请通过接入其网站的接入商办理。'
      : `本接入商未接入 ${domain}，无法办理此业务。请通过接入该网站的接入商办理。`,
    { source: TYPE_SOURCE, params: { intent, ...(domain === undefined ? {} : { domain }) } },
  );
}

function otherProvince(entity: RegistryEntityRecord, province: Province, catalogue: Catalogue): Issue {
  const filedIn = findProvince(catalogue, entity.provinceCode);
  const en = filedIn?.nameEn ?? entity.provinceCode;
  const zh = filedIn?.nameZh ?? entity.provinceCode;
  return issue(
    'entity_filed_in_other_province',
    `The entity is filed in ${en} (${entity.entityNumber}), not ${province.nameEn}. A filing cannot move between provinces: file this order in ${en}, or cancel the entity there and file again here.`,
    `该主体已在${zh}备案（${entity.entityNumber}），不在${province.nameZh}。备案不能跨省变更：请在${zh}办理，或先在原省注销主体后再在本省重新备案。`,
    {
      source: 'ref-7-huawei',
      params: { entityNumber: entity.entityNumber, filedIn: entity.provinceCode, requested: province.code },
    },
  );
}

function domainUnderOtherEntity(domain: string, service: RegistryServiceRecord): Issue {
  return issue(
    'domain_filed_under_other_entity',
    `${domain} is already filed under another entity (${service.serviceNumber}). Its owner must cancel that filing (or migrate the service where the province allows it) before it can be filed here.`,
    `${domain} 已在其他主体下备案（${service.serviceNumber}）。须由原主体注销该网站备案（或在允许的省份迁移网站）后，才能在此备案。`,
    { source: TYPE_SOURCE, params: { domain, serviceNumber: service.serviceNumber } },
  );
}

/** Normalises the domain the applicant typed; a new filing also needs a fileable suffix. */
function readDomain(input: string, intent: FilingIntent, catalogue: Catalogue): Result<string, Issue> {
  const checked = validateDomain(input, { catalogue });
  const first = checked.errors[0];
  // A record filed before a suffix left the list can still be changed or cancelled.
  if (intent === 'file_service' && first) return err(first);
  if (checked.value) return ok(checked.value.registrableDomain.ascii);
  return err(first ?? domainRequired(intent));
}

interface Located {
  entity: RegistryEntityRecord;
  domain?: string;
  service?: RegistryServiceRecord;
}

/** For change and cancellations: the existing entity and (when named) its service, with this provider's access. */
function locateRecord(
  input: DetectOrderTypeInput,
  province: Province,
  domainRequiredHere: boolean,
  catalogue: Catalogue,
): Result<Located, Issue> {
  const { entity, service } = input.registry;
  if (!entity) return err(noFiling(input.intent));
  if (entity.provinceCode !== province.code) return err(otherProvince(entity, province, catalogue));
  if (input.domain === undefined || normalizeCompact(input.domain) === '') {
    if (domainRequiredHere) return err(domainRequired(input.intent));
    if (!entity.services.some((s) => hasAccess(s, input.providerId))) return err(noAccess(input.intent));
    return ok({ entity });
  }
  const domain = readDomain(input.domain, input.intent, catalogue);
  if (!domain.ok) return domain;
  if (!service || service.entityNumber !== entity.entityNumber) {
    return err(serviceNotUnderEntity(domain.value));
  }
  if (!hasAccess(service, input.providerId)) return err(noAccess(input.intent, domain.value));
  return ok({ entity, domain: domain.value, service });
}

function detectFiling(
  input: DetectOrderTypeInput,
  province: Province,
  catalogue: Catalogue,
): Result<OrderTypeDetection, Issue> {
  if (input.domain === undefined || normalizeCompact(input.domain) === '') {
    return err(domainRequired(input.intent));
  }
  const domain = readDomain(input.domain, input.intent, catalogue);
  if (!domain.ok) return domain;
  const { entity, service } = input.registry;
  if (service && service.entityNumber !== entity?.entityNumber) {
    return err(domainUnderOtherEntity(domain.value, service));
  }
  if (!entity) {
    return ok({
      orderType: 'first_filing',
      provinceCode: province.code,
      domain: domain.value,
      entityAtThisProvider: false,
      warnings: [],
    });
  }
  if (entity.provinceCode !== province.code) return err(otherProvince(entity, province, catalogue));
  const entityAtThisProvider = entity.services.some((s) => hasAccess(s, input.providerId));
  const base = {
    provinceCode: province.code,
    domain: domain.value,
    entityNumber: entity.entityNumber,
    entityAtThisProvider,
    warnings: [],
  };
  if (!service) {
    const rules = catalogue.index.rulesByProvince.get(province.code);
    if (entity.services.length === 0 && rules && !rules.shellEntityCanAddServices.value) {
      return err(
        issue(
          'shell_entity_must_refile',
          `The entity ${entity.entityNumber} has no services left (a shell entity). ${province.nameEn} does not let a shell entity add services: apply to the authority to cancel it, then file again.`,
          `主体 ${entity.entityNumber} 下已无网站（空壳主体）。${province.nameZh}不允许空壳主体新增网站：请先向管局申请注销该主体，再重新备案。`,
          { source: 'ref-7-shell', params: { entityNumber: entity.entityNumber, province: province.code } },
        ),
      );
    }
    return ok({ ...base, orderType: 'add_service' });
  }
  if (hasAccess(service, input.providerId)) {
    return err(
      issue(
        'already_accessed_here',
        `${domain.value} is already filed (${service.serviceNumber}) and accessed through this provider; there is nothing to add. To edit the filing, file a change.`,
        `${domain.value} 已备案（${service.serviceNumber}）且已接入本接入商，无需新增接入。如需修改备案信息，请办理变更备案。`,
        { source: TYPE_SOURCE, params: { domain: domain.value, serviceNumber: service.serviceNumber } },
      ),
    );
  }
  return ok({ ...base, orderType: 'add_access', serviceNumber: service.serviceNumber });
}

function detectExisting(
  input: DetectOrderTypeInput,
  province: Province,
  catalogue: Catalogue,
): Result<OrderTypeDetection, Issue> {
  const intent = input.intent;
  if (intent === 'file_service') return detectFiling(input, province, catalogue);
  const located = locateRecord(
    input,
    province,
    intent === 'cancel_service' || intent === 'cancel_access',
    catalogue,
  );
  if (!located.ok) return located;
  const { entity, domain, service } = located.value;
  const warnings: Issue[] = [];
  const detection: OrderTypeDetection = {
    orderType: intent,
    provinceCode: province.code,
    entityNumber: entity.entityNumber,
    entityAtThisProvider: entity.services.some((s) => hasAccess(s, input.providerId)),
    warnings,
  };
  if (domain !== undefined) detection.domain = domain;
  if (service) detection.serviceNumber = service.serviceNumber;

  if (intent === 'cancel_entity') {
    warnings.push(
      issue(
        'cancels_all_services',
        `Cancelling the entity deletes ${entity.entityNumber} and all ${entity.services.length} of its services, including those hosted by other providers. This cannot be undone.`,
        `注销主体将删除 ${entity.entityNumber} 及其全部 ${entity.services.length} 个网站（包括其他接入商接入的网站），且不可恢复。`,
        {
          source: TYPE_SOURCE,
          params: { entityNumber: entity.entityNumber, services: entity.services.length },
        },
      ),
    );
  }
  if (intent === 'cancel_service' && service && entity.services.length <= 1) {
    warnings.push(
      issue(
        'entity_becomes_shell',
        `${service.serviceNumber} is the entity’s last service: after cancelling it the entity is a shell. Some provinces cancel shell entities, and most let one add services only after cancelling it and filing again.`,
        `${service.serviceNumber} 是该主体下最后一个网站：注销后主体将成为空壳主体。部分省份会注销空壳主体，多数省份须先注销主体再重新备案才能新增网站。`,
        { source: 'ref-7-shell', params: { serviceNumber: service.serviceNumber } },
      ),
    );
  }
  if (intent === 'cancel_access' && service && service.accessProviderIds.length <= 1) {
    warnings.push(
      issue(
        'last_access_provider',
        `This provider is the last one giving ${service.serviceNumber} access. Without access the service is a shell and the authority may cancel its number; file access with another provider first if the site stays online.`,
        `本接入商是 ${service.serviceNumber} 唯一的接入商。取消接入后该网站将成为空壳网站，管局可能注销其备案号；如网站继续运营，请先在其他接入商办理新增接入。`,
        { source: TYPE_SOURCE, params: { serviceNumber: service.serviceNumber } },
      ),
    );
  }
  return ok(detection);
}

/**
 * Detects the order type from the applicant's intent, the certificate number and domain, and what the
 * registry holds for them (reference §2, §3.1 step 1). Conflicts come back as one bilingual issue;
 * consequences the applicant should confirm (a cancellation leaving a shell) as warnings.
 *
 * Throws a RangeError when the registry snapshot does not belong to the certificate number: that is a
 * bug in the caller, not bad input.
 */
export function detectOrderType(
  input: DetectOrderTypeInput,
  opts: DetectOrderTypeOptions = {},
): Result<OrderTypeDetection, Issue> {
  const catalogue = opts.catalogue ?? defaultCatalogue;
  const { entity } = input.registry;
  if (
    entity &&
    compactCertificate(entity.certificateNumber) !== compactCertificate(input.certificateNumber)
  ) {
    throw new RangeError('The registry snapshot holds an entity of another certificate number');
  }
  const province = findProvince(catalogue, input.province);
  if (!province) {
    return err(
      issue('unknown_province', `Unknown province "${input.province}".`, `未知省份“${input.province}”。`, {
        source: 'ref-6-4',
        params: { province: input.province },
      }),
    );
  }
  return detectExisting(input, province, catalogue);
}
