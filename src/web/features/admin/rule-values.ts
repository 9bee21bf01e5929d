import type { TFunction } from 'i18next';
import type { LocalizedText, ProvinceRuleField, ProvinceRules } from './api.ts';

/** The editable fields of a province's rules, in the order the catalogue lists them. */
export const RULE_FIELDS: ProvinceRuleField[] = [
  'individualResidency',
  'acceptsNonChineseIndividuals',
  'acceptsHkMoTwResidents',
  'minimumAge',
  'localMobileRequired',
  'organisationLeader',
  'maxSitesPerOrder',
  'extraDocuments',
  'numberDisplay',
  'shellEntityCanAddServices',
  'providerReviewDays',
  'authorityReviewDays',
  'specialItems',
];

/** Fields that are a whole list (no sources or note of their own): an edit replaces the list. */
export const LIST_FIELDS: ReadonlySet<ProvinceRuleField> = new Set(['extraDocuments', 'specialItems']);

/** The choices of the fields whose value is one of a few words. */
export const ENUM_VALUES: Partial<Record<ProvinceRuleField, { group: string; values: string[] }>> = {
  individualResidency: {
    group: 'residency',
    values: ['any_province', 'residence_permit', 'local_id_only', 'unspecified'],
  },
  acceptsNonChineseIndividuals: { group: 'yesNo', values: ['yes', 'no', 'unspecified'] },
  acceptsHkMoTwResidents: { group: 'yesNo', values: ['yes', 'no', 'unspecified'] },
  organisationLeader: { group: 'leader', values: ['legal_rep_only', 'legal_rep_or_authorised'] },
  numberDisplay: { group: 'numberDisplay', values: ['service', 'entity'] },
};

export const BOOLEAN_FIELDS: ReadonlySet<ProvinceRuleField> = new Set([
  'localMobileRequired',
  'shellEntityCanAddServices',
]);

export function pickText(text: LocalizedText | undefined, language: string): string {
  if (!text) return '';
  return language === 'zh-CN' ? text.zh : text.en;
}

/** A rule value in words, for the table, the drawer and the edit history. */
export function formatRuleValue(
  field: ProvinceRuleField,
  value: unknown,
  t: TFunction<'admin'>,
  language: string,
): string {
  const enumInfo = ENUM_VALUES[field];
  if (enumInfo && typeof value === 'string') return t(`catalogue.values.${enumInfo.group}.${value}`);
  if (BOOLEAN_FIELDS.has(field) && typeof value === 'boolean')
    return value ? t('catalogue.values.yes') : t('catalogue.values.no');
  switch (field) {
    case 'minimumAge': {
      const age = value as { age?: number; withProofFrom?: number } | null;
      if (!age || typeof age.age !== 'number') return JSON.stringify(value);
      return age.withProofFrom === undefined
        ? t('catalogue.values.age', { age: age.age })
        : t('catalogue.values.ageWithProof', { age: age.age, from: age.withProofFrom });
    }
    case 'maxSitesPerOrder':
      return value === null ? t('catalogue.values.noLimit') : String(value);
    case 'providerReviewDays':
    case 'authorityReviewDays': {
      const days = value as { typical?: number; max?: number } | null;
      if (!days || typeof days.typical !== 'number') return JSON.stringify(value);
      return t('catalogue.values.days', { typical: days.typical, max: days.max });
    }
    case 'extraDocuments':
      return Array.isArray(value) && value.length > 0 ? value.join(', ') : t('catalogue.values.none');
    case 'specialItems':
      return Array.isArray(value) && value.length > 0
        ? value
            .map((item) => pickText((item as { text?: LocalizedText }).text, language))
            .filter(Boolean)
            .join(' · ')
        : t('catalogue.values.none');
    default:
      return JSON.stringify(value);
  }
}

/** The field's current value (a sourced field's `value`, a list field itself). */
export function currentValue(rules: ProvinceRules, field: ProvinceRuleField): unknown {
  const entry = rules[field] as unknown;
  if (LIST_FIELDS.has(field)) return entry;
  return (entry as { value: unknown }).value;
}

export function currentSources(rules: ProvinceRules, field: ProvinceRuleField): string[] {
  if (field === 'extraDocuments') return [];
  if (field === 'specialItems') return [...new Set(rules.specialItems.flatMap((item) => item.sources))];
  return (rules[field] as { sources: string[] }).sources;
}

export function currentNote(rules: ProvinceRules, field: ProvinceRuleField): LocalizedText | undefined {
  if (LIST_FIELDS.has(field)) return undefined;
  return (rules[field] as { note?: LocalizedText }).note;
}
