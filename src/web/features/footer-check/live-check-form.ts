import type { LiveFooterCheckRequest, RenderMode } from './api.ts';

/** The live form's fields besides the URL (which lives in the page's `?url=`), as typed. */
export interface LiveCheckDraft {
  domain: string;
  expectedNumber: string;
  psbRequired: boolean;
  licenceNumber: string;
  render: RenderMode;
}

export const emptyLiveDraft: LiveCheckDraft = {
  domain: '',
  expectedNumber: '',
  psbRequired: false,
  licenceNumber: '',
  render: 'auto',
};

/**
 * The request body: fields trimmed, empty ones left out (the server then takes the URL's host as the
 * domain and the registry's number as the expected one), `render` only when it is not the default.
 */
export function toLiveCheckRequest(url: string, draft: LiveCheckDraft): LiveFooterCheckRequest {
  const domain = draft.domain.trim();
  const expectedNumber = draft.expectedNumber.trim();
  const licenceNumber = draft.licenceNumber.trim();
  return {
    url: url.trim(),
    ...(domain ? { domain } : {}),
    ...(expectedNumber ? { expectedNumber } : {}),
    ...(draft.psbRequired ? { psbRequired: true } : {}),
    ...(licenceNumber ? { licenceNumber } : {}),
    ...(draft.render === 'auto' ? {} : { render: draft.render }),
  };
}

const KIB = 1024;

/** A page's size as people read it: 812 B, 12.3 KB, 1.4 MB (binary units, as the 2 MiB limit). */
export function formatBytes(bytes: number, language: string): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
  if (bytes < KIB) return `${number(bytes, 0)} B`;
  if (bytes < KIB * KIB) return `${number(bytes / KIB, 1)} KB`;
  return `${number(bytes / (KIB * KIB), 1)} MB`;
}

/** Milliseconds as seconds with one decimal (0.4), at least 0.1 so that a fast page does not read 0. */
export function formatSeconds(ms: number, language: string): string {
  const seconds = Math.max(0.1, Math.round(ms / 100) / 10);
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    seconds,
  );
}
