import { z } from 'zod';
import { findProvince } from '../catalogue/catalogue.ts';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import type { Localized } from '../shared/localized.ts';

/**
 * What the eligibility engine needs to know about an applicant and the planned site. The CLI and the
 * API parse user input with this schema, so every field carries a `.describe()` text and unknown fields
 * are rejected (a typo must not silently drop a fact the answer depends on).
 */

export const APPLICANT_KINDS = [
  'chinese_individual',
  'foreign_individual',
  'hmt_resident',
  'chinese_company',
  'wfoe',
  'joint_venture',
  'foreign_company',
  'representative_office',
  'government',
  'public_institution',
  'social_organisation',
] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const ACTIVITIES = [
  'information_only',
  'online_sales',
  'advertising',
  'online_payments',
  'ecommerce_platform',
  'news',
  'publishing',
  'audio_video',
  'education',
  'medical',
  'drugs',
  'games',
  'forum',
  'culture',
  'religion',
  'finance',
  'car_hailing',
  'live_streaming',
] as const;
export type Activity = (typeof ACTIVITIES)[number];

const ACTIVITY_NAMES: Readonly<Record<Activity, Localized>> = {
  information_only: { en: 'information only', zh: '仅提供信息' },
  online_sales: { en: 'online sales', zh: '网上销售' },
  advertising: { en: 'advertising', zh: '广告' },
  online_payments: { en: 'online payments', zh: '在线支付' },
  ecommerce_platform: { en: 'e-commerce platform', zh: '电子商务平台' },
  news: { en: 'news', zh: '新闻' },
  publishing: { en: 'publishing', zh: '出版' },
  audio_video: { en: 'audio-visual programmes', zh: '视听节目' },
  education: { en: 'education', zh: '教育' },
  medical: { en: 'health care', zh: '医疗保健' },
  drugs: { en: 'drugs and medical devices', zh: '药品和医疗器械' },
  games: { en: 'online games', zh: '网络游戏' },
  forum: { en: 'forum (BBS)', zh: '论坛（BBS）' },
  culture: { en: 'internet culture', zh: '网络文化' },
  religion: { en: 'religion', zh: '宗教' },
  finance: { en: 'finance', zh: '金融' },
  car_hailing: { en: 'online car-hailing', zh: '网络预约车' },
  live_streaming: { en: 'live streaming', zh: '网络直播' },
};

/** "online sales, advertising" / "网上销售、广告" for messages. */
export function describeActivities(activities: readonly string[]): Localized {
  const names = activities.map((a) => ACTIVITY_NAMES[a as Activity] ?? { en: a, zh: a });
  return { en: names.map((n) => n.en).join(', '), zh: names.map((n) => n.zh).join('、') };
}

export const PILOT_ZONES = ['beijing', 'shanghai_lingang_pudong', 'hainan_ftp', 'shenzhen'] as const;
export type PilotZone = (typeof PILOT_ZONES)[number];

const INDIVIDUAL_KINDS: ReadonlySet<ApplicantKind> = new Set([
  'chinese_individual',
  'foreign_individual',
  'hmt_resident',
]);
const COMPANY_KINDS: ReadonlySet<ApplicantKind> = new Set(['chinese_company', 'wfoe', 'joint_venture']);

export function isIndividualKind(kind: ApplicantKind): boolean {
  return INDIVIDUAL_KINDS.has(kind);
}

/** Companies lawfully established in mainland China (the licence condition of order-42). */
export function isMainlandCompanyKind(kind: ApplicantKind): boolean {
  return COMPANY_KINDS.has(kind);
}

const provinceKeySchema = z
  .string()
  .min(1)
  .max(40)
  .refine((key) => findProvince(defaultCatalogue, key) !== undefined, {
    message:
      'Unknown province: use a code (44), a name (Guangdong, 广东) or an abbreviation (粤). Hong Kong, Macao and Taiwan are not filing provinces.',
  });

