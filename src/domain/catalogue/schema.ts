import { z } from 'zod';

/**
 * The catalogue is plain data (JSON under ./data) validated by these schemas when loaded. Every rule
 * carries the ids of the sources that state it (see sources.json), so a reviewer can see why a rule
 * exists and where sources disagree. Later issues let admins override the data from the database,
 * which is why nothing here is code.
 */

export const localizedSchema = z.object({ en: z.string().min(1), zh: z.string().min(1) });

export const sourceKindSchema = z.enum([
  'law',
  'official-provider',
  'secondary',
  'community',
  'article',
  'derived',
]);

export const sourceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  kind: sourceKindSchema,
  /** The title in English (the text itself may be Chinese). */
  title: z.string().min(1),
  /** The text's own Chinese title, for a Chinese text (a law, a notice, a provider's Chinese page). */
  titleZh: z.string().min(1).optional(),
  url: z.string().url().optional(),
  /** ISO date (or year/month) the source shows; omitted when it shows none. */
  date: z.string().optional(),
  note: z.string().optional(),
});

const sourceIds = z.array(z.string()).min(1);

/**
 * A rule value with its sources. `alternatives` keeps what other sources say where they disagree,
 * so the conflict can be shown to the user instead of being resolved silently.
 */
export function sourced<T extends z.ZodType>(value: T) {
  return z.object({
    value,
    sources: sourceIds,
    note: localizedSchema.optional(),
    alternatives: z
      .array(z.object({ value, sources: sourceIds, note: localizedSchema.optional() }))
      .optional(),
  });
}

/** Identity of a provincial-level division and its communications administration (reference §6.4). */
export const provinceSchema = z.object({
  /** First two digits of the GB/T 2260 code, e.g. "11" for Beijing. */
  code: z.string().regex(/^\d{2}$/),
  /** Six-digit GB/T 2260 division code, e.g. "110000". */
  divisionCode: z.string().regex(/^\d{2}0000$/),
  slug: z.string().regex(/^[a-z-]+$/),
  nameEn: z.string().min(1),
  nameZh: z.string().min(1),
  kind: z.enum(['municipality', 'province', 'autonomous_region']),
  /** The abbreviation used in numbers issued today (京, 蜀, 陇 …). */
  icpAbbreviation: z.string().length(1),
  /** Abbreviations seen in older numbers (川 for Sichuan, 甘 for Gansu). */
  legacyAbbreviations: z.array(z.string().length(1)),
  authority: z.object({ nameEn: z.string(), nameZh: z.string(), portal: z.string() }),
  sources: sourceIds,
});

/** Hong Kong, Macao and Taiwan: region codes used by residence permits, not filing provinces. */
export const regionOutsideFilingSchema = z.object({
  code: z.string().regex(/^\d{2}$/),
  divisionCode: z.string().regex(/^\d{6}$/),
  nameEn: z.string(),
  nameZh: z.string(),
});

export const residencyRuleSchema = z.enum([
  /** Individuals from any province may file here with their ID card. */
  'any_province',
  /** Non-locals may file with a local residence permit (居住证). */
  'residence_permit',
  /** Only ID cards issued in this province. */
  'local_id_only',
  /** Sources say nothing about residency. */
  'unspecified',
]);

export const leaderRuleSchema = z.enum(['legal_rep_only', 'legal_rep_or_authorised']);

export const reviewDaysSchema = z.object({
  typical: z.number().int().positive(),
  max: z.number().int().positive(),
});

/** Per-province rules from reference §7 (and §3, §8). */
export const provinceRulesSchema = z.object({
  province: z.string().regex(/^\d{2}$/),
  individualResidency: sourced(residencyRuleSchema),
  acceptsNonChineseIndividuals: sourced(z.enum(['yes', 'no', 'unspecified'])),
  acceptsHkMoTwResidents: sourced(z.enum(['yes', 'no', 'unspecified'])),
  minimumAge: sourced(z.object({ age: z.number().int(), withProofFrom: z.number().int().optional() })),
  localMobileRequired: sourced(z.boolean()),
  organisationLeader: sourced(leaderRuleSchema),
  /** Most websites (or new domains) one order may carry; null where no limit is stated. */
  maxSitesPerOrder: sourced(z.number().int().positive().nullable()),
  /** Document kind ids (documents.json) this province asks for on top of the national set. */
  extraDocuments: z.array(z.string()),
  numberDisplay: sourced(z.enum(['service', 'entity'])),
  shellEntityCanAddServices: sourced(z.boolean()),
  providerReviewDays: sourced(reviewDaysSchema),
  authorityReviewDays: sourced(reviewDaysSchema),
  /** Free-form special items shown to users (one line each). */
  specialItems: z.array(z.object({ text: localizedSchema, sources: sourceIds })),
});

export const entityNatureSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  nameEn: z.string(),
  nameZh: z.string(),
  isOrganisation: z.boolean(),
  /** Certificate type ids accepted for this nature, the usual one first. */
  certificateTypes: z.array(z.string()).min(1),
  /** USCC registering-authority + organisation-class pairs that suggest this nature, e.g. "91". */
  usccClasses: z.array(z.string().regex(/^[0-9A-Y][0-9A-Y]?$/)),
  sources: sourceIds,
});

export const certificateFormatSchema = z.enum([
  'uscc',
  'resident_id',
  'residence_permit_hmt',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_residence',
  'free_text',
]);

export const certificateTypeSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  nameEn: z.string(),
  nameZh: z.string(),
  holder: z.enum(['organisation', 'person']),
  format: certificateFormatSchema,
  sources: sourceIds,
});

