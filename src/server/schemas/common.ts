import { z } from 'zod';
import { errorCodes } from '../../app/errors.ts';

/**
 * Wire schemas shared by the routes. Each `.meta({ id })` becomes a component of the OpenAPI
 * document, so clients see one `Issue` or `ErrorResponse` type instead of a copy per route.
 */

export const localizedSchema = z
  .object({ en: z.string(), zh: z.string() })
  .meta({ id: 'Localized', description: 'A user-facing text in English and Simplified Chinese.' });

export const issueSchema = z
  .object({
    code: z.string().describe('Stable machine code; clients localise by it.'),
    message: localizedSchema,
    source: z
      .string()
      .optional()
      .describe('Id of the catalogue source stating the rule (GET /api/catalogue/sources).'),
    params: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .describe('Values the message refers to.'),
  })
  .meta({ id: 'Issue', description: 'One finding of a validator or rule.' });

/** The structured answer of every validator (src/domain/shared/issue.ts). */
export function buildValidationSchema<T extends z.ZodType>(value: T, id: string, description: string) {
  return z
    .object({
      valid: z.boolean().describe('True when there are no errors; warnings do not make it invalid.'),
      normalized: z.string().describe("The input after NFKC and the validator's own normalisation."),
      value: value
        .optional()
        .describe('Parsed parts, present when the input could be parsed (even if a later check failed).'),
      errors: z.array(issueSchema),
      warnings: z.array(issueSchema),
    })
    .meta({ id, description });
}

export const fieldErrorSchema = z
  .object({
    in: z.enum(['body', 'querystring', 'params', 'headers']).describe('Which part of the request.'),
    path: z
      .string()
      .describe('Dotted path of the field inside that part, e.g. "activities.0"; "" for the whole part.'),
    code: z
      .string()
      .describe(
        "The rule that failed: a zod issue code ('invalid_type', 'too_small' …) or a domain code ('invalid_date').",
      ),
    message: z.string(),
  })
  .meta({ id: 'FieldError', description: 'One field of a request that does not match the schema.' });

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes).describe('Stable error code; see docs/api.md.'),
      message: z
        .string()
        .describe(
          'For people, in the language of Accept-Language (zh or en); clients should localise by code.',
        ),
      // The unknown branch keeps any use case's details serialisable; the others document the usual forms.
      details: z
        .union([z.array(fieldErrorSchema), z.record(z.string(), z.unknown()), z.unknown()])
        .optional()
        .describe('Structured data about the error; for validation_failed the list of fields (FieldError).'),
      requestId: z.string().describe('Also in the x-request-id header; quote it when reporting a problem.'),
    }),
  })
  .meta({ id: 'ErrorResponse', description: 'Every error answer has this shape (docs/api.md).' });

export type ErrorResponse = z.output<typeof errorResponseSchema>;
export type FieldError = z.output<typeof fieldErrorSchema>;

/** Error answers every route with input can give. */
export const inputErrorResponses = {
  400: errorResponseSchema,
  429: errorResponseSchema,
  500: errorResponseSchema,
};

/** Error answers of a route without input. */
export const plainErrorResponses = {
  429: errorResponseSchema,
  500: errorResponseSchema,
};

/**
 * Validation messages for dates: the domain's `invalid_date` issue (both languages) travels in the zod
 * issue's params so the error handler can keep its code and pick the caller's language.
 */
export interface DomainIssueParams {
  domainIssue: { code: string; message: { en: string; zh: string } };
}

/** Who took a step of an order's or a licence application's history (src/app/audit/event-actor.ts). */
export const eventActorSchema = z
  .object({
    kind: z.enum(['user', 'system']).describe('A person, or the platform’s own jobs (an expired SMS code).'),
    userId: z.string().optional(),
    name: z.string().optional().describe('The person’s display name; never an e-mail address.'),
    role: z
      .enum(['applicant', 'agent', 'provider_reviewer', 'authority_reviewer', 'platform_admin'])
      .optional()
      .describe('The part the person played in this step.'),
    organisation: localizedSchema
      .optional()
      .describe('The organisation acted for: the access provider, the authority, the agency.'),
    provinceCode: z.string().optional().describe('The authority’s province, for authority reviewers.'),
    onBehalfOf: z.string().optional().describe('An agent’s client: the entity or company filed for.'),
  })
  .meta({ id: 'EventActor', description: 'Who took a step, in which role and for whom.' });
