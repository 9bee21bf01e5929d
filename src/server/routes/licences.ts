import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DomainError } from '../../app/errors.ts';
import { checkLicenceApplicationPrerequisites } from '../../app/licences/check-licence-prerequisites.ts';
import { createLicenceApplication } from '../../app/licences/create-licence-application.ts';
import { fileLicenceChange } from '../../app/licences/file-licence-change.ts';
import { getLicenceApplication } from '../../app/licences/get-licence-application.ts';
import type { LicenceDeps } from '../../app/licences/licence-deps.ts';
import { listLicenceApplications } from '../../app/licences/list-licence-applications.ts';
import { recordAnnualReport } from '../../app/licences/record-annual-report.ts';
import { recordLicenceChange } from '../../app/licences/record-licence-change.ts';
import { recordLicenceRenewal } from '../../app/licences/record-licence-renewal.ts';
import { resolveLicenceReference } from '../../app/licences/resolve-licence-reference.ts';
import { runLicenceAuthorityCommand } from '../../app/licences/run-licence-authority-command.ts';
import { submitLicenceApplication } from '../../app/licences/submit-licence-application.ts';
import { updateLicenceDraft } from '../../app/licences/update-licence-draft.ts';
import { withdrawLicenceApplication } from '../../app/licences/withdraw-licence-application.ts';
import { listLicenceMaterials } from '../../domain/licence/licence-materials.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { getCatalogueInForce, getRateLimitConfig, type RouteDeps } from '../deps.ts';
import { requireActor, signedIn, signedInSecurity } from '../plugins/auth.ts';
import { errorResponseSchema, inputErrorResponses } from '../schemas/common.ts';
import {
  annualReportBodySchema,
  authorityCommandBodySchema,
  changeBodySchema,
  changeFiledBodySchema,
  changeParamsSchema,
  createLicenceBodySchema,
  type LicenceRef,
  licenceApplicationSchema,
  licencePrerequisitesSchema,
  licenceRefParamsSchema,
  licenceResultSchemas,
  listLicencesQuerySchema,
  materialsQuerySchema,
  prerequisitesBodySchema,
  renewalBodySchema,
  updateLicenceDraftBodySchema,
} from '../schemas/licences.ts';
import { callUseCase, emptyBodySchema, type FieldErrorMapping, readReasonPath } from '../schemas/orders.ts';

/**
 * ICP and EDI licence applications over HTTP (issue 5): the public materials checklist and prerequisite
 * check, then create, list, read, save the draft, submit, the authority's commands, withdraw, and the
 * issued licence's duties. Each route: schema → actor → one use case → its presenter's view. An
 * application the caller may not see is 404; one they may see but not act on this way is 403; a command
 * its status does not accept is 409.
 */

const protectedErrors = {
  401: errorResponseSchema,
  404: errorResponseSchema,
  500: errorResponseSchema,
  503: errorResponseSchema,
};
const commandErrors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  409: errorResponseSchema,
  ...protectedErrors,
};

/**
 * The licence use cases of an app built with them, with the catalogue in force for this request.
 * @throws DomainError service_unavailable (503) for an app built without (tests of other slices).
 */
async function resolveLicenceDeps(deps: RouteDeps): Promise<LicenceDeps> {
  if (!deps.licences) {
    throw new DomainError('service_unavailable', {
      en: 'Licence applications are not available on this server.',
      zh: '本服务器未启用许可证申请功能。',
    });
  }
  return { ...deps.licences, catalogue: await getCatalogueInForce(deps) };
}

