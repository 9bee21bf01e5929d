import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError, isDomainError } from '../../app/errors.ts';
import { FILING_INTENTS } from '../../app/orders/create-order.ts';
import { DEADLINE_FLAGS, MAX_ORDER_PAGE, MAX_ORDER_SEARCH_LENGTH } from '../../app/orders/list-orders.ts';
import { LIMITS } from '../../contracts/limits.ts';
import {
  fieldIssueSchema,
  orderContentDraftSchema,
  orderContentValidationSchema,
} from '../../contracts/order-content.ts';
import type { Issue } from '../../domain/shared/issue.ts';
import { MAX_FIELD_PATH_LENGTH } from '../../domain/workflow/field-path.ts';
import { ORDER_COMMAND_KINDS } from '../../domain/workflow/order-command.ts';
import { ORDER_STATUSES } from '../../domain/workflow/order-status.ts';
import { ORDER_TYPE_IDS } from '../../domain/workflow/order-type.ts';
import {
  MAX_REASON_CODE_LENGTH,
  MAX_REASON_TEXT_LENGTH,
  MAX_RETURN_REASONS,
} from '../../domain/workflow/return-reason.ts';
import { pickLanguage } from '../errors.ts';
import { buildPlainText, rowIdSchema } from '../routes/organisations.ts';
import { type DomainIssueParams, eventActorSchema, type FieldError, issueSchema } from './common.ts';

/**
 * Wire forms of orders: the reference in the URL, the bodies of the workflow commands, the order as
 * a viewer sees it (src/app/orders/present-order.ts), and how a use case's validation failure becomes
 * the `FieldError` list every 400 carries.
 */

// Order reference ------------------------------------------------------------------------------------

export interface OrderRef {
  id: number;
  /** The year of an OB-YYYY-NNNNNN reference; the route checks it against the order. */
  year?: number;
}

const ORDER_REFERENCE = /^OB-(\d{4})-(\d{6,15})$/u;
const NUMERIC_ID = /^[1-9]\d{0,14}$/u;

function invalidReference(): DomainIssueParams {
  return {
    domainIssue: {
      code: 'invalid_order_reference',
      message: {
        en: 'Use the order reference (OB-2026-000123) or the order id (123).',
        zh: '请使用订单编号（OB-2026-000123）或订单 ID（123）。',
      },
    },
  };
}

/** `OB-2026-000123` (any case) or the bare id `123`. */
export const orderRefSchema = z
  .string()
  .max(32)
  .transform((value, context): OrderRef => {
    const text = value.trim().toUpperCase();
    const reference = ORDER_REFERENCE.exec(text);
    const id = Number(reference ? reference[2] : NUMERIC_ID.test(text) ? text : Number.NaN);
    if (!Number.isSafeInteger(id) || id < 1) {
      const params = invalidReference();
      context.addIssue({ code: 'custom', message: params.domainIssue.message.en, params });
      return z.NEVER;
    }
    return reference ? { id, year: Number(reference[1]) } : { id };
  })
  .describe('The order reference, e.g. OB-2026-000123, or its numeric id.');

export const orderRefParamsSchema = z.object({ ref: orderRefSchema });

// Shared pieces ----------------------------------------------------------------------------------------

const instant = (description: string) => z.string().describe(`${description} ISO 8601 instant (UTC).`);

export const orderTypeSchema = z
  .enum(ORDER_TYPE_IDS)
  .describe('The MIIT operation, detected from the certificate number and domain against the registry.');
export const orderStatusSchema = z.enum(ORDER_STATUSES).describe('Where the order is in the workflow.');
export const filingIntentSchema = z
  .enum(FILING_INTENTS)
  .describe(
    'What the applicant wants: file_service (first filing, an added service or an added access, as detected), change, cancel_service, cancel_entity, cancel_access.',
  );
const orderActionSchema = z
  .enum([...ORDER_COMMAND_KINDS, 'edit'])
  .describe('A workflow command, or edit (PUT …/draft).');
const deadlineKindSchema = z.enum(['providerReviewDue', 'smsExpiresAt', 'authorityReviewDue']);

