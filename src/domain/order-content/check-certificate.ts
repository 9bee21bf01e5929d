import { computeAge } from '../calendar/china-date.ts';
import type { CertificateType } from '../catalogue/schema.ts';
import { issue } from '../shared/issue.ts';
import { normalizeCompact } from '../shared/normalize.ts';
import {
  validateForeignPermanentResidence,
  validateHkMacaoPermit,
  validatePassport,
  validateTaiwanPermit,
} from '../validate/person-documents.ts';
import { validateResidentId } from '../validate/resident-id.ts';
import { validateUscc } from '../validate/uscc.ts';
import type { ContentContext } from './content-context.ts';
import type { Path } from './field-issue.ts';

/** Where a person's certificate says they come from, for the residency and checklist rules (reference §8). */
export type PersonOrigin = 'mainland' | 'hk_macao' | 'taiwan' | 'foreign';

/** What a certificate number tells, as far as it parsed. */
export interface CertificateFacts {
  /** Upper-case without white space: the key that identifies the same person or entity twice. */
  key: string;
  origin?: PersonOrigin;
  /** Province of the ID card's address code, or of a USCC's registering area. */
  provinceCode?: string;
  /** A USCC registered by a national authority (area 100000) belongs to no province. */
  isNationalRegistration?: boolean;
  birthDate?: string;
  /** Completed years at the context's `today`. */
  age?: number;
  /** The nature a USCC's first two characters suggest. */
  suggestedNature?: string;
}

const CERTIFICATE_SOURCE = 'ref-4-certificates';

const ORIGIN_BY_REGION: Readonly<Record<string, PersonOrigin>> = {
  '81': 'hk_macao',
  '82': 'hk_macao',
  '83': 'taiwan',
};

function typeMismatch(context: ContentContext, path: Path, expected: string): void {
  const type = context.catalogue.certificateTypes.find((t) => t.id === expected);
  context.issues.error(
    path,
    issue(
      'certificate_type_mismatch',
      `This number belongs to a ${type?.nameEn ?? expected}; choose that certificate type.`,
      `该号码属于${type?.nameZh ?? expected}，请选择相应的证件类型。`,
      { source: CERTIFICATE_SOURCE, params: { expectedType: expected } },
    ),
  );
}

function withAge(context: ContentContext, facts: CertificateFacts): CertificateFacts {
  if (facts.birthDate !== undefined && facts.birthDate <= context.today) {
    facts.age = computeAge(facts.birthDate, context.today);
  }
  return facts;
}

/**
 * Checks a certificate number against the format of its type (GB 11643 for ID cards and residence
 * permits, GB 32100 for USCCs, the printed formats of passports and permits) and reads what it encodes.
 */
export function checkCertificateNumber(
  context: ContentContext,
  path: Path,
  type: CertificateType,
  input: string,
): CertificateFacts {
  const { catalogue, issues } = context;
  const facts: CertificateFacts = { key: normalizeCompact(input).toUpperCase() };
  switch (type.format) {
    case 'uscc': {
      const checked = validateUscc(input, { catalogue });
      issues.addValidation(path, checked, 'gb-32100');
      if (checked.value) {
        facts.provinceCode = checked.value.region.province?.code;
        facts.isNationalRegistration = checked.value.region.level === 'national';
        facts.suggestedNature = checked.value.suggestedNature;
      }
      return facts;
    }
    case 'resident_id':
    case 'residence_permit_hmt': {
      const checked = validateResidentId(input, { catalogue, at: context.today });
      issues.addValidation(path, checked, 'gb-11643');
      const parts = checked.value;
      if (!parts) return facts;
      if (type.format === 'resident_id' && parts.kind === 'hmt_residence_permit') {
        typeMismatch(context, path, 'hmt_residence_permit');
      } else if (type.format === 'residence_permit_hmt' && parts.kind === 'resident_id') {
        typeMismatch(context, path, 'resident_id');
      }
      facts.origin = ORIGIN_BY_REGION[parts.regionCode.slice(0, 2)] ?? 'mainland';
      facts.provinceCode = parts.region.province?.code;
      facts.birthDate = parts.birthDate;
      return withAge(context, facts);
    }
    case 'passport':
      issues.addValidation(path, validatePassport(input), CERTIFICATE_SOURCE);
      facts.origin = 'foreign';
      return facts;
    case 'hk_macao_permit':
      issues.addValidation(path, validateHkMacaoPermit(input), CERTIFICATE_SOURCE);
      facts.origin = 'hk_macao';
      return facts;
    case 'taiwan_permit':
      issues.addValidation(path, validateTaiwanPermit(input), CERTIFICATE_SOURCE);
      facts.origin = 'taiwan';
      return facts;
    case 'foreign_permanent_residence': {
      const checked = validateForeignPermanentResidence(input, { catalogue });
      issues.addValidation(path, checked, CERTIFICATE_SOURCE);
      facts.origin = 'foreign';
      facts.birthDate = checked.value?.birthDate;
      return withAge(context, facts);
    }
    case 'free_text':
      // Officer cards, household registers and legacy organisation certificates have no published format.
      if (type.holder === 'person') facts.origin = 'mainland';
      return facts;
  }
}