export function registerLicenceRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['licences'];
  const publicConfig = { rateLimit: getRateLimitConfig(deps, 'publicApi') };

  /** Runs one use case for the signed-in caller on the application named in the URL. */
  async function onApplication<T>(
    request: FastifyRequest,
    ref: LicenceRef,
    run: (licences: LicenceDeps, actor: Actor, applicationId: number) => Promise<T>,
    mapping?: FieldErrorMapping,
  ): Promise<T> {
    const actor = requireActor(request);
    const licences = await resolveLicenceDeps(deps);
    const applicationId = await resolveLicenceReference(licences, ref);
    return callUseCase(request, () => run(licences, actor, applicationId), mapping);
  }

  routes.get(
    '/api/licences/materials',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'The materials checklist of a licence application',
        description:
          'Every material an ICP or EDI application needs (reference §9), in order, with what it is, its sources and the document kind it is uploaded as: the foreign-investment opinion and full shareholder chain for foreign-invested companies, the platform rules for EDI, one item per pre-approval. Public.',
        querystring: materialsQuerySchema,
        response: { 200: licenceResultSchemas.materials, ...inputErrorResponses },
      },
    },
    async (request) => {
      const { kind, scope, foreignInvested, preApprovals } = request.query;
      const catalogue = await getCatalogueInForce(deps);
      return {
        items: listLicenceMaterials(
          { kind, scope, isForeignInvested: foreignInvested === 'true', preApprovals: preApprovals ?? [] },
          catalogue,
        ),
      };
    },
  );

  routes.post(
    '/api/licences/prerequisites',
    {
      config: publicConfig,
      schema: {
        tags,
        summary: 'Check the prerequisites of a licence application',
        description:
          'The checks an application would show, without saving anything: a company established in China, an ICP filing number (looked up in the registry), registered capital (RMB 1 million in one province, 10 million cross-regional), foreign ownership (at most 50 % for ICP; 100 % for EDI and in the 2024 pilot zones). Each check has its explanation and sources; failing ones block submission. 400 only for malformed facts. Public.',
        body: prerequisitesBodySchema,
        response: { 200: licencePrerequisitesSchema, ...inputErrorResponses },
      },
    },
    async (request) => {
      const catalogue = await getCatalogueInForce(deps);
      const { companyName, ...rest } = request.body;
      return callUseCase(request, () =>
        checkLicenceApplicationPrerequisites(
          { catalogue, ...(deps.registry === undefined ? {} : { registry: deps.registry }) },
          { ...rest, ...(companyName === undefined ? {} : { companyName }) },
        ),
      );
    },
  );

  routes.post(
    '/api/licences',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Start a licence application',
        description:
          'Opens a draft ICP or EDI application for a company. The facts are checked at once: failing prerequisites are kept as blocking checks (shown with why and the source) and refuse the submission, never the creation; 400 only for malformed input. Applicants and agents only (403 for other roles); agents name their agency and, for a client, need its letter of authorisation.',
        body: createLicenceBodySchema,
        response: { 201: licenceApplicationSchema, ...commandErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const licences = await resolveLicenceDeps(deps);
      const { materials, agentOrgId, clientUserId, ...rest } = request.body;
      const created = await callUseCase(request, () =>
        createLicenceApplication(licences, {
          actor,
          ...rest,
          ...(materials === undefined ? {} : { materials }),
          ...(agentOrgId === undefined ? {} : { agentOrgId }),
          ...(clientUserId === undefined ? {} : { clientUserId }),
        }),
      );
      return reply.status(201).send(created);
    },
  );

  routes.get(
    '/api/licences',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'List licence applications',
        description:
          'Applicants: their own and their clients’; agents: their agency’s; authority reviewers: those submitted to their province’s sandbox authority; platform administrators: all (they decide the cross-regional ones as MIIT’s sandbox). Latest change first.',
        querystring: listLicencesQuerySchema,
        response: { 200: licenceResultSchemas.list, 400: errorResponseSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const licences = await resolveLicenceDeps(deps);
      const { status, kind, limit, offset } = request.query;
      const listed = await callUseCase(
        request,
        () =>
          listLicenceApplications(licences, {
            actor,
            limit,
            offset,
            ...(status === undefined ? {} : { statuses: status }),
            ...(kind === undefined ? {} : { kinds: kind }),
          }),
        { in: 'querystring' },
      );
      return { items: listed.applications, hasMore: listed.hasMore };
    },
  );

  routes.get(
    '/api/licences/:ref',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'One licence application',
        description:
          'Status, deadlines, reasons, prerequisite checks, materials with their marks, the actions open to you, the issued licence with its numbers and obligations (renewal and annual reports on today’s date in China), versions and the timeline.',
        params: licenceRefParamsSchema,
        response: { 200: licenceApplicationSchema, 400: errorResponseSchema, ...protectedErrors },
      },
    },
    async (request) =>
      onApplication(request, request.params.ref, (licences, actor, applicationId) =>
        getLicenceApplication(licences, { actor, applicationId }),
      ),
  );

  routes.put(
    '/api/licences/:ref/draft',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Save the facts and material marks',
        description:
          'While the application is in the applicant’s hands (draft, materials requested). Failing checks do not stop the save; malformed facts or unknown materials are 400; 409 when it cannot be edited now.',
        params: licenceRefParamsSchema,
        body: updateLicenceDraftBodySchema,
        response: { 200: licenceApplicationSchema, ...commandErrors },
      },
    },
    async (request) =>
      onApplication(request, request.params.ref, (licences, actor, applicationId) =>
        updateLicenceDraft(licences, {
          actor,
          applicationId,
          ...(request.body.facts === undefined ? {} : { facts: request.body.facts }),
          ...(request.body.materials === undefined ? {} : { materials: request.body.materials }),
        }),
      ),
  );

  routes.post(
    '/api/licences/:ref/submit',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Submit (or resubmit after a materials request)',
        description:
          'Every prerequisite must pass and every material be marked provided: otherwise 400 with one field error per failing check (`facts`, code prerequisite_not_met) and per missing material (`materials.<id>`). Starts the 5-working-day acceptance check.',
        params: licenceRefParamsSchema,
        body: emptyBodySchema,
        response: { 200: licenceApplicationSchema, ...commandErrors },
      },
    },
    async (request) =>
      onApplication(request, request.params.ref, (licences, actor, applicationId) =>
        submitLicenceApplication(licences, { actor, applicationId }),
      ),
  );

  routes.post(
    '/api/licences/:ref/commands',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'The authority’s command',
        description:
          'start_acceptance_check, request_materials {reasons}, accept (the 60-day review starts), approve {issuedOn?} (numbers issued from the authority’s sequence, e.g. 京B2-20260001 and 京ICP证260001号, or recorded with `numbers` in recorded mode), reject {reasons}. The province’s sandbox authority reviewers decide provincial licences, platform administrators cross-regional ones (MIIT); in recorded mode the applicant records the real authority’s steps.',
        params: licenceRefParamsSchema,
        body: authorityCommandBodySchema,
        response: { 200: licenceResultSchemas.command, ...commandErrors },
      },
    },
    async (request) =>
      onApplication(
        request,
        request.params.ref,
        (licences, actor, applicationId) =>
          runLicenceAuthorityCommand(licences, { actor, applicationId, command: request.body }),
        { pathOf: readReasonPath },
      ),
  );

  routes.post(
    '/api/licences/:ref/withdraw',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Withdraw the application',
        description: 'At any time before a decision (409 afterwards). Applicant side only.',
        params: licenceRefParamsSchema,
        body: emptyBodySchema,
        response: { 200: licenceApplicationSchema, ...commandErrors },
      },
    },
    async (request) =>
      onApplication(request, request.params.ref, (licences, actor, applicationId) =>
        withdrawLicenceApplication(licences, { actor, applicationId }),
      ),
  );

  routes.post(
    '/api/licences/:ref/annual-reports',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Record an annual report',
        description:
          'The report on `year` was filed on dxzhgl.miit.gov.cn (window 1 January–31 March of the next year). Its reminders stop. 409 when already recorded or while a change is not yet recorded with the authority.',
        params: licenceRefParamsSchema,
        body: annualReportBodySchema,
        response: { 200: licenceApplicationSchema, ...commandErrors },
      },
    },
    async (request) =>
      onApplication(request, request.params.ref, (licences, actor, applicationId) =>
        recordAnnualReport(licences, { actor, applicationId, year: request.body.year }),
      ),
  );

  routes.post(
    '/api/licences/:ref/renewal',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Record the renewal application',
        description:
          'The holder applied to renew on `appliedOn` (due 90 days before expiry; a later one is recorded as late). The renewal reminders stop.',
        params: licenceRefParamsSchema,
        body: renewalBodySchema,
        response: { 200: licenceApplicationSchema, ...commandErrors },
      },
    },
    async (request) =>
      onApplication(request, request.params.ref, (licences, actor, applicationId) =>
        recordLicenceRenewal(licences, { actor, applicationId, appliedOn: request.body.appliedOn }),
      ),
  );

  routes.post(
    '/api/licences/:ref/changes',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Record a change of the licence',
        description:
          'Name, legal representative, capital, shareholders, address or business scope, from `effectiveOn`. Without `filedOn` the change is not yet recorded with the authority, and blocks the annual reports it precedes until POST …/changes/:changeId/filed.',
        params: licenceRefParamsSchema,
        body: changeBodySchema,
        response: { 200: licenceApplicationSchema, ...commandErrors },
      },
    },
    async (request) =>
      onApplication(request, request.params.ref, (licences, actor, applicationId) =>
        recordLicenceChange(licences, {
          actor,
          applicationId,
          kind: request.body.kind,
          description: request.body.description,
          effectiveOn: request.body.effectiveOn,
          ...(request.body.filedOn === undefined ? {} : { filedOn: request.body.filedOn }),
        }),
      ),
  );

  routes.post(
    '/api/licences/:ref/changes/:changeId/filed',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Record that a change was recorded with the authority',
        description: 'Unblocks the annual reports the change held back.',
        params: changeParamsSchema,
        body: changeFiledBodySchema,
        response: { 200: licenceApplicationSchema, ...commandErrors },
      },
    },
    async (request) =>
      onApplication(request, request.params.ref, (licences, actor, applicationId) =>
        fileLicenceChange(licences, {
          actor,
          applicationId,
          changeId: request.params.changeId,
          filedOn: request.body.filedOn,
        }),
      ),
  );
}