export const preApprovalSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  nameEn: z.string(),
  nameZh: z.string(),
  permitZh: z.string(),
  permitEn: z.string(),
  issuerEn: z.string(),
  issuerZh: z.string(),
  /** Planned activities (eligibility profile) that trigger this pre-approval. */
  activities: z.array(z.string()),
  /** Where the source says the requirement was abolished for filing purposes (province codes kept). */
  status: sourced(z.enum(['required', 'abolished_except', 'abolished'])),
  keptInProvinces: z.array(z.string()).optional(),
  sources: sourceIds,
});

export const tldCatalogueSchema = z.object({
  listDate: z.string(),
  sources: sourceIds,
  fileable: z.array(z.string().min(1)),
  notFileable: z.array(z.object({ tld: z.string(), note: localizedSchema, sources: sourceIds })),
});

export const wordListSchema = z.object({ words: z.array(z.string().min(1)), sources: sourceIds });

export const lexiconSchema = z.object({
  /** Prefixes only state bodies may use (中国, 中华, 国家 …). */
  reservedPrefixes: wordListSchema,
  /** Words no website name may contain. */
  sensitiveWords: wordListSchema,
  /** Words individual (personal) sites may not use, nationally. */
  individualBanned: wordListSchema,
  /** Extra banned words for individual sites, keyed by province code. */
  provinceIndividualBanned: z.record(z.string().regex(/^\d{2}$/), wordListSchema),
  /** Minimum length in Chinese-character equivalents. */
  minLength: z.object({ value: z.number().int().positive(), sources: sourceIds }),
  maxLength: z.object({ value: z.number().int().positive(), sources: sourceIds }),
});

export const orderTypeSchema = z.object({
  id: z.enum([
    'first_filing',
    'add_service',
    'add_access',
    'change',
    'cancel_service',
    'cancel_entity',
    'cancel_access',
  ]),
  nameEn: z.string(),
  nameZh: z.string(),
  smsVerification: z.boolean(),
  sources: sourceIds,
});

export const documentKindSchema = z.object({
  id: z.string().regex(/^[a-z_]+$/),
  nameEn: z.string(),
  nameZh: z.string(),
  description: localizedSchema,
  sources: sourceIds,
});

/**
 * Facts about the applicant's situation that switch checklist rules on (`when`) or off (`unless`).
 * documents.json explains each flag in its `flags` map; a test keeps the two in step.
 */
export const checklistFlagSchema = z.enum([
  'leader_not_legal_rep',
  'admin_not_legal_rep',
  'leader_non_local',
  'foreign_person',
  'hk_macao_resident',
  'taiwan_resident',
  'non_local_individual',
  'under_18',
  'entity_exists',
  'rep_office',
  'domain_held_by_manager',
  'government_domain',
  'needs_pre_approval',
  'no_pre_approval',
  'sites_30_or_more',
  'domain_prefixes_over_31',
  'entity_name_changed',
  'foreign_investment',
]);

/** When a document is required: every listed condition must match; an absent condition matches all. */
export const checklistRuleSchema = z.object({
  id: z.string(),
  document: z.string(),
  natures: z.array(z.string()).optional(),
  provinces: z.array(z.string()).optional(),
  orderTypes: z.array(z.string()).optional(),
  instruments: z.array(z.enum(['icp_filing', 'icp_licence', 'edi_licence'])).optional(),
  /** Extra flags from the applicant's situation, e.g. "leader_not_legal_rep", "foreign_person". */
  when: z.array(checklistFlagSchema).optional(),
  /** Flags that switch the rule off, e.g. an individual's ID card scans unless they are "foreign_person". */
  unless: z.array(checklistFlagSchema).optional(),
  required: z.boolean(),
  note: localizedSchema.optional(),
  sources: sourceIds,
});

export const countySchema = z.object({
  code: z.string().regex(/^\d{6}$/),
  nameZh: z.string(),
  nameEn: z.string(),
});
export const citySchema = z.object({
  code: z.string().regex(/^\d{4}$/),
  nameZh: z.string(),
  nameEn: z.string(),
});
export const regionTableSchema = z.object({
  edition: z.string(),
  sources: sourceIds,
  cities: z.array(citySchema),
  counties: z.array(countySchema),
});

export const catalogueSchema = z.object({
  sources: z.array(sourceSchema),
  provinces: z.array(provinceSchema).length(31),
  regionsOutsideFiling: z.array(regionOutsideFilingSchema),
  provinceRules: z.array(provinceRulesSchema),
  entityNatures: z.array(entityNatureSchema),
  certificateTypes: z.array(certificateTypeSchema),
  preApprovals: z.array(preApprovalSchema),
  tlds: tldCatalogueSchema,
  lexicon: lexiconSchema,
  orderTypes: z.array(orderTypeSchema),
  documentKinds: z.array(documentKindSchema),
  checklist: z.array(checklistRuleSchema),
  regions: regionTableSchema,
});

export type Source = z.infer<typeof sourceSchema>;
export type Province = z.infer<typeof provinceSchema>;
export type ProvinceRules = z.infer<typeof provinceRulesSchema>;
export type EntityNature = z.infer<typeof entityNatureSchema>;
export type CertificateType = z.infer<typeof certificateTypeSchema>;
export type PreApproval = z.infer<typeof preApprovalSchema>;
export type TldCatalogue = z.infer<typeof tldCatalogueSchema>;
export type Lexicon = z.infer<typeof lexiconSchema>;
export type OrderType = z.infer<typeof orderTypeSchema>;
export type DocumentKind = z.infer<typeof documentKindSchema>;
export type ChecklistRule = z.infer<typeof checklistRuleSchema>;
export type RegionTable = z.infer<typeof regionTableSchema>;
export type CatalogueData = z.infer<typeof catalogueSchema>;
