import { type FieldPathSegment, formatFieldPath } from './field-path.ts';

/** One difference between two submitted versions of an order's data. */
export interface FieldChange {
  /** `entity.leader.mobile`, `services[1].domain`; '' when the whole value differs. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

type Container = Record<string, unknown> | unknown[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function isSameLeaf(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

/** Own properties only: JSON.parse('{"__proto__": 1}') has one, and a missing one must not read the prototype. */
function readOwn(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

class DiffWalker {
  readonly changes: FieldChange[] = [];
  private readonly openBefore = new Set<Container>();
  private readonly openAfter = new Set<Container>();

  walk(before: unknown, after: unknown, segments: FieldPathSegment[]): void {
    // The same reference holds the same data (and spares walking a shared subtree).
    if (before === after) return;
    const path = formatFieldPath(segments);
    if (before === undefined) {
      this.changes.push({ path, kind: 'added', after });
    } else if (after === undefined) {
      this.changes.push({ path, kind: 'removed', before });
    } else if (Array.isArray(before) && Array.isArray(after)) {
      this.enter(before, after, () => {
        for (let index = 0; index < Math.max(before.length, after.length); index += 1) {
          this.walk(before[index], after[index], [...segments, index]);
        }
      });
    } else if (isRecord(before) && isRecord(after)) {
      this.enter(before, after, () => {
        const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
        for (const key of keys) this.walk(readOwn(before, key), readOwn(after, key), [...segments, key]);
      });
    } else if (!isSameLeaf(before, after)) {
      this.changes.push({ path, kind: 'changed', before, after });
    }
  }

  /** Snapshots are JSON trees; a cycle would recurse forever, so it is refused. */
  private enter(before: Container, after: Container, visit: () => void): void {
    if (this.openBefore.has(before) || this.openAfter.has(after)) {
      throw new RangeError('Cannot diff a cyclic structure');
    }
    this.openBefore.add(before);
    this.openAfter.add(after);
    visit();
    this.openBefore.delete(before);
    this.openAfter.delete(after);
  }
}

/**
 * The field-level differences between two versions of an order's data, for reviewers comparing a
 * resubmission with what they returned. Objects are compared key by key (keys sorted), arrays index by
 * index; an added or removed subtree is reported once, at its root. `undefined` counts as absent, as in
 * JSON; dates compare by instant. The order of the result depends only on the inputs.
 */
export function diffSnapshots(previous: unknown, next: unknown): FieldChange[] {
  const walker = new DiffWalker();
  walker.walk(previous, next, []);
  return walker.changes;
}
