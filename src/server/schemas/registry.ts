import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../../app/registry/registry-search-text.ts';
import { parseFilingNumber, SERVICE_TYPES } from '../../domain/numbers/filing-number.ts';
import { issue } from '../../domain/shared/issue.ts';
import type { DomainIssueParams } from './common.ts';

/**
 * Wire forms of the public registry. They carry exactly what MIIT's own lookup shows (reference
 * §4.3): unit name, nature, entity number, service number and type, service name, domains, approval
 * date and the access-restricted flag — never a leader, certificate, address or contact. The
 * response serialiser drops any other key, so a field added to the store cannot leak by accident.
 */

export const registryNatureSchema = z
  .object({
    id: z
      .string()
      .describe('Catalogue entity-nature id (GET /api/catalogue/natures): enterprise, individual, …'),
    nameEn: z.string(),
    nameZh: z.string().describe('As MIIT shows it (主办单位性质): 企业, 个人, …'),
  })
  .meta({ id: 'RegistryNature', description: 'The nature of the filing entity (主办单位性质).' });

export const registryEntitySchema = z
  .object({
    entityNumber: z.string().describe('主体备案号, canonical: 京ICP备2021034286号.'),
    unitName: z
      .string()
      .describe('主办单位名称. For an individual filing MIIT shows the person’s name here, and so do we.'),
    nature: registryNatureSchema,
    approvedOn: z.string().describe('YYYY-MM-DD of the entity’s latest approval.'),
  })
  .meta({ id: 'RegistryEntity', description: 'A filed entity (主体) as the public lookup shows it.' });

export const registryDomainSchema = z
  .object({
    ascii: z.string().describe('Lower-case punycode: xn--fiqs8s.cn.'),
    unicode: z.string().describe('As people read it: 中国.cn.'),
  })
  .meta({ id: 'RegistryDomain' });

export const registryServiceSchema = z
  .object({
    serviceNumber: z
      .string()
      .describe('服务备案号, canonical: 京ICP备2021034286号-1 (-2A app, -3X mini-program, -4K quick app).'),
    serviceType: z.enum(SERVICE_TYPES),
    serviceName: z.string().describe('网站名称 / App / mini-program name.'),
    domains: z
      .array(registryDomainSchema)
      .describe('A website has one domain; apps list the domains they use.'),
    approvedOn: z.string().describe('审核日期: YYYY-MM-DD of the service’s latest approval.'),
    isAccessLimited: z.boolean().describe('是否限制接入: true when MIIT restricts access to the service.'),
  })
  .meta({ id: 'RegistryService', description: 'A filed service (网站, App, 小程序, 快应用).' });

export const registryRecordSchema = z
  .object({ entity: registryEntitySchema, service: registryServiceSchema })
  .meta({ id: 'RegistryRecord', description: 'One row of the public lookup: a service with its entity.' });

export const registrySearchResultSchema = z
  .object({
    kind: z
      .enum(['number', 'domain', 'name'])
      .describe(
        'How the query was read: a filing number (an entity number lists every service of the entity), a domain or URL, or a substring of the unit or service name.',
      ),
    items: z.array(registryRecordSchema),
    nextCursor: z
      .string()
      .optional()
      .describe('Pass as `cursor` with the same `q` for the next page; absent on the last page.'),
  })
  .meta({ id: 'RegistrySearchResult' });

export const registryDomainLookupSchema = z
  .object({
    domain: registryDomainSchema.describe(
      'The domain asked, normalised (a pasted URL is reduced to its host).',
    ),
    matchedDomain: registryDomainSchema.describe('The filed domain that answered.'),
    coverage: z
      .enum(['exact', 'parent'])
      .describe('`parent`: the domain asked is a subdomain of the filed domain, which the filing covers.'),
    record: registryRecordSchema,
  })
  .meta({ id: 'RegistryDomainLookup' });

export const registryEntrySchema = z
  .object({
    entity: registryEntitySchema,
    services: z
      .array(registryServiceSchema)
      .describe('Every service of the entity for an entity number; the one service for a service number.'),
  })
  .meta({ id: 'RegistryEntry', description: 'A filed entity with its services.' });

export const registrySearchQuerySchema = z.object({
  q: z
    .string()
    .max(200)
    .describe(
      'A filing number (京ICP备2021034286号, 京ICP备05012345号, …号-1), a domain or URL, or at least 2 characters of a unit or service name (Chinese included).',
    ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .optional()
    .describe(`Records per page of a name search, 1–${MAX_PAGE_SIZE}; 20 by default.`),
  cursor: z.string().max(100).optional().describe('The `nextCursor` of the previous page.'),
});

/**
 * An ICP filing number as people paste it (full-width, spaces, lower case, no 号), answered in its
 * canonical form: the service number when it has a suffix, else the entity number. A number that
 * does not parse fails validation with the codec's issue (code and both languages).
 */
export function buildFilingNumberInput(description: string) {
  return z
    .string()
    .max(60)
    .transform((value, context) => {
      const parsed = parseFilingNumber(value);
      if (!parsed.valid || !parsed.value) {
        const first =
          parsed.errors[0] ?? issue('not_a_filing_number', 'Not an ICP filing number.', '不是 ICP 备案号。');
        const params: DomainIssueParams = { domainIssue: { code: first.code, message: first.message } };
        context.addIssue({ code: 'custom', message: first.message.en, params });
        return z.NEVER;
      }
      return parsed.value.service?.number ?? parsed.value.entityNumber;
    })
    .describe(description);
}
