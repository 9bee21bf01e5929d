import { type Catalogue, findProvince } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import type { ApplicantProfile } from '../eligibility/profile.ts';
import { type Issue, issue } from '../shared/issue.ts';
import type { Localized } from '../shared/localized.ts';
import { err, ok, type Result } from '../shared/result.ts';

/**
 * The two value-added telecom licences a site operator applies for directly at the authority
 * (reference §9, ref-9-licence, ref-9-edi): the commercial ICP licence for paid information services
 * and the EDI licence for e-commerce platforms. Whether an applicant may hold one (company in China,
 * capital, foreign ownership) is judged by the eligibility engine (eligibility/rules/licence.ts); this
 * module only names the kinds and tells who decides.
 */

export const LICENCE_KINDS = ['icp', 'edi'] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];

/** A licence for one province (its communications administration) or across provinces (MIIT). */
export const LICENCE_SCOPES = ['provincial', 'cross_regional'] as const;
export type LicenceScope = (typeof LICENCE_SCOPES)[number];

/**
 * Service category codes of the 2015 telecom business classification. B25 is stated by the reference
 * (ref-6-licence); B21 for EDI comes "from general knowledge, not verified in sources" (ref-9-edi). The
 * printed licence number carries only the B2 class (see licence-numbering.ts).
 */
export type ServiceCategory = 'B21' | 'B25';

export interface LicenceKindInfo {
  name: Localized;
  /** What the licence permits, for help texts. */
  description: Localized;
  serviceCategory: ServiceCategory;
  sources: readonly string[];
}

export const LICENCE_KIND_INFO: Readonly<Record<LicenceKind, LicenceKindInfo>> = {
  icp: {
    name: {
      en: 'Commercial ICP licence (information services, B25)',
      zh: '经营性ICP许可证（信息服务业务，B25）',
    },
    description: {
      en: 'Paid information services over the internet: online sales of services, paid membership, paid advertising or listings, paid content.',
      zh: '通过互联网提供有偿信息服务：网上销售服务、付费会员、付费广告或信息发布、付费内容等。',
    },
    serviceCategory: 'B25',
    sources: ['ref-9-licence', 'ref-6-licence', 'order-42'],
  },
  edi: {
    name: {
      en: 'EDI licence (online data processing and transaction processing, B21)',
      zh: '在线数据处理与交易处理业务许可证（EDI，B21）',
    },
    description: {
      en: 'Operating e-commerce platforms: marketplaces, ticketing, auctions, payment processing sites.',
      zh: '经营电子商务平台：网上交易市场、票务、拍卖、支付处理网站等。',
    },
    serviceCategory: 'B21',
    sources: ['ref-9-edi', 'miit-2015-196', 'order-42'],
  },
};

export const LICENCE_SCOPE_NAMES: Readonly<Record<LicenceScope, Localized>> = {
  provincial: { en: 'One province', zh: '本省（自治区、直辖市）范围' },
  cross_regional: { en: 'Cross-regional (several provinces)', zh: '跨地区' },
};

export function isLicenceKind(value: unknown): value is LicenceKind {
  return typeof value === 'string' && (LICENCE_KINDS as readonly string[]).includes(value);
}

export function isLicenceScope(value: unknown): value is LicenceScope {
  return typeof value === 'string' && (LICENCE_SCOPES as readonly string[]).includes(value);
}

/** The scope an eligibility profile asks for (its `crossRegional` flag), so both engines agree. */
export function getLicenceScope(profile: Pick<ApplicantProfile, 'crossRegional'>): LicenceScope {
  return profile.crossRegional ? 'cross_regional' : 'provincial';
}

/** MIIT's telecom business market management system, where applications and annual reports are filed. */
export const LICENCE_PLATFORM = 'dxzhgl.miit.gov.cn';

export interface LicenceAuthority {
  /** The province code ("11") of a provincial communications administration, or 'miit'. */
  id: string;
  name: Localized;
  /** The authority's own site: the CA portal of §6.4, or MIIT's licensing platform. */
  website: string;
  /** Where the application is filed online (ref-9-licence). */
  applicationPlatform: string;
}

export interface LicenceAuthorityInput {
  scope: LicenceScope;
  /** Province of the company's registration: any key `findProvince` understands ("11", "粤", "beijing"). */
  provinceCode: string;
}

/**
 * Who decides: the communications administration of the company's province for a provincial licence,
 * MIIT for a cross-regional one (ref-9-licence). A cross-regional application still needs a known
 * province, since the company is registered (and keeps its records) somewhere.
 */
export function findLicenceAuthority(
  input: LicenceAuthorityInput,
  catalogue: Catalogue = defaultCatalogue,
): Result<LicenceAuthority, Issue> {
  const province = findProvince(catalogue, input.provinceCode);
  if (!province) {
    return err(
      issue(
        'unknown_province',
        `Unknown province "${input.provinceCode}".`,
        `未知省份“${input.provinceCode}”。`,
        { source: 'ref-6-4', params: { province: input.provinceCode } },
      ),
    );
  }
  if (input.scope === 'cross_regional') {
    return ok({
      id: 'miit',
      name: { en: 'Ministry of Industry and Information Technology (MIIT)', zh: '工业和信息化部' },
      website: LICENCE_PLATFORM,
      applicationPlatform: LICENCE_PLATFORM,
    });
  }
  return ok({
    id: province.code,
    name: { en: province.authority.nameEn, zh: province.authority.nameZh },
    website: province.authority.portal,
    applicationPlatform: LICENCE_PLATFORM,
  });
}
