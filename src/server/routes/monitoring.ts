import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../app/errors.ts';
import { addMonitoredSite } from '../../app/monitoring/add-monitored-site.ts';
import { checkMonitoredSite } from '../../app/monitoring/check-monitored-site.ts';
import { deleteMonitoredSite } from '../../app/monitoring/delete-monitored-site.ts';
import { getMonitoredSite } from '../../app/monitoring/get-monitored-site.ts';
import { listMonitoredSites } from '../../app/monitoring/list-monitored-sites.ts';
import { listShellEntities } from '../../app/monitoring/list-shell-entities.ts';
import type { MonitorDeps } from '../../app/monitoring/monitor-deps.ts';
import type {
  MonitoredSiteRecord,
  SiteCheckRecord,
  SiteSettings,
} from '../../app/monitoring/monitor-store.ts';
import { updateMonitoredSite } from '../../app/monitoring/update-monitored-site.ts';
import { getRateLimitConfig, type RouteDeps } from '../deps.ts';
import { requireActor, signedIn, signedInSecurity } from '../plugins/auth.ts';
import { errorResponseSchema, inputErrorResponses } from '../schemas/common.ts';
import {
  monitoredSiteSchema,
  shellEntityPageSchema,
  siteCheckSchema,
  siteDetailsSchema,
  siteSettingsBodySchema,
} from '../schemas/monitoring.ts';

/** @throws DomainError service_unavailable (503) for an app built without the monitor. */
function getMonitorDeps(deps: RouteDeps): MonitorDeps {
  if (!deps.monitoring) {
    throw new DomainError('service_unavailable', {
      en: 'Site monitoring is not available on this server.',
      zh: '本服务器未启用网站监测。',
    });
  }
  return deps.monitoring;
}

