import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../app/errors.ts';
import { findProvince, getProvinceRules } from '../../domain/catalogue/catalogue.ts';
import { buildChecklist, checklistFlags } from '../../domain/catalogue/checklist.ts';
import { getCatalogueInForce, getRateLimitConfig, type RouteDeps } from '../deps.ts';
import { defaultMessages } from '../errors.ts';
import {
  buildListSchema,
  certificateTypeResponseSchema,
  entityNatureResponseSchema,
  orderTypeResponseSchema,
  preApprovalResponseSchema,
  provinceDetailsSchema,
  provinceResponseSchema,
  sourceResponseSchema,
  tldCatalogueResponseSchema,
} from '../schemas/catalogue.ts';
import { errorResponseSchema, inputErrorResponses, plainErrorResponses } from '../schemas/common.ts';
import { checklistItemSchema } from '../schemas/eligibility.ts';

const PROVINCE_KEY_HINT = 'a code (44), a name (Guangdong, 广东) or an ICP abbreviation (粤)';

/** Comma-separated (flags=a,b) or repeated (flags=a&flags=b) query values, as a list. */
function splitList(value: string | string[] | undefined): string[] {
  const parts = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return parts
    .flatMap((part) => part.split(','))
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function registerCatalogueRoutes(app: FastifyInstance, deps: RouteDeps): void {
  // Schemas use the shipped catalogue (admins edit rules, TLDs and words, not provinces or natures);
  // answers use the one in force, with the admins' edits.
  const { catalogue } = deps;
  const inForce = () => getCatalogueInForce(deps);
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { rateLimit: getRateLimitConfig(deps, 'publicApi') };
  const tags = ['catalogue'];

  routes.get(
    '/api/catalogue/provinces',
    {
      config,
      schema: {
        tags,
        summary: 'List the 31 provinces',
        description:
          'Provincial-level divisions that take filings, with their communications administrations.',
        response: { 200: buildListSchema(provinceResponseSchema), ...plainErrorResponses },
      },
    },
    async () => ({ items: (await inForce()).provinces }),
  );

  routes.get(
    '/api/catalogue/provinces/:key',
    {
      config,
      schema: {
        tags,
        summary: 'One province and its filing rules',
        description: `The province by ${PROVINCE_KEY_HINT}, with every rule, its sources and what other sources say.`,
        params: z.object({ key: z.string().max(40).describe(`The province: ${PROVINCE_KEY_HINT}.`) }),
        response: { 200: provinceDetailsSchema, 404: errorResponseSchema, ...inputErrorResponses },
      },
    },
    async (request) => {
      const current = await inForce();
      const province = findProvince(current, request.params.key);
      if (!province) throw new DomainError('province_not_found', defaultMessages.province_not_found);
      return { province, rules: getProvinceRules(current, province.code) };
    },
  );

  routes.get(
    '/api/catalogue/natures',
    {
      config,
      schema: {
        tags,
        summary: 'List entity natures',
        description: 'Enterprise, individual, government … with the certificate types each accepts.',
        response: { 200: buildListSchema(entityNatureResponseSchema), ...plainErrorResponses },
      },
    },
    async () => ({ items: (await inForce()).entityNatures }),
  );

  routes.get(
    '/api/catalogue/certificate-types',
    {
      config,
      schema: {
        tags,
        summary: 'List certificate types',
        response: { 200: buildListSchema(certificateTypeResponseSchema), ...plainErrorResponses },
      },
    },
    async () => ({ items: (await inForce()).certificateTypes }),
  );

  const natureIds = catalogue.entityNatures.map((nature) => nature.id);
  const orderTypeIds = catalogue.orderTypes.map((orderType) => orderType.id);
  const documentsQuery = z.object({
    nature: z.enum(natureIds).describe('Entity nature id (GET /api/catalogue/natures).'),
    province: z
      .string()
      .max(40)
      .refine((key) => findProvince(catalogue, key) !== undefined, {
        message: `Unknown province: use ${PROVINCE_KEY_HINT}.`,
      })
      .describe(`The filing province: ${PROVINCE_KEY_HINT}.`),
    instrument: z.enum(['icp_filing', 'icp_licence', 'edi_licence']),
    orderType: z
      .enum(orderTypeIds)
      .optional()
      .describe('Order type id; omitted before an order exists, when the rules of every order type apply.'),
    flags: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform(splitList)
      .pipe(z.array(z.enum(checklistFlags)))
      .describe(`Situation flags, comma-separated or repeated: ${checklistFlags.join(', ')}.`),
  });

  routes.get(
    '/api/catalogue/documents',
    {
      config,
      schema: {
        tags,
        summary: 'Document checklist for a situation',
        description:
          'The documents an application needs: every matching checklist rule plus the province’s extra documents, in catalogue order.',
        querystring: documentsQuery,
        response: { 200: buildListSchema(checklistItemSchema), ...inputErrorResponses },
      },
    },
    async (request) => {
      const { orderType, ...query } = request.query;
      return {
        items: buildChecklist(await inForce(), orderType === undefined ? query : { ...query, orderType }),
      };
    },
  );

  routes.get(
    '/api/catalogue/pre-approvals',
    {
      config,
      schema: {
        tags,
        summary: 'List sector pre-approvals',
        description:
          'Permits some activities need before filing (news, publishing, medical …), with their status.',
        response: { 200: buildListSchema(preApprovalResponseSchema), ...plainErrorResponses },
      },
    },
    async () => ({ items: (await inForce()).preApprovals }),
  );

  routes.get(
    '/api/catalogue/tlds',
    {
      config,
      schema: {
        tags,
        summary: 'Fileable top-level domains',
        description: 'MIIT’s list of TLDs that can be filed, and notable ones that cannot.',
        response: { 200: tldCatalogueResponseSchema, ...plainErrorResponses },
      },
    },
    async () => (await inForce()).tlds,
  );

  routes.get(
    '/api/catalogue/order-types',
    {
      config,
      schema: {
        tags,
        summary: 'List order types',
        description: 'First filing, add service, add access, change and the cancellations.',
        response: { 200: buildListSchema(orderTypeResponseSchema), ...plainErrorResponses },
      },
    },
    async () => ({ items: (await inForce()).orderTypes }),
  );

  routes.get(
    '/api/catalogue/sources',
    {
      config,
      schema: {
        tags,
        summary: 'List sources',
        description:
          'Laws, provider pages and articles the rules rest on; every rule names the ids of its sources.',
        response: { 200: buildListSchema(sourceResponseSchema), ...plainErrorResponses },
      },
    },
    async () => ({ items: (await inForce()).sources }),
  );
}
