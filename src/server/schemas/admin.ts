import { z } from 'zod';
import { lexiconLists, provinceRuleFields } from '../../app/admin/catalogue-edits.ts';
import { CATALOGUE_EDIT_PROBLEM_CODES } from '../../contracts/catalogue-edit-problems.ts';
import { lexiconSchema, sourceKindSchema, sourceSchema } from '../../domain/catalogue/schema.ts';
import { localizedSchema } from './common.ts';
import { buildDateInput } from './inputs.ts';

/** Wire schemas of the platform administrators' routes (calendar overrides, catalogue edits, audit log). */

const MAX_NAME_LENGTH = 90;
const MAX_SOURCE_TEXT_LENGTH = 200;
const MAX_URL_LENGTH = 280;

/** One line of text without control characters, trimmed. */
function buildLine(max: number, description: string) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'no control characters')
    .describe(description);
}

const httpUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(MAX_URL_LENGTH)
  .describe('An http(s) address where the source can be read.');

export const calendarOverrideBodySchema = z
  .strictObject({
    kind: z.enum(['holiday', 'workday']).describe('holiday: a day off; workday: a worked day (调休上班).'),
    nameEn: buildLine(MAX_NAME_LENGTH, 'The holiday’s English name, e.g. National Day.').optional(),
    nameZh: buildLine(MAX_NAME_LENGTH, 'The holiday’s Chinese name, e.g. 国庆节.').optional(),
    source: z
      .strictObject({
        text: buildLine(
          MAX_SOURCE_TEXT_LENGTH,
          'The notice, e.g. 国务院办公厅关于2027年部分节假日安排的通知.',
        ),
        url: httpUrlSchema.optional(),
      })
      .describe('Where the day comes from.'),
  })
  .meta({ id: 'CalendarOverrideRequest' });

const noticeDate = (description: string) => buildDateInput(description);

export const calendarNoticeBodySchema = z
  .strictObject({
    holidayFrom: noticeDate('The holiday’s first day:'),
    holidayTo: noticeDate('The holiday’s last day (at most 31 days after the first):'),
    makeupWorkdays: z
      .array(noticeDate('A make-up working day (调休上班):'))
      .max(10)
      .default([])
      .describe('The days worked to make up for the holiday, outside it; none when the notice names none.'),
    nameEn: calendarOverrideBodySchema.shape.nameEn,
    nameZh: calendarOverrideBodySchema.shape.nameZh,
    source: calendarOverrideBodySchema.shape.source,
  })
  .meta({ id: 'CalendarNoticeRequest' });

