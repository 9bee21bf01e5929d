import type { Actor } from '../../domain/policy/order-access.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { DomainError } from '../errors.ts';
import type { AdminDeps } from './admin-stores.ts';
import { buildEffectiveCatalogue, type CatalogueEditRecord } from './catalogue-edits.ts';

function editNotFound(id: number): DomainError {
  return new DomainError('not_found', {
    en: `No catalogue edit ${id} in force.`,
    zh: `没有生效中的规则目录修改 ${id}。`,
  });
}

/**
 * Takes an edit back; the row stays (reverted) for the record. Refused while a later edit builds on it
 * (e.g. the removal of a TLD this edit added): revert that one first.
 * @throws DomainError not_found for an unknown or already reverted edit, conflict (409) with
 *   `details.dependentEdits`.
 */
export async function revertCatalogueEdit(
  deps: AdminDeps,
  input: { actor: Actor; id: number },
): Promise<CatalogueEditRecord> {
  const now = deps.clock.now();
  const actor = `user:${input.actor.userId}`;
  const reverted = await deps.transact(async (stores) => {
    const edits = await stores.catalogueEdits.listEdits();
    const edit = edits.find((candidate) => candidate.id === input.id);
    if (!edit || edit.revertedAt !== undefined) throw editNotFound(input.id);
    const active = edits.filter((candidate) => candidate.revertedAt === undefined);
    const before = new Set(buildEffectiveCatalogue(deps.shippedCatalogue, active).skipped.map((s) => s.id));
    const after = buildEffectiveCatalogue(
      deps.shippedCatalogue,
      active.filter((candidate) => candidate.id !== input.id),
    ).skipped.filter((skipped) => !before.has(skipped.id));
    if (after.length > 0) {
      throw new DomainError(
        'conflict',
        {
          en: `Later edits build on edit ${input.id}: revert ${after.map((s) => s.id).join(', ')} first.`,
          zh: `后续修改依赖修改 ${input.id}：请先撤销 ${after.map((s) => s.id).join('、')}。`,
        },
        { dependentEdits: after },
      );
    }
    await stores.catalogueEdits.markReverted(input.id, actor, now);
    await appendAuditEvent(stores, {
      occurredAt: now,
      actor,
      action: 'catalogue.edit_reverted',
      subjectType: 'catalogue_edit',
      subjectId: String(input.id),
      payload: { kind: edit.change.kind },
    });
    return { ...edit, revertedBy: actor, revertedAt: now };
  });
  deps.catalogue.invalidate();
  return reverted;
}
