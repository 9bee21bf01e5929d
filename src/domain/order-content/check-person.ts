import { isIsoDate } from '../calendar/china-date.ts';
import type { CertificateType } from '../catalogue/schema.ts';
import { issue } from '../shared/issue.ts';
import { normalizeCompact, normalizeText } from '../shared/normalize.ts';
import { validateEmail } from '../validate/email.ts';
import { validateLandline, validateMobile } from '../validate/phone.ts';
import { formatFieldPath } from '../workflow/field-path.ts';
import { type CertificateFacts, checkCertificateNumber } from './check-certificate.ts';
import {
  type ContentContext,
  FORM_SOURCE,
  findCertificateType,
  readText,
  requireTexts,
} from './content-context.ts';
import type { Path } from './field-issue.ts';
import { LONG_TERM_VALIDITY, type PersonDraft } from './order-content.ts';

export type PersonRole = 'leader' | 'admin';

/** A person of the order as the rules need them: normalised contacts and what the certificate says. */
export interface PersonFacts {
  path: Path;
  role: PersonRole;
  person: PersonDraft;
  /**
   * Identifies the same person appearing twice: the certificate number, or the name when the number is
   * missing (a draft), or the path when both are.
   */
  identity: string;
  certificateType?: CertificateType;
  certificate?: CertificateFacts;
  /** `YYYY-MM-DD` or `long_term`, when well formed. */
  validUntil?: string;
  /** The 11-digit national number. */
  mobile?: string;
  /** A national mobile or a normalised landline (`010-12345678`). */
  emergencyPhone?: string;
  /** Lower-cased. */
  email?: string;
}

/** Filled in for every person of a filing (reference §4.3); cancellations only identify and reach them. */
const FILING_PERSON_FIELDS = [
  'name',
  'certificateType',
  'certificateNumber',
  'certificateValidUntil',
  'mobile',
  'emergencyPhone',
  'email',
] as const;
const CANCEL_PERSON_FIELDS = ['name', 'certificateType', 'certificateNumber', 'mobile'] as const;

function checkCertificateType(context: ContentContext, path: Path, id: string): CertificateType | undefined {
  const type = findCertificateType(context, id);
  if (!type) {
    context.issues.error(
      path,
      issue('unknown_certificate_type', `Unknown certificate type "${id}".`, `未知的证件类型“${id}”。`, {
        source: 'ref-4-certificates',
        params: { certificateType: id },
      }),
    );
    return undefined;
  }
  if (type.holder !== 'person') {
    context.issues.error(
      path,
      issue(
        'certificate_type_not_for_person',
        `A ${type.nameEn} is an organisation's certificate; choose a personal certificate such as the resident ID card.`,
        `${type.nameZh}是单位证件，请选择居民身份证等个人证件。`,
        { source: 'ref-4-certificates', params: { certificateType: id } },
      ),
    );
    return undefined;
  }
  return type;
}

function readEmergencyPhone(context: ContentContext, path: Path, input: string): string | undefined {
  const mobile = validateMobile(input);
  if (mobile.valid) return mobile.normalized;
  const landline = validateLandline(input);
  if (landline.valid) return landline.normalized;
  context.issues.error(
    path,
    issue(
      'invalid_phone',
      'Enter a mainland mobile number or a landline with its area code, e.g. 13812345678 or 010-12345678.',
      '请填写中国大陆手机号码或带区号的固定电话，例如 13812345678 或 010-12345678。',
      { source: FORM_SOURCE },
    ),
  );
  return undefined;
}

/**
 * Checks the fields of one person that are present (formats), and in submit mode that the form's
 * required fields are there. Returns what later rules compare (contacts, certificate, age).
 */
export function checkPerson(
  context: ContentContext,
  path: Path,
  person: PersonDraft,
  role: PersonRole,
): PersonFacts {
  const { issues } = context;
  const name = readText(person.name);
  const facts: PersonFacts = {
    path,
    role,
    person,
    identity: name === undefined ? `path:${formatFieldPath(path)}` : `name:${normalizeText(name)}`,
  };

  const typeId = readText(person.certificateType);
  if (typeId !== undefined)
    facts.certificateType = checkCertificateType(context, [...path, 'certificateType'], typeId);
  const number = readText(person.certificateNumber);
  if (number !== undefined) {
    facts.certificate = facts.certificateType
      ? checkCertificateNumber(context, [...path, 'certificateNumber'], facts.certificateType, number)
      : { key: normalizeCompact(number).toUpperCase() };
    facts.identity = `certificate:${facts.certificate.key}`;
  }

  const validUntil = readText(person.certificateValidUntil);
  if (validUntil !== undefined) {
    if (validUntil === LONG_TERM_VALIDITY || isIsoDate(validUntil)) {
      facts.validUntil = validUntil;
    } else {
      issues.error(
        [...path, 'certificateValidUntil'],
        issue(
          'invalid_date',
          `Enter the validity as YYYY-MM-DD (e.g. 2030-06-30), or "${LONG_TERM_VALIDITY}" for a certificate valid without end.`,
          `请按 YYYY-MM-DD 格式填写有效期（例如 2030-06-30），长期有效的证件填写“${LONG_TERM_VALIDITY}”。`,
          { source: 'ref-4-certificates', params: { input: validUntil.slice(0, 20) } },
        ),
      );
    }
  }

  const mobile = readText(person.mobile);
  if (mobile !== undefined) {
    const checked = validateMobile(mobile);
    issues.addValidation([...path, 'mobile'], checked, FORM_SOURCE);
    if (checked.valid) facts.mobile = checked.normalized;
  }
  const emergency = readText(person.emergencyPhone);
  if (emergency !== undefined) {
    facts.emergencyPhone = readEmergencyPhone(context, [...path, 'emergencyPhone'], emergency);
  }
  const office = readText(person.officePhone);
  if (office !== undefined)
    issues.addValidation([...path, 'officePhone'], validateLandline(office), FORM_SOURCE);
  const email = readText(person.email);
  if (email !== undefined) {
    const checked = validateEmail(email);
    issues.addValidation([...path, 'email'], checked, FORM_SOURCE);
    if (checked.valid) facts.email = checked.normalized.toLowerCase();
  }

  requireTexts(
    context,
    path,
    person as Record<string, unknown>,
    context.isFilingOrder ? FILING_PERSON_FIELDS : CANCEL_PERSON_FIELDS,
  );
  return facts;
}
