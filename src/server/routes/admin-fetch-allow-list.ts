import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FetchAllowHostRecord } from '../../app/admin/admin-stores.ts';
import { allowFetchHost } from '../../app/admin/allow-fetch-host.ts';
import { listFetchAllowHosts } from '../../app/admin/list-fetch-allow-hosts.ts';
import { removeFetchAllowHost } from '../../app/admin/remove-fetch-allow-host.ts';
import type { RouteDeps } from '../deps.ts';
import { requireRole, signedInSecurity, signedInWith } from '../plugins/auth.ts';
import { adminErrorResponses, getAdminDeps } from './admin-calendar.ts';

const ADMIN_ONLY = 'Callers who are not platform administrators get 404.';

const allowHostSchema = z
  .object({
    host: z.string().describe('Lower-case ASCII host name or IP address (IPv6 without brackets).'),
    note: z.string().describe('Why the host is allowed.'),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'FetchAllowHost' });

function presentAllowHost(record: FetchAllowHostRecord) {
  return {
    host: record.host,
    note: record.note,
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
  };
}

/**
 * The live footer check's allow-list (platform administrators): hosts it may fetch although they
 * resolve to private or loopback addresses. Hosts from FETCH_ALLOW_HOSTS are listed as `configured`.
 */
export function registerAdminFetchAllowListRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];
  const preValidation = signedInWith(['platform_admin']);
  const hostParams = z.object({
    host: z
      .string()
      .min(1)
      .max(253)
      .describe('Host name or IP address, e.g. staging.example.cn or 10.0.0.8.'),
  });

  routes.get(
    '/api/admin/fetch-allow-hosts',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'List the live footer check’s allow-list (platform administrators)',
        description: `Hosts the live footer check may fetch although they resolve to private or loopback addresses: the ones administrators added, and the ones the server's FETCH_ALLOW_HOSTS setting names (read-only here). ${ADMIN_ONLY}`,
        response: {
          200: z.object({ items: z.array(allowHostSchema), configured: z.array(z.string()) }),
          ...adminErrorResponses,
        },
      },
    },
    async (request) => {
      requireRole(request, ['platform_admin']);
      const items = await listFetchAllowHosts(getAdminDeps(deps));
      return { items: items.map(presentAllowHost), configured: deps.config.fetchAllowHosts };
    },
  );

  routes.put(
    '/api/admin/fetch-allow-hosts/:host',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Allow a host for the live footer check (platform administrators)',
        description: `Lets the live footer check fetch the host although it resolves to a private or loopback address; public hosts need no entry. A host already listed gets the new note. 400 validation_failed for a URL, a port or a path. Audited. ${ADMIN_ONLY}`,
        params: hostParams,
        body: z.strictObject({
          note: z
            .string()
            .trim()
            .min(1)
            .max(500)
            .describe('Why the host is allowed, for the next administrator.'),
        }),
        response: {
          200: z.object({ host: allowHostSchema, isNew: z.boolean() }),
          ...adminErrorResponses,
        },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['platform_admin']);
      const { host, isNew } = await allowFetchHost(getAdminDeps(deps), {
        actor,
        host: request.params.host,
        note: request.body.note,
      });
      return { host: presentAllowHost(host), isNew };
    },
  );

  routes.delete(
    '/api/admin/fetch-allow-hosts/:host',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Remove a host from the live footer check’s allow-list (platform administrators)',
        description: `The host is fetched again only if it resolves to public addresses; 404 when it is not listed. Audited. ${ADMIN_ONLY}`,
        params: hostParams,
        response: { 204: z.null().describe('Removed.'), ...adminErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['platform_admin']);
      await removeFetchAllowHost(getAdminDeps(deps), { actor, host: request.params.host });
      return reply.code(204).send(null);
    },
  );
}
