import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode, isDomainError } from '../app/errors.ts';
import type { Localized } from '../domain/shared/localized.ts';
import type { DomainIssueParams, ErrorResponse, FieldError } from './schemas/common.ts';

/** The one table from error code to HTTP status (DESIGN.md §5 rule 3). */
export const httpStatusByCode: Readonly<Record<ErrorCode, number>> = {
  validation_failed: 400,
  malformed_body: 400,
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  province_not_found: 404,
  registry_record_not_found: 404,
  customer_not_found: 404,
  conflict: 409,
  catalogue_edit_invalid: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  file_empty: 400,
  file_too_large: 413,
  unsupported_file_type: 415,
  corrupt_image: 400,
  pdf_encrypted: 400,
  pdf_active_content: 400,
  pdf_unreadable: 400,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
};

/** What the caller reads when the error itself has no better message. */
export const defaultMessages: Readonly<Record<ErrorCode, Localized>> = {
  validation_failed: {
    en: 'The request has invalid fields; see details.',
    zh: '请求中有字段不符合要求，详见 details。',
  },
  malformed_body: { en: 'The request body is not valid JSON.', zh: '请求体不是有效的 JSON。' },
  bad_request: { en: 'The request is malformed.', zh: '请求格式不正确。' },
  unauthenticated: { en: 'Sign in first.', zh: '请先登录。' },
  forbidden: { en: 'You may not do this.', zh: '您无权执行此操作。' },
  not_found: { en: 'Not found.', zh: '未找到。' },
  province_not_found: {
    en: 'No such province: use a code (44), a name (Guangdong, 广东) or an abbreviation (粤).',
    zh: '没有这个省份：请使用代码（44）、名称（广东）或简称（粤）。',
  },
  registry_record_not_found: {
    en: 'The public registry has no filing for this domain or number.',
    zh: '公开备案信息中没有该域名或备案号的记录。',
  },
  customer_not_found: {
    en: 'No customer account uses this e-mail address.',
    zh: '没有使用此邮箱的客户账号。',
  },
  conflict: { en: 'The change conflicts with the current state.', zh: '该操作与当前状态冲突。' },
  catalogue_edit_invalid: {
    en: 'The edit would make the catalogue invalid; see details.',
    zh: '该修改会使规则目录无效，详见 details。',
  },
  payload_too_large: { en: 'The request body is too large.', zh: '请求体过大。' },
  unsupported_media_type: {
    en: 'Unsupported Content-Type: send application/json.',
    zh: '不支持的 Content-Type：请发送 application/json。',
  },
  file_empty: { en: 'The file is empty.', zh: '文件为空。' },
  file_too_large: { en: 'The file is too large.', zh: '文件过大。' },
  unsupported_file_type: {
    en: 'Only JPEG, PNG and PDF files are accepted.',
    zh: '仅接受 JPEG、PNG 和 PDF 格式的文件。',
  },
  corrupt_image: { en: 'The image is damaged and cannot be read.', zh: '图片已损坏，无法读取。' },
  pdf_encrypted: {
    en: 'The PDF is encrypted; upload it without protection.',
    zh: 'PDF 文件已加密，请上传未加密的文件。',
  },
  pdf_active_content: {
    en: 'The PDF contains active content; upload a plain PDF or a scan.',
    zh: 'PDF 文件包含活动内容，请上传普通 PDF 或扫描件。',
  },
  pdf_unreadable: { en: 'The PDF is damaged or cannot be checked.', zh: 'PDF 文件已损坏或无法核查。' },
  rate_limited: { en: 'Too many requests: try again later.', zh: '请求过于频繁，请稍后再试。' },
  internal_error: {
    en: 'Something went wrong on our side; quote the request id when reporting it.',
    zh: '服务器内部错误；反馈问题时请提供请求编号（requestId）。',
  },
  service_unavailable: {
    en: 'The service is temporarily unavailable.',
    zh: '服务暂时不可用。',
  },
};

export type Language = keyof Localized;

/** The caller's language from Accept-Language: Chinese when it ranks zh above en, else English. */
export function pickLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'zh' || tag.startsWith('zh-')) return 'zh';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

interface Classified {
  code: ErrorCode;
  message: Localized;
  details?: unknown;
}

const FRAMEWORK_CODES: Readonly<Record<string, ErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_body',
};

