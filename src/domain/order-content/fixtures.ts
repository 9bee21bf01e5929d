import { buildChecklist, type ChecklistFlag } from '../catalogue/checklist.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { computeResidentIdCheckDigit } from '../validate/resident-id.ts';
import { computeUsccCheckChar } from '../validate/uscc.ts';
import {
  type AttachmentDraft,
  LONG_TERM_VALIDITY,
  type OrderContentDraft,
  type PersonDraft,
  type ServiceDraft,
} from './order-content.ts';

/**
 * Complete, valid order contents for tests, the demo seed and integration scenarios: an individual's
 * and an enterprise's first filing of one website. Both pass `validateOrderContent` in submit mode in
 * Beijing and Guangdong (and any province without extra rules) on any date up to 2040; identity and
 * credit-code numbers are generated with valid check characters for the chosen province.
 *
 * Overrides merge deeply: objects key by key, `services` element by element, other arrays replace the
 * default; a key set to `undefined` is removed (to test a missing field).
 */
export type OrderContentOverrides = DeepPartial<OrderContentDraft>;

type DeepPartial<T> = T extends readonly (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | undefined }
    : T;

/** A county per province that reads naturally in the fixtures; other provinces take the table's first. */
const PREFERRED_COUNTIES: Readonly<Record<string, string>> = { '11': '110105', '44': '440305' };
const AREA_CODES: Readonly<Record<string, string>> = { '11': '010', '44': '0755' };
const DEFAULT_PROVINCE = '11';
const VALID_UNTIL = '2040-12-31';

function findCounty(provinceCode: string): string {
  const preferred = PREFERRED_COUNTIES[provinceCode];
  if (preferred) return preferred;
  const county = defaultCatalogue.regions.counties.find(
    (c) => c.code.startsWith(provinceCode) && !c.code.endsWith('00'),
  );
  if (!county) throw new RangeError(`No county of province ${provinceCode} in the region table`);
  return county.code;
}

/** An 18-character resident ID for the county, birth date and sequence, with its check digit. */
export function buildResidentId(county: string, birthDate: string, sequence: string): string {
  const first17 = `${county}${birthDate.replaceAll('-', '')}${sequence}`;
  return `${first17}${computeResidentIdCheckDigit(first17)}`;
}

/** GB 11714 check character of an organisation code, so the embedded code passes its own check too. */
function computeOrganisationCodeCheck(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, i) => total + Number.parseInt(first8[i] ?? '0', 36) * weight, 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  return check === 11 ? '0' : String(check);
}

/** A unified social credit code of an enterprise (91) registered in the county. */
export function buildEnterpriseUscc(county: string, organisationCode = 'MA01EXAM'): string {
  const first17 = `91${county}${organisationCode}${computeOrganisationCodeCheck(organisationCode)}`;
  return `${first17}${computeUsccCheckChar(first17)}`;
}

function getShortProvinceName(provinceCode: string): string {
  const province = defaultCatalogue.index.provinceByKey.get(provinceCode);
  if (!province) throw new RangeError(`Unknown province code ${provinceCode}`);
  return province.nameZh.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/u, '');
}

