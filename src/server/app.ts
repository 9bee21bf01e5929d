import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import apiReference from '@scalar/fastify-api-reference';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { type AppDeps, defaultRateLimits, type RouteDeps } from './deps.ts';
import { buildRateLimitError, registerErrorHandlers } from './errors.ts';
import { createLogger } from './logger.ts';
import { removeUnusedComponents } from './openapi-document.ts';
import { registerAuthPlugin, securitySchemes } from './plugins/auth.ts';
import { SharedRateLimitStore } from './rate-limit-store.ts';
import { registerAdminAuditRoutes } from './routes/admin-audit.ts';
import { registerAdminCalendarRoutes } from './routes/admin-calendar.ts';
import { registerAdminCatalogueRoutes } from './routes/admin-catalogue.ts';
import { registerAdminFetchAllowListRoutes } from './routes/admin-fetch-allow-list.ts';
import { registerAdminMailRoutes } from './routes/admin-mail.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { registerCalendarRoutes } from './routes/calendar.ts';
import { registerCatalogueRoutes } from './routes/catalogue.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerEligibilityRoutes } from './routes/eligibility.ts';
import { registerFooterRoutes } from './routes/footer.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { registerInboxRoutes } from './routes/inbox.ts';
import { registerLicenceRoutes } from './routes/licences.ts';
import { registerMeRoutes } from './routes/me.ts';
import { registerMonitoringRoutes } from './routes/monitoring.ts';
import { registerNumberRoutes } from './routes/numbers.ts';
import { registerOrderRoutes } from './routes/orders.ts';
import { registerOrganisationRoutes } from './routes/organisations.ts';
import { registerProviderRoutes } from './routes/providers.ts';
import { registerRegistryRoutes } from './routes/registry.ts';
import { registerReturnReasonRoutes } from './routes/return-reasons.ts';
import { registerStatsRoutes } from './routes/stats.ts';
import { registerUserRoutes } from './routes/users.ts';
import { registerValidateRoutes } from './routes/validate.ts';
import { registerWebApp } from './web-app.ts';

const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's request id is kept only if it is short and plain, so it cannot forge log lines. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function generateRequestId(request: IncomingMessage): string {
  const header = request.headers[REQUEST_ID_HEADER];
  return typeof header === 'string' && ACCEPTABLE_REQUEST_ID.test(header) ? header : randomUUID();
}

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const apiTags = [
  { name: 'health', description: 'Whether the server and its database answer.' },
  {
    name: 'catalogue',
    description: 'The rules catalogue: provinces and their rules, natures, certificates, documents, sources.',
  },
  {
    name: 'eligibility',
    description: 'Which licence a planned site needs and whether this applicant can get it.',
  },
  {
    name: 'validate',
    description: 'Validators for the fields of a filing: IDs, codes, domains, names, contacts.',
  },
  { name: 'numbers', description: 'ICP filing, ICP licence, telecom licence and PSB filing numbers.' },
  { name: 'calendar', description: 'China working days (public holidays and make-up working days).' },
  {
    name: 'registry',
    description:
      'The public registry of approved filings: search by number, domain or name, with only the fields MIIT’s own lookup shows.',
  },
  {
    name: 'auth',
    description: 'Sign-up, sign-in (session cookie), sign-out and two-factor authentication (better-auth).',
  },
  { name: 'me', description: 'The signed-in caller, their roles and organisations, and their API tokens.' },
  {
    name: 'organisations',
    description: 'Organisations, memberships and users (platform administrators); agents’ clients.',
  },
  {
    name: 'orders',
    description:
      'Filing orders from draft to approval: type detection, drafts with field errors, submission, provider review, identity and SMS verification, the authority’s decision, versions and queues.',
  },
  {
    name: 'licences',
    description:
      'ICP commercial licence (ICP证) and EDI licence applications to the authority: materials, prerequisite checks, the acceptance check and review, issued numbers, annual reports, renewal and changes.',
  },
  {
    name: 'providers',
    description: 'Providers’ instances and their single-use filing service codes.',
  },
  {
    name: 'documents',
    description:
      'Orders’ documents (scans, photos, signed forms), stored encrypted, and the prefilled verification form.',
  },
  { name: 'inbox', description: 'Your in-app notifications (sandbox SMS codes included).' },
  {
    name: 'footer',
    description:
      'Whether a page’s footer shows its filing number, link and PSB number as the rules ask; copy-ready footer HTML.',
  },
  {
    name: 'monitoring',
    description:
      'The compliance monitor: sites whose footers are checked on a schedule, their history, PSB filing and expiry reminders.',
  },
  {
    name: 'stats',
    description: 'Order statistics in your scope: counts, stage times in working days, return reasons, SLAs.',
  },
  {
    name: 'admin',
    description:
      'Platform administration: the mail outbox, working-day calendar overrides, catalogue edits and the audit log.',
  },
];

