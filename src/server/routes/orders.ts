import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { DomainError } from '../../app/errors.ts';
import { approveAsAuthority } from '../../app/orders/approve-as-authority.ts';
import { approveAsProvider } from '../../app/orders/approve-as-provider.ts';
import { createOrder } from '../../app/orders/create-order.ts';
import { diffOrderVersions } from '../../app/orders/diff-order-versions.ts';
import { getOrder } from '../../app/orders/get-order.ts';
import { listOrders } from '../../app/orders/list-orders.ts';
import type { OrderDeps } from '../../app/orders/order-deps.ts';
import { orderNotFound } from '../../app/orders/order-errors.ts';
import { previewFilingNumbers } from '../../app/orders/preview-filing-numbers.ts';
import { recordIdentityVerification } from '../../app/orders/record-identity-verification.ts';
import { rejectAsAuthority } from '../../app/orders/reject-as-authority.ts';
import { returnOrder } from '../../app/orders/return-order.ts';
import { saveDraft } from '../../app/orders/save-draft.ts';
import { sendToAuthority } from '../../app/orders/send-to-authority.ts';
import { startProviderReview } from '../../app/orders/start-provider-review.ts';
import { submitOrder } from '../../app/orders/submit-order.ts';
import { submitSmsCode } from '../../app/orders/submit-sms-code.ts';
import { withdrawOrder } from '../../app/orders/withdraw-order.ts';
import { toChinaDate } from '../../domain/calendar/china-date.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import type { RouteDeps } from '../deps.ts';
import { requireActor, signedIn, signedInSecurity } from '../plugins/auth.ts';
import { errorResponseSchema } from '../schemas/common.ts';
import { numberPreviewSchema } from '../schemas/number-preview.ts';
import {
  approveAuthorityBodySchema,
  callUseCase,
  createOrderBodySchema,
  diffQuerySchema,
  emptyBodySchema,
  type FieldErrorMapping,
  identityVerificationBodySchema,
  listOrdersQuerySchema,
  type OrderRef,
  orderRefParamsSchema,
  orderResultSchemas,
  orderSchema,
  readIssueField,
  readReasonPath,
  reasonsBodySchema,
  saveDraftBodySchema,
  smsCodeBodySchema,
} from '../schemas/orders.ts';

/**
 * The order workflow over HTTP (DESIGN.md §4): create (type detected), list and queues, read, save the
 * draft, submit, and every reviewer's and the authority's command. Each route: schema → actor → one use
 * case → its presenter's view. An order the caller may not see is 404; one they may see but not act
 * on this way is 403; a command the order's status does not accept is 409.
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
 * The order workflow of an app built with it.
 * @throws DomainError service_unavailable (503) for an app built without (tests of other slices).
 */
export function getOrderDeps(deps: { orders?: OrderDeps | undefined }): OrderDeps {
  if (!deps.orders) {
    throw new DomainError('service_unavailable', {
      en: 'Orders are not available on this server.',
      zh: '本服务器未启用备案订单功能。',
    });
  }
  return deps.orders;
}

/**
 * getOrderDeps with the catalogue in force for this request (the admins' edits included), so content
 * checks, deadlines and numbers follow the current rules.
 */
export async function resolveOrderDeps(
  deps: Pick<RouteDeps, 'orders' | 'catalogueProvider'>,
): Promise<OrderDeps> {
  const orders = getOrderDeps(deps);
  return deps.catalogueProvider
    ? { ...orders, catalogue: await deps.catalogueProvider.getCatalogue() }
    : orders;
}

/**
 * The order id of a reference. The year of OB-YYYY-NNNNNN must be the order's, so a mistyped
 * reference never acts on another order: a wrong year answers as a missing order.
 */
async function resolveOrderId(orders: OrderDeps, ref: OrderRef): Promise<number> {
  if (ref.year === undefined) return ref.id;
  const order = await orders.persistence.read.orders.findOrder(ref.id);
  if (!order || Number(toChinaDate(order.createdAt).slice(0, 4)) !== ref.year) throw orderNotFound();
  return ref.id;
}