type ValidationLocation = FieldError['in'];
const LOCATIONS: ReadonlySet<string> = new Set(['body', 'querystring', 'params', 'headers']);

function hasDomainIssue(params: unknown): params is DomainIssueParams {
  if (typeof params !== 'object' || params === null || !('domainIssue' in params)) return false;
  const issue = (params as { domainIssue: unknown }).domainIssue;
  return typeof issue === 'object' && issue !== null && 'code' in issue && 'message' in issue;
}

/** Zod issues as field errors; a domain issue carried in the params keeps its code and both languages. */
function toFieldErrors(error: FastifyError, language: Language): FieldError[] {
  const location = (
    LOCATIONS.has(error.validationContext ?? '') ? error.validationContext : 'body'
  ) as ValidationLocation;
  return (error.validation ?? []).map((item) => {
    const path = item.instancePath.split('/').filter(Boolean).join('.');
    const params = (item.params as { params?: unknown }).params;
    if (hasDomainIssue(params)) {
      const { code, message } = params.domainIssue;
      return { in: location, path, code, message: message[language] };
    }
    return { in: location, path, code: item.keyword, message: item.message ?? 'Invalid value' };
  });
}

function isBilingual(value: unknown): value is Localized {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Localized).en === 'string' &&
    typeof (value as Localized).zh === 'string'
  );
}

/** A use case's field errors may word their message in both languages: they leave in the caller's. */
function localizeDetails(details: unknown, language: Language): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((item: unknown) =>
    typeof item === 'object' && item !== null && isBilingual((item as { message?: unknown }).message)
      ? { ...item, message: (item as { message: Localized }).message[language] }
      : item,
  );
}

function classify(error: unknown, language: Language): Classified {
  if (isDomainError(error)) {
    return error.details === undefined
      ? { code: error.code, message: error.localizedMessage }
      : {
          code: error.code,
          message: error.localizedMessage,
          details: localizeDetails(error.details, language),
        };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (hasZodFastifySchemaValidationErrors(error) || Array.isArray(fastifyError.validation)) {
    return {
      code: 'validation_failed',
      message: defaultMessages.validation_failed,
      details: toFieldErrors(error as FastifyError, language),
    };
  }
  const frameworkCode = fastifyError.code === undefined ? undefined : FRAMEWORK_CODES[fastifyError.code];
  if (frameworkCode) return { code: frameworkCode, message: defaultMessages[frameworkCode] };
  const status = fastifyError.statusCode;
  // Other client errors the framework raises (bad URL encoding, bad Content-Length …): the caller's fault.
  if (!isResponseSerializationError(error) && typeof status === 'number' && status >= 400 && status < 500) {
    return { code: 'bad_request', message: defaultMessages.bad_request };
  }
  return { code: 'internal_error', message: defaultMessages.internal_error };
}

export function buildErrorBody(
  request: FastifyRequest,
  code: ErrorCode,
  message: Localized,
  details?: unknown,
): ErrorResponse {
  const language = pickLanguage(request.headers['accept-language']);
  const error: ErrorResponse['error'] = { code, message: message[language], requestId: request.id };
  if (details !== undefined) error.details = details;
  return { error };
}

function sendError(request: FastifyRequest, reply: FastifyReply, classified: Classified): FastifyReply {
  return reply
    .status(httpStatusByCode[classified.code])
    .send(buildErrorBody(request, classified.code, classified.message, classified.details));
}

/**
 * Every error leaves in the shape `{ error: { code, message, details?, requestId } }`. Internal errors
 * are logged with the request id and answered without internals; client errors are not logged above
 * debug, and never with the request's values.
 */
export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const language = pickLanguage(request.headers['accept-language']);
    const classified = classify(error, language);
    const status = httpStatusByCode[classified.code];
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.debug({ code: classified.code }, 'request rejected');
    }
    return sendError(request, reply, classified);
  });

  app.setNotFoundHandler((request, reply) =>
    sendError(request, reply, { code: 'not_found', message: defaultMessages.not_found }),
  );
}

/** For rate-limit's errorResponseBuilder: thrown, then answered by the error handler above. */
export function buildRateLimitError(retryAfterSeconds: number): DomainError {
  return new DomainError('rate_limited', defaultMessages.rate_limited, { retryAfterSeconds });
}
