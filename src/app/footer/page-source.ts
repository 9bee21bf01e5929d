import type { Localized } from '../../domain/shared/localized.ts';
import type { Result } from '../../domain/shared/result.ts';

/**
 * The ports the live footer check reads pages through (implemented in infra/fetch): a plain HTTP
 * fetch, and a headless browser for footers that scripts build. Both refuse non-public addresses
 * unless a host is allow-listed, and both report a failure as a FetchFailure — "unreachable", which
 * the check never turns into "non-compliant".
 */

export const FETCH_FAILURE_CODES = [
  'invalid_url',
  'unsupported_scheme',
  'blocked_address',
  'blocked_port',
  'dns_failed',
  'connection_failed',
  'tls_failed',
  'timeout',
  'too_large',
  'too_many_redirects',
  'http_error',
  'not_html',
] as const;

export type FetchFailureCode = (typeof FETCH_FAILURE_CODES)[number];

export interface FetchFailure {
  code: FetchFailureCode;
  message: Localized;
  /** The URL that failed: the one typed in, or the redirect target that was refused. */
  url: string;
  status?: number;
}

export interface FetchedPage {
  /** The candidate URL that answered (https first, then http, when no scheme was typed). */
  requestedUrl: string;
  finalUrl: string;
  status: number;
  /** Every redirect target in order; the last one is finalUrl. */
  redirects: string[];
  contentType?: string;
  charset: string;
  charsetSource: 'bom' | 'header' | 'meta' | 'sniffed' | 'default';
  html: string;
  /** Size of the (decompressed) body in bytes. */
  bytes: number;
  elapsedMs: number;
}

export interface RenderedPage {
  finalUrl: string;
  html: string;
  elapsedMs: number;
  /** Requests of the page the guard refused (private addresses, other schemes, over budget). */
  blockedRequests: number;
}

export interface PageSource {
  fetchPage(
    url: string,
    options: { allowHosts: readonly string[] },
  ): Promise<Result<FetchedPage, FetchFailure>>;
  /** Absent when no headless browser is installed. */
  renderPage?(
    url: string,
    options: { allowHosts: readonly string[] },
  ): Promise<Result<RenderedPage, FetchFailure>>;
}
