import { domainToASCII, domainToUnicode } from 'node:url';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { validateDomain } from '../../domain/validate/domain.ts';
import type { RegistryInputProblem } from './registry-search-text.ts';
import type { RegistryDomain, RegistryRecord, RegistryStore } from './registry-store.ts';

export type DomainLookup =
  | {
      found: true;
      /** The domain as asked, normalised. */
      domain: RegistryDomain;
      record: RegistryRecord;
      /** The filed domain that answered. */
      matchedDomain: RegistryDomain;
      /** `parent`: the domain asked is a subdomain of the filed one, which the filing covers. */
      coverage: 'exact' | 'parent';
    }
  | { found: false; domain: RegistryDomain };

function forms(ascii: string): RegistryDomain {
  return { ascii, unicode: domainToUnicode(ascii) || ascii };
}

/**
 * Whether a domain (or a pasted URL) is filed: the host as given, then without `www.`, then its
 * registrable domain, since a filing covers the subdomains of the domain filed (reference §5).
 */
export async function lookupDomain(
  deps: { registry: RegistryStore },
  input: { domain: string },
): Promise<Result<DomainLookup, RegistryInputProblem>> {
  const result = validateDomain(input.domain);
  const parts = result.value;
  if (!parts) {
    const first = result.errors[0];
    if (!first) throw new Error('validateDomain returned neither a value nor an error');
    return err({ field: 'domain', issue: first });
  }
  const asked = domainToASCII(parts.inputHost) || parts.ascii;
  const candidates = [...new Set([asked, parts.ascii, parts.registrableDomain.ascii])];
  for (const candidate of candidates) {
    const record = await deps.registry.findByDomain(candidate);
    if (record) {
      return ok({
        found: true,
        domain: forms(asked),
        record,
        matchedDomain: forms(candidate),
        coverage:
          candidate === parts.registrableDomain.ascii && candidate !== parts.ascii ? 'parent' : 'exact',
      });
    }
  }
  return ok({ found: false, domain: forms(asked) });
}
