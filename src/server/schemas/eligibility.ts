import { z } from 'zod';
import { documentKindResponseSchema } from './catalogue.ts';
import { issueSchema, localizedSchema } from './common.ts';

/** Wire form of EligibilityAssessment (src/domain/eligibility/assessment.ts); a type test keeps them in step. */

const sourcesSchema = z
  .array(z.string())
  .describe('Ids of the catalogue sources (GET /api/catalogue/sources).');
const paramsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));

const reasonShape = {
  ruleId: z.string().describe('Stable id of the rule; clients may localise and test by it.'),
  outcome: z.enum(['pass', 'fail', 'condition', 'info']),
  message: localizedSchema,
  sources: sourcesSchema,
  params: paramsSchema.optional(),
};

const reasonSchema = z.object(reasonShape).meta({
  id: 'EligibilityReason',
  description:
    'pass: the rule is met; fail: it blocks; condition: it holds only if something is true or done.',
});

const nextStepSchema = z
  .object({ id: z.string(), message: localizedSchema, sources: sourcesSchema })
  .meta({ id: 'EligibilityNextStep' });

const eligibilityEnum = z.enum(['eligible', 'not_eligible', 'conditional', 'not_applicable']);

const instrumentAssessmentSchema = z
  .object({
    instrument: z.enum(['icp_filing', 'icp_licence', 'edi_licence', 'psb_filing', 'pre_approval']),
    preApprovalId: z.string().optional().describe("The pre-approval id when instrument is 'pre_approval'."),
    name: localizedSchema,
    applies: z.boolean().describe('Whether the planned activities and hosting need this instrument.'),
    eligibility: eligibilityEnum.describe("'not_applicable' exactly when applies is false."),
    order: z
      .number()
      .describe('Phase: 0 pre-approvals, 1 the ICP filing, 2 what needs the filing number (licences, PSB).'),
    reasons: z.array(reasonSchema),
    nextSteps: z.array(nextStepSchema),
  })
  .meta({ id: 'InstrumentAssessment' });

const provinceRefSchema = z.object({ code: z.string(), nameEn: z.string(), nameZh: z.string() });

const authoritySchema = z.object({
  province: provinceRefSchema
    .extend({ authority: z.object({ nameEn: z.string(), nameZh: z.string(), portal: z.string() }) })
    .optional()
    .describe('The provincial communications administration that reviews the filing; absent when unknown.'),
  basis: z.enum(['business_licence', 'id_card', 'residence_permit', 'unknown']),
  reasons: z.array(reasonSchema),
  nextSteps: z.array(nextStepSchema),
});

const provinceRuleItemSchema = z.object({
  ...reasonShape,
  topic: z.enum([
    'individual_residency',
    'non_chinese_individuals',
    'hk_mo_tw_residents',
    'minimum_age',
    'local_mobile',
    'organisation_leader',
    'max_sites_per_order',
    'number_display',
    'shell_entity',
    'review_days',
    'special_item',
  ]),
  note: localizedSchema.optional(),
  alternatives: z.array(
    z.object({ message: localizedSchema, sources: sourcesSchema, note: localizedSchema.optional() }),
  ),
});

const conflictSchema = z.object({
  id: z.string(),
  kind: z.enum(['article_vs_reference', 'sources_disagree']),
  topic: localizedSchema,
  positions: z.array(
    z.object({
      stance: z.enum(['article', 'reference', 'catalogue', 'alternative']),
      message: localizedSchema,
      sources: sourcesSchema,
    }),
  ),
  provinces: z.array(provinceRefSchema),
});

export const checklistItemSchema = z
  .object({
    document: documentKindResponseSchema,
    required: z.boolean().describe('True when at least one matching rule requires the document.'),
    notes: z.array(localizedSchema),
    sources: sourcesSchema,
    ruleIds: z.array(z.string()),
  })
  .meta({
    id: 'ChecklistItem',
    description: 'A document an application needs, with the rules that ask for it.',
  });

const daysSchema = z.object({ typical: z.number(), max: z.number() });
const dateSpanSchema = z.object({ start: z.string(), end: z.string() });

const timelineStepSchema = z.object({
  id: z.enum([
    'provider_review',
    'sms_verification',
    'authority_review',
    'licence_acceptance',
    'licence_review',
    'licence_issuance',
    'psb_filing_deadline',
  ]),
  name: localizedSchema,
  unit: z.enum(['working_days', 'calendar_days']),
  days: daysSchema,
  sources: sourcesSchema,
  note: localizedSchema.optional(),
  dates: z.object({ typical: dateSpanSchema, max: dateSpanSchema }).optional(),
});

const timelineSchema = z.object({
  startDate: z.string().optional(),
  phases: z.array(
    z.object({
      instrument: z.enum(['icp_filing', 'icp_licence', 'edi_licence', 'psb_filing']),
      steps: z.array(timelineStepSchema),
      total: z.object({ workingDays: daysSchema, calendarDays: daysSchema }),
      completion: z.object({ typical: z.string(), max: z.string() }).optional(),
    }),
  ),
  warnings: z.array(issueSchema),
});

export const eligibilityAssessmentSchema = z
  .object({
    summary: z.object({
      licenceType: z.enum([
        'none_hosted_outside_mainland',
        'icp_filing',
        'icp_filing_then_icp_licence',
        'icp_filing_then_edi_licence',
        'icp_filing_then_icp_licence_and_edi_licence',
      ]),
      overall: eligibilityEnum.describe('The worst eligibility among the instruments that apply.'),
      message: localizedSchema,
    }),
    instruments: z.array(instrumentAssessmentSchema),
    authority: authoritySchema,
    provinceRules: z.object({
      province: provinceRefSchema.optional(),
      items: z.array(provinceRuleItemSchema),
    }),
    conflicts: z.array(conflictSchema),
    checklist: z.array(
      z.object({
        instrument: z.enum(['icp_filing', 'icp_licence', 'edi_licence']),
        items: z.array(checklistItemSchema),
      }),
    ),
    timeline: timelineSchema,
  })
  .meta({
    id: 'EligibilityAssessment',
    description:
      'Which licence type the planned site needs, whether this applicant can get each instrument and why, where, with which documents and how long.',
  });
