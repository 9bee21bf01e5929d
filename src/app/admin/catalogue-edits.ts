import { domainToASCII, domainToUnicode } from 'node:url';
import type { CatalogueEditProblemCode } from '../../contracts/catalogue-edit-problems.ts';
import { buildCatalogue, type Catalogue, CatalogueError } from '../../domain/catalogue/catalogue.ts';
import {
  type CatalogueData,
  type Lexicon,
  provinceRulesSchema,
  type Source,
} from '../../domain/catalogue/schema.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import type { JsonValue } from '../audit/audit-chain.ts';

/**
 * Admins' edits of the rules catalogue, applied on top of the data shipped with the code. Every edit
 * names the source that justifies it; the result is checked by the same schema and cross-checks as the
 * shipped data (buildCatalogue), so an edit can never leave the platform with an invalid catalogue.
 * Pure apart from reading nothing: no I/O, no clock.
 */

/** Fields of province-rules.json an edit may set (everything but the province code). */
export const provinceRuleFields = Object.keys(provinceRulesSchema.shape).filter(
  (key): key is Exclude<keyof typeof provinceRulesSchema.shape, 'province'> => key !== 'province',
);
export type ProvinceRuleField = (typeof provinceRuleFields)[number];

/** Fields that are lists rather than a sourced `{ value, sources, note }`: an edit sets them whole. */
const LIST_FIELDS: ReadonlySet<string> = new Set(['extraDocuments', 'specialItems']);

export const lexiconLists = [
  'reservedPrefixes',
  'sensitiveWords',
  'individualBanned',
  'provinceIndividualBanned',
] as const;
export type LexiconList = (typeof lexiconLists)[number];

export type CatalogueChange =
  | {
      kind: 'province_rule';
      /** Two-digit province code. */
      province: string;
      field: ProvinceRuleField;
      /** The new value: a sourced field's `value`, or the whole list of extraDocuments/specialItems. */
      value?: JsonValue;
      /** A sourced field's new note; null removes it. */
      note?: Localized | null;
    }
  | { kind: 'tld_add' | 'tld_remove'; tld: string }
  | {
      kind: 'lexicon_add' | 'lexicon_remove';
      list: LexiconList;
      /** Only for provinceIndividualBanned. */
      province?: string;
      term: string;
    };

export type CatalogueEditKind = CatalogueChange['kind'];

export interface CatalogueEditRecord {
  id: number;
  change: CatalogueChange;
  /** The source the edit rests on: an existing id or the one `newSource` adds. */
  sourceId: string;
  newSource?: Source;
  createdBy: string;
  createdAt: Date;
  revertedBy?: string;
  revertedAt?: Date;
}

/**
 * Why an edit cannot be applied, as a stable code with its parameters (clients say it in their own
 * language) and an English message (logs, the CLI, clients that do not know the code).
 */
interface CatalogueEditProblemParams {
  unknown_province: { province: string };
  value_or_note_required: Record<string, never>;
  list_field_has_no_note: { field: string };
  not_a_domain_suffix: { tld: string };
  tld_already_fileable: { tld: string };
  tld_not_fileable: { tld: string };
  national_list_takes_no_province: { list: string };
  province_required: { list: string };
  term_already_listed: { list: string; province?: string; term: string };
  term_not_listed: { list: string; province?: string; term: string };
  unknown_source: { sourceId: string };
  personal_data: { path: string; kind: string };
  /** The result fails the catalogue's own checks (schema or cross-references); `detail` says which. */
  catalogue_check_failed: { detail: string };
}

/** One per code of the contract's list (a code without its parameters here does not compile). */
export type CatalogueEditProblem = {
  [Code in CatalogueEditProblemCode]: { code: Code; params: CatalogueEditProblemParams[Code] };
}[CatalogueEditProblemCode];

/** A problem as the API shows it: the code, its parameters and an English message. */
export type CatalogueEditProblemView = CatalogueEditProblem & { message: string };

function describeList(params: { list: string; province?: string }): string {
  return `lexicon.${params.list}${params.province === undefined ? '' : `.${params.province}`}`;
}

