import type { OrderContentDraft } from '../../../contracts/order-content.ts';
import { type FieldPathSegment, formatFieldPath } from '../../../domain/workflow/field-path.ts';

/**
 * Field paths of an order's content as the domain, return reasons and version diffs write them
 * (`entity.leader.mobile`, `services[0].domain`), and the helpers the wizard needs around them: the
 * API's 400 details (`content.services.0.domain`) mapped to the same form, immutable reads and writes,
 * the step a field is on and the id of its input (links in the final check focus it).
 */

export type Segments = readonly FieldPathSegment[];

export const STEPS = ['entity', 'services', 'access', 'documents', 'review'] as const;
export type StepId = (typeof STEPS)[number];

/** `services[0].admin.mobile` → ['services', 0, 'admin', 'mobile']. */
export function parsePath(path: string): FieldPathSegment[] {
  const segments: FieldPathSegment[] = [];
  for (const part of path.match(/[^.[\]]+|\[\d+\]/gu) ?? []) {
    const index = /^\[(\d+)\]$/u.exec(part);
    segments.push(index ? Number(index[1]) : /^\d+$/u.test(part) ? Number(part) : part);
  }
  return segments;
}

export const formatPath = formatFieldPath;

/**
 * A path of the API's error details (`content.services.0.admin.mobile`, dotted, under `content`) or
 * of a zod issue, in the form the wizard keys its fields by (`services[0].admin.mobile`).
 */
export function toFieldPath(wirePath: string | Segments): string {
  const segments = typeof wirePath === 'string' ? parsePath(wirePath) : [...wirePath];
  if (segments[0] === 'content') segments.shift();
  return formatFieldPath(segments);
}

/** The input's DOM id: links in the final check and in return reasons focus it. */
export function fieldId(path: string): string {
  return `ob-field-${parsePath(path).join('-')}`;
}

/** The step that shows a field. */
export function stepOf(path: string): StepId {
  const [head, , next] = parsePath(path);
  if (head === 'entity') return 'entity';
  if (head === 'attachments' || head === 'documents') return 'documents';
  if (head === 'services') return next === 'access' ? 'access' : 'services';
  return 'review';
}

export function getAt(value: unknown, segments: Segments): unknown {
  let node = value;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** A copy of `value` with `next` at `segments`; missing objects and arrays on the way are created. */
export function setAt<T>(value: T, segments: Segments, next: unknown): T {
  const [head, ...rest] = segments;
  if (head === undefined) return next as T;
  const base: unknown = value ?? (typeof head === 'number' ? [] : {});
  const child = getAt(base, [head]);
  const updated = setAt(child, rest, next);
  if (Array.isArray(base)) {
    const copy = [...base];
    copy[head as number] = updated;
    return copy as T;
  }
  const copy = { ...(base as Record<string, unknown>) };
  if (updated === undefined) delete copy[head as string];
  else copy[head as string] = updated;
  return copy as T;
}

/**
 * The content as it is saved: blank texts and empty objects left out (a cleared input removes its
 * field), array positions kept (a service's index is its identity in paths and return reasons).
 */
export function cleanContent(content: OrderContentDraft): OrderContentDraft {
  const clean = (node: unknown, inArray: boolean): unknown => {
    if (typeof node === 'string') return node.trim() === '' ? undefined : node;
    if (Array.isArray(node)) {
      // Blank entries of a list of texts go; objects stay in place, even empty.
      return node
        .filter((item) => typeof item !== 'string' || item.trim() !== '')
        .map((item) => clean(item, true));
    }
    if (node !== null && typeof node === 'object') {
      const entries = Object.entries(node)
        .map(([key, value]) => [key, clean(value, false)] as const)
        .filter(([, value]) => value !== undefined);
      if (entries.length === 0 && !inArray) return undefined;
      return Object.fromEntries(entries);
    }
    return node;
  };
  return (clean(content, true) ?? {}) as OrderContentDraft;
}

/** Whether `path` is `prefix` or inside it (`services[0]` contains `services[0].name`). */
export function isWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}