/** Scalar's page initialises itself with an inline script and loads its fonts as data or from its CDN. */
const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data: https://fonts.scalar.com",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'self'",
  "object-src 'none'",
  "base-uri 'self'",
].join('; ');

/**
 * Builds the Fastify app with its plugins and routes, without listening. Tests call it with fakes and
 * use `inject`; server.ts calls it with the real dependencies.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const routeDeps: RouteDeps = {
    ...deps,
    rateLimits: { ...defaultRateLimits, ...deps.rateLimits },
    healthTimeoutMs: deps.healthTimeoutMs ?? 3000,
  };
  const app = Fastify({
    loggerInstance: createLogger({ level: deps.config.logLevel, ...deps.logger }),
    genReqId: generateRequestId,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    // Personal data travels in bodies; the limit keeps a single request cheap (uploads get their own).
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  registerErrorHandlers(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        // Browsers would rewrite requests to https and break plain-http installations on a LAN.
        upgradeInsecureRequests: deps.config.publicUrl.startsWith('https:') ? [] : null,
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    // The plugin makes one store per registration, i.e. one per app; its routes share it.
    store: SharedRateLimitStore,
    errorResponseBuilder: (_request, context) => buildRateLimitError(Math.ceil(context.ttl / 1000)),
  });
  // Upload routes pass their own limits (routes/documents.ts); multipart bodies are not held to bodyLimit.
  await app.register(multipart);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'OpenBeian API',
        version: pkg.version,
        description:
          'ICP filing (备案) and ICP commercial licence platform. Errors have the shape `{ error: { code, message, details?, requestId } }`; see docs/api.md.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      tags: apiTags,
      components: { securitySchemes },
    },
    transform: jsonSchemaTransform,
    transformObject: (document) => removeUnusedComponents(jsonSchemaTransformObject(document)),
  });
  await app.register(apiReference, {
    routePrefix: '/api/docs',
    logLevel: 'warn',
    hooks: {
      onRequest: async (_request, reply) => {
        reply.header('content-security-policy', DOCS_CONTENT_SECURITY_POLICY);
      },
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerAuthPlugin(app, deps.accounts);
  registerHealthRoutes(app, routeDeps);
  registerCatalogueRoutes(app, routeDeps);
  registerEligibilityRoutes(app, routeDeps);
  registerValidateRoutes(app, routeDeps);
  registerNumberRoutes(app, routeDeps);
  registerCalendarRoutes(app, routeDeps);
  registerAuthRoutes(app, routeDeps);
  registerMeRoutes(app, routeDeps);
  registerOrganisationRoutes(app, routeDeps);
  registerUserRoutes(app, routeDeps);
  registerRegistryRoutes(app, routeDeps);
  registerOrderRoutes(app, routeDeps);
  registerLicenceRoutes(app, routeDeps);
  registerProviderRoutes(app, routeDeps);
  registerDocumentRoutes(app, routeDeps);
  registerInboxRoutes(app, routeDeps);
  registerAdminMailRoutes(app, routeDeps);
  registerFooterRoutes(app, routeDeps);
  registerReturnReasonRoutes(app, routeDeps);
  registerStatsRoutes(app, routeDeps);
  registerAdminCalendarRoutes(app, routeDeps);
  registerAdminCatalogueRoutes(app, routeDeps);
  registerAdminFetchAllowListRoutes(app, routeDeps);
  registerMonitoringRoutes(app, routeDeps);
  registerAdminAuditRoutes(app, routeDeps);
  if (deps.webRoot) await registerWebApp(app, deps.webRoot);

  await app.ready();
  return app;
}