function buildAttachments(
  nature: string,
  provinceCode: string,
  flags: readonly ChecklistFlag[],
  people: readonly string[],
): AttachmentDraft[] {
  const checklist = buildChecklist(defaultCatalogue, {
    nature,
    province: provinceCode,
    orderType: 'first_filing',
    instrument: 'icp_filing',
    flags,
  });
  const attachments: AttachmentDraft[] = [];
  for (const item of checklist) {
    if (!item.required) continue;
    const kind = item.document.id;
    if (kind === 'id_card_scans') {
      for (const [i, personRef] of people.entries()) {
        attachments.push({ kind, documentId: `fixture-${kind}-${i + 1}`, personRef });
      }
    } else {
      attachments.push({ kind, documentId: `fixture-${kind}-1` });
    }
  }
  return attachments;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeDeep(base: unknown, override: unknown, key?: string): unknown {
  if (isPlainObject(base) && isPlainObject(override)) {
    const merged: Record<string, unknown> = { ...base };
    for (const [k, value] of Object.entries(override)) {
      if (value === undefined) delete merged[k];
      else merged[k] = mergeDeep(base[k], value, k);
    }
    return merged;
  }
  if (key === 'services' && Array.isArray(base) && Array.isArray(override)) {
    return override.map((item, i) => (i < base.length ? mergeDeep(base[i], item) : item));
  }
  return structuredClone(override);
}

function readProvince(overrides: OrderContentOverrides): string {
  return overrides.entity?.provinceCode ?? DEFAULT_PROVINCE;
}

function buildAccess(): ServiceDraft['access'] {
  return { instanceId: 'fixture-instance-1', ipAddresses: ['106.14.10.20'], region: 'cn-north' };
}

/** A Chinese citizen filing a personal blog with a local ID card; the person is also the website admin. */
export function buildIndividualOrderContent(overrides: OrderContentOverrides = {}): OrderContentDraft {
  const provinceCode = readProvince(overrides);
  const county = findCounty(provinceCode);
  const place = getShortProvinceName(provinceCode);
  const name = '王小明';
  const idNumber = buildResidentId(county, '1990-03-07', '123');
  const leader: PersonDraft = {
    name,
    certificateType: 'resident_id',
    certificateNumber: idNumber,
    certificateValidUntil: VALID_UNTIL,
    mobile: '13800138000',
    emergencyPhone: '13700137000',
    email: 'wangxiaoming@example.cn',
  };
  const base: OrderContentDraft = {
    entity: {
      provinceCode,
      cityCode: county.slice(0, 4),
      countyCode: county,
      nature: 'individual',
      certificateType: 'resident_id',
      certificateNumber: idNumber,
      name,
      certificateAddress: `${place}示例路1号院2号楼301室`,
      mailingAddress: `${place}示例路1号院2号楼301室`,
      investorOrAuthority: name,
      leader,
    },
    services: [
      {
        type: 'website',
        name: '山间读书笔记',
        domain: 'wang-notes.cn',
        homeUrl: 'https://wang-notes.cn/',
        contentCategory: 'blog_personal_space',
        preApprovals: [],
        noPreApprovalCommitment: true,
        adminSameAsLeader: true,
        languages: ['zh-CN'],
        access: buildAccess(),
      },
    ],
    attachments: buildAttachments('individual', provinceCode, ['no_pre_approval'], ['entity.leader']),
  };
  return mergeDeep(base, overrides) as OrderContentDraft;
}

/**
 * A limited company filing its portal: the legal representative is the entity leader and a different
 * employee, authorised by letter, is the website admin.
 */
export function buildEnterpriseOrderContent(overrides: OrderContentOverrides = {}): OrderContentDraft {
  const provinceCode = readProvince(overrides);
  const county = findCounty(provinceCode);
  const place = getShortProvinceName(provinceCode);
  const companyName = `${place}示例科技有限公司`;
  const areaCode = AREA_CODES[provinceCode] ?? '010';
  const base: OrderContentDraft = {
    entity: {
      provinceCode,
      cityCode: county.slice(0, 4),
      countyCode: county,
      nature: 'enterprise',
      certificateType: 'business_licence',
      certificateNumber: buildEnterpriseUscc(county),
      name: companyName,
      certificateAddress: `${place}示例大道88号示例大厦12层1201室`,
      mailingAddress: `${place}示例大道88号示例大厦12层1201室`,
      investorOrAuthority: '李建国',
      leader: {
        name: '李建国',
        certificateType: 'resident_id',
        certificateNumber: buildResidentId(county, '1975-11-20', '137'),
        certificateValidUntil: LONG_TERM_VALIDITY,
        mobile: '13800138000',
        emergencyPhone: '13600136000',
        officePhone: `${areaCode}-62345678`,
        email: 'lijianguo@example-tech.cn',
        isLegalRepresentative: true,
      },
    },
    services: [
      {
        type: 'website',
        name: '示例科技官网',
        domain: 'example-tech.cn',
        homeUrl: 'https://www.example-tech.cn/',
        contentCategory: 'organisation_portal',
        preApprovals: [],
        noPreApprovalCommitment: true,
        admin: {
          name: '陈静',
          certificateType: 'resident_id',
          certificateNumber: buildResidentId(county, '1988-06-12', '246'),
          certificateValidUntil: VALID_UNTIL,
          mobile: '13900139000',
          emergencyPhone: '13500135000',
          officePhone: `${areaCode}-62345679`,
          email: 'chenjing@example-tech.cn',
          isLegalRepresentative: false,
        },
        languages: ['zh-CN', 'en'],
        access: buildAccess(),
      },
    ],
    attachments: buildAttachments(
      'enterprise',
      provinceCode,
      ['admin_not_legal_rep', 'no_pre_approval'],
      ['entity.leader', 'services[0].admin'],
    ),
  };
  return mergeDeep(base, overrides) as OrderContentDraft;
}
