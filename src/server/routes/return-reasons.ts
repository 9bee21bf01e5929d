import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultReturnReasons } from '../../domain/catalogue/return-reasons.ts';
import { getRateLimitConfig, type RouteDeps } from '../deps.ts';
import { plainErrorResponses } from '../schemas/common.ts';

const returnReasonTemplateSchema = z
  .object({
    id: z.string().describe('Pass as templateId in a return; also the reason code by default.'),
    fieldPaths: z
      .array(z.string())
      .describe(
        'The fields the reason may be put on, with [] for an index (services[].name); a reason on a field under one of them fits too. Empty: about the whole order.',
      ),
    text: z.object({ en: z.string(), zh: z.string() }).describe('The ready-made text in both languages.'),
    sources: z.array(z.string()).describe('Source ids (GET /api/catalogue/sources).'),
  })
  .meta({ id: 'ReturnReasonTemplate', description: 'A common reason providers return filings for.' });

export function registerReturnReasonRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/catalogue/return-reasons',
    {
      config: { rateLimit: getRateLimitConfig(deps, 'publicApi') },
      schema: {
        tags: ['catalogue'],
        summary: 'List return-reason templates',
        description:
          'Common reasons providers send filings back for (website name, ID images, address, domain holder, backdrop photo, pre-approvals, unreachable phones …), each with its fields and text in English and Chinese. A reviewer returning an order may give `templateId` per reason instead of writing the text.',
        response: {
          200: z.object({ items: z.array(returnReasonTemplateSchema) }).meta({ id: 'ReturnReasonTemplates' }),
          ...plainErrorResponses,
        },
      },
    },
    async () => ({ items: [...defaultReturnReasons.templates] }),
  );
}
