import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../app/errors.ts';
import { lookupDomain } from '../../app/registry/lookup-domain.ts';
import type { RegistryInputProblem } from '../../app/registry/registry-search-text.ts';
import type {
  RegistryEntity,
  RegistryRecord,
  RegistryService,
  RegistryStore,
} from '../../app/registry/registry-store.ts';
import { searchRegistry } from '../../app/registry/search-registry.ts';
import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import { getRateLimitConfig, type RouteDeps } from '../deps.ts';
import { defaultMessages, pickLanguage } from '../errors.ts';
import { errorResponseSchema, type FieldError, inputErrorResponses } from '../schemas/common.ts';
import {
  buildFilingNumberInput,
  registryDomainLookupSchema,
  registryEntrySchema,
  registrySearchQuerySchema,
  registrySearchResultSchema,
} from '../schemas/registry.ts';

/** The request parameter each use-case input arrives in. */
const WIRE_NAMES: Readonly<Record<RegistryInputProblem['field'], string>> = {
  query: 'q',
  limit: 'limit',
  cursor: 'cursor',
  domain: 'domain',
};

/** A use case's input problem as the 400 the schema would give: one field error on that parameter. */
function toValidationError(
  request: FastifyRequest,
  problem: RegistryInputProblem,
  location: FieldError['in'],
  path = WIRE_NAMES[problem.field],
): DomainError {
  const language = pickLanguage(request.headers['accept-language']);
  const fieldError: FieldError = {
    in: location,
    path,
    code: problem.issue.code,
    message: problem.issue.message[language],
  };
  return new DomainError('validation_failed', defaultMessages.validation_failed, [fieldError]);
}

function notFound(): DomainError {
  return new DomainError('registry_record_not_found', defaultMessages.registry_record_not_found);
}

/**
 * The registry of an app built with a database.
 * @throws DomainError service_unavailable (503) for an app built without one (tests of other slices).
 */
function getRegistry(deps: { registry?: RegistryStore | undefined }): RegistryStore {
  if (!deps.registry) {
    throw new DomainError('service_unavailable', {
      en: 'The registry is not available on this server.',
      zh: '本服务器未启用备案信息查询。',
    });
  }
  return deps.registry;
}

/** Field by field, so that nothing the store may gain later reaches the public. */
function presentEntity(catalogue: Catalogue, entity: RegistryEntity) {
  const nature = catalogue.index.natureById.get(entity.nature);
  return {
    entityNumber: entity.entityNumber,
    unitName: entity.unitName,
    nature: {
      id: entity.nature,
      nameEn: nature?.nameEn ?? entity.nature,
      nameZh: nature?.nameZh ?? entity.nature,
    },
    approvedOn: entity.approvedOn,
  };
}

function presentService(service: RegistryService) {
  return {
    serviceNumber: service.serviceNumber,
    serviceType: service.serviceType,
    serviceName: service.serviceName,
    domains: service.domains.map((domain) => ({ ascii: domain.ascii, unicode: domain.unicode })),
    approvedOn: service.approvedOn,
    isAccessLimited: service.isAccessLimited,
  };
}

function presentRecord(catalogue: Catalogue, record: RegistryRecord) {
  return { entity: presentEntity(catalogue, record.entity), service: presentService(record.service) };
}

const NUMBER_EXAMPLES = '京ICP备2021034286号, 京ICP备05012345号 (before 2019), 京ICP备2021034286号-1, …号-2A';

export function registerRegistryRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = { rateLimit: getRateLimitConfig(deps, 'publicApi') };
  const tags = ['registry'];
  const lookupResponses = { 404: errorResponseSchema, ...inputErrorResponses, 503: errorResponseSchema };

  routes.get(
    '/api/registry/search',
    {
      config,
      schema: {
        tags,
        summary: 'Search the public registry',
        description:
          'One search box, as on MIIT’s lookup: a filing number (an entity number lists all its services, a service number that one), a domain or URL (the record filing it), or otherwise a substring of the unit or service name — at least 2 characters, Chinese included — paged by cursor. No match is an empty list, not an error.',
        querystring: registrySearchQuerySchema,
        response: { 200: registrySearchResultSchema, ...inputErrorResponses, 503: errorResponseSchema },
      },
    },
    async (request) => {
      const { q, limit, cursor } = request.query;
      const found = await searchRegistry(
        { registry: getRegistry(deps) },
        { query: q, ...(limit === undefined ? {} : { limit }), ...(cursor === undefined ? {} : { cursor }) },
      );
      if (!found.ok) throw toValidationError(request, found.error, 'querystring');
      const { kind, records, nextCursor } = found.value;
      return {
        kind,
        items: records.map((record) => presentRecord(deps.catalogue, record)),
        ...(nextCursor === undefined ? {} : { nextCursor }),
      };
    },
  );

  routes.get(
    '/api/registry/domains/:domain',
    {
      config,
      schema: {
        tags,
        summary: 'Look up the filing of a domain',
        description:
          'Whether a domain is filed, and by whom. A pasted URL is reduced to its host; a subdomain is answered by the filing of its registrable domain (`coverage: "parent"`), which covers it. 404 registry_record_not_found when nothing files it.',
        params: z.object({
          domain: z
            .string()
            .max(300)
            .describe('A domain (example.cn, 中国.cn, xn--fiqs8s.cn) or a URL-encoded URL.'),
        }),
        response: { 200: registryDomainLookupSchema, ...lookupResponses },
      },
    },
    async (request) => {
      const found = await lookupDomain({ registry: getRegistry(deps) }, { domain: request.params.domain });
      if (!found.ok) throw toValidationError(request, found.error, 'params');
      if (!found.value.found) throw notFound();
      const { domain, matchedDomain, coverage, record } = found.value;
      return { domain, matchedDomain, coverage, record: presentRecord(deps.catalogue, record) };
    },
  );

  routes.get(
    '/api/registry/numbers/:number',
    {
      config,
      schema: {
        tags,
        summary: 'Look up an entity or service number',
        description: `An entity number answers the entity with every service it holds; a service number the entity with that one service. Full-width characters, spaces and a missing 号 are tolerated (${NUMBER_EXAMPLES}). 404 registry_record_not_found when the number is not filed.`,
        params: z.object({ number: buildFilingNumberInput('An ICP filing number, URL-encoded.') }),
        response: { 200: registryEntrySchema, ...lookupResponses },
      },
    },
    async (request) => {
      const found = await searchRegistry({ registry: getRegistry(deps) }, { query: request.params.number });
      if (!found.ok) throw toValidationError(request, found.error, 'params', 'number');
      const [first] = found.value.records;
      if (found.value.kind !== 'number' || !first) throw notFound();
      return {
        entity: presentEntity(deps.catalogue, first.entity),
        services: found.value.records.map((record) => presentService(record.service)),
      };
    },
  );
}
