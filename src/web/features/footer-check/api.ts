import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { Localized } from '../../../domain/shared/localized.ts';
import { api } from '../../lib/api.ts';

/** Wire forms of POST /api/footer/check and /api/footer/snippet (src/server/routes/footer.ts). */
export type FooterRuleId =
  | 'filing_number_present'
  | 'filing_number_matches_expected'
  | 'filing_number_in_link'
  | 'filing_link_target'
  | 'filing_number_position'
  | 'psb_number'
  | 'psb_link'
  | 'licence_number';

export type RuleVerdict = 'pass' | 'warn' | 'fail' | 'not_applicable';
export type NumberKind = 'icp_filing' | 'icp_licence' | 'telecom_licence' | 'psb_filing';

export interface FooterCheckRequest {
  html: string;
  domain?: string;
  expectedNumber?: string;
  psbRequired?: boolean;
  licenceNumber?: string;
}

export interface FooterCheck {
  verdict: 'compliant' | 'warnings' | 'non_compliant';
  expected?: { number: string; source: 'registry' | 'request' };
  rules: {
    rule: FooterRuleId;
    verdict: RuleVerdict;
    message: Localized;
    evidence?: string;
    source: string;
  }[];
  found: {
    kind: NumberKind;
    text: string;
    normalized: string;
    isValid: boolean;
    href?: string;
    isNearBottom: boolean;
  }[];
}

export interface FooterSnippetRequest {
  number: string;
  psbNumber?: string;
  licenceNumber?: string;
}

export interface FooterSnippet {
  html: string;
  text: string;
  numbers: { filing: string; psb?: string; licence?: string };
}

export function useFooterCheck() {
  return useMutation({
    mutationFn: (body: FooterCheckRequest) => api.post<FooterCheck>('/api/footer/check', body),
  });
}

/** The snippet for the numbers typed so far (already debounced by the caller); keeps the last good one. */
export function useFooterSnippet(request: FooterSnippetRequest | undefined) {
  return useQuery({
    queryKey: ['footer', 'snippet', request],
    queryFn: () => api.post<FooterSnippet>('/api/footer/snippet', request),
    enabled: request !== undefined,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
