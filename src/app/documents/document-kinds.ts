import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { DocumentKind } from '../../domain/catalogue/schema.ts';
import { getRegistryUpdate, type OrderTypeId } from '../../domain/workflow/order-type.ts';

/**
 * The document kinds an order accepts: every kind some ICP-filing checklist rule names for the order's
 * type and province, plus the province's extra documents (filings only, as in buildChecklist). The
 * entity nature and the situation flags are left out on purpose: they come from content the applicant
 * may still change, and a document uploaded early should not be refused for it. Submission checks the
 * exact checklist (validateOrderContent). Cancellations only remove records: the catalogue asks no
 * documents for them.
 */
export function listUploadableKinds(
  catalogue: Catalogue,
  order: { type: OrderTypeId; provinceCode: string },
): DocumentKind[] {
  const ids = new Set<string>();
  for (const rule of catalogue.checklist) {
    if (rule.instruments && !rule.instruments.includes('icp_filing')) continue;
    if (rule.orderTypes && !rule.orderTypes.includes(order.type)) continue;
    if (rule.provinces && !rule.provinces.includes(order.provinceCode)) continue;
    ids.add(rule.document);
  }
  if (getRegistryUpdate(order.type).operation !== 'remove') {
    for (const id of catalogue.index.rulesByProvince.get(order.provinceCode)?.extraDocuments ?? []) {
      ids.add(id);
    }
  }
  return catalogue.documentKinds.filter((kind) => ids.has(kind.id));
}

export function findDocumentKind(catalogue: Catalogue, id: string): DocumentKind | undefined {
  return catalogue.documentKinds.find((kind) => kind.id === id);
}
