/**
 * Where footer numbers must link (reference §3.7, §6.3, §10): the ICP number to MIIT's filing system
 * at beian.miit.gov.cn (the old host miitbeian.gov.cn is retired), the public-security number to its
 * record page on the PSB platform beian.mps.gov.cn (formerly www.beian.gov.cn).
 */

export const MIIT_FILING_URL = 'https://beian.miit.gov.cn/';
export const MIIT_FILING_HOST = 'beian.miit.gov.cn';
export const RETIRED_MIIT_HOSTS: readonly string[] = ['miitbeian.gov.cn', 'www.miitbeian.gov.cn'];

export const PSB_HOST = 'beian.mps.gov.cn';
export const RETIRED_PSB_HOSTS: readonly string[] = ['www.beian.gov.cn', 'beian.gov.cn'];

/** The record page the PSB platform's own footer code links to. */
export function buildPsbRecordUrl(digits: string): string {
  return `https://${PSB_HOST}/#/query/webSearch?code=${digits}`;
}

export type LinkHostKind = 'current' | 'retired' | 'other' | 'unparsable';

export interface ParsedLink {
  kind: LinkHostKind;
  host?: string;
  /** The record code in `?code=` / `?recordcode=` (query or hash), for PSB links. */
  recordCode?: string;
}

/** An absolute http(s) URL or a protocol-relative one; relative links cannot reach another host. */
function parseHref(href: string): URL | undefined {
  const trimmed = href.trim();
  if (!/^(?:https?:)?\/\//iu.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed, 'https://footer.invalid/');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function readRecordCode(url: URL): string | undefined {
  const fromQuery = url.searchParams.get('recordcode') ?? url.searchParams.get('code');
  if (fromQuery) return fromQuery;
  // The PSB platform is a single-page app: its record page keeps the query after the hash.
  const hashQuery = url.hash.split('?')[1];
  if (!hashQuery) return undefined;
  const params = new URLSearchParams(hashQuery);
  return params.get('code') ?? params.get('recordcode') ?? undefined;
}

function classify(href: string, current: string, retired: readonly string[]): ParsedLink {
  const url = parseHref(href);
  if (!url) return { kind: 'unparsable' };
  const host = url.hostname.toLowerCase().replace(/\.$/u, '');
  const recordCode = readRecordCode(url);
  const kind: LinkHostKind = host === current ? 'current' : retired.includes(host) ? 'retired' : 'other';
  return recordCode === undefined ? { kind, host } : { kind, host, recordCode };
}

/** beian.miit.gov.cn over http or https, with or without a path or trailing slash. */
export function classifyMiitLink(href: string): ParsedLink {
  return classify(href, MIIT_FILING_HOST, RETIRED_MIIT_HOSTS);
}

export function classifyPsbLink(href: string): ParsedLink {
  return classify(href, PSB_HOST, RETIRED_PSB_HOSTS);
}
