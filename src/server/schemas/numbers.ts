import { z } from 'zod';
import { buildValidationSchema } from './common.ts';

/** Wire forms of the number codecs' results (src/domain/numbers); a type test keeps them in step. */

const provinceRefSchema = z
  .object({ code: z.string(), nameEn: z.string(), nameZh: z.string() })
  .meta({ id: 'ProvinceRef', description: 'A province as shown to users.' });

const regionNameSchema = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });

export const filingNumberSchema = z.object({
  kind: z.literal('icp_filing'),
  province: provinceRefSchema,
  abbreviation: z.string(),
  isLegacyAbbreviation: z.boolean(),
  year: z.number().describe('Year of first approval of the entity.'),
  yearDigits: z.literal([2, 4]),
  serial: z.string(),
  entityNumber: z.string().describe('Canonical entity number, e.g. 京ICP备2021034286号.'),
  service: z
    .object({
      index: z.number(),
      type: z.enum(['website', 'app', 'mini_program', 'quick_app']),
      suffix: z.string().describe('As printed after the hyphen: "1", "2A".'),
      number: z.string().describe('Canonical service number, e.g. 京ICP备2021034286号-1.'),
    })
    .optional(),
});

export const icpLicenceNumberSchema = z.object({
  kind: z.literal('icp_licence'),
  province: provinceRefSchema,
  abbreviation: z.string(),
  year: z.number(),
  serial: z.string(),
  suffix: z.number().optional(),
  canonical: z.string(),
});

export const telecomLicenceNumberSchema = z.object({
  kind: z.literal('telecom_licence'),
  category: z.string(),
  categories: z.array(z.enum(['A1', 'A2', 'B1', 'B2'])),
  scope: z.enum(['provincial', 'cross_regional']),
  province: provinceRefSchema.optional(),
  abbreviation: z.string().optional(),
  year: z.number(),
  serial: z.string(),
  suffix: z.number().optional(),
  canonical: z.string(),
});

export const psbNumberSchema = z.object({
  kind: z.literal('psb_filing'),
  province: provinceRefSchema,
  abbreviation: z.string(),
  countyCode: z.string(),
  county: regionNameSchema.optional(),
  city: regionNameSchema.optional(),
  serial: z.string(),
  isLegacyLength: z.boolean(),
  canonical: z.string(),
});

export const anyNumberSchema = z.discriminatedUnion('kind', [
  filingNumberSchema,
  icpLicenceNumberSchema,
  telecomLicenceNumberSchema,
  psbNumberSchema,
]);

export const numberValidationSchema = buildValidationSchema(
  anyNumberSchema,
  'NumberValidation',
  'An ICP filing, ICP licence, value-added telecom licence or PSB filing number, detected by its marker.',
);
