import { issue } from '../shared/issue.ts';
import { normalizeText } from '../shared/normalize.ts';
import { type CertificateFacts, checkCertificateNumber } from './check-certificate.ts';
import { checkPerson, type PersonFacts } from './check-person.ts';
import {
  type ContentContext,
  findCertificateType,
  readText,
  reportRequired,
  requireTexts,
} from './content-context.ts';
import type { Path } from './field-issue.ts';
import type { EntityDraft } from './order-content.ts';

export interface EntityFacts {
  entity?: EntityDraft;
  certificate?: CertificateFacts;
  leader?: PersonFacts;
}

const ENTITY: Path = ['entity'];
const IDENTITY_FIELDS = ['provinceCode', 'nature', 'certificateType', 'certificateNumber', 'name'] as const;
const FILING_FIELDS = [
  ...IDENTITY_FIELDS,
  'certificateAddress',
  'mailingAddress',
  'investorOrAuthority',
] as const;

function resolveProvince(context: ContentContext, code: string): void {
  const province = /^\d{2}$/.test(code) ? context.catalogue.index.provinceByKey.get(code) : undefined;
  if (!province) {
    context.issues.error(
      [...ENTITY, 'provinceCode'],
      issue(
        'unknown_province',
        `"${code.slice(0, 20)}" is not the two-digit code of a filing province (e.g. 11 for Beijing, 44 for Guangdong).`,
        `“${code.slice(0, 20)}”不是备案省份的两位代码（例如北京为 11，广东为 44）。`,
        { source: 'ref-6-4', params: { provinceCode: code.slice(0, 20) } },
      ),
    );
    return;
  }
  context.province = province;
  context.rules = context.catalogue.index.rulesByProvince.get(province.code);
}

function regionError(context: ContentContext, path: Path, code: string, en: string, zh: string): void {
  context.issues.error(path, issue(code, en, zh, { source: 'gbt-2260' }));
}

function unknownRegion(context: ContentContext, path: Path, code: string): void {
  context.issues.warning(
    path,
    issue(
      'unknown_region_code',
      `Region code ${code} is not in the current division table; check it.`,
      `行政区划代码 ${code} 不在现行区划表中，请核对。`,
      { source: 'gbt-2260', params: { regionCode: code } },
    ),
  );
}

/** City and county codes must be well formed, nest in the province, and (a warning) exist in the table. */
function checkRegionCodes(context: ContentContext, entity: EntityDraft): void {
  const provinceCode = context.province?.code;
  const city = readText(entity.cityCode);
  let cityIsValid = false;
  if (city !== undefined) {
    const path = [...ENTITY, 'cityCode'];
    if (!/^\d{4}$/.test(city)) {
      regionError(context, path, 'invalid_region_code', 'A city code has 4 digits.', '城市代码为 4 位数字。');
    } else if (provinceCode !== undefined && !city.startsWith(provinceCode)) {
      regionError(
        context,
        path,
        'region_not_in_province',
        `City ${city} is not in the province ${provinceCode}.`,
        `城市 ${city} 不属于省份 ${provinceCode}。`,
      );
    } else {
      cityIsValid = true;
      if (!context.catalogue.index.cityByCode.has(city)) unknownRegion(context, path, city);
    }
  }
  const county = readText(entity.countyCode);
  if (county === undefined) return;
  const path = [...ENTITY, 'countyCode'];
  if (!/^\d{6}$/.test(county)) {
    regionError(context, path, 'invalid_region_code', 'A county code has 6 digits.', '区县代码为 6 位数字。');
  } else if (cityIsValid && city !== undefined && !county.startsWith(city)) {
    regionError(
      context,
      path,
      'region_not_in_city',
      `County ${county} is not in the city ${city}.`,
      `区县 ${county} 不属于城市 ${city}。`,
    );
  } else if (provinceCode !== undefined && !county.startsWith(provinceCode)) {
    regionError(
      context,
      path,
      'region_not_in_province',
      `County ${county} is not in the province ${provinceCode}.`,
      `区县 ${county} 不属于省份 ${provinceCode}。`,
    );
  } else if (!context.catalogue.index.countyByCode.has(county)) {
    unknownRegion(context, path, county);
  }
}