interface CommandRoute<B extends z.ZodType, R extends z.ZodType> {
  path: string;
  summary: string;
  description: string;
  body: B;
  response: R;
  mapping?: FieldErrorMapping;
  run(orders: OrderDeps, input: { actor: Actor; orderId: number; body: z.output<B> }): Promise<z.input<R>>;
}

export function registerOrderRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['orders'];

  /** Runs one use case for the signed-in caller on the order named in the URL. */
  async function onOrder<T>(
    request: FastifyRequest,
    ref: OrderRef,
    run: (orders: OrderDeps, actor: Actor, orderId: number) => Promise<T>,
    mapping?: FieldErrorMapping,
  ): Promise<T> {
    const actor = requireActor(request);
    const orders = await resolveOrderDeps(deps);
    const orderId = await resolveOrderId(orders, ref);
    return callUseCase(request, () => run(orders, actor, orderId), mapping);
  }

  /**
   * A workflow command: POST /api/orders/:ref/<path>. Registered without the type provider's generics
   * (they do not follow a generic body schema); the schemas still validate and serialise.
   */
  function registerCommand<B extends z.ZodType, R extends z.ZodType>(command: CommandRoute<B, R>): void {
    app.route({
      method: 'POST',
      url: `/api/orders/:ref/${command.path}`,
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: command.summary,
        description: command.description,
        params: orderRefParamsSchema,
        body: command.body,
        response: { 200: command.response, ...commandErrors },
      },
      handler: async (request) => {
        const { ref } = request.params as z.output<typeof orderRefParamsSchema>;
        return onOrder(
          request,
          ref,
          (orders, actor, orderId) =>
            command.run(orders, { actor, orderId, body: request.body as z.output<B> }),
          command.mapping,
        );
      },
    });
  }

  routes.post(
    '/api/orders',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Start an order',
        description:
          'Opens a draft. The order type (first filing, added service, added access, change, cancellation) is detected from the intent, certificate number and domain against the registry, never chosen. One order in progress per entity (409). Changes and cancellations only from the account (or agency) that holds the filing. Applicants and agents only (403 for other roles).',
        body: createOrderBodySchema,
        response: { 201: orderResultSchemas.created, ...commandErrors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const orders = await resolveOrderDeps(deps);
      const { content, ...rest } = request.body;
      const created = await callUseCase(request, () =>
        createOrder(orders, { actor, ...rest, ...(content === undefined ? {} : { content }) }),
      );
      return reply.status(201).send(created);
    },
  );

  routes.get(
    '/api/orders',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'List your orders, or your queue',
        description:
          'Applicants and agents: their orders (and their clients’; `client` narrows to one). Reviewers: the orders of their provider or authority. `view=queue`: only those waiting for your move, nearest deadline first, with the deadline flag (overdue, due_today …) in China working days. Filters (status, type, province, flag, q) combine; `total` counts every match for paging.',
        querystring: listOrdersQuerySchema,
        response: { 200: orderResultSchemas.list, 400: errorResponseSchema, ...protectedErrors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const orders = await resolveOrderDeps(deps);
      const { view, status, type, province, flag, q, client, sort, limit, offset } = request.query;
      const listed = await callUseCase(
        request,
        () =>
          listOrders(orders, {
            actor,
            view,
            limit,
            offset,
            ...(status === undefined ? {} : { statuses: status }),
            ...(type === undefined ? {} : { types: type }),
            ...(province === undefined ? {} : { provinces: province }),
            ...(flag === undefined ? {} : { deadlineFlags: flag }),
            ...(q === undefined ? {} : { search: q }),
            ...(client === undefined ? {} : { clientUserId: client }),
            ...(sort === undefined ? {} : { sort }),
          }),
        { in: 'querystring' },
      );
      return { items: listed.orders, hasMore: listed.hasMore, total: listed.total };
    },
  );

  routes.get(
    '/api/orders/:ref',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'One order',
        description:
          'The order as you may see it: content (the draft for the applicant side, the submitted version for reviewers; personal data masked unless you own or review it), return reasons on their fields, the SMS check, deadlines, versions, history, and the actions open to you.',
        params: orderRefParamsSchema,
        response: { 200: orderSchema, 400: errorResponseSchema, ...protectedErrors },
      },
    },
    async (request) =>
      onOrder(request, request.params.ref, (orders, actor, orderId) => getOrder(orders, { actor, orderId })),
  );

  routes.put(
    '/api/orders/:ref/draft',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'Save the draft',
        description:
          'Saves the whole content while the order is in the applicant’s hands (draft, returned, rejected). Answers 200 with the field errors of the content in `validation`: it is saved even with errors, so a half-filled form is never lost. 400 only for a body that does not fit the schema, or for a change to the values the type was detected from (field_locked); 409 when the order cannot be edited now.',
        params: orderRefParamsSchema,
        body: saveDraftBodySchema,
        response: { 200: orderResultSchemas.saved, ...commandErrors },
      },
    },
    async (request) =>
      onOrder(request, request.params.ref, (orders, actor, orderId) =>
        saveDraft(orders, { actor, orderId, content: request.body.content }),
      ),
  );

  routes.get(
    '/api/orders/:ref/versions/diff',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'What changed between two submitted versions',
        description:
          'Field by field, with paths as in return reasons; by default the last submission against the one before. Personal values are masked for callers who may not see them.',
        params: orderRefParamsSchema,
        querystring: diffQuerySchema,
        response: { 200: orderResultSchemas.diff, 400: errorResponseSchema, ...protectedErrors },
      },
    },
    async (request) =>
      onOrder(
        request,
        request.params.ref,
        (orders, actor, orderId) =>
          diffOrderVersions(orders, {
            actor,
            orderId,
            ...(request.query.from === undefined ? {} : { fromVersion: request.query.from }),
            ...(request.query.to === undefined ? {} : { toVersion: request.query.to }),
          }),
        {
          in: 'querystring',
          pathOf: (found) =>
            found.params?.version !== undefined && found.params.version === request.query.from
              ? 'from'
              : 'to',
        },
      ),
  );

  registerCommand({
    path: 'submit',
    summary: 'Submit (or resubmit)',
    description:
      'Checks the draft against every national and province rule and the documents checklist, the values the type was detected from, the registry as it is now and, for orders that bind an instance, one valid unused service code per service; then freezes it as a version, binds the codes and starts the provider’s review deadline. 400 lists the content’s errors as `content.<path>` (the paths of PUT …/draft). Applicant side only.',
    body: emptyBodySchema,
    response: orderResultSchemas.submitted,
    run: (orders, { actor, orderId }) => submitOrder(orders, { actor, orderId }),
  });

  registerCommand({
    path: 'start-review',
    summary: 'Take the order into provider review (provider reviewers)',
    description: 'submitted → provider_review (初审).',
    body: emptyBodySchema,
    response: orderResultSchemas.command,
    run: (orders, { actor, orderId }) => startProviderReview(orders, { actor, orderId }),
  });

  registerCommand({
    path: 'return',
    summary: 'Return the order to the applicant (provider reviewers)',
    description:
      'provider_review → returned_by_provider, with structured reasons the applicant sees on their fields.',
    body: reasonsBodySchema,
    response: orderResultSchemas.command,
    mapping: { pathOf: readReasonPath },
    run: (orders, { actor, orderId, body }) => returnOrder(orders, { actor, orderId, reasons: body.reasons }),
  });

  registerCommand({
    path: 'approve-provider',
    summary: 'Pass the provider review (provider reviewers)',
    description: 'provider_review → identity_verification.',
    body: emptyBodySchema,
    response: orderResultSchemas.command,
    run: (orders, { actor, orderId }) => approveAsProvider(orders, { actor, orderId }),
  });

  registerCommand({
    path: 'identity-verification',
    summary: 'Record the identity verification (provider reviewers)',
    description:
      'The verdict on the service admin’s photo: passed → ready_for_authority; failed → returned_by_provider with the reasons given (or a standard one).',
    body: identityVerificationBodySchema,
    response: orderResultSchemas.command,
    mapping: { pathOf: readReasonPath },
    run: (orders, { actor, orderId, body }) =>
      recordIdentityVerification(orders, {
        actor,
        orderId,
        result: body.result,
        ...(body.reasons === undefined ? {} : { reasons: body.reasons }),
      }),
  });

  registerCommand({
    path: 'send-to-authority',
    summary: 'Send the order to the authority (provider reviewers)',
    description:
      'With the sandbox authority and an order type that has the SMS check, opens it: a 6-digit code, valid 24 hours with 5 attempts, goes to the applicant’s inbox and is mailed to the entity leader and/or service admin. Otherwise straight to authority review.',
    body: emptyBodySchema,
    response: orderResultSchemas.command,
    run: (orders, { actor, orderId }) => sendToAuthority(orders, { actor, orderId }),
  });

  registerCommand({
    path: 'sms-code',
    summary: 'Enter the SMS code (applicant side)',
    description:
      'A wrong code is counted and answered with 200 and `accepted: false`. The 5th wrong code, or any code after 24 hours, returns the order. A code that is not six digits is 400 and not counted.',
    body: smsCodeBodySchema,
    response: orderResultSchemas.sms,
    run: (orders, { actor, orderId, body }) => submitSmsCode(orders, { actor, orderId, code: body.code }),
  });

  registerCommand({
    path: 'approve-authority',
    summary: 'Approve as the authority',
    description:
      'Sandbox authority reviewers of the order’s province; in recorded mode the provider reviewer entering the real decision with `recordedNumbers`. Numbers are issued (or recorded, checked by the number codec and the province), the registry updated, service codes burnt, everyone notified — in one transaction.',
    body: approveAuthorityBodySchema,
    response: orderResultSchemas.approved,
    mapping: {
      pathOf: (found) => {
        const field = readIssueField(found);
        return field === '' || field.startsWith('recordedNumbers') ? field : `recordedNumbers.${field}`;
      },
    },
    run: (orders, { actor, orderId, body }) =>
      approveAsAuthority(orders, {
        actor,
        orderId,
        ...(body?.recordedNumbers === undefined ? {} : { recordedNumbers: body.recordedNumbers }),
      }),
  });

  routes.get(
    '/api/orders/:ref/number-preview',
    {
      preValidation: signedIn,
      schema: {
        tags,
        security: signedInSecurity,
        summary: 'The numbers approving would issue (authority reviewers)',
        description:
          'For the approval’s confirmation: the entity number (a first filing’s next serial of the province, in the year of today’s China date) and each service’s number with its name and domain, computed exactly as the approval allocates them but read-only: nothing is reserved, so they are provisional (`isProvisional`) — another approval in the province committing first takes the serial. Only those who may approve (the sandbox authority of the province): others who see the order get 403, everyone else 404. 409 `not_awaiting_authority_decision` outside authority review, `number_preview_recorded_mode` in recorded mode (the real authority issues the numbers).',
        params: orderRefParamsSchema,
        response: {
          200: numberPreviewSchema,
          400: errorResponseSchema,
          403: errorResponseSchema,
          409: errorResponseSchema,
          ...protectedErrors,
        },
      },
    },
    async (request) =>
      onOrder(request, request.params.ref, (orders, actor, orderId) =>
        previewFilingNumbers(orders, { actor, orderId }),
      ),
  );

  registerCommand({
    path: 'reject-authority',
    summary: 'Reject as the authority',
    description:
      'authority_review → rejected_by_authority, with reasons; the applicant edits and resubmits, or withdraws.',
    body: reasonsBodySchema,
    response: orderResultSchemas.command,
    mapping: { pathOf: readReasonPath },
    run: (orders, { actor, orderId, body }) =>
      rejectAsAuthority(orders, { actor, orderId, reasons: body.reasons }),
  });

  registerCommand({
    path: 'withdraw',
    summary: 'Withdraw the order (applicant side)',
    description:
      'Allowed until the authority’s review starts (and after a rejection), never during it (409). Service codes are released and the entity is free for a new order.',
    body: emptyBodySchema,
    response: orderResultSchemas.command,
    run: (orders, { actor, orderId }) => withdrawOrder(orders, { actor, orderId }),
  });
}
