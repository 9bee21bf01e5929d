import { isIP } from 'node:net';
import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { FooterAnalysis, FooterVerdict } from '../../domain/footer/analyse-footer.ts';
import { type Issue, issue } from '../../domain/shared/issue.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { RegistryStore } from '../registry/registry-store.ts';
import { type CheckFooterResult, checkFooter } from './check-footer.ts';
import type { FetchedPage, FetchFailure, PageSource } from './page-source.ts';

export interface LiveFooterDeps {
  catalogue: Catalogue;
  registry?: RegistryStore | undefined;
  pages: PageSource;
  /** Hosts the check may fetch although they resolve to private addresses (config and admins' list). */
  listAllowHosts(): Promise<readonly string[]>;
}

/**
 * `auto` renders the page in a headless browser only when the served HTML shows no filing number
 * (a footer that scripts build); `always` and `never` force the choice.
 */
export type RenderMode = 'auto' | 'always' | 'never';

export interface CheckLiveFooterInput {
  /** The site: a URL or a bare domain (https first, then http). */
  url: string;
  /**
   * The filed domain whose registry record is expected, when the URL is not on it (a staging copy);
   * by default the URL's host.
   */
  domain?: string | undefined;
  expectedNumber?: string | undefined;
  psbRequired?: boolean | undefined;
  licenceNumber?: string | undefined;
  render?: RenderMode | undefined;
}

export interface PageFacts {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  redirects: string[];
  charset: string;
  charsetSource: FetchedPage['charsetSource'];
  bytes: number;
  elapsedMs: number;
}

/** What the headless pass did: not needed, its page was judged, or it could not run (with why). */
export type RenderFacts =
  | { status: 'not_needed' }
  | { status: 'used'; finalUrl: string; elapsedMs: number; blockedRequests: number }
  | { status: 'unavailable' }
  | { status: 'failed'; failure: FetchFailure };

export type LiveFooterCheck =
  | ({
      outcome: 'checked';
      verdict: FooterVerdict;
      page: PageFacts;
      render: RenderFacts;
    } & CheckFooterResult)
  | { outcome: 'unreachable'; verdict: 'unreachable'; failure: FetchFailure };

function hasFilingNumber(analysis: FooterAnalysis): boolean {
  return analysis.found.some((found) => found.kind === 'icp_filing' && found.isValid);
}

/** The host of the URL as a domain to look up, or undefined for IP literals and unparsable input. */
function domainOfUrl(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
    return isIP(host) === 0 && host.includes('.') ? host : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The live footer check (issue 5): fetches the site's home page through the guarded fetcher, renders
 * it in a headless browser when its footer is built by scripts, and judges it with the same rules as a
 * pasted page, against the registry's record of the domain. A page that cannot be fetched is
 * `unreachable`, never non-compliant: a site that is down has not broken the display rules.
 * Fails only for a `url` that is not an http(s) address or a domain, and a `domain` that is not a domain.
 */
export async function checkLiveFooter(
  deps: LiveFooterDeps,
  input: CheckLiveFooterInput,
): Promise<Result<LiveFooterCheck, { field: 'domain' | 'url'; issue: Issue }>> {
  const allowHosts = await deps.listAllowHosts();
  const fetched = await deps.pages.fetchPage(input.url, { allowHosts });
  if (!fetched.ok) {
    const failure = fetched.error;
    // Not an address at all is the caller's mistake, not a site that is down.
    if (failure.code === 'invalid_url' || failure.code === 'unsupported_scheme') {
      return err({ field: 'url', issue: issue(failure.code, failure.message.en, failure.message.zh) });
    }
    return ok({ outcome: 'unreachable', verdict: 'unreachable', failure });
  }
  const page = fetched.value;

  const domain = input.domain ?? domainOfUrl(page.requestedUrl);
  const expectations = expectationsOf(input);
  const judge = async (html: string) => {
    const checked = await checkFooter(
      { catalogue: deps.catalogue, registry: deps.registry },
      { html, ...(domain === undefined ? {} : { domain }), ...expectations },
    );
    // A domain taken from the URL that the registry cannot read (e.g. a single-label intranet
    // name) only means there is no record to compare with.
    if (!checked.ok && input.domain === undefined) {
      return checkFooter({ catalogue: deps.catalogue }, { html, ...expectations });
    }
    return checked;
  };

  const served = await judge(page.html);
  if (!served.ok) return err(served.error);
  let judged = served.value;
  let render: RenderFacts = { status: 'not_needed' };
  const mode = input.render ?? 'auto';
  const wantsRender = mode === 'always' || (mode === 'auto' && !hasFilingNumber(judged.analysis));
  if (wantsRender) {
    if (!deps.pages.renderPage) {
      render = { status: 'unavailable' };
    } else {
      let rendered: Awaited<ReturnType<NonNullable<PageSource['renderPage']>>> | undefined;
      try {
        rendered = await deps.pages.renderPage(page.finalUrl, { allowHosts });
      } catch {
        // Chromium could not start or crashed, or every render slot is taken: the served page is
        // still judged, and the answer says the headless pass did not run.
        rendered = undefined;
      }
      if (!rendered) {
        render = { status: 'unavailable' };
      } else if (!rendered.ok) {
        render = { status: 'failed', failure: rendered.error };
      } else {
        // The same expectation as the served page's, without asking the registry again.
        const expected = judged.expected;
        const afterScripts = await checkFooter(
          { catalogue: deps.catalogue },
          {
            html: rendered.value.html,
            ...expectations,
            ...(expected ? { expectedNumber: expected.number } : {}),
          },
        );
        if (!afterScripts.ok) return err(afterScripts.error);
        judged = { ...afterScripts.value, ...(expected ? { expected } : {}) };
        render = {
          status: 'used',
          finalUrl: rendered.value.finalUrl,
          elapsedMs: rendered.value.elapsedMs,
          blockedRequests: rendered.value.blockedRequests,
        };
      }
    }
  }
  return ok({
    outcome: 'checked',
    verdict: judged.analysis.verdict,
    ...judged,
    render,
    page: {
      requestedUrl: page.requestedUrl,
      finalUrl: page.finalUrl,
      status: page.status,
      redirects: page.redirects,
      charset: page.charset,
      charsetSource: page.charsetSource,
      bytes: page.bytes,
      elapsedMs: page.elapsedMs,
    },
  });
}

function expectationsOf(input: CheckLiveFooterInput) {
  return {
    ...(input.expectedNumber === undefined ? {} : { expectedNumber: input.expectedNumber }),
    ...(input.psbRequired === undefined ? {} : { psbRequired: input.psbRequired }),
    ...(input.licenceNumber === undefined ? {} : { licenceNumber: input.licenceNumber }),
  };
}
