import { describe, expect, it } from 'vitest';
import { describeUploadError } from './upload-errors.ts';

describe('describeUploadError', () => {
  it.each<[string, unknown, ReturnType<typeof describeUploadError>]>([
    [
      'no network',
      { status: 0, code: 'network_error', message: 'network_error' },
      { key: 'documents.uploadErrors.network' },
    ],
    [
      'a proxy’s 413 page',
      { status: 413, code: 'http_413', message: '413 Payload Too Large' },
      { key: 'documents.tooLarge' },
    ],
    [
      'the API’s file_too_large',
      { status: 413, code: 'file_too_large', message: '文件过大。' },
      { key: 'documents.tooLarge' },
    ],
    [
      'a wrong type',
      { status: 415, code: 'unsupported_file_type', message: 'Only JPEG…' },
      { key: 'documents.wrongType' },
    ],
    [
      'an expired session',
      { status: 401, code: 'unauthenticated', message: 'Sign in first.' },
      { key: 'documents.uploadErrors.signedOut' },
    ],
    [
      'a rate limit',
      { status: 429, code: 'http_429', message: '429 Too Many Requests' },
      { key: 'documents.uploadErrors.busy' },
    ],
    [
      'a gateway error',
      { status: 502, code: 'http_502', message: '502 Bad Gateway' },
      { key: 'documents.uploadErrors.server' },
    ],
    [
      'an API error',
      { status: 500, code: 'internal_error', message: 'Something went wrong' },
      { key: 'documents.uploadErrors.server' },
    ],
    [
      'the API’s localised refusal',
      { status: 400, code: 'pdf_encrypted', message: 'PDF 文件已加密，请上传未加密的文件。' },
      { message: 'PDF 文件已加密，请上传未加密的文件。' },
    ],
    [
      'a bare code as message',
      { status: 400, code: 'odd', message: 'odd' },
      { key: 'documents.uploadFailed' },
    ],
    ['something else', new Error('boom'), { key: 'documents.uploadFailed' }],
    ['nothing', undefined, { key: 'documents.uploadFailed' }],
  ])('%s', (_, error, expected) => {
    expect(describeUploadError(error)).toEqual(expected);
  });
});
