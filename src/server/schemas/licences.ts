import { z } from 'zod';
import { parseLicenceReference } from '../../app/licences/licence-reference.ts';
import { MAX_LICENCE_PAGE } from '../../app/licences/list-licence-applications.ts';
import { MAX_MATERIAL_NOTE_LENGTH } from '../../app/licences/material-marks.ts';
import { MAX_CHANGE_DESCRIPTION_LENGTH } from '../../app/licences/record-licence-change.ts';
import { LIMITS } from '../../contracts/limits.ts';
import { ACTIVITIES, APPLICANT_KINDS, PILOT_ZONES } from '../../domain/eligibility/profile.ts';
import { LICENCE_COMMAND_KINDS } from '../../domain/licence/licence-command.ts';
import { LICENCE_KINDS, LICENCE_SCOPES } from '../../domain/licence/licence-kind.ts';
import { LICENCE_CHANGE_KINDS } from '../../domain/licence/licence-obligations.ts';
import { LICENCE_APPLICATION_STATUSES } from '../../domain/licence/licence-status.ts';
import { buildPlainText, rowIdSchema } from '../routes/organisations.ts';
import { type DomainIssueParams, eventActorSchema, issueSchema, localizedSchema } from './common.ts';
import { buildDateInput } from './inputs.ts';
import { reasonsBodySchema, returnReasonSchema } from './orders.ts';

/**
 * Wire forms of ICP and EDI licence applications (src/app/licences/): the reference in the URL, the
 * request bodies, and the application as a viewer sees it (present-licence-application.ts).
 */

// Reference --------------------------------------------------------------------------------------------

export interface LicenceRef {
  id: number;
  /** The year of an LA-YYYY-NNNNNN reference; the route checks it against the application. */
  year?: number;
}

const NUMERIC_ID = /^[1-9]\d{0,14}$/u;

function invalidReference(): DomainIssueParams {
  return {
    domainIssue: {
      code: 'invalid_licence_reference',
      message: {
        en: 'Use the application reference (LA-2026-000123) or its id (123).',
        zh: '请使用申请编号（LA-2026-000123）或申请 ID（123）。',
      },
    },
  };
}

export const licenceRefSchema = z
  .string()
  .max(32)
  .transform((value, context): LicenceRef => {
    const text = value.trim();
    const reference = parseLicenceReference(text);
    if (reference) return reference;
    const id = NUMERIC_ID.test(text) ? Number(text) : Number.NaN;
    if (!Number.isSafeInteger(id)) {
      const params = invalidReference();
      context.addIssue({ code: 'custom', message: params.domainIssue.message.en, params });
      return z.NEVER;
    }
    return { id };
  })
  .describe('The application reference, e.g. LA-2026-000123, or its numeric id.');

export const licenceRefParamsSchema = z.object({ ref: licenceRefSchema });

// Shared pieces ----------------------------------------------------------------------------------------

const instant = (description: string) => z.string().describe(`${description} ISO 8601 instant (UTC).`);
const isoDate = (description: string) => z.string().describe(`${description} YYYY-MM-DD (China).`);
const sourcesSchema = z
  .array(z.string())
  .describe('Ids of the catalogue sources (GET /api/catalogue/sources).');

export const licenceKindSchema = z
  .enum(LICENCE_KINDS)
  .describe('icp: commercial ICP licence (B25, paid information services); edi: e-commerce platforms (B21).');
export const licenceScopeSchema = z
  .enum(LICENCE_SCOPES)
  .describe('provincial: the province’s communications administration decides; cross_regional: MIIT.');
export const licenceStatusSchema = z
  .enum(LICENCE_APPLICATION_STATUSES)
  .describe('Where the application is: draft → submitted → acceptance_check → under_review → approved.');
const licenceActionSchema = z
  .enum([...LICENCE_COMMAND_KINDS, 'edit', 'record_obligation'])
  .describe(
    'A workflow command, edit (PUT …/draft), or record_obligation (annual reports, renewal, changes).',
  );

