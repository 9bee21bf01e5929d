import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import {
  analyseFooter,
  type FooterAnalysis,
  type FooterExpectations,
} from '../../domain/footer/analyse-footer.ts';
import type { Issue } from '../../domain/shared/issue.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import { lookupDomain } from '../registry/lookup-domain.ts';
import type { RegistryStore } from '../registry/registry-store.ts';

export interface CheckFooterInput extends FooterExpectations {
  html: string;
  /** The site's domain: when the registry has its filing, the expected number comes from there. */
  domain?: string;
}

export interface CheckFooterResult {
  analysis: FooterAnalysis;
  /** The number the page was compared with, and where it came from. */
  expected?: { number: string; source: 'registry' | 'request' };
}

/**
 * Checks a page's footer (pasted HTML; issue 5 will fetch live pages). With a domain the registry's
 * filing of that domain is the expected number, whatever the request says, so nobody is told a wrong
 * number is fine. Fails only for a domain that is not a domain.
 */
export async function checkFooter(
  deps: { catalogue: Catalogue; registry?: RegistryStore | undefined },
  input: CheckFooterInput,
): Promise<Result<CheckFooterResult, { field: 'domain'; issue: Issue }>> {
  let expected: CheckFooterResult['expected'];
  if (input.domain !== undefined && deps.registry) {
    const lookup = await lookupDomain({ registry: deps.registry }, { domain: input.domain });
    if (!lookup.ok) return err({ field: 'domain', issue: lookup.error.issue });
    if (lookup.value.found) {
      expected = { number: lookup.value.record.service.serviceNumber, source: 'registry' };
    }
  }
  if (!expected && input.expectedNumber !== undefined) {
    expected = { number: input.expectedNumber, source: 'request' };
  }
  const expectations: FooterExpectations = {};
  if (expected) expectations.expectedNumber = expected.number;
  if (input.psbRequired !== undefined) expectations.psbRequired = input.psbRequired;
  if (input.licenceNumber !== undefined) expectations.licenceNumber = input.licenceNumber;
  const analysis = analyseFooter(input.html, expectations, { catalogue: deps.catalogue });
  return ok(expected ? { analysis, expected } : { analysis });
}