export const returnReasonSchema = z
  .object({
    fieldPath: z
      .string()
      .optional()
      .describe('The field concerned, as in the content: entity.leader.mobile, services[0].name.'),
    reasonCode: z.string().describe('Stable code: site_name_unclear, sms_timeout …'),
    text: z.object({ en: z.string().optional(), zh: z.string().optional() }),
    templateId: z
      .string()
      .optional()
      .describe('The return-reason template used (GET /api/catalogue/return-reasons).'),
  })
  .meta({
    id: 'ReturnReason',
    description: 'Why a reviewer sent the order back; the applicant sees it on its field.',
  });

const returnReasonInputSchema = z
  .strictObject({
    fieldPath: z
      .string()
      .max(MAX_FIELD_PATH_LENGTH)
      .optional()
      .describe(
        'The field concerned, as in the content: entity.leader.mobile, services[0].name. Omit for the whole order.',
      ),
    reasonCode: z
      .string()
      .max(MAX_REASON_CODE_LENGTH)
      .optional()
      .describe(
        'Lower-case letters, digits and underscores, e.g. site_name_unclear. Required unless templateId is given (it defaults to the template id).',
      ),
    text: z
      .strictObject({
        en: z.string().max(MAX_REASON_TEXT_LENGTH).optional(),
        zh: z.string().max(MAX_REASON_TEXT_LENGTH).optional(),
      })
      .optional()
      .describe(
        'The reviewer’s words, in English, Chinese or both. Required unless templateId is given (the template’s text is used when omitted).',
      ),
    templateId: z
      .string()
      .max(MAX_REASON_CODE_LENGTH)
      .optional()
      .describe(
        'A return-reason template (GET /api/catalogue/return-reasons); the reason’s field must be one the template is about.',
      ),
  })
  .transform(({ reasonCode, text, templateId, ...rest }) => ({
    ...rest,
    // Without a code the template's id is the code; with neither, the empty code fails validation.
    reasonCode: reasonCode ?? templateId ?? '',
    text: text ?? {},
    ...(templateId === undefined ? {} : { templateId }),
  }));

const returnReasonsInputSchema = z
  .array(returnReasonInputSchema)
  .min(1)
  .max(MAX_RETURN_REASONS)
  .describe(`1–${MAX_RETURN_REASONS} reasons, each on its field where it has one.`);

// The order as a viewer sees it ------------------------------------------------------------------------

const orderDeadlinesSchema = z
  .object({
    providerReviewDue: instant('Provider review (初审) due.').optional(),
    smsExpiresAt: instant('The SMS code expires.').optional(),
    authorityReviewDue: instant('Authority review due (20 working days).').optional(),
  })
  .meta({ id: 'OrderDeadlines', description: 'The deadline of the step the order is in.' });

export const orderSummarySchema = z
  .object({
    id: z.number().int(),
    reference: z.string().describe('OB-2026-000123: what people quote; the URLs accept it.'),
    type: orderTypeSchema,
    intent: filingIntentSchema,
    status: orderStatusSchema,
    provinceCode: z.string().describe('The province whose authority reviews the order.'),
    providerOrgId: z.string().describe('The access provider the order is filed with.'),
    agentOrgId: z.string().optional().describe('The agency filing for a client.'),
    clientUserId: z.string().optional().describe('The client the agency files for.'),
    authorityMode: z
      .enum(['sandbox', 'recorded'])
      .describe(
        'sandbox: the built-in authority decides; recorded: a provider reviewer enters the real decision.',
      ),
    entityNumber: z.string().optional().describe('The entity’s filing number, once it has one.'),
    serviceNumber: z.string().optional().describe('The service the order acts on (changes, cancellations).'),
    domain: z.string().optional().describe('The registrable domain (ASCII) the order was detected with.'),
    deadlines: orderDeadlinesSchema,
    activeDeadline: z.object({ kind: deadlineKindSchema, due: instant('Due.') }).optional(),
    deadlineFlag: z
      .enum(['overdue', 'due_today', 'due_soon', 'on_track', 'none'])
      .describe('The active deadline in China working days, for queues.'),
    sms: z
      .object({
        expiresAt: instant('The code expires.'),
        attempts: z.number().int().describe('Wrong codes entered so far.'),
        maxAttempts: z.number().int(),
        attemptsLeft: z.number().int(),
      })
      .optional()
      .describe(
        'The open SMS check, while the order is in sms_verification: tries and expiry, never the code.',
      ),
    hasReturnReasons: z.boolean(),
    createdAt: instant('Created.'),
    updatedAt: instant('Last change.'),
    submittedAt: instant('Last submitted.').optional(),
    decidedAt: instant('Approved, rejected or withdrawn.').optional(),
  })
  .meta({ id: 'OrderSummary', description: 'An order in a list or queue; no personal data.' });