function resolveNatureAndType(context: ContentContext, entity: EntityDraft): void {
  const natureId = readText(entity.nature);
  if (natureId !== undefined) {
    context.nature = context.catalogue.index.natureById.get(natureId);
    if (!context.nature) {
      context.issues.error(
        [...ENTITY, 'nature'],
        issue(
          'unknown_entity_nature',
          `Unknown entity nature "${natureId}".`,
          `未知的主办单位性质“${natureId}”。`,
          {
            source: 'ref-4-natures',
            params: { nature: natureId },
          },
        ),
      );
    }
  }
  const typeId = readText(entity.certificateType);
  if (typeId !== undefined) {
    context.entityCertificateType = findCertificateType(context, typeId);
    if (!context.entityCertificateType) {
      context.issues.error(
        [...ENTITY, 'certificateType'],
        issue(
          'unknown_certificate_type',
          `Unknown certificate type "${typeId}".`,
          `未知的证件类型“${typeId}”。`,
          {
            source: 'ref-4-natures',
            params: { certificateType: typeId },
          },
        ),
      );
    }
  }
}

/** The certificate type must be one the nature files with (reference §4.1). */
function checkTypeFitsNature(context: ContentContext): void {
  const { nature, entityCertificateType: type } = context;
  if (!nature || !type || nature.certificateTypes.includes(type.id)) return;
  context.issues.error(
    [...ENTITY, 'certificateType'],
    issue(
      'certificate_type_not_for_nature',
      `A ${nature.nameEn.toLowerCase()} does not file with a ${type.nameEn}.`,
      `${nature.nameZh}不能使用${type.nameZh}备案。`,
      { source: 'ref-4-natures', params: { nature: nature.id, certificateType: type.id } },
    ),
  );
}

/** The USCC's registering authority and class suggest a nature (GB 32100); a different choice is likely a slip. */
function checkNatureSuggestion(context: ContentContext, certificate: CertificateFacts | undefined): void {
  const suggested = certificate?.suggestedNature;
  const nature = context.nature;
  if (!nature || suggested === undefined || suggested === nature.id) return;
  const suggestedNature = context.catalogue.index.natureById.get(suggested);
  context.issues.warning(
    [...ENTITY, 'certificateNumber'],
    issue(
      'certificate_nature_mismatch',
      `The code's first two characters are those of a ${suggestedNature?.nameEn.toLowerCase() ?? suggested}, but the nature chosen is ${nature.nameEn.toLowerCase()}; check the nature.`,
      `该代码前两位表示${suggestedNature?.nameZh ?? suggested}，而所选主办单位性质为${nature.nameZh}，请核对。`,
      { source: 'gb-32100', params: { nature: nature.id, suggestedNature: suggested } },
    ),
  );
}

/** Organisations file only in the province of their certificate; a filing cannot move (reference §7). */
function checkOrganisationProvince(context: ContentContext, certificate: CertificateFacts | undefined): void {
  const { province, nature } = context;
  const certificateProvince = certificate?.provinceCode;
  if (!province || !nature?.isOrganisation || certificateProvince === undefined) return;
  if (certificate?.isNationalRegistration || certificateProvince === province.code) return;
  const registered = context.catalogue.index.provinceByKey.get(certificateProvince);
  context.issues.error(
    [...ENTITY, 'certificateNumber'],
    issue(
      'certificate_province_mismatch',
      `The organisation is registered in ${registered?.nameEn ?? certificateProvince}; organisations file only in the province of their certificate, not in ${province.nameEn}.`,
      `该单位登记于${registered?.nameZh ?? certificateProvince}；单位只能在证件所在省份备案，不能在${province.nameZh}备案。`,
      {
        source: 'ref-7-huawei',
        params: { certificateProvince, provinceCode: province.code },
      },
    ),
  );
}