/** The English message of a problem. */
export function describeEditProblem(problem: CatalogueEditProblem): string {
  switch (problem.code) {
    case 'unknown_province':
      return `unknown province ${problem.params.province}`;
    case 'value_or_note_required':
      return 'give a value or a note';
    case 'list_field_has_no_note':
      return `${problem.params.field} is a list: it has no note`;
    case 'not_a_domain_suffix':
      return `"${problem.params.tld}" is not a domain suffix`;
    case 'tld_already_fileable':
      return `${problem.params.tld} is already fileable`;
    case 'tld_not_fileable':
      return `${problem.params.tld} is not in the fileable list`;
    case 'national_list_takes_no_province':
      return `lexicon.${problem.params.list} is national: give no province`;
    case 'province_required':
      return `lexicon.${problem.params.list} needs a province`;
    case 'term_already_listed':
      return `${describeList(problem.params)} already has "${problem.params.term}"`;
    case 'term_not_listed':
      return `${describeList(problem.params)} has no "${problem.params.term}"`;
    case 'unknown_source':
      return `unknown source "${problem.params.sourceId}": use GET /api/catalogue/sources or give a title and url`;
    case 'personal_data':
      return `${problem.params.path} looks like a ${problem.params.kind}`;
    case 'catalogue_check_failed':
      return problem.params.detail;
  }
}

export function presentEditProblem(problem: CatalogueEditProblem): CatalogueEditProblemView {
  return { ...problem, message: describeEditProblem(problem) };
}

/** What an edit needs to be applied. */
export type CatalogueEditInput = Pick<CatalogueEditRecord, 'change' | 'sourceId' | 'newSource'>;

/** The catalogue data without its indexes, deep-copied so edits never touch the shipped objects. */
export function toCatalogueData(catalogue: Catalogue): CatalogueData {
  const { index: _index, ...data } = catalogue;
  return structuredClone(data);
}

/** A TLD as the catalogue lists it: lower case, Unicode for IDNs (中国, not xn--fiqs8s); undefined if invalid. */
export function normalizeTld(raw: string): string | undefined {
  const trimmed = raw.normalize('NFKC').trim().replace(/^\./u, '').toLowerCase();
  if (trimmed === '' || trimmed.length > 63 * 2) return undefined;
  const ascii = domainToASCII(trimmed);
  if (ascii === '' || !/^[a-z0-9-]+(\.[a-z0-9-]+)*$/u.test(ascii)) return undefined;
  return domainToUnicode(ascii);
}

export function normalizeTerm(raw: string): string {
  return raw.normalize('NFKC').trim();
}

function addSourceId(sources: string[], id: string): string[] {
  return sources.includes(id) ? sources : [...sources, id];
}

type WordList = Lexicon['reservedPrefixes'];

function problem(found: CatalogueEditProblem): { list?: undefined; problem: CatalogueEditProblem } {
  return { problem: found };
}

function findWordList(data: CatalogueData, change: Extract<CatalogueChange, { list: LexiconList }>) {
  if (change.list !== 'provinceIndividualBanned') {
    return change.province === undefined
      ? { list: data.lexicon[change.list] }
      : problem({ code: 'national_list_takes_no_province', params: { list: change.list } });
  }
  if (change.province === undefined) {
    return problem({ code: 'province_required', params: { list: change.list } });
  }
  if (!data.provinces.some((p) => p.code === change.province)) {
    return problem({ code: 'unknown_province', params: { province: change.province } });
  }
  const existing = data.lexicon.provinceIndividualBanned[change.province];
  if (existing) return { list: existing };
  const created: WordList = { words: [], sources: [] };
  data.lexicon.provinceIndividualBanned[change.province] = created;
  return { list: created };
}

/**
 * Applies one edit to `data` in place. Returns the problems that stop it (the data may then be half
 * changed: apply to a copy). Schema checks of the result are buildCatalogue's job.
 */