export const orderSchema = orderSummarySchema
  .extend({
    ownerUserId: z.string(),
    issuedServiceNumbers: z
      .array(z.string())
      .describe('Service numbers issued or recorded at approval, in the order of the services.'),
    version: z.number().int().describe('The content version being edited.'),
    submittedVersion: z.number().int().optional().describe('The version last submitted.'),
    returnReasons: z.array(returnReasonSchema).describe('The latest return or rejection.'),
    allowedActions: z.array(orderActionSchema).describe('What the caller may do now.'),
    isPersonalDataMasked: z
      .boolean()
      .describe('True when names, certificates, phones and e-mails in content are masked for the caller.'),
    content: orderContentDraftSchema,
    contentSource: z
      .enum(['draft', 'submitted'])
      .describe('The applicant side sees the draft it edits; reviewers the submitted version.'),
    versions: z.array(z.object({ version: z.number().int(), submittedAt: instant('Submitted.') })),
    createdBy: eventActorSchema.describe('Who opened the draft.'),
    events: z
      .array(
        z.object({
          type: z
            .string()
            .describe('submitted, returned_by_provider, sms_code_rejected, approved_by_authority …'),
          from: orderStatusSchema,
          to: orderStatusSchema,
          at: instant('When.'),
          details: z.record(z.string(), z.unknown()),
          actor: eventActorSchema,
        }),
      )
      .describe('The order’s history, oldest first.'),
  })
  .meta({ id: 'Order', description: 'One order as the caller may see it.' });

const orderResultSchema = z.object({ order: orderSchema });

export const orderResultSchemas = {
  created: z
    .object({
      order: orderSchema,
      warnings: z
        .array(issueSchema)
        .describe('Consequences to confirm, e.g. a cancellation of every service.'),
      validation: orderContentValidationSchema.describe('Field findings on the initial content.'),
    })
    .meta({ id: 'CreatedOrder' }),
  saved: z
    .object({
      order: orderSchema,
      validation: orderContentValidationSchema.describe(
        'Field errors of the content as saved: the draft is saved even when there are some.',
      ),
    })
    .meta({ id: 'SavedDraft' }),
  submitted: z
    .object({
      order: orderSchema,
      warnings: z.array(fieldIssueSchema).describe('Findings that do not block submission.'),
    })
    .meta({ id: 'SubmittedOrder' }),
  command: orderResultSchema.meta({ id: 'OrderCommandResult' }),
  sms: z
    .object({
      accepted: z.boolean().describe('True when the code matched: the order is in authority review.'),
      attemptsLeft: z.number().int().describe('Tries left; 0 once the order was returned.'),
      order: orderSchema,
    })
    .meta({ id: 'SmsCodeResult' }),
  approved: z
    .object({
      order: orderSchema,
      numbers: z
        .object({ entityNumber: z.string(), serviceNumbers: z.array(z.string()) })
        .optional()
        .describe('The numbers this approval issued or recorded; absent for types that issue none.'),
    })
    .meta({ id: 'AuthorityApproval' }),
  list: z
    .object({
      items: z.array(orderSummarySchema),
      hasMore: z.boolean().describe('True when another page follows (raise offset by limit).'),
      total: z.number().int().describe('How many orders match the filters, over all pages.'),
    })
    .meta({ id: 'OrderList' }),
  diff: z
    .object({
      fromVersion: z.number().int().nullable().describe('Null when `toVersion` is the first submission.'),
      toVersion: z.number().int(),
      changes: z.array(
        z.object({
          path: z.string().describe('As in return reasons: services[0].name.'),
          kind: z.enum(['added', 'removed', 'changed']),
          before: z.unknown().optional(),
          after: z.unknown().optional(),
        }),
      ),
      isPersonalDataMasked: z.boolean(),
    })
    .meta({ id: 'OrderVersionsDiff' }),
};

