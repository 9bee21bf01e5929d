/**
 * An upload's failure in the UI language. The API's own answers are already localised (each request
 * sends Accept-Language); what is not are failures that never reached it or came from elsewhere: no
 * network ("network_error"), a proxy's plain-text page ("413 Payload Too Large", "502 Bad Gateway"),
 * an expired session. Each of those gets a sentence that says what to do. Pure, so it is tested
 * without a browser.
 */

/** The shape of lib/api.ts ApiError, read without importing it. */
interface ErrorLike {
  status?: unknown;
  code?: unknown;
  message?: unknown;
}

export type UploadErrorKey =
  | 'documents.uploadErrors.network'
  | 'documents.uploadErrors.signedOut'
  | 'documents.uploadErrors.busy'
  | 'documents.uploadErrors.server'
  | 'documents.tooLarge'
  | 'documents.wrongType'
  | 'documents.uploadFailed';

export type UploadErrorText =
  | { key: UploadErrorKey }
  /** The API's own (already localised) message. */
  | { message: string };

export function describeUploadError(error: unknown): UploadErrorText {
  const { status, code, message } = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const httpStatus = typeof status === 'number' ? status : undefined;
  if (code === 'network_error' || httpStatus === 0) return { key: 'documents.uploadErrors.network' };
  if (httpStatus === 413 || code === 'file_too_large' || code === 'payload_too_large') {
    return { key: 'documents.tooLarge' };
  }
  if (httpStatus === 415 || code === 'unsupported_file_type') return { key: 'documents.wrongType' };
  if (httpStatus === 401) return { key: 'documents.uploadErrors.signedOut' };
  if (httpStatus === 429) return { key: 'documents.uploadErrors.busy' };
  // A status line from something in front of the API (its body was not the API's JSON).
  const isRawAnswer = typeof code === 'string' && code.startsWith('http_');
  if (isRawAnswer || (httpStatus !== undefined && httpStatus >= 500)) {
    return { key: 'documents.uploadErrors.server' };
  }
  if (typeof code === 'string' && typeof message === 'string' && message !== '' && message !== code) {
    return { message };
  }
  return { key: 'documents.uploadFailed' };
}