export function presentSite(site: MonitoredSiteRecord) {
  const { notifiedVerdict: _notified, nextCheckAt, lastCheckedAt, createdAt, updatedAt, ...rest } = site;
  return {
    ...rest,
    nextCheckAt: nextCheckAt.toISOString(),
    ...(lastCheckedAt ? { lastCheckedAt: lastCheckedAt.toISOString() } : {}),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

function presentCheck(check: SiteCheckRecord) {
  return {
    id: check.id,
    checkedAt: check.checkedAt.toISOString(),
    trigger: check.trigger,
    verdict: check.verdict,
    result: check.result,
  };
}

/** The body as the use cases take it: absent optional fields stay absent. */
function toSettings(body: z.output<typeof siteSettingsBodySchema>): SiteSettings {
  const settings: SiteSettings = {
    url: body.url,
    isPsbRequired: body.isPsbRequired,
    intervalHours: body.intervalHours,
    isPaused: body.isPaused,
  };
  for (const key of [
    'label',
    'filedDomain',
    'expectedNumber',
    'psbNumber',
    'licenceNumber',
    'goLiveOn',
    'domainExpiresOn',
    'instanceId',
    'instanceExpiresOn',
  ] as const) {
    const value = body[key];
    if (value !== undefined) settings[key] = value;
  }
  return settings;
}

const OWNER_ONLY = 'A site is visible to its owner and to platform administrators; anyone else gets 404.';
const responses = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
  503: errorResponseSchema,
};

/**
 * The compliance monitor (signed-in users): sites whose footers are checked on a schedule, with their
 * history, the PSB filing and expiry duties, and notifications when a verdict changes.
 */
export function registerMonitoringRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['monitoring'];
  const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

  routes.get(
    '/api/monitor/sites',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'List monitored sites',
        description:
          'The caller’s sites, newest first, with the last verdict and the next check; platform administrators may ask for everybody’s with `all=true`.',
        querystring: z.object({ all: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(monitoredSiteSchema) }), ...responses },
      },
    },
    async (request) => {
      const items = await listMonitoredSites(getMonitorDeps(deps), {
        actor: requireActor(request),
        all: request.query.all === 'true',
      });
      return { items: items.map(presentSite) };
    },
  );

  routes.post(
    '/api/monitor/sites',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Monitor a site',
        description:
          'Starts watching a site: its footer is checked at once and then every `intervalHours` (with the live footer check’s guard), each check kept in its history; the owner is told in the inbox and by mail when the verdict changes (a site that cannot be fetched only after two failures in a row). With `goLiveOn`, `domainExpiresOn` or `instanceExpiresOn` the owner is also reminded of the PSB filing within 30 days of going live and of the expiries. 409 conflict beyond 200 sites.',
        body: siteSettingsBodySchema,
        response: { 201: monitoredSiteSchema, ...responses, ...inputErrorResponses },
      },
    },
    async (request, reply) => {
      const site = await addMonitoredSite(getMonitorDeps(deps), {
        actor: requireActor(request),
        settings: toSettings(request.body),
      });
      return reply.code(201).send(presentSite(site));
    },
  );

  routes.get(
    '/api/monitor/sites/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'A monitored site with its history and duties',
        description: `The site, its latest 30 checks (newest first) and the states of its duties today: the PSB filing (due 30 days after going live), the domain and the server subscription. ${OWNER_ONLY}`,
        params: idParams,
        response: { 200: siteDetailsSchema, ...responses },
      },
    },
    async (request) => {
      const details = await getMonitoredSite(getMonitorDeps(deps), {
        actor: requireActor(request),
        id: request.params.id,
      });
      return {
        site: presentSite(details.site),
        checks: details.checks.map(presentCheck),
        obligations: details.obligations,
      };
    },
  );

  routes.put(
    '/api/monitor/sites/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Change a monitored site',
        description: `Replaces the site’s settings; a changed address or expected number (or resuming a paused site) makes the next check due at once. ${OWNER_ONLY}`,
        params: idParams,
        body: siteSettingsBodySchema,
        response: { 200: monitoredSiteSchema, ...responses, ...inputErrorResponses },
      },
    },
    async (request) => {
      const site = await updateMonitoredSite(getMonitorDeps(deps), {
        actor: requireActor(request),
        id: request.params.id,
        settings: toSettings(request.body),
      });
      return presentSite(site);
    },
  );

  routes.delete(
    '/api/monitor/sites/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Stop monitoring a site',
        description: `Deletes the site with its history. ${OWNER_ONLY}`,
        params: idParams,
        response: { 204: z.null().describe('Deleted.'), ...responses },
      },
    },
    async (request, reply) => {
      await deleteMonitoredSite(getMonitorDeps(deps), {
        actor: requireActor(request),
        id: request.params.id,
      });
      return reply.code(204).send(null);
    },
  );

  routes.post(
    '/api/monitor/sites/:id/checks',
    {
      preValidation: signedIn,
      config: { rateLimit: getRateLimitConfig(deps, 'liveCheck') },
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Check a monitored site now',
        description: `Runs the footer check now and keeps it in the history like a scheduled one (a verdict change notifies as usual). ${OWNER_ONLY}`,
        params: idParams,
        response: { 201: siteCheckSchema, ...responses, 429: errorResponseSchema },
      },
    },
    async (request, reply) => {
      const check = await checkMonitoredSite(getMonitorDeps(deps), {
        actor: requireActor(request),
        id: request.params.id,
      });
      return reply.code(201).send(presentCheck(check));
    },
  );

  routes.get(
    '/api/compliance/shell-entities',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Shell entities (platform administrators and authority reviewers)',
        description:
          'Entities filed through the platform with no service left, or none that any provider still gives access (空壳主体): the authority may delete them. Platform administrators see every province (or `province`); a sandbox authority’s reviewers see their own. Scans up to `limit` entities by number per call; `next` continues. Anybody else gets 404.',
        querystring: z.object({
          province: z
            .string()
            .regex(/^\d{2}$/, 'a two-digit province code')
            .optional(),
          after: z.string().max(60).optional(),
          limit: z.coerce.number().int().min(1).max(2000).default(500),
        }),
        response: { 200: shellEntityPageSchema, ...responses },
      },
    },
    async (request) => {
      const { province, after, limit } = request.query;
      return listShellEntities(getMonitorDeps(deps), {
        actor: requireActor(request),
        ...(province === undefined ? {} : { provinceCode: province }),
        ...(after === undefined ? {} : { after }),
        scanLimit: limit,
      });
    },
  );
}