export const applicantProfileSchema = z
  .strictObject({
    applicantKind: z
      .enum(APPLICANT_KINDS)
      .describe(
        'Who applies: chinese_individual (mainland ID card), foreign_individual (passport), hmt_resident (Hong Kong, Macao or Taiwan resident), chinese_company, wfoe (wholly foreign-owned enterprise), joint_venture, foreign_company (no mainland entity), representative_office, government, public_institution or social_organisation.',
      ),
    chineseOwnershipPercent: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe(
        'Chinese (mainland) share of the company in percent, 0-100. Implied 100 for chinese_company and 0 for wfoe; required for joint_venture. Hong Kong, Macao and Taiwan shareholders count as foreign.',
      ),
    inChina: z.boolean().describe('Whether the applicant is currently present in mainland China.'),
    certificateProvince: provinceKeySchema
      .optional()
      .describe(
        'Province of the ID card or business licence: a code (44), a name (Guangdong, 广东) or an abbreviation (粤).',
      ),
    residencePermitProvince: provinceKeySchema
      .optional()
      .describe('Province of a residence permit (居住证), for individuals living outside their ID province.'),
    age: z.number().int().min(0).max(150).optional().describe('Age of the individual applicant in years.'),
    hasMainlandMobile: z
      .boolean()
      .optional()
      .describe('Whether the applicant has a mainland China mobile number.'),
    mobileProvince: provinceKeySchema
      .optional()
      .describe(
        'Province where the mainland mobile number is registered (some provinces require a local one).',
      ),
    hasMainlandLandline: z
      .boolean()
      .optional()
      .describe('Whether the applicant has a mainland China landline.'),
    alipayWithInternationalCard: z
      .boolean()
      .optional()
      .describe('Whether the applicant has an Alipay account linked to an international card.'),
    hasRepresentativeInChina: z
      .boolean()
      .optional()
      .describe('Whether someone in mainland China receives mail, materials and calls for the applicant.'),
    speaksMandarinOrHasAssistant: z
      .boolean()
      .optional()
      .describe('Whether the applicant reads and speaks Mandarin, or has someone who does.'),
    hostingInMainland: z
      .boolean()
      .describe('Whether the site is (or will be) hosted on servers in mainland China.'),
    domain: z.string().min(1).max(300).optional().describe('The domain name of the site, e.g. example.cn.'),
    domainAtMainlandRegistrar: z
      .boolean()
      .optional()
      .describe('Whether the domain is registered with a registrar approved by MIIT (a mainland registrar).'),
    activities: z
      .array(z.enum(ACTIVITIES))
      .min(1)
      .default(['information_only'])
      .describe(
        `What the site does (default information_only): ${ACTIVITIES.join(', ')}. Commercial activities need a licence; some need a sector pre-approval.`,
      ),
    registeredCapitalRmb: z
      .number()
      .nonnegative()
      .optional()
      .describe('Registered (subscribed) capital of the company in RMB.'),
    crossRegional: z
      .boolean()
      .default(false)
      .describe('Whether the commercial licence should cover several provinces (issued by MIIT).'),
    pilotZone: z
      .enum(PILOT_ZONES)
      .optional()
      .describe(
        'Pilot zone of the 2024 value-added telecom opening where the company is registered: beijing, shanghai_lingang_pudong, hainan_ftp or shenzhen.',
      ),
  })
  .superRefine((profile, context) => {
    const percent = profile.chineseOwnershipPercent;
    const addOwnershipIssue = (message: string) =>
      context.addIssue({ code: 'custom', path: ['chineseOwnershipPercent'], message });
    switch (profile.applicantKind) {
      case 'joint_venture':
        if (percent === undefined)
          addOwnershipIssue('A joint venture needs its Chinese ownership percentage.');
        else if (percent <= 0 || percent >= 100)
          addOwnershipIssue(
            'A joint venture has both Chinese and foreign owners: use wfoe for 0 % and chinese_company for 100 %.',
          );
        break;
      case 'chinese_company':
        if (percent !== undefined && percent !== 100)
          addOwnershipIssue(
            'A company with foreign owners is a joint venture (or a WFOE), not a chinese_company.',
          );
        break;
      case 'wfoe':
        if (percent !== undefined && percent !== 0)
          addOwnershipIssue(
            'A WFOE is wholly foreign-owned: use joint_venture when Chinese owners hold a share.',
          );
        break;
      default:
        if (percent !== undefined) addOwnershipIssue('Ownership applies to companies only.');
    }
    if (profile.hasMainlandMobile === false && profile.mobileProvince !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['mobileProvince'],
        message: 'A mobile province was given but hasMainlandMobile is false.',
      });
    }
  });

export type ApplicantProfile = z.output<typeof applicantProfileSchema>;
export type ApplicantProfileInput = z.input<typeof applicantProfileSchema>;

/**
 * Foreign share in percent for the licence ownership rules (fite-2022), or undefined where the applicant
 * is not a company at all. A foreign company without a mainland entity counts as 100 % foreign.
 */
export function findForeignOwnershipPercent(profile: ApplicantProfile): number | undefined {
  switch (profile.applicantKind) {
    case 'chinese_company':
      return 0;
    case 'wfoe':
    case 'foreign_company':
    case 'representative_office':
      return 100;
    case 'joint_venture':
      return profile.chineseOwnershipPercent === undefined
        ? undefined
        : 100 - profile.chineseOwnershipPercent;
    default:
      return undefined;
  }
}
