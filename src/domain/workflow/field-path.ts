/**
 * Field paths name one field of an order's data the way reviewers and forms do:
 * `entity.leader.mobile`, `services[0].domain`. Return reasons and version diffs use the same form,
 * so a client can put both next to the same input. Keys that are not identifiers are quoted:
 * `documents["id-card"]`.
 */

export type FieldPathSegment = string | number;

export const MAX_FIELD_PATH_LENGTH = 300;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/u;

const SEGMENT = String.raw`(?:\[\d+\]|\["(?:[^"\\]|\\.)*"\])`;
const FIELD_PATH = new RegExp(
  String.raw`^(?:[A-Za-z_$][A-Za-z0-9_$]*|${SEGMENT})(?:\.[A-Za-z_$][A-Za-z0-9_$]*|${SEGMENT})*$`,
  'u',
);

/** Joins segments: numbers become `[i]`, identifiers `.name`, other keys `["key"]`. */
export function formatFieldPath(segments: readonly FieldPathSegment[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') {
      path += `[${segment}]`;
    } else if (IDENTIFIER.test(segment)) {
      path += path === '' ? segment : `.${segment}`;
    } else {
      path += `[${JSON.stringify(segment)}]`;
    }
  }
  return path;
}

/** True for a non-empty path in the form `formatFieldPath` produces. */
export function isFieldPath(path: string): boolean {
  return path.length > 0 && path.length <= MAX_FIELD_PATH_LENGTH && FIELD_PATH.test(path);
}
