import { z } from 'zod';
import type { Localized } from '../shared/localized.ts';
import rawTemplates from './data/return-reasons.json' with { type: 'json' };
import { localizedSchema } from './schema.ts';

/**
 * Return-reason templates: the common reasons providers send filings back for (reference §10), each
 * with the fields it is about and ready-made text in both languages. A reviewer picks one by
 * `templateId` and may add their own words; statistics group returns by template. Plain data with
 * sources, like the rest of the catalogue.
 */

/** A field path with `[]` where an index goes: services[].name, entity.leader.mobile. */
const templateFieldPathSchema = z
  .string()
  .regex(/^[A-Za-z_$][A-Za-z0-9_$]*(?:\[\]|\.[A-Za-z_$][A-Za-z0-9_$]*)*$/u);

export const returnReasonTemplateSchema = z.object({
  /** Also the reason code returns made with the template carry. */
  id: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/u)
    .max(64),
  /** The fields the reason may be put on (a path or any field under it); empty: the whole order. */
  fieldPaths: z.array(templateFieldPathSchema),
  text: localizedSchema,
  sources: z.array(z.string()).min(1),
});

export type ReturnReasonTemplate = z.infer<typeof returnReasonTemplateSchema> & { text: Localized };

export const returnReasonTemplatesSchema = z
  .array(returnReasonTemplateSchema)
  .superRefine((items, context) => {
    const seen = new Set<string>();
    for (const [index, item] of items.entries()) {
      if (seen.has(item.id)) {
        context.addIssue({
          code: 'custom',
          path: [index, 'id'],
          message: `duplicate template id ${item.id}`,
        });
      }
      seen.add(item.id);
    }
  });

export interface ReturnReasonCatalogue {
  templates: readonly ReturnReasonTemplate[];
  byId: ReadonlyMap<string, ReturnReasonTemplate>;
}

/**
 * Validates template data; `sourceIds` (the main catalogue's) are checked when given.
 * @throws Error listing every problem.
 */
export function buildReturnReasonCatalogue(
  raw: unknown,
  sourceIds?: ReadonlySet<string>,
): ReturnReasonCatalogue {
  const parsed = returnReasonTemplatesSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `Invalid return-reason templates: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  if (sourceIds) {
    const unknown = parsed.data.flatMap((t) =>
      t.sources.filter((s) => !sourceIds.has(s)).map((s) => `${t.id}: ${s}`),
    );
    if (unknown.length > 0)
      throw new Error(`Unknown sources in return-reason templates: ${unknown.join(', ')}`);
  }
  return { templates: parsed.data, byId: new Map(parsed.data.map((t) => [t.id, t])) };
}

/** The templates shipped with OpenBeian, validated once at module load. */
export const defaultReturnReasons: ReturnReasonCatalogue = buildReturnReasonCatalogue(rawTemplates);

/** `services[2].admin.mobile` → `services[].admin.mobile`: the form templates and statistics use. */
export function generaliseFieldPath(path: string): string {
  return path.replace(/\[\d+\]/gu, '[]');
}

/** Whether a reason on `fieldPath` fits the template: on one of its fields or under one. */
export function fitsTemplate(template: ReturnReasonTemplate, fieldPath: string | undefined): boolean {
  if (fieldPath === undefined || template.fieldPaths.length === 0) return true;
  const general = generaliseFieldPath(fieldPath);
  return template.fieldPaths.some(
    (path) => general === path || general.startsWith(`${path}.`) || general.startsWith(`${path}[`),
  );
}
