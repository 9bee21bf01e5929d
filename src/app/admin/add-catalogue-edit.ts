import { createHash } from 'node:crypto';
import { toChinaDate } from '../../domain/calendar/china-date.ts';
import type { Source } from '../../domain/catalogue/schema.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { findPersonalData, type JsonObject } from '../audit/audit-chain.ts';
import { DomainError } from '../errors.ts';
import type { AdminDeps } from './admin-stores.ts';
import {
  type CatalogueChange,
  type CatalogueEditProblem,
  type CatalogueEditRecord,
  normalizeTerm,
  normalizeTld,
  presentEditProblem,
  tryApplyEdit,
} from './catalogue-edits.ts';

/** The source of an edit: one the catalogue lists, or a new one (a notice, a provider's page). */
export type CatalogueEditSourceInput =
  | { sourceId: string }
  | { title: string; url: string; kind?: Source['kind'] | undefined };

export interface AddCatalogueEditInput {
  actor: Actor;
  change: CatalogueChange;
  source: CatalogueEditSourceInput;
}

/** 400 catalogue_edit_invalid; `details.problems` lists each problem's code, params and English message. */
export function invalidEdit(problems: CatalogueEditProblem[]): DomainError {
  const views = problems.map(presentEditProblem);
  const first = views.slice(0, 3).map((view) => view.message);
  return new DomainError(
    'catalogue_edit_invalid',
    {
      en: `The edit would make the catalogue invalid: ${first.join('; ')}`,
      zh: `该修改会使规则目录无效（${views.length} 个问题）：${first.join('；')}`,
    },
    { problems: views },
  );
}

/** A new source's id: stable for the same title and address, so entering it twice adds it once. */
function buildSourceId(title: string, url: string): string {
  return `admin-${createHash('sha256').update(`${title}\n${url}`, 'utf8').digest('hex').slice(0, 12)}`;
}

/** The change with its TLD or term in the catalogue's form, so the stored edit and the audit agree. */
function normalizeChange(change: CatalogueChange): CatalogueChange {
  switch (change.kind) {
    case 'tld_add':
    case 'tld_remove': {
      const tld = normalizeTld(change.tld);
      if (tld === undefined) {
        throw invalidEdit([{ code: 'not_a_domain_suffix', params: { tld: change.tld } }]);
      }
      return { ...change, tld };
    }
    case 'lexicon_add':
    case 'lexicon_remove':
      return { ...change, term: normalizeTerm(change.term) };
    case 'province_rule':
      return change;
  }
}

/** What the audit event says about the change: where and what, never a free-form value. */
function describeChange(change: CatalogueChange): JsonObject {
  switch (change.kind) {
    case 'province_rule':
      return { province: change.province, field: change.field };
    case 'tld_add':
    case 'tld_remove':
      return { tld: change.tld };
    case 'lexicon_add':
    case 'lexicon_remove':
      return {
        list: change.list,
        term: change.term,
        ...(change.province ? { province: change.province } : {}),
      };
  }
}

/**
 * Stores one catalogue edit after checking that the catalogue in force stays valid with it (the same
 * schema and cross-checks as the shipped data). From the next request on, the public catalogue,
 * validators and new orders use it.
 * @throws DomainError catalogue_edit_invalid with `details.problems`.
 */
export async function addCatalogueEdit(
  deps: AdminDeps,
  input: AddCatalogueEditInput,
): Promise<CatalogueEditRecord> {
  const change = normalizeChange(input.change);
  const personal = findPersonalData(describeChange(change));
  if (personal) throw invalidEdit([{ code: 'personal_data', params: personal }]);
  const effective = await deps.catalogue.getEffective();
  const now = deps.clock.now();
  let sourceId: string;
  let newSource: Source | undefined;
  if ('sourceId' in input.source) {
    sourceId = input.source.sourceId;
    if (!effective.catalogue.index.sourceById.has(sourceId)) {
      throw invalidEdit([{ code: 'unknown_source', params: { sourceId } }]);
    }
  } else {
    sourceId = buildSourceId(input.source.title, input.source.url);
    if (!effective.catalogue.index.sourceById.has(sourceId)) {
      newSource = {
        id: sourceId,
        kind: input.source.kind ?? 'secondary',
        title: input.source.title,
        url: input.source.url,
        date: toChinaDate(now),
      };
    }
  }
  const edit = { change, sourceId, ...(newSource ? { newSource } : {}) };
  const built = tryApplyEdit(effective.data, edit);
  if (!built.ok) throw invalidEdit(built.problems);

  const actor = `user:${input.actor.userId}`;
  const record = await deps.transact(async (stores) => {
    const stored = await stores.catalogueEdits.insertEdit({ ...edit, createdBy: actor, createdAt: now });
    await appendAuditEvent(stores, {
      occurredAt: now,
      actor,
      action: 'catalogue.edited',
      subjectType: 'catalogue_edit',
      subjectId: String(stored.id),
      payload: { kind: change.kind, sourceId, ...describeChange(change) },
    });
    return stored;
  });
  deps.catalogue.invalidate();
  return record;
}