export const licenceFactsSchema = z
  .strictObject({
    applicantKind: z
      .enum(APPLICANT_KINDS)
      .describe(
        'chinese_company, wfoe, joint_venture … (only companies established in China can hold a licence).',
      ),
    chineseOwnershipPercent: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe('Chinese (mainland) share in percent; required for a joint_venture.'),
    registeredCapitalRmb: z
      .number()
      .nonnegative()
      .max(1e15)
      .optional()
      .describe('Registered capital in RMB: at least 1 million in one province, 10 million cross-regional.'),
    pilotZone: z
      .enum(PILOT_ZONES)
      .optional()
      .describe('The 2024 pilot zone the company is registered in, if any (no foreign-ownership cap there).'),
    activities: z
      .array(z.enum(ACTIVITIES))
      .min(1)
      .max(LIMITS.activitiesPerService)
      .optional()
      .describe('What the site does; online_sales (ICP) or ecommerce_platform (EDI) when absent.'),
    icpFilingNumber: z
      .string()
      .max(60)
      .optional()
      .describe('The site’s ICP filing number, e.g. 京ICP备2024012345号: a licence needs a filed site.'),
    preApprovals: z
      .array(z.string().max(LIMITS.id))
      .max(LIMITS.preApprovalsPerService)
      .optional()
      .describe('Catalogue pre-approval ids the service holds (GET /api/catalogue/pre-approvals).'),
  })
  .meta({ id: 'LicenceFacts', description: 'What the applicant states about the company.' });

export const materialMarksSchema = z
  .record(
    z.string().max(LIMITS.id + 20),
    z.strictObject({
      provided: z.boolean(),
      note: z
        .string()
        .max(MAX_MATERIAL_NOTE_LENGTH)
        .optional()
        .describe('Where the material is; no personal data.'),
    }),
  )
  .refine((marks) => Object.keys(marks).length <= 60, 'at most 60 materials')
  .describe('By material id (GET /api/licences/materials): whether it is provided, with a note.')
  .meta({ id: 'LicenceMaterialMarks' });

