import { z } from 'zod';
import {
  certificateTypeSchema,
  documentKindSchema,
  entityNatureSchema,
  orderTypeSchema,
  preApprovalSchema,
  provinceRulesSchema,
  provinceSchema,
  sourceSchema,
  tldCatalogueSchema,
} from '../../domain/catalogue/schema.ts';

/**
 * The catalogue's own schemas (src/domain/catalogue/schema.ts) are the wire schemas: the data was
 * validated by them when loaded. `.meta` registers copies under component names for OpenAPI.
 */

export const provinceResponseSchema = provinceSchema.meta({
  id: 'Province',
  description: 'A provincial-level division and its communications administration.',
});
export const provinceRulesResponseSchema = provinceRulesSchema.meta({
  id: 'ProvinceRules',
  description: 'The province’s filing rules, each with its sources and what other sources say.',
});
export const entityNatureResponseSchema = entityNatureSchema.meta({ id: 'EntityNature' });
export const certificateTypeResponseSchema = certificateTypeSchema.meta({ id: 'CertificateType' });
export const preApprovalResponseSchema = preApprovalSchema.meta({ id: 'PreApproval' });
export const tldCatalogueResponseSchema = tldCatalogueSchema.meta({ id: 'TldCatalogue' });
export const orderTypeResponseSchema = orderTypeSchema.meta({ id: 'OrderType' });
export const sourceResponseSchema = sourceSchema.meta({
  id: 'Source',
  description: 'A law, provider page or article a rule rests on.',
});
export const documentKindResponseSchema = documentKindSchema.meta({ id: 'DocumentKind' });

export function buildListSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item) });
}

export const provinceDetailsSchema = z.object({
  province: provinceResponseSchema,
  rules: provinceRulesResponseSchema,
});