// Requests -------------------------------------------------------------------------------------------

export const createOrderBodySchema = z
  .strictObject({
    intent: filingIntentSchema,
    certificateNumber: buildPlainText(LIMITS.certificateNumber).describe(
      'The entity’s certificate number: unified social credit code, resident ID number …',
    ),
    province: buildPlainText(32).describe(
      'Filing province: code (11), name (Beijing, 北京) or abbreviation (京).',
    ),
    domain: buildPlainText(LIMITS.domain)
      .optional()
      .describe('The website’s domain; required for every intent but cancel_entity.'),
    providerOrgId: rowIdSchema.describe('The access provider (organisation id) the order is filed with.'),
    agentOrgId: rowIdSchema.optional().describe('Agents: the agency filing for a client.'),
    clientUserId: rowIdSchema
      .optional()
      .describe('Agents: the client filed for; the agency must hold the client’s letter of authorisation.'),
    content: orderContentDraftSchema
      .optional()
      .describe(
        'Initial content; when absent, the data on file for the entity (changes, added services) or a skeleton.',
      ),
  })
  .meta({ id: 'CreateOrderRequest' });

const listFilter = <T extends z.ZodType<string, string>>(item: T, description: string) =>
  z
    .string()
    .max(400)
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(20))
    .optional()
    .describe(description);

export const listOrdersQuerySchema = z.object({
  view: z
    .enum(['all', 'queue'])
    .default('all')
    .describe(
      'all: every order you may see, latest change first. queue: the orders waiting for your move (applicants: drafts, returns, rejections, SMS codes; provider reviewers: submitted to ready-for-authority; authority reviewers: authority review), nearest deadline first.',
    ),
  status: listFilter(orderStatusSchema, 'Only these statuses, comma-separated: draft,submitted.'),
  type: listFilter(orderTypeSchema, 'Only these order types, comma-separated: first_filing,change.'),
  province: listFilter(
    z.string().max(32),
    'Only orders reviewed in these provinces, comma-separated: codes (11,44), names (Beijing, 广东) or abbreviations (京).',
  ),
  flag: listFilter(
    z.enum(DEADLINE_FLAGS),
    'Only these deadline flags, comma-separated: overdue,due_today (due_soon, on_track, none), computed in China working days as each order’s deadlineFlag.',
  ),
  q: z
    .string()
    .max(MAX_ORDER_SEARCH_LENGTH * 2)
    // PostgreSQL refuses NUL in text, and no searched value holds a control character.
    .regex(/^[^\p{Cc}]*$/u, 'no control characters')
    .optional()
    .describe(
      'Search: a reference (OB-2026-000123) or id, part of the domain, entity number, service number or an organisation’s name, or an individual’s whole name (only among orders whose names the caller sees unmasked). No control characters.',
    ),
  client: rowIdSchema
    .optional()
    .describe(
      'Agents: only the orders filed for this client (GET /api/agent/clients, client.id); 404 unless the client authorised your agency.',
    ),
  sort: z
    .enum(['deadline', 'updated'])
    .optional()
    .describe(
      'deadline: nearest active deadline first, orders without one last; updated: latest change first. Ties by latest change, then id. Default: deadline for the queue, updated for all.',
    ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_ORDER_PAGE)
    .default(50)
    .describe(`At most this many (1–${MAX_ORDER_PAGE}, default 50).`),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0).describe('Skip this many first.'),
});

export const saveDraftBodySchema = z
  .strictObject({ content: orderContentDraftSchema })
  .meta({ id: 'SaveDraftRequest' });

/** Commands without parameters: no body (Fastify validates a missing body as null), or an empty object. */
export const emptyBodySchema = z.strictObject({}).nullish().describe('Nothing, or {}.');

export const diffQuerySchema = z.object({
  from: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('Default: the version before `to`.'),
  to: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('Default: the last submitted version.'),
});

export const reasonsBodySchema = z
  .strictObject({ reasons: returnReasonsInputSchema })
  .meta({ id: 'ReasonsRequest' });

