import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseAnyNumber } from '../../domain/numbers/detect-number.ts';
import { getCatalogueInForce, getRateLimitConfig, type RouteDeps } from '../deps.ts';
import { inputErrorResponses } from '../schemas/common.ts';
import { buildTextInput } from '../schemas/inputs.ts';
import { numberValidationSchema } from '../schemas/numbers.ts';

export function registerNumberRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/numbers/parse',
    {
      config: { rateLimit: getRateLimitConfig(deps, 'publicApi') },
      schema: {
        tags: ['numbers'],
        summary: 'Parse any number a site shows in its footer',
        description:
          'ICP filing (京ICP备2021034286号-1), ICP licence (京ICP证030173号), value-added telecom licence (京B2-20212732) or public-security filing (京公网安备11010802020134号): the kind is detected from its marker. Always 200 for a well-formed request; `valid` says whether the number parsed.',
        body: z.strictObject({
          value: buildTextInput('The number as copied, spaces and full-width characters tolerated.'),
        }),
        response: { 200: numberValidationSchema, ...inputErrorResponses },
      },
    },
    async (request) => parseAnyNumber(request.body.value, { catalogue: await getCatalogueInForce(deps) }),
  );
}
