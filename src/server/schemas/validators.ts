import { z } from 'zod';
import { buildValidationSchema } from './common.ts';

/** Wire forms of the validators' parsed parts (src/domain/validate); a type test keeps them in step. */

const regionNameSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const regionPartsSchema = z
  .object({
    code: z.string(),
    level: z.enum(['national', 'province', 'city', 'county', 'unknown']),
    province: regionNameSchema.optional(),
    outsideFiling: regionNameSchema.optional().describe('Hong Kong, Macao or Taiwan (residence permits).'),
    city: regionNameSchema.optional(),
    county: regionNameSchema.optional(),
  })
  .meta({ id: 'RegionParts', description: 'A six-digit GB/T 2260 code resolved to its region.' });

export const residentIdPartsSchema = z.object({
  kind: z.enum(['resident_id', 'hmt_residence_permit']),
  length: z.literal([18, 15]),
  regionCode: z.string(),
  region: regionPartsSchema,
  birthDate: z.string().optional().describe('YYYY-MM-DD; absent when the digits are not a real date.'),
  age: z.number().optional().describe('Completed years at the reference day.'),
  sex: z.enum(['male', 'female']),
  sequence: z.string(),
  checkDigit: z.string().optional(),
});

const codeNameSchema = z.object({
  code: z.string(),
  nameEn: z.string().optional(),
  nameZh: z.string().optional(),
});

export const usccPartsSchema = z.object({
  registeringAuthority: codeNameSchema,
  organisationClass: codeNameSchema,
  suggestedNature: z.string().optional().describe('Entity nature id matching characters 1–2.'),
  regionCode: z.string(),
  region: regionPartsSchema,
  organisationCode: z.string(),
  checkChar: z.string(),
});

const domainFormsSchema = z.object({ ascii: z.string(), unicode: z.string() });

export const domainPartsSchema = z.object({
  inputHost: z.string(),
  ascii: z.string(),
  unicode: z.string(),
  registrableDomain: domainFormsSchema.describe('What is filed: only the registrable domain.'),
  publicSuffix: domainFormsSchema,
  subdomain: domainFormsSchema.optional(),
  isIdn: z.boolean(),
  isFileable: z.boolean().describe('Whether the TLD is on MIIT’s list of fileable TLDs.'),
});

export const siteNamePartsSchema = z.object({
  length: z.number().describe('Length in Chinese-character equivalents.'),
  countedCharacters: z.array(z.string()),
});

export const mobilePartsSchema = z.object({ national: z.string(), e164: z.string() });

export const landlinePartsSchema = z.object({
  areaCode: z.string(),
  number: z.string(),
  extension: z.string().optional(),
  e164: z.string(),
});

export const emailPartsSchema = z.object({
  local: z.string(),
  domain: z.string(),
  domainUnicode: z.string(),
});

export const passportPartsSchema = z.object({ number: z.string(), issuer: z.literal('cn').optional() });

export const hkMacaoPermitPartsSchema = z.object({
  number: z.string(),
  region: z.enum(['hong_kong', 'macao']),
  format: z.enum(['current', 'legacy']),
});

export const taiwanPermitPartsSchema = z.object({
  number: z.string(),
  format: z.enum(['current', 'legacy']),
});

export const foreignPermanentResidencePartsSchema = z.object({
  number: z.string(),
  format: z.enum(['legacy_15', 'current_18']),
  nationality: z.string(),
  provinceCode: z.string().optional(),
  provinceNameEn: z.string().optional(),
  provinceNameZh: z.string().optional(),
  birthDate: z.string().optional(),
  sex: z.enum(['male', 'female']).optional(),
});

export const residentIdValidationSchema = buildValidationSchema(
  residentIdPartsSchema,
  'ResidentIdValidation',
  'Resident identity number (GB 11643) or Hong Kong, Macao and Taiwan residence permit.',
);
export const usccValidationSchema = buildValidationSchema(
  usccPartsSchema,
  'UsccValidation',
  'Unified social credit code (GB 32100).',
);
export const domainValidationSchema = buildValidationSchema(
  domainPartsSchema,
  'DomainValidation',
  'Domain name: registrable domain, IDN forms and whether it can be filed.',
);
export const siteNameValidationSchema = buildValidationSchema(
  siteNamePartsSchema,
  'SiteNameValidation',
  'Website name against the national and provincial naming rules.',
);
export const mobileValidationSchema = buildValidationSchema(
  mobilePartsSchema,
  'MobileValidation',
  'Mainland mobile number.',
);
export const landlineValidationSchema = buildValidationSchema(
  landlinePartsSchema,
  'LandlineValidation',
  'Mainland landline with area code.',
);
export const emailValidationSchema = buildValidationSchema(
  emailPartsSchema,
  'EmailValidation',
  'E-mail address.',
);
export const passportValidationSchema = buildValidationSchema(
  passportPartsSchema,
  'PassportValidation',
  'Passport number (format only).',
);
export const hkMacaoPermitValidationSchema = buildValidationSchema(
  hkMacaoPermitPartsSchema,
  'HkMacaoPermitValidation',
  'Mainland travel permit for Hong Kong and Macao residents.',
);
export const taiwanPermitValidationSchema = buildValidationSchema(
  taiwanPermitPartsSchema,
  'TaiwanPermitValidation',
  'Mainland travel permit for Taiwan residents.',
);
export const foreignPermanentResidenceValidationSchema = buildValidationSchema(
  foreignPermanentResidencePartsSchema,
  'ForeignPermanentResidenceValidation',
  'Foreign permanent residence ID card.',
);
