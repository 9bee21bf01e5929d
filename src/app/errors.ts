import type { Localized } from '../domain/shared/localized.ts';

/**
 * Every stable error code a client can receive (DESIGN.md §5 rules 3–4). Clients localise by code;
 * server/errors.ts maps each code to exactly one HTTP status, so adding a code here breaks the build
 * until it has a status.
 */
export const errorCodes = [
  /** The request does not match the route's schema; `details` lists the fields. */
  'validation_failed',
  /** The body is not parseable JSON. */
  'malformed_body',
  /** Another malformed request the framework rejected (bad URL encoding, bad Content-Length …). */
  'bad_request',
  /** No session or API token, or an expired one. */
  'unauthenticated',
  /**
   * A resource the caller may see but not act on this way (an applicant approving their own order as
   * the authority). Never for a resource the caller may not see: that is `not_found`.
   */
  'forbidden',
  /** No such route, or a resource the caller may not see (never 403: DESIGN.md §5 rule 5). */
  'not_found',
  'province_not_found',
  /** No public filing for the domain or filing number asked. */
  'registry_record_not_found',
  /** No customer account with the e-mail address a provider administrator looked up. */
  'customer_not_found',
  /** The change conflicts with the current state of the resource. */
  'conflict',
  /** An admin's catalogue edit that would leave the catalogue invalid; `details.problems` says why. */
  'catalogue_edit_invalid',
  'payload_too_large',
  'unsupported_media_type',
  /** Uploaded documents, judged by their content (src/infra/documents/inspect-upload.ts). */
  'file_empty',
  'file_too_large',
  /** Not a JPEG, PNG or PDF, whatever its name or declared type says. */
  'unsupported_file_type',
  'corrupt_image',
  'pdf_encrypted',
  /** JavaScript, launch actions, embedded files or forms in a PDF. */
  'pdf_active_content',
  'pdf_unreadable',
  'rate_limited',
  /** A dependency (the database) does not answer. */
  'service_unavailable',
  'internal_error',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/**
 * An expected failure of a use case, thrown with a stable `code`. The message is for people (both
 * languages when the use case can say it); `details` is structured data clients may show, and must
 * never carry data the caller may not see.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly localizedMessage: Localized;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: Localized | string, details?: unknown) {
    const localized = typeof message === 'string' ? { en: message, zh: message } : message;
    super(localized.en);
    this.name = 'DomainError';
    this.code = code;
    this.localizedMessage = localized;
    if (details !== undefined) this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
