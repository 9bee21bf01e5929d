import type { Catalogue } from '../catalogue/catalogue.ts';
import type { CertificateType, EntityNature, Province, ProvinceRules } from '../catalogue/schema.ts';
import { issue } from '../shared/issue.ts';
import type { OrderTypeId } from '../workflow/order-type.ts';
import type { FieldIssueCollector, Path } from './field-issue.ts';
import { getFieldLabel } from './field-labels.ts';

export type ValidationMode = 'save' | 'submit';

/** What every check reads: the options, the resolved catalogue entries and the issue collector. */
export interface ContentContext {
  mode: ValidationMode;
  isSubmit: boolean;
  orderType: OrderTypeId;
  /**
   * Orders that carry the whole filing form and its documents (first filing, add service, add access,
   * change). Cancellations only name what they remove, so the eligibility rules do not apply to them.
   */
  isFilingOrder: boolean;
  /** `YYYY-MM-DD`, the caller's China date. */
  today: string;
  catalogue: Catalogue;
  issues: FieldIssueCollector;
  province?: Province;
  rules?: ProvinceRules;
  nature?: EntityNature;
  entityCertificateType?: CertificateType;
}

/** Source of the filing form's fields (reference §4.3). */
export const FORM_SOURCE = 'ref-4-fields';

/** A string with something in it; blank strings count as absent (forms send '' for empty inputs). */
export function readText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The elements of an array field, or none when the field is absent or not an array. */
export function readList<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** Reports a missing field (submit mode): the code is always `required`, the label names the field. */
export function reportRequired(context: ContentContext, path: Path): void {
  const last = [...path].reverse().find((segment) => typeof segment === 'string') ?? '';
  const label = getFieldLabel(String(last));
  context.issues.error(
    path,
    issue('required', `Enter ${label.en}.`, `请填写${label.zh}。`, {
      source: FORM_SOURCE,
      params: { field: String(last) },
    }),
  );
}

/** In submit mode, reports each listed text field of `record` that is blank; returns whether all are filled. */
export function requireTexts(
  context: ContentContext,
  path: Path,
  record: Record<string, unknown> | undefined,
  keys: readonly string[],
): boolean {
  let complete = true;
  for (const key of keys) {
    if (readText(record?.[key]) !== undefined) continue;
    complete = false;
    if (context.isSubmit) reportRequired(context, [...path, key]);
  }
  return complete;
}

export function findCertificateType(context: ContentContext, id: string | undefined) {
  return id === undefined ? undefined : context.catalogue.certificateTypes.find((type) => type.id === id);
}
