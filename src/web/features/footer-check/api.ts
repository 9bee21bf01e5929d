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

/** Wire forms of POST /api/footer/check-site (LiveFooterCheckRequest / LiveFooterCheck). */
export type RenderMode = 'auto' | 'always' | 'never';

export interface LiveFooterCheckRequest {
  url: string;
  domain?: string;
  expectedNumber?: string;
  psbRequired?: boolean;
  licenceNumber?: string;
  render?: RenderMode;
}

export type FetchFailureCode =
  | 'invalid_url'
  | 'unsupported_scheme'
  | 'blocked_address'
  | 'blocked_port'
  | 'dns_failed'
  | 'connection_failed'
  | 'tls_failed'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_error'
  | 'not_html';

export interface FetchFailure {
  code: FetchFailureCode;
  message: Localized;
  url: string;
  status?: number;
}

export interface PageFacts {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  redirects: string[];
  charset: string;
  charsetSource: 'bom' | 'header' | 'meta' | 'sniffed' | 'default';
  bytes: number;
  elapsedMs: number;
}

export interface RenderFacts {
  status: 'not_needed' | 'used' | 'unavailable' | 'failed';
  finalUrl?: string;
  elapsedMs?: number;
  blockedRequests?: number;
  failure?: FetchFailure;
}

export type LiveFooterCheck =
  | {
      outcome: 'checked';
      verdict: FooterCheck['verdict'];
      page: PageFacts;
      render: RenderFacts;
      expected?: FooterCheck['expected'];
      rules: FooterCheck['rules'];
      found: FooterCheck['found'];
    }
  | { outcome: 'unreachable'; verdict: 'unreachable'; failure: FetchFailure };

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

/** Fetches and judges a live site; the server answers 429 beyond 20 checks a minute per address. */
export function useLiveFooterCheck() {
  return useMutation({
    mutationFn: (body: LiveFooterCheckRequest) => api.post<LiveFooterCheck>('/api/footer/check-site', body),
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
