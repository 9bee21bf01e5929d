import type { Activity } from '../eligibility/profile.ts';

/**
 * The service content category of a filing (网站服务内容 / 内容类型, reference §4.3). No official MIIT
 * list was found, so these are the values observed on provider forms, each mapped to the planned
 * activities (the eligibility profile's vocabulary) that decide which pre-approvals it needs.
 * Individuals may choose only "blog / personal space" or "other" (reference §4.3, ref-4-fields).
 */
export interface ContentCategory {
  id: string;
  nameEn: string;
  nameZh: string;
  /** Activities the category implies; pre-approvals follow from them (pre-approvals.json). */
  activities: readonly Activity[];
  /** Whether a personal (individual) filing may choose it. */
  individualAllowed: boolean;
  sources: readonly string[];
}

const FORM = ['ref-4-fields'] as const;
const PRE_APPROVALS = ['ref-4-fields', 'ref-4-pre-approvals'] as const;

export const CONTENT_CATEGORIES = [
  {
    id: 'blog_personal_space',
    nameEn: 'Blog / personal space',
    nameZh: '博客/个人空间',
    activities: ['information_only'],
    individualAllowed: true,
    sources: FORM,
  },
  {
    id: 'other',
    nameEn: 'Other (describe the content in the remarks)',
    nameZh: '其他（在备注中说明内容）',
    activities: ['information_only'],
    individualAllowed: true,
    sources: FORM,
  },
  {
    id: 'organisation_portal',
    nameEn: 'Organisation portal',
    nameZh: '单位门户网站',
    activities: ['information_only'],
    individualAllowed: false,
    sources: FORM,
  },
  {
    id: 'comprehensive_portal',
    nameEn: 'Comprehensive portal',
    nameZh: '综合门户',
    activities: ['information_only'],
    individualAllowed: false,
    sources: FORM,
  },
  {
    id: 'search_engine',
    nameEn: 'Search engine',
    nameZh: '搜索引擎',
    activities: ['information_only'],
    individualAllowed: false,
    sources: FORM,
  },
  {
    id: 'online_shopping',
    nameEn: 'Online shopping',
    nameZh: '网络购物',
    activities: ['online_sales'],
    individualAllowed: false,
    sources: FORM,
  },
  {
    id: 'online_advertising',
    nameEn: 'Online advertising',
    nameZh: '网络广告',
    activities: ['advertising'],
    individualAllowed: false,
    sources: FORM,
  },
  {
    id: 'news',
    nameEn: 'News',
    nameZh: '新闻',
    activities: ['news'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
  {
    id: 'online_publishing',
    nameEn: 'Online publishing',
    nameZh: '网络出版',
    activities: ['publishing'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
  {
    id: 'audio_video',
    nameEn: 'Online audio and video',
    nameZh: '网络视听',
    activities: ['audio_video'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
  {
    id: 'live_streaming',
    nameEn: 'Live streaming',
    nameZh: '网络直播',
    activities: ['live_streaming'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
  {
    id: 'online_games',
    nameEn: 'Online games',
    nameZh: '网络游戏',
    activities: ['games'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
  {
    id: 'online_culture',
    nameEn: 'Online culture (music, performances, animation, art)',
    nameZh: '网络文化（音乐、演出、动漫、艺术品）',
    activities: ['culture'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
  {
    id: 'education',
    nameEn: 'Education',
    nameZh: '教育',
    activities: ['education'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
  {
    id: 'health_care',
    nameEn: 'Health care',
    nameZh: '医疗保健',
    activities: ['medical'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
  {
    id: 'drugs_medical_devices',
    nameEn: 'Drugs and medical devices',
    nameZh: '药品和医疗器械',
    activities: ['drugs'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
  {
    id: 'finance',
    nameEn: 'Finance',
    nameZh: '金融',
    activities: ['finance'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
  {
    id: 'religion',
    nameEn: 'Religion',
    nameZh: '宗教',
    activities: ['religion'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
  {
    id: 'car_hailing',
    nameEn: 'Online car-hailing',
    nameZh: '网络预约车',
    activities: ['car_hailing'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
  {
    id: 'forum_community',
    nameEn: 'Forum / online community',
    nameZh: '论坛/网络社区',
    activities: ['forum'],
    individualAllowed: false,
    sources: PRE_APPROVALS,
  },
] as const satisfies readonly ContentCategory[];

export type ContentCategoryId = (typeof CONTENT_CATEGORIES)[number]['id'];

export const CONTENT_CATEGORY_IDS = CONTENT_CATEGORIES.map((c) => c.id) as [
  ContentCategoryId,
  ...ContentCategoryId[],
];

export function findContentCategory(id: string): ContentCategory | undefined {
  return CONTENT_CATEGORIES.find((category) => category.id === id);
}
