import type { AdminDeps } from './admin-stores.ts';
import type { CatalogueEditProblem, CatalogueEditRecord } from './catalogue-edits.ts';

export interface CatalogueEditView extends CatalogueEditRecord {
  /**
   * applied: part of the catalogue in force; reverted: taken back by an admin; not_applied: stored but
   * no longer applicable (the shipped data changed under it), with `problems`.
   */
  status: 'applied' | 'reverted' | 'not_applied';
  problems?: CatalogueEditProblem[];
}

/** Every catalogue edit, newest first, with whether it is in force. */
export async function listCatalogueEdits(
  deps: Pick<AdminDeps, 'read' | 'catalogue'>,
): Promise<CatalogueEditView[]> {
  const [edits, effective] = await Promise.all([
    deps.read.catalogueEdits.listEdits(),
    deps.catalogue.getEffective(),
  ]);
  const skipped = new Map(effective.skipped.map((entry) => [entry.id, entry.problems]));
  return edits.reverse().map((edit): CatalogueEditView => {
    if (edit.revertedAt !== undefined) return { ...edit, status: 'reverted' };
    const problems = skipped.get(edit.id);
    return problems === undefined
      ? { ...edit, status: 'applied' }
      : { ...edit, status: 'not_applied', problems };
  });
}