const checkSchema = z
  .object({
    ruleId: z.string().describe('Stable id of the rule: licence.registered_capital.below …'),
    outcome: z.enum(['pass', 'fail', 'condition', 'info']),
    message: localizedSchema,
    sources: sourcesSchema,
    params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .meta({
    id: 'LicenceCheck',
    description:
      'One prerequisite check: pass, fail (blocks submission), condition or info, with why and sources.',
  });

const nextStepSchema = z
  .object({ id: z.string(), message: localizedSchema, sources: sourcesSchema })
  .meta({ id: 'LicenceNextStep' });

const prerequisitesShape = {
  isMet: z.boolean().describe('True when no check fails.'),
  checks: z.array(checkSchema),
  blocking: z.array(z.string()).describe('Rule ids of the failing checks: submission waits for them.'),
  nextSteps: z.array(nextStepSchema),
};

export const licencePrerequisitesSchema = z
  .object({
    ...prerequisitesShape,
    facts: licenceFactsSchema.describe('The facts as checked: filing number canonical.'),
    provinceCode: z.string(),
  })
  .meta({ id: 'LicencePrerequisites' });

export const licenceMaterialSchema = z
  .object({
    id: z.string().describe('Stable id; pre-approvals are pre_approval:<id>.'),
    name: localizedSchema,
    detail: localizedSchema,
    required: z.boolean(),
    sources: sourcesSchema,
    documentKind: z.string().optional().describe('The catalogue document kind it is uploaded as.'),
  })
  .meta({ id: 'LicenceMaterial' });

const materialViewSchema = licenceMaterialSchema
  .extend({ provided: z.boolean(), note: z.string().optional() })
  .meta({ id: 'LicenceMaterialState' });

// The application as a viewer sees it ------------------------------------------------------------------

const deadlinesSchema = z
  .object({
    acceptanceDue: instant('Acceptance check due (5 working days after submission).').optional(),
    reviewDue: instant('Decision due (60 days after acceptance).').optional(),
  })
  .meta({ id: 'LicenceDeadlines' });

export const licenceSummarySchema = z
  .object({
    id: z.number().int(),
    reference: z.string().describe('LA-2026-000123: what people quote; the URLs accept it.'),
    kind: licenceKindSchema,
    scope: licenceScopeSchema,
    provinceCode: z.string().describe('The company’s province.'),
    authorityMode: z
      .enum(['sandbox', 'recorded'])
      .describe('sandbox: the built-in authority decides; recorded: the applicant records the real one.'),
    status: licenceStatusSchema,
    companyName: z.string(),
    applicantUserId: z.string(),
    agentOrgId: z.string().optional(),
    clientUserId: z.string().optional(),
    deadlines: deadlinesSchema,
    hasReasons: z.boolean(),
    createdAt: instant('Created.'),
    updatedAt: instant('Last change.'),
    submittedAt: instant('Last submitted.').optional(),
    decidedAt: instant('Approved, rejected or withdrawn.').optional(),
  })
  .meta({ id: 'LicenceApplicationSummary' });

const issuedLicenceSchema = z
  .object({
    telecomLicenceNumber: z.string().describe('京B2-20260001, or B2-20260001 from MIIT.'),
    icpLicenceNumber: z.string().optional().describe('京ICP证260001号: provincial ICP licences.'),
    holderName: z.string(),
    issuedOn: isoDate('Issued.'),
    expiresOn: isoDate('Last day of validity (5 years).'),
    renewalAppliedOn: isoDate('Renewal applied for.').optional(),
    annualReports: z.array(z.number().int()).describe('Years reported on.'),
    changes: z.array(
      z.object({
        id: z.number().int(),
        kind: z.enum(LICENCE_CHANGE_KINDS),
        description: z.string(),
        changedOn: isoDate('Took effect.'),
        filedOn: isoDate('Recorded with the authority.').optional(),
        recordedAt: instant('Recorded here.'),
      }),
    ),
  })
  .meta({ id: 'IssuedLicence' });

const obligationsSchema = z
  .object({
    today: isoDate('The day the states are for.'),
    renewal: z.object({
      state: z.enum(['not_yet', 'open', 'due_soon', 'late', 'expired', 'done']),
      expiresOn: z.string(),
      opensOn: z.string(),
      dueSoonFrom: z.string(),
      renewalDeadline: z.string().describe('Apply by this day: 90 days before expiry.'),
      daysToDeadline: z.number().int(),
      appliedLate: z.boolean().optional(),
    }),
    annualReports: z.array(
      z.object({
        forYear: z.number().int(),
        state: z.enum(['upcoming', 'open', 'due_soon', 'late', 'done']),
        opensOn: z.string(),
        dueSoonFrom: z.string(),
        dueOn: z.string(),
        blockedBy: z.array(issueSchema).describe('Changes to record with the authority first.'),
      }),
    ),
  })
  .meta({ id: 'LicenceObligations', description: 'Renewal and annual reports on today’s date (China).' });

export const licenceApplicationSchema = licenceSummarySchema
  .extend({
    kindName: localizedSchema,
    authority: z.object({
      id: z.string().describe('The province code, or miit.'),
      name: localizedSchema,
      website: z.string(),
      applicationPlatform: z.string(),
    }),
    uscc: z.string(),
    facts: licenceFactsSchema,
    version: z.number().int(),
    submittedVersion: z.number().int().optional(),
    acceptedAt: instant('Accepted.').optional(),
    reasons: z.array(returnReasonSchema).describe('The latest materials request or rejection.'),
    prerequisites: z.object(prerequisitesShape),
    materials: z.array(materialViewSchema),
    areMaterialsComplete: z.boolean(),
    allowedActions: z.array(licenceActionSchema).describe('What the caller may do now.'),
    licence: issuedLicenceSchema.optional(),
    obligations: obligationsSchema.optional(),
    versions: z.array(z.object({ version: z.number().int(), submittedAt: instant('Submitted.') })),
    events: z
      .array(
        z.object({
          type: z
            .string()
            .describe('created, submitted, materials_requested, approved, annual_report_recorded …'),
          from: licenceStatusSchema,
          to: licenceStatusSchema,
          at: instant('When.'),
          details: z.record(z.string(), z.unknown()),
          actor: eventActorSchema,
        }),
      )
      .describe('The timeline, oldest first.'),
  })
  .meta({ id: 'LicenceApplication', description: 'One licence application as the caller may see it.' });

export const licenceResultSchemas = {
  list: z
    .object({ items: z.array(licenceSummarySchema), hasMore: z.boolean() })
    .meta({ id: 'LicenceApplicationList' }),
  command: z
    .object({
      application: licenceApplicationSchema,
      numbers: z
        .object({ telecomLicenceNumber: z.string(), icpLicenceNumber: z.string().optional() })
        .optional()
        .describe('The numbers an approval issued or recorded.'),
    })
    .meta({ id: 'LicenceCommandResult' }),
  materials: z.object({ items: z.array(licenceMaterialSchema) }).meta({ id: 'LicenceMaterialList' }),
};

// Requests ---------------------------------------------------------------------------------------------

const provinceInput = buildPlainText(32).describe('Code (11), name (Beijing, 北京) or abbreviation (京).');

export const createLicenceBodySchema = z
  .strictObject({
    kind: licenceKindSchema,
    scope: licenceScopeSchema,
    province: provinceInput.describe('The company’s province (where its business licence was issued).'),
    companyName: buildPlainText(LIMITS.entityName),
    uscc: buildPlainText(LIMITS.certificateNumber).describe('The company’s unified social credit code.'),
    facts: licenceFactsSchema,
    materials: materialMarksSchema.optional(),
    agentOrgId: rowIdSchema.optional().describe('Agents: the agency applying for a client.'),
    clientUserId: rowIdSchema.optional().describe('Agents: the client; the agency must hold its letter.'),
  })
  .meta({ id: 'CreateLicenceApplicationRequest' });

export const updateLicenceDraftBodySchema = z
  .strictObject({
    facts: licenceFactsSchema.optional().describe('Replaces the facts.'),
    materials: materialMarksSchema.optional().describe('Replaces the material marks.'),
  })
  .meta({ id: 'UpdateLicenceDraftRequest' });

export const prerequisitesBodySchema = z
  .strictObject({
    kind: licenceKindSchema,
    scope: licenceScopeSchema,
    province: provinceInput,
    facts: licenceFactsSchema,
    companyName: buildPlainText(LIMITS.entityName)
      .optional()
      .describe('Compared with the unit the filing number is registered to.'),
  })
  .meta({ id: 'LicencePrerequisitesRequest' });

const reasonsInput = reasonsBodySchema.shape.reasons;

export const authorityCommandBodySchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('start_acceptance_check') }),
    z.strictObject({ kind: z.literal('request_materials'), reasons: reasonsInput }),
    z.strictObject({ kind: z.literal('accept') }),
    z.strictObject({
      kind: z.literal('approve'),
      issuedOn: buildDateInput('The issue date printed on the licence; today when absent:').optional(),
      expiresOn: buildDateInput(
        'The last day of validity; issuedOn + 5 years − 1 day when absent:',
      ).optional(),
      numbers: z
        .strictObject({
          telecomLicenceNumber: z.string().max(60),
          icpLicenceNumber: z.string().max(60).optional(),
        })
        .optional()
        .describe('Recorded mode only: the numbers the real authority printed.'),
    }),
    z.strictObject({ kind: z.literal('reject'), reasons: reasonsInput }),
  ])
  .meta({ id: 'LicenceAuthorityCommand' });