function applyEdit(data: CatalogueData, edit: CatalogueEditInput): CatalogueEditProblem[] {
  const { change, sourceId } = edit;
  if (edit.newSource && !data.sources.some((s) => s.id === edit.newSource?.id)) {
    data.sources.push(edit.newSource);
  }
  switch (change.kind) {
    case 'province_rule': {
      const rules = data.provinceRules.find((r) => r.province === change.province);
      if (!rules) return [{ code: 'unknown_province', params: { province: change.province } }];
      if (change.value === undefined && change.note === undefined) {
        return [{ code: 'value_or_note_required', params: {} }];
      }
      const target = rules as unknown as Record<string, unknown>;
      if (LIST_FIELDS.has(change.field)) {
        if (change.note !== undefined) {
          return [{ code: 'list_field_has_no_note', params: { field: change.field } }];
        }
        target[change.field] =
          change.field === 'specialItems' && Array.isArray(change.value)
            ? change.value.map((item) =>
                item !== null && typeof item === 'object' && !Array.isArray(item) && !('sources' in item)
                  ? { ...item, sources: [sourceId] }
                  : item,
              )
            : change.value;
        return [];
      }
      const old = target[change.field] as {
        value: unknown;
        sources: string[];
        note?: Localized;
        alternatives?: unknown[];
      };
      const next: Record<string, unknown> = { ...old, sources: [sourceId] };
      if (change.value !== undefined) {
        next.value = change.value;
        // What the replaced sources said stays visible as an alternative (schema.ts `sourced`).
        if (JSON.stringify(old.value) !== JSON.stringify(change.value)) {
          const previous = {
            value: old.value,
            sources: old.sources,
            ...(old.note ? { note: old.note } : {}),
          };
          next.alternatives = [previous, ...(old.alternatives ?? [])];
        }
      }
      if (change.note === null) delete next.note;
      else if (change.note !== undefined) next.note = change.note;
      target[change.field] = next;
      return [];
    }
    case 'tld_add':
    case 'tld_remove': {
      const tld = normalizeTld(change.tld);
      if (tld === undefined) return [{ code: 'not_a_domain_suffix', params: { tld: change.tld } }];
      const isListed = data.tlds.fileable.includes(tld);
      if (change.kind === 'tld_add') {
        if (isListed) return [{ code: 'tld_already_fileable', params: { tld } }];
        data.tlds.fileable.push(tld);
        data.tlds.notFileable = data.tlds.notFileable.filter((entry) => entry.tld !== tld);
      } else {
        if (!isListed) return [{ code: 'tld_not_fileable', params: { tld } }];
        data.tlds.fileable = data.tlds.fileable.filter((entry) => entry !== tld);
      }
      data.tlds.sources = addSourceId(data.tlds.sources, sourceId);
      return [];
    }
    case 'lexicon_add':
    case 'lexicon_remove': {
      const found = findWordList(data, change);
      if (!found.list) return [found.problem];
      const term = normalizeTerm(change.term);
      const isListed = found.list.words.includes(term);
      const params = {
        list: change.list,
        ...(change.province === undefined ? {} : { province: change.province }),
        term,
      };
      if (change.kind === 'lexicon_add') {
        if (isListed) return [{ code: 'term_already_listed', params }];
        found.list.words.push(term);
      } else {
        if (!isListed) return [{ code: 'term_not_listed', params }];
        found.list.words = found.list.words.filter((word) => word !== term);
      }
      found.list.sources = addSourceId(found.list.sources, sourceId);
      return [];
    }
  }
}

export type CatalogueBuild =
  | { ok: true; catalogue: Catalogue }
  | { ok: false; problems: CatalogueEditProblem[] };

function tryBuild(data: CatalogueData): CatalogueBuild {
  try {
    return { ok: true, catalogue: buildCatalogue(data) };
  } catch (error) {
    if (error instanceof CatalogueError) {
      return {
        ok: false,
        problems: error.problems.map((detail) => ({ code: 'catalogue_check_failed', params: { detail } })),
      };
    }
    throw error;
  }
}

/** `base` with `edit` applied and validated, or why it cannot be. */
export function tryApplyEdit(base: CatalogueData, edit: CatalogueEditInput): CatalogueBuild {
  const data = structuredClone(base);
  const problems = applyEdit(data, edit);
  return problems.length > 0 ? { ok: false, problems } : tryBuild(data);
}

export interface EffectiveCatalogue {
  catalogue: Catalogue;
  data: CatalogueData;
  /** Stored edits that no longer apply (e.g. a release now ships what they added), with why. */
  skipped: { id: number; problems: CatalogueEditProblem[] }[];
}

/**
 * The shipped catalogue with the stored edits applied in order. An edit that no longer applies is
 * skipped and reported instead of breaking the server: the shipped data may have changed under it.
 */
export function buildEffectiveCatalogue(
  base: Catalogue,
  edits: readonly CatalogueEditRecord[],
): EffectiveCatalogue {
  let data = toCatalogueData(base);
  if (edits.length === 0) return { catalogue: base, data, skipped: [] };
  // One validation for the usual case where every edit applies; edit by edit only when one does not.
  const all = structuredClone(data);
  if (edits.every((edit) => applyEdit(all, edit).length === 0)) {
    const built = tryBuild(all);
    if (built.ok) return { catalogue: built.catalogue, data: all, skipped: [] };
  }
  const skipped: EffectiveCatalogue['skipped'] = [];
  let catalogue = base;
  for (const edit of edits) {
    const next = structuredClone(data);
    const problems = applyEdit(next, edit);
    const built = problems.length > 0 ? ({ ok: false, problems } as const) : tryBuild(next);
    if (built.ok) {
      data = next;
      catalogue = built.catalogue;
    } else {
      skipped.push({ id: edit.id, problems: built.problems });
    }
  }
  return { catalogue, data, skipped };
}