export const identityVerificationBodySchema = z
  .strictObject({
    result: z
      .enum(['passed', 'failed'])
      .describe('The verdict on the service admin’s photo (backdrop photo or liveness capture).'),
    reasons: returnReasonsInputSchema
      .optional()
      .describe('For a failure; a standard reason is used when none is given.'),
  })
  .meta({ id: 'IdentityVerificationRequest' });

export const smsCodeBodySchema = z
  .strictObject({ code: z.string().max(20).describe('The 6-digit code as received.') })
  .meta({ id: 'SmsCodeRequest' });

export const approveAuthorityBodySchema = z
  .strictObject({
    recordedNumbers: z
      .strictObject({
        entityNumber: z.string().max(60).optional().describe('Required for a first filing.'),
        serviceNumbers: z
          .array(z.string().max(60))
          .max(LIMITS.servicesPerOrder)
          .describe('One per service, in the order of the content’s services.'),
      })
      .optional()
      .describe('Recorded mode only: the numbers the real authority issued.'),
  })
  .nullish()
  .meta({ id: 'AuthorityApprovalRequest' });

// Use-case errors on the wire -------------------------------------------------------------------------

/** How a route names the fields of its use case's issues. */
export interface FieldErrorMapping {
  in?: FieldError['in'];
  /** The wire path of an issue; by default its `params.field`, dotted (`services[0]` → `services.0`). */
  pathOf?: (issue: Issue) => string;
}

/** `services[0].admin.mobile` → `services.0.admin.mobile`; `documents["id-card"]` → `documents.id-card`. */
export function toDottedPath(path: string): string {
  return path
    .replace(/\[(\d+)\]/gu, '.$1')
    .replace(/\["((?:[^"\\]|\\.)*)"\]/gu, '.$1')
    .replace(/^\./u, '');
}

export function readIssueField(found: Issue): string {
  const field = found.params?.field;
  return typeof field === 'string' ? toDottedPath(field) : '';
}

function isIssueList(value: unknown): value is Issue[] {
  return (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'object' && item !== null && 'code' in item && 'message' in item)
  );
}

/**
 * A use case's validation failure as the FieldError list of the error shape: content errors
 * (`details.fieldErrors`) point into the content as PUT …/draft sends it (`content.entity.leader.mobile`),
 * other issues (`details.issues`) at the request field they name. Messages in the caller's language.
 */
function toFieldErrors(
  request: FastifyRequest,
  error: DomainError,
  mapping: FieldErrorMapping,
): FieldError[] {
  const language = pickLanguage(request.headers['accept-language']);
  const location = mapping.in ?? 'body';
  const details = error.details as { fieldErrors?: unknown; issues?: unknown } | undefined;
  const toFieldError = (path: string, found: Issue): FieldError => ({
    in: location,
    path,
    code: found.code,
    message: found.message[language],
  });
  if (details && isIssueList(details.fieldErrors)) {
    return (details.fieldErrors as (Issue & { path?: string })[]).map((found) =>
      toFieldError(found.path ? `content.${toDottedPath(found.path)}` : 'content', found),
    );
  }
  if (details && isIssueList(details.issues)) {
    return details.issues.map((found) => toFieldError((mapping.pathOf ?? readIssueField)(found), found));
  }
  return [{ in: location, path: '', code: error.code, message: error.localizedMessage[language] }];
}

/**
 * Runs a use case; a validation failure leaves as `validation_failed` with field errors (what every
 * 400 of the API carries), everything else as thrown.
 */
export async function callUseCase<T>(
  request: FastifyRequest,
  work: () => Promise<T>,
  mapping: FieldErrorMapping = {},
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDomainError(error) || error.code !== 'validation_failed' || Array.isArray(error.details)) {
      throw error;
    }
    throw new DomainError(
      'validation_failed',
      error.localizedMessage,
      toFieldErrors(request, error, mapping),
    );
  }
}

/** Reasons' issues carry the reason's index and field: `reasons.0.text`. */
export function readReasonPath(found: Issue): string {
  const index = found.params?.index;
  const field = found.params?.field;
  if (typeof index !== 'number')
    return found.code === 'return_reasons_required' ? 'reasons' : readIssueField(found);
  return typeof field === 'string' && field !== 'reason' ? `reasons.${index}.${field}` : `reasons.${index}`;
}
