import type { Issue } from '../shared/issue.ts';
import { type FieldPathSegment, formatFieldPath } from '../workflow/field-path.ts';

/**
 * An issue on one field of the order's content. `path` uses the syntax of return reasons and version
 * diffs (`entity.leader.mobile`, `services[0].domain`), so a form shows all three on the same input.
 * `attachments` carries the issues about missing documents.
 */
export interface FieldIssue extends Issue {
  path: string;
}

export type Path = readonly FieldPathSegment[];

/** Gathers errors and warnings, each at most once per path and code. */
export class FieldIssueCollector {
  readonly errors: FieldIssue[] = [];
  readonly warnings: FieldIssue[] = [];
  private readonly seen = new Set<string>();

  error(path: Path, found: Issue): void {
    this.add(this.errors, 'e', path, found);
  }

  warning(path: Path, found: Issue): void {
    this.add(this.warnings, 'w', path, found);
  }

  /**
   * The errors and warnings of a field validator, at the field's path. Validators leave the source out
   * of pure syntax checks (an e-mail's shape); here every issue cites the source of the field's rule.
   */
  addValidation(
    path: Path,
    result: { errors: readonly Issue[]; warnings: readonly Issue[] },
    fieldSource: string,
  ): void {
    for (const found of result.errors) this.error(path, { ...found, source: found.source ?? fieldSource });
    for (const found of result.warnings)
      this.warning(path, { ...found, source: found.source ?? fieldSource });
  }

  hasError(path: Path): boolean {
    const text = formatFieldPath(path);
    return this.errors.some((found) => found.path === text);
  }

  private add(list: FieldIssue[], kind: string, path: Path, found: Issue): void {
    const text = formatFieldPath(path);
    const key = `${kind}\u0000${text}\u0000${found.code}\u0000${JSON.stringify(found.params ?? {})}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    list.push({ ...found, path: text });
  }
}