export const calendarOverrideSchema = z
  .object({
    date: z.string(),
    kind: z.enum(['holiday', 'workday']),
    nameEn: z.string().optional(),
    nameZh: z.string().optional(),
    source: z.object({ text: z.string(), url: z.string().optional() }),
    createdBy: z.string().describe('"user:<id>" of the administrator.'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CalendarOverride', description: 'A day an administrator set on top of the seed calendar.' });

export const calendarYearSchema = z
  .object({
    year: z.number().int(),
    hasSeedData: z.boolean().describe('The shipped data (chinese-days) covers the year.'),
    overrides: z.number().int().describe('Days of the year administrators set or corrected.'),
    holidays: z.number().int().describe('Holidays in force, after overrides.'),
    makeupWorkdays: z
      .number()
      .int()
      .describe('Days marked as worked (make-up working days), after overrides.'),
  })
  .meta({
    id: 'CalendarYear',
    description:
      'A year with holiday data. A year with overrides but no seed data counts as having data: administrators enter a year’s State Council notice whole.',
  });

const provinceCodeSchema = z
  .string()
  .regex(/^\d{2}$/)
  .describe('Two-digit province code, e.g. 11 (GET /api/catalogue/provinces).');

const termSchema = buildLine(50, 'The word, e.g. 论坛.');
const tldSchema = buildLine(130, 'The suffix without a leading dot, e.g. dev or 中国 (IDNs in either form).');

export const catalogueChangeSchema = z
  .discriminatedUnion('kind', [
    z
      .strictObject({
        kind: z.literal('province_rule'),
        province: provinceCodeSchema,
        field: z
          .enum(provinceRuleFields)
          .describe('A field of the province’s rules (GET /api/catalogue/provinces/:key).'),
        value: z
          .unknown()
          .optional()
          .describe(
            'The new value: a sourced field’s `value` (e.g. {"typical": 1, "max": 2} for providerReviewDays), or the whole list of extraDocuments or specialItems.',
          ),
        note: localizedSchema.nullable().optional().describe('A sourced field’s note; null removes it.'),
      })
      .describe('Sets one field of a province’s rules; the edit’s source becomes the field’s source.'),
    z.strictObject({ kind: z.literal('tld_add'), tld: tldSchema }).describe('Adds a fileable TLD.'),
    z.strictObject({ kind: z.literal('tld_remove'), tld: tldSchema }).describe('Removes a fileable TLD.'),
    z
      .strictObject({
        kind: z.literal('lexicon_add'),
        list: z.enum(lexiconLists),
        province: provinceCodeSchema.optional().describe('Only (and always) for provinceIndividualBanned.'),
        term: termSchema,
      })
      .describe('Adds a word to a site-name word list.'),
    z
      .strictObject({
        kind: z.literal('lexicon_remove'),
        list: z.enum(lexiconLists),
        province: provinceCodeSchema.optional().describe('Only (and always) for provinceIndividualBanned.'),
        term: termSchema,
      })
      .describe('Removes a word from a site-name word list.'),
  ])
  .meta({ id: 'CatalogueChange' });

export const catalogueEditBodySchema = z
  .strictObject({
    change: catalogueChangeSchema,
    source: z
      .union([
        z.strictObject({
          sourceId: z.string().max(100).describe('An id from GET /api/catalogue/sources.'),
        }),
        z.strictObject({
          title: buildLine(MAX_SOURCE_TEXT_LENGTH, 'The source’s title.'),
          url: httpUrlSchema,
          kind: sourceKindSchema.optional().describe('What kind of source it is; secondary when omitted.'),
        }),
      ])
      .describe('Why the edit holds: a listed source, or a new one (added to the sources).'),
  })
  .meta({ id: 'CatalogueEditRequest' });

export const catalogueEditProblemSchema = z
  .object({
    code: z
      .enum(CATALOGUE_EDIT_PROBLEM_CODES)
      .describe('Stable: clients word the problem by code, with `params`.'),
    params: z
      .record(z.string(), z.string())
      .describe(
        'What the problem is about: province, field, tld, list, term, sourceId, path and kind, or detail (the failed check, in English).',
      ),
    message: z.string().describe('The problem in English.'),
  })
  .meta({ id: 'CatalogueEditProblem' });

export const catalogueEditSchema = z
  .object({
    id: z.number().int(),
    change: z.record(z.string(), z.unknown()).describe('The change as stored (CatalogueChange).'),
    sourceId: z.string(),
    newSource: sourceSchema.optional().describe('The source the edit added to the catalogue, if any.'),
    createdBy: z.string(),
    createdAt: z.iso.datetime(),
    revertedBy: z.string().optional(),
    revertedAt: z.iso.datetime().optional(),
    status: z
      .enum(['applied', 'reverted', 'not_applied'])
      .describe('not_applied: stored but no longer applicable to the shipped data (see problems).'),
    problems: z.array(catalogueEditProblemSchema).optional(),
  })
  .meta({ id: 'CatalogueEdit' });

export const catalogueLexiconSchema = lexiconSchema.meta({
  id: 'CatalogueLexicon',
  description:
    'The site-name word lists in force. provinceIndividualBanned is keyed by two-digit province code; minLength and maxLength bound a name’s length in Chinese-character equivalents.',
});

export const auditEventSchema = z
  .object({
    sequence: z.number().int(),
    occurredAt: z.string(),
    actor: z.string().describe('"user:<id>", "system", "cli" …'),
    action: z.string().describe('Dotted event type, e.g. order.submitted.'),
    subjectType: z.string(),
    subjectId: z.string(),
    hash: z.string(),
    prevHash: z.string(),
  })
  .meta({ id: 'AuditEvent', description: 'An audit log entry without its payload.' });

export const auditEventDetailSchema = auditEventSchema
  .extend({
    payload: z
      .unknown()
      .describe('The event’s data as hashed: references (ids, codes, dates), never personal data.'),
  })
  .meta({ id: 'AuditEventDetail', description: 'An audit log entry with its payload.' });

export const auditVerificationSchema = z
  .object({
    ok: z.boolean(),
    count: z.number().int().describe('Events verified (before the break, when there is one).'),
    headHash: z.string().optional(),
    brokenAt: z.number().int().optional().describe('Sequence number of the first broken link.'),
    reason: z.enum(['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'head_mismatch']).optional(),
    verifiedAt: z.iso.datetime().describe('When the verification started.'),
  })
  .meta({ id: 'AuditVerification' });

export const auditVerificationStatusSchema = z
  .object({
    last: auditVerificationSchema
      .optional()
      .describe('The last verification since the server started; absent before the first.'),
    headSequence: z.number().int().describe('Events in the log now.'),
    isRunning: z.boolean().describe('A verification is running.'),
  })
  .meta({ id: 'AuditVerificationStatus' });
