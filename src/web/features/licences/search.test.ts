import { describe, expect, it } from 'vitest';
import { buildNewLicenceHref, listLicencesNeeded, parseNewLicenceSearch } from './search.ts';

describe('the new application’s query', () => {
  it.each([
    [{}, {}],
    [
      { kind: 'icp', scope: 'provincial' },
      { kind: 'icp', scope: 'provincial' },
    ],
    [
      { kind: 'edi', scope: 'cross_regional', fromEligibility: 'true' },
      { kind: 'edi', scope: 'cross_regional', fromEligibility: true },
    ],
    [{ kind: 'b2', scope: 'national', fromEligibility: 'yes' }, {}],
  ])('%o reads as %o', (search, expected) => {
    expect(parseNewLicenceSearch(search)).toEqual(expected);
  });

  it('survives a round trip through the link', () => {
    const search = { kind: 'edi', scope: 'cross_regional', fromEligibility: true } as const;
    const href = buildNewLicenceHref(search);
    expect(href).toBe('/licences/new?kind=edi&scope=cross_regional&fromEligibility=true');
    const query = Object.fromEntries(new URL(href, 'http://x').searchParams);
    expect(parseNewLicenceSearch(query)).toEqual(search);
    expect(buildNewLicenceHref({})).toBe('/licences/new');
  });
});

describe('listLicencesNeeded', () => {
  it.each([
    ['icp_filing', []],
    ['none_hosted_outside_mainland', []],
    ['icp_filing_then_icp_licence', ['icp']],
    ['icp_filing_then_edi_licence', ['edi']],
    ['icp_filing_then_icp_licence_and_edi_licence', ['icp', 'edi']],
  ])('%s calls for %o', (licenceType, kinds) => {
    expect(listLicencesNeeded(licenceType)).toEqual(kinds);
  });
});
