import { detectNumberKind } from '../../domain/numbers/detect-number.ts';
import { parseFilingNumber } from '../../domain/numbers/filing-number.ts';
import { issue } from '../../domain/shared/issue.ts';
import { normalizeText } from '../../domain/shared/normalize.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { validateDomain } from '../../domain/validate/domain.ts';
import { lookupDomain } from './lookup-domain.ts';
import {
  checkPageSize,
  decodeCursor,
  encodeCursor,
  normalizeNameQuery,
  type RegistryInputProblem,
} from './registry-search-text.ts';
import type { RegistryRecord, RegistryStore } from './registry-store.ts';

export interface SearchRegistryInput {
  /** A filing number, a domain or URL, or part of a unit or service name. */
  query: string;
  limit?: number;
  /** From the previous page's `nextCursor` (name searches only). */
  cursor?: string;
}

export interface RegistrySearchResult {
  /** How the query was read. */
  kind: 'number' | 'domain' | 'name';
  records: RegistryRecord[];
  nextCursor?: string;
}

/** Domains are told from names by validating as one with a fileable suffix: "Node.js中文网" is a name. */
function looksLikeDomain(text: string): boolean {
  if (/\s/.test(text) || !text.includes('.')) return false;
  return validateDomain(text).valid;
}

/**
 * The public registry search box: an ICP filing number (entity: all its services; service: that
 * one), a domain or URL (the record filing it), or otherwise a substring of the unit or service
 * name, Chinese included, paged by cursor.
 */
export async function searchRegistry(
  deps: { registry: RegistryStore },
  input: SearchRegistryInput,
): Promise<Result<RegistrySearchResult, RegistryInputProblem>> {
  const limit = checkPageSize(input.limit);
  if (!limit.ok) return err({ field: 'limit', issue: limit.error });
  const text = normalizeText(input.query);

  if (detectNumberKind(text) === 'icp_filing') {
    const parsed = parseFilingNumber(text);
    if (!parsed.valid) {
      const found =
        parsed.errors[0] ?? issue('not_a_filing_number', 'Not an ICP filing number.', '不是 ICP 备案号。');
      return err({ field: 'query', issue: found });
    }
    const entry = await deps.registry.findByNumber(text);
    const records = entry ? entry.services.map((service) => ({ entity: entry.entity, service })) : [];
    return ok({ kind: 'number', records });
  }

  if (looksLikeDomain(text)) {
    const found = await lookupDomain(deps, { domain: text });
    if (!found.ok) return err({ field: 'query', issue: found.error.issue });
    return ok({ kind: 'domain', records: found.value.found ? [found.value.record] : [] });
  }

  const query = normalizeNameQuery(text);
  if (!query.ok) return err({ field: 'query', issue: query.error });
  let afterId: number | undefined;
  if (input.cursor !== undefined) {
    const decoded = decodeCursor(input.cursor);
    if (!decoded.ok) return err({ field: 'cursor', issue: decoded.error });
    afterId = decoded.value;
  }
  const page = await deps.registry.searchByName(query.value, { limit: limit.value, afterId });
  const result: RegistrySearchResult = { kind: 'name', records: page.records };
  if (page.hasMore && page.lastId !== undefined) result.nextCursor = encodeCursor(page.lastId);
  return ok(result);
}
