import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createInstance } from '../../app/providers/create-instance.ts';
import { findCustomer } from '../../app/providers/find-customer.ts';
import { issueServiceCode } from '../../app/providers/issue-service-code.ts';
import { listInstances } from '../../app/providers/list-instances.ts';
import { getRateLimitConfig, type RouteDeps } from '../deps.ts';
import { requireActor, signedIn, signedInSecurity } from '../plugins/auth.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import { callUseCase } from '../schemas/orders.ts';
import {
  createInstanceBodySchema,
  customerLookupQuerySchema,
  customerSchema,
  instanceIdParamsSchema,
  instanceSchema,
  issuedServiceCodeSchema,
  issueServiceCodeBodySchema,
} from '../schemas/providers.ts';
import { resolveOrderDeps } from './orders.ts';

/**
 * Providers' instances and their single-use filing service codes (reference §3.2): provider
 * administrators register instances for their customers; the customer (or the provider) issues up to
 * five codes per eligible instance, which orders then bind.
 */

const protectedErrors = { 401: errorResponseSchema, 500: errorResponseSchema, 503: errorResponseSchema };

export function registerProviderRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['providers'];

  routes.post(
    '/api/provider/instances',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Register an instance for a customer (provider administrators)',
        description:
          'Provider administrators register their provider’s instances, platform administrators any provider’s (403 for everyone else). An instance subscribed for less than three months is stored but reported ineligible, and issues no codes.',
        body: createInstanceBodySchema,
        response: {
          201: instanceSchema,
          400: errorResponseSchema,
          403: errorResponseSchema,
          ...protectedErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const orders = await resolveOrderDeps(deps);
      const { providerOrgId, ...fields } = request.body;
      const created = await callUseCase(request, () =>
        createInstance(orders, {
          actor,
          ...fields,
          ...(providerOrgId === undefined ? {} : { providerOrgId }),
        }),
      );
      return reply.status(201).send(created);
    },
  );

  routes.get(
    '/api/provider/customers',
    {
      preValidation: signedIn,
      config: { rateLimit: getRateLimitConfig(deps, 'publicApi') },
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Find a customer account by e-mail (provider administrators)',
        description:
          'The customer account (an applicant or an agent) whose sign-in address is exactly `email`, with its id for registering an instance and its name masked. No partial matches and nothing about staff accounts: an unknown address and a staff account both answer 404 `customer_not_found`. Provider and platform administrators only (403 for everyone else); rate limited.',
        querystring: customerLookupQuerySchema,
        response: {
          200: customerSchema,
          400: errorResponseSchema,
          403: errorResponseSchema,
          404: errorResponseSchema,
          429: errorResponseSchema,
          ...protectedErrors,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const orders = await resolveOrderDeps(deps);
      return findCustomer(orders, { actor, email: request.query.email });
    },
  );

  routes.get(
    '/api/provider/instances',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'List instances',
        description:
          'The instances you hold, and for provider staff every instance of their provider (all for platform administrators), each with its codes and today’s eligibility. Newest first.',
        response: { 200: z.object({ items: z.array(instanceSchema) }), ...protectedErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return { items: await listInstances(await resolveOrderDeps(deps), { actor }) };
    },
  );

  routes.post(
    '/api/provider/instances/:id/service-codes',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Issue a filing service code',
        description:
          'For an eligible instance (mainland, subscribed three months or more, running today), by its holder or the provider’s administrators; at most five per instance, burnt codes included (409 after that). `kind: authorization` makes a code for another account, valid 12 months. Instances you may not see are 404.',
        params: instanceIdParamsSchema,
        body: issueServiceCodeBodySchema,
        response: {
          201: issuedServiceCodeSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema,
          ...protectedErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const orders = await resolveOrderDeps(deps);
      const body = request.body ?? {};
      const issued = await callUseCase(request, () =>
        issueServiceCode(orders, {
          actor,
          instanceId: Number(request.params.id),
          ...(body.kind === undefined ? {} : { kind: body.kind }),
          ...(body.granteeUserId === undefined ? {} : { granteeUserId: body.granteeUserId }),
        }),
      );
      return reply.status(201).send(issued);
    },
  );
}
