import type { Localized } from '../shared/localized.ts';
import { type Catalogue, findProvince } from './catalogue.ts';
import { type ChecklistRule, checklistFlagSchema, type DocumentKind, type OrderType } from './schema.ts';

/** Situation flags that switch checklist rules on (`when`) or off (`unless`); see schema.ts. */
export const checklistFlags = checklistFlagSchema.options;

export type ChecklistFlag = (typeof checklistFlags)[number];

export type Instrument = NonNullable<ChecklistRule['instruments']>[number];

export interface ChecklistInput {
  /** Entity nature id (entity-natures.json), e.g. "enterprise". */
  nature: string;
  /** Province code ("44") or any key `findProvince` understands ("粤", "guangdong"). */
  province: string;
  /** Omitted before an order exists (e.g. in the eligibility check): rules of every order type apply. */
  orderType?: OrderType['id'];
  instrument: Instrument;
  flags: readonly ChecklistFlag[];
}

export interface ChecklistItem {
  document: DocumentKind;
  /** True when at least one matching rule requires the document. */
  required: boolean;
  /** Notes of the matching rules, in rule order, without repeats. */
  notes: Localized[];
  /** Source ids of the matching rules and, for province extras, of the document kind. */
  sources: string[];
  /** Ids of the matching rules; province extras appear as "province-<code>-extra". */
  ruleIds: string[];
}

/** Cancellations only remove records, so province extras (letters, certificates) do not apply to them. */
const cancelOrderTypes: ReadonlySet<string> = new Set(['cancel_service', 'cancel_entity', 'cancel_access']);

function matchesRule(
  rule: ChecklistRule,
  input: ChecklistInput,
  provinceCode: string,
  flags: ReadonlySet<string>,
): boolean {
  if (rule.natures && !rule.natures.includes(input.nature)) return false;
  if (rule.provinces && !rule.provinces.includes(provinceCode)) return false;
  if (rule.orderTypes && input.orderType !== undefined && !rule.orderTypes.includes(input.orderType)) {
    return false;
  }
  if (rule.instruments && !rule.instruments.includes(input.instrument)) return false;
  if (rule.when && !rule.when.every((flag) => flags.has(flag))) return false;
  if (rule.unless?.some((flag) => flags.has(flag))) return false;
  return true;
}

/**
 * The documents an application needs: every matching checklist rule plus the province's extra
 * documents (ICP filing only), merged per document kind and listed in the catalogue's document order.
 */
export function buildChecklist(catalogue: Catalogue, input: ChecklistInput): ChecklistItem[] {
  const provinceCode = findProvince(catalogue, input.province)?.code ?? input.province;
  const kindById = new Map(catalogue.documentKinds.map((kind) => [kind.id, kind]));
  const items = new Map<string, ChecklistItem>();

  const add = (
    documentId: string,
    required: boolean,
    sources: string[],
    ruleId: string,
    note?: Localized,
  ) => {
    const document = kindById.get(documentId);
    if (!document) return;
    const item = items.get(documentId) ?? { document, required: false, notes: [], sources: [], ruleIds: [] };
    item.required ||= required;
    if (note && !item.notes.some((n) => n.en === note.en && n.zh === note.zh)) item.notes.push(note);
    for (const source of sources) if (!item.sources.includes(source)) item.sources.push(source);
    item.ruleIds.push(ruleId);
    items.set(documentId, item);
  };

  const flags: ReadonlySet<string> = new Set(input.flags);
  for (const rule of catalogue.checklist) {
    if (matchesRule(rule, input, provinceCode, flags))
      add(rule.document, rule.required, rule.sources, rule.id, rule.note);
  }

  const rules = catalogue.index.rulesByProvince.get(provinceCode);
  const isCancel = input.orderType !== undefined && cancelOrderTypes.has(input.orderType);
  if (rules && input.instrument === 'icp_filing' && !isCancel) {
    for (const documentId of rules.extraDocuments) {
      add(documentId, true, kindById.get(documentId)?.sources ?? [], `province-${provinceCode}-extra`);
    }
  }

  const order = new Map(catalogue.documentKinds.map((kind, i) => [kind.id, i]));
  return [...items.values()].sort(
    (a, b) => (order.get(a.document.id) ?? 0) - (order.get(b.document.id) ?? 0),
  );
}
