import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addCatalogueEdit } from '../../app/admin/add-catalogue-edit.ts';
import { type CatalogueChange, presentEditProblem } from '../../app/admin/catalogue-edits.ts';
import { getCatalogueLexicon } from '../../app/admin/get-catalogue-lexicon.ts';
import { type CatalogueEditView, listCatalogueEdits } from '../../app/admin/list-catalogue-edits.ts';
import { revertCatalogueEdit } from '../../app/admin/revert-catalogue-edit.ts';
import type { RouteDeps } from '../deps.ts';
import { requireRole, signedInSecurity, signedInWith } from '../plugins/auth.ts';
import { catalogueEditBodySchema, catalogueEditSchema, catalogueLexiconSchema } from '../schemas/admin.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import { adminErrorResponses, getAdminDeps } from './admin-calendar.ts';

const ADMIN_ONLY = 'Callers who are not platform administrators get 404.';

function presentCatalogueEdit(edit: CatalogueEditView) {
  return {
    id: edit.id,
    change: { ...edit.change },
    sourceId: edit.sourceId,
    ...(edit.newSource === undefined ? {} : { newSource: edit.newSource }),
    createdBy: edit.createdBy,
    createdAt: edit.createdAt.toISOString(),
    ...(edit.revertedBy === undefined ? {} : { revertedBy: edit.revertedBy }),
    ...(edit.revertedAt === undefined ? {} : { revertedAt: edit.revertedAt.toISOString() }),
    status: edit.status,
    ...(edit.problems === undefined ? {} : { problems: edit.problems.map(presentEditProblem) }),
  };
}

/** Edits of the rules catalogue (platform administrators): province rules, fileable TLDs, site-name words. */
export function registerAdminCatalogueRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];
  const preValidation = signedInWith(['platform_admin']);

  routes.get(
    '/api/admin/catalogue/edits',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'List catalogue edits (platform administrators)',
        description: `Every edit, newest first, reverted ones included, with whether it is in force. ${ADMIN_ONLY}`,
        response: { 200: z.object({ items: z.array(catalogueEditSchema) }), ...adminErrorResponses },
      },
    },
    async (request) => {
      requireRole(request, ['platform_admin']);
      const items = await listCatalogueEdits(getAdminDeps(deps));
      return { items: items.map(presentCatalogueEdit) };
    },
  );

  routes.get(
    '/api/admin/catalogue/lexicon',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'The site-name word lists in force (platform administrators)',
        description: `Reserved prefixes, sensitive words and the words individual sites may not use (national and per province), with the administrators’ edits applied: the lists the name checks use now. Not public. ${ADMIN_ONLY}`,
        response: { 200: catalogueLexiconSchema, ...adminErrorResponses },
      },
    },
    async (request) => {
      requireRole(request, ['platform_admin']);
      return getCatalogueLexicon(getAdminDeps(deps));
    },
  );

  routes.post(
    '/api/admin/catalogue/edits',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Edit the catalogue (platform administrators)',
        description: `Sets a field of a province’s rules, adds or removes a fileable TLD, or adds or removes a site-name word; every edit names its source (an existing id, or a title and URL that become a new source). The catalogue with the edit must pass the same checks as the shipped data, else 400 catalogue_edit_invalid with \`details.problems\`. In force from the next request (catalogue, validators, new orders). Audited. ${ADMIN_ONLY}`,
        body: catalogueEditBodySchema,
        response: { 201: catalogueEditSchema, ...adminErrorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request, ['platform_admin']);
      const { change, source } = request.body;
      const edit = await addCatalogueEdit(getAdminDeps(deps), {
        actor,
        // The body schema is JSON, so `value` is a JSON value.
        change: change as CatalogueChange,
        source,
      });
      return reply.code(201).send(presentCatalogueEdit({ ...edit, status: 'applied' }));
    },
  );

  routes.delete(
    '/api/admin/catalogue/edits/:id',
    {
      preValidation,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Revert a catalogue edit (platform administrators)',
        description: `Takes the edit back (it stays listed as reverted). 404 for an unknown or reverted edit; 409 while later edits build on it (\`details.dependentEdits\`). Audited. ${ADMIN_ONLY}`,
        params: z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
        response: { 200: catalogueEditSchema, 409: errorResponseSchema, ...adminErrorResponses },
      },
    },
    async (request) => {
      const actor = requireRole(request, ['platform_admin']);
      const edit = await revertCatalogueEdit(getAdminDeps(deps), { actor, id: request.params.id });
      return presentCatalogueEdit({ ...edit, status: 'reverted' });
    },
  );
}