/** An individual's entity is the person: the leader repeats the entity's certificate and name. */
function checkIndividualLeader(context: ContentContext, entity: EntityDraft, facts: EntityFacts): void {
  const leader = facts.leader;
  if (context.nature?.id !== 'individual' || !leader) return;
  const mismatch = (field: string, en: string, zh: string) =>
    context.issues.error(
      [...ENTITY, 'leader', field],
      issue('individual_leader_mismatch', en, zh, { source: 'ref-4-fields', params: { field } }),
    );
  const leaderType = readText(leader.person.certificateType);
  const entityType = readText(entity.certificateType);
  if (leaderType !== undefined && entityType !== undefined && leaderType !== entityType) {
    mismatch(
      'certificateType',
      'For a personal filing the entity leader is the person: use the same certificate type as the entity.',
      '个人备案的主体负责人即本人：证件类型须与主办者一致。',
    );
  }
  if (
    leader.certificate !== undefined &&
    facts.certificate !== undefined &&
    leader.certificate.key !== facts.certificate.key
  ) {
    mismatch(
      'certificateNumber',
      'For a personal filing the entity leader is the person: use the same certificate number as the entity.',
      '个人备案的主体负责人即本人：证件号码须与主办者一致。',
    );
  }
  const leaderName = readText(leader.person.name);
  const entityName = readText(entity.name);
  if (
    leaderName !== undefined &&
    entityName !== undefined &&
    normalizeText(leaderName) !== normalizeText(entityName)
  ) {
    mismatch(
      'name',
      'For a personal filing the entity leader is the person: use the same name as the entity.',
      '个人备案的主体负责人即本人：姓名须与主办者名称一致。',
    );
  }
}

/**
 * Checks the entity's fields (formats always; in submit mode the required fields and the consistency
 * of nature, certificate and province) and resolves province, rules, nature and certificate type into
 * the context for the checks that follow.
 */
export function checkEntity(context: ContentContext, entity: EntityDraft | undefined): EntityFacts {
  if (entity === undefined) {
    if (context.isSubmit) reportRequired(context, ENTITY);
    return {};
  }
  const facts: EntityFacts = { entity };
  const provinceCode = readText(entity.provinceCode);
  if (provinceCode !== undefined) resolveProvince(context, provinceCode);
  checkRegionCodes(context, entity);
  resolveNatureAndType(context, entity);

  const number = readText(entity.certificateNumber);
  const type = context.entityCertificateType;
  if (number !== undefined && type) {
    facts.certificate = checkCertificateNumber(context, [...ENTITY, 'certificateNumber'], type, number);
  }
  if (entity.leader !== undefined) {
    facts.leader = checkPerson(context, [...ENTITY, 'leader'], entity.leader, 'leader');
  }

  requireTexts(
    context,
    ENTITY,
    entity as Record<string, unknown>,
    context.isFilingOrder ? FILING_FIELDS : IDENTITY_FIELDS,
  );
  if (!context.isSubmit) return facts;

  const needsLeader = context.isFilingOrder || context.orderType === 'cancel_entity';
  if (needsLeader && entity.leader === undefined) reportRequired(context, [...ENTITY, 'leader']);
  if (
    context.isFilingOrder &&
    context.nature?.isOrganisation &&
    entity.leader !== undefined &&
    typeof entity.leader.isLegalRepresentative !== 'boolean'
  ) {
    reportRequired(context, [...ENTITY, 'leader', 'isLegalRepresentative']);
  }
  checkTypeFitsNature(context);
  checkNatureSuggestion(context, facts.certificate);
  if (context.isFilingOrder) checkOrganisationProvince(context, facts.certificate);
  checkIndividualLeader(context, entity, facts);
  return facts;
}