export const annualReportBodySchema = z
  .strictObject({ year: z.number().int().min(2000).max(2199).describe('The year reported on.') })
  .meta({ id: 'LicenceAnnualReportRequest' });

export const renewalBodySchema = z
  .strictObject({ appliedOn: buildDateInput('When the renewal application was filed:') })
  .meta({ id: 'LicenceRenewalRequest' });

export const changeBodySchema = z
  .strictObject({
    kind: z.enum(LICENCE_CHANGE_KINDS),
    description: buildPlainText(MAX_CHANGE_DESCRIPTION_LENGTH),
    effectiveOn: buildDateInput('When the change took effect:'),
    filedOn: buildDateInput(
      'When it was recorded with the licensing authority (omit if not yet):',
    ).optional(),
  })
  .meta({ id: 'LicenceChangeRequest' });

export const changeParamsSchema = z.object({
  ref: licenceRefSchema,
  changeId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

export const changeFiledBodySchema = z
  .strictObject({ filedOn: buildDateInput('When the change was recorded with the licensing authority:') })
  .meta({ id: 'LicenceChangeFiledRequest' });

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

export const listLicencesQuerySchema = z.object({
  status: listFilter(
    licenceStatusSchema,
    'Only these statuses, comma-separated: submitted,acceptance_check.',
  ),
  kind: listFilter(licenceKindSchema, 'Only these kinds: icp,edi.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LICENCE_PAGE)
    .default(50)
    .describe(`At most this many (1–${MAX_LICENCE_PAGE}, default 50).`),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const materialsQuerySchema = z.object({
  kind: licenceKindSchema,
  scope: licenceScopeSchema.default('provincial'),
  foreignInvested: z
    .enum(['true', 'false'])
    .default('false')
    .describe('true when any share is foreign (Hong Kong, Macao and Taiwan included).'),
  preApprovals: listFilter(z.string().max(LIMITS.id), 'Pre-approval ids, comma-separated: education,news.'),
});
