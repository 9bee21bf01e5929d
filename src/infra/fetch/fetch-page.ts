import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate, inflateRaw, constants as zlib } from 'node:zlib';
import type { FetchedPage, FetchFailure, FetchFailureCode } from '../../app/footer/page-source.ts';
import type { Localized } from '../../domain/shared/localized.ts';
import { err, ok, type Result } from '../../domain/shared/result.ts';
import {
  type AddressGuard,
  BlockedAddressError,
  createAddressGuard,
  effectivePort,
  type GuardVerdict,
  normaliseHost,
} from './address-guard.ts';
import { decodeHtml } from './decode-html.ts';

/*
 * Fetches a filed site's home page for the live footer check (issue 5). Every failure is a value with a
 * stable code, so the check can say "unreachable" and never mistake a dead or refused site for a
 * non-compliant one.
 */

export type { FetchedPage, FetchFailure, FetchFailureCode };

export interface FetchPageOptions {
  /** Hosts an administrator allows although they are private or on other ports (exact names or IPs). */
  allowHosts?: readonly string[];
  /** For the whole fetch including redirects and the http fallback. */
  timeoutMs?: number;
  /** Cap on the body, compressed and decompressed. */
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
}

export const DEFAULT_USER_AGENT = 'OpenBeian footer check (+https://github.com/openbeian)';
const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;

const HTML_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml']);

/** Failures after which the same host may still answer over plain http. */
const FALLBACK_CODES: ReadonlySet<FetchFailureCode> = new Set(['connection_failed', 'tls_failed', 'timeout']);

/**
 * Turns what a user typed into the URLs to try. Without a scheme it tries https, then http: many
 * filed sites in China still serve plain http only. Host names become ASCII (IDN via the URL parser,
 * like url.domainToASCII).
 */
export function normalizeSiteUrl(input: string): Result<string[], FetchFailure> {
  const text = input.trim();
  if (text === '') return err(fetchFailure('invalid_url', input));
  // "example.cn:8080/x" has a colon but no scheme; "mailto:x" and "http:/x" have one.
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/?#]+:(?:\d+(?:[/?#]|$)|$)/.test(text);
  const candidates = hasScheme
    ? [text]
    : ['https', 'http'].map((scheme) => `${scheme}://${text.replace(/^\/\//, '')}`);
  const urls: string[] = [];
  for (const candidate of candidates) {
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      return err(fetchFailure('invalid_url', input));
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return err(fetchFailure('unsupported_scheme', input, { scheme: url.protocol.replace(/:$/, '') }));
    }
    // Credentials in a URL would be sent to whoever answers; nobody needs them for a public home page.
    if (url.username !== '' || url.password !== '' || url.hostname === '') {
      return err(fetchFailure('invalid_url', input));
    }
    url.hash = '';
    urls.push(url.href);
  }
  return ok(urls);
}

/**
 * Fetches a site's home page through the address guard, following at most `maxRedirects` redirects,
 * and decodes it (GBK/GB18030 included). Falls back from https to http only when https could not be
 * reached at all, never when the address was refused.
 */
export async function fetchPage(
  input: string,
  options: FetchPageOptions = {},
): Promise<Result<FetchedPage, FetchFailure>> {
  const started = performance.now();
  const candidates = normalizeSiteUrl(input);
  if (!candidates.ok) return candidates;

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const guard = createAddressGuard({ allowHosts: options.allowHosts });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    let last: FetchFailure | undefined;
    for (const [index, candidate] of candidates.value.entries()) {
      const hasFallback = index < candidates.value.length - 1;
      // A firewall that drops packets to port 443 would otherwise eat the whole budget before the http
      // attempt; the https attempt gets half of what is left when a fallback follows.
      const remaining = timeoutMs - (performance.now() - started);
      const signal = hasFallback
        ? AbortSignal.any([controller.signal, AbortSignal.timeout(Math.max(0, Math.floor(remaining / 2)))])
        : controller.signal;
      const result = await exchange(new URL(candidate), {
        method: 'GET',
        headers: {
          'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
          'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8',
        },
        guard,
        signal,
        timeoutMs,
        maxBytes,
        maxRedirects: options.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
        onRedirectLimit: 'fail',
        checkHead: checkPageHead,
      });
      if (result.ok) {
        const { url, status, headers, body, redirects } = result.value;
        const contentType = headerValue(headers['content-type']);
        const decoded = decodeHtml(body, contentType);
        return ok({
          requestedUrl: candidate,
          finalUrl: url.href,
          status,
          redirects,
          ...(contentType === undefined ? {} : { contentType }),
          charset: decoded.charset,
          charsetSource: decoded.source,
          html: decoded.html,
          bytes: body.length,
          elapsedMs: Math.round(performance.now() - started),
        });
      }
      last = result.error;
      if (!FALLBACK_CODES.has(result.error.code) || controller.signal.aborted) break;
    }
    // normalizeSiteUrl returns at least one candidate, so `last` is set here.
    return err(last ?? fetchFailure('invalid_url', input));
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The guard's verdict on a URL as a failure, before anything is fetched: scheme, IP-literal address
 * and port (a host name on a web port passes here and is checked when the socket connects).
 */
export async function checkFetchTarget(
  url: URL,
  options: { allowHosts?: readonly string[] } = {},
): Promise<FetchFailure | undefined> {
  const verdict = await createAddressGuard(options).checkUrl(url);
  return verdict.allowed ? undefined : refusal(verdict, url);
}

/** Only a 2xx HTML page is a home page; anything else says the site cannot be checked. */
function checkPageHead(url: URL, status: number, headers: IncomingHttpHeaders): FetchFailure | undefined {
  if (status < 200 || status >= 300) return fetchFailure('http_error', url.href, { status });
  const contentType = headerValue(headers['content-type']);
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== undefined && mediaType !== '' && !HTML_TYPES.has(mediaType)) {
    return fetchFailure('not_html', url.href, { contentType: mediaType });
  }
  return undefined;
}

export interface FetchResourceOptions {
  method?: string;
  headers?: Readonly<Record<string, string>>;
  body?: Buffer;
  allowHosts?: readonly string[];
  timeoutMs?: number;
  maxBytes?: number;
  /** Redirects to follow; a redirect beyond that is returned as it came (0: never follow). */
  maxRedirects?: number;
  /** Aborts the request early (reported as a timeout). */
  signal?: AbortSignal;
}

export interface FetchedResource {
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  /** The decompressed body (content-encoding removed). */
  body: Buffer;
  redirects: string[];
}

/**
 * One request of any kind through the same guard, limits and decompression as fetchPage; returns any
 * status. The headless renderer sends every request Chromium makes through here.
 */
export async function fetchResource(
  url: string,
  options: FetchResourceOptions = {},
): Promise<Result<FetchedResource, FetchFailure>> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err(fetchFailure('invalid_url', url));
  }
  const timeoutMs = Math.max(1, Math.ceil(options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
  const signals = [AbortSignal.timeout(timeoutMs)];
  if (options.signal) signals.push(options.signal);
  const result = await exchange(parsed, {
    method: options.method ?? 'GET',
    headers: { 'user-agent': DEFAULT_USER_AGENT, ...options.headers },
    ...(options.body === undefined ? {} : { body: options.body }),
    guard: createAddressGuard({ allowHosts: options.allowHosts }),
    signal: AbortSignal.any(signals),
    timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxRedirects: options.maxRedirects ?? 0,
    onRedirectLimit: 'return',
  });
  if (!result.ok) return result;
  const { url: finalUrl, status, headers, body, redirects } = result.value;
  return ok({ url: finalUrl.href, status, headers, body, redirects });
}

interface ExchangeOptions {
  method: string;
  headers: Readonly<Record<string, string>>;
  body?: Buffer;
  guard: AddressGuard;
  signal: AbortSignal;
  /** For messages only; the signal enforces it. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** fetchPage fails on one redirect too many; the renderer wants the redirect back to hand to Chromium. */
  onRedirectLimit: 'fail' | 'return';
  /** Looks at the final response's status and headers before its body is downloaded. */
  checkHead?: (url: URL, status: number, headers: IncomingHttpHeaders) => FetchFailure | undefined;
}

interface Exchange {
  url: URL;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  redirects: string[];
}

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** The request loop shared by fetchPage and fetchResource: guard, send, redirect, read. */
async function exchange(start: URL, options: ExchangeOptions): Promise<Result<Exchange, FetchFailure>> {
  let url = start;
  let method = options.method;
  let body = options.body;
  let headers = { ...options.headers };
  const redirects: string[] = [];
  for (;;) {
    // Every hop is checked again: a public site may redirect to http://169.254.169.254/.
    const verdict = await withAbort(options.guard.checkUrl(url), options.signal);
    if (verdict === undefined)
      return err(fetchFailure('timeout', url.href, { timeoutMs: options.timeoutMs }));
    if (!verdict.allowed) return err(refusal(verdict, url));

    const sent = await send(url, method, headers, body, options);
    if (!sent.ok) return sent;
    const response = sent.value;
    const status = response.statusCode ?? 0;
    const location = headerValue(response.headers.location);

    if (REDIRECT_STATUSES.has(status) && location !== undefined) {
      const atLimit = redirects.length >= options.maxRedirects;
      if (atLimit && options.onRedirectLimit === 'fail') {
        response.destroy();
        return err(fetchFailure('too_many_redirects', url.href, { maxRedirects: options.maxRedirects }));
      }
      if (!atLimit) {
        response.destroy();
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          return err(fetchFailure('http_error', url.href, { status, location }));
        }
        next.hash = '';
        redirects.push(next.href);
        // Browsers turn a 303, and a 301/302 after a POST, into a GET without a body.
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        // Credentials for one origin are not handed to another.
        if (next.origin !== url.origin) {
          const { authorization: _authorization, cookie: _cookie, ...rest } = headers;
          headers = rest;
        }
        url = next;
        continue;
      }
    }

    const refused = options.checkHead?.(url, status, response.headers);
    if (refused) {
      response.destroy();
      return err(refused);
    }
    const read = await readBody(response, url, options);
    if (!read.ok) return read;
    return ok({ url, status, headers: response.headers, body: read.value, redirects });
  }
}

/** Sends one request and resolves with the response head (or the reason there is none). */
function send(
  url: URL,
  method: string,
  headers: Readonly<Record<string, string>>,
  body: Buffer | undefined,
  options: ExchangeOptions,
): Promise<Result<IncomingMessage, FetchFailure>> {
  return new Promise((resolve) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)({
      protocol: url.protocol,
      hostname: normaliseHost(url.hostname),
      port: effectivePort(url),
      path: `${url.pathname}${url.search}`,
      method,
      headers: {
        ...headers,
        host: url.host,
        'accept-encoding': 'gzip, deflate, br',
        ...(body === undefined ? {} : { 'content-length': String(body.length) }),
      },
      // Host names are checked on the addresses the socket connects to; IP literals never reach a
      // lookup and were checked by checkUrl.
      lookup: options.guard.lookup,
      // No pooled sockets: a connection opened under one allow-list must not serve another check.
      agent: false,
      signal: options.signal,
    });
    request.once('response', (response) => resolve(ok(response)));
    request.once('error', (error) => resolve(err(classifyError(error, url, options))));
    request.end(body);
  });
}

/** Reads the body up to maxBytes, then removes the content-encoding under the same cap. */
async function readBody(
  response: IncomingMessage,
  url: URL,
  options: ExchangeOptions,
): Promise<Result<Buffer, FetchFailure>> {
  const tooLarge = () => fetchFailure('too_large', url.href, { maxBytes: options.maxBytes });
  const declared = Number(headerValue(response.headers['content-length']));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    response.destroy();
    return err(tooLarge());
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      if (size > options.maxBytes) {
        response.destroy();
        return err(tooLarge());
      }
      chunks.push(bytes);
    }
  } catch (error) {
    return err(classifyError(error, url, options));
  }
  if (options.signal.aborted) return err(fetchFailure('timeout', url.href, { timeoutMs: options.timeoutMs }));
  if (!response.complete)
    return err(
      fetchFailure('connection_failed', url.href, {
        host: normaliseHost(url.hostname),
        reason: 'the body was cut off',
      }),
    );
  return decompress(Buffer.concat(chunks), headerValue(response.headers['content-encoding']), url, options);
}

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);
const inflateRawAsync = promisify(inflateRaw);
const brotliAsync = promisify(brotliDecompress);

async function decompress(
  raw: Buffer,
  encoding: string | undefined,
  url: URL,
  options: ExchangeOptions,
): Promise<Result<Buffer, FetchFailure>> {
  const name = encoding?.trim().toLowerCase() ?? '';
  if (name === '' || name === 'identity' || raw.length === 0) return ok(raw);
  // maxOutputLength stops a small compressed body from expanding into gigabytes (a zip bomb).
  // Sync flush accepts a stream cut short at the end, as browsers do.
  const limits = { maxOutputLength: options.maxBytes, finishFlush: zlib.Z_SYNC_FLUSH };
  try {
    if (name === 'gzip' || name === 'x-gzip') return ok(await gunzipAsync(raw, limits));
    if (name === 'br') {
      return ok(
        await brotliAsync(raw, {
          maxOutputLength: options.maxBytes,
          finishFlush: zlib.BROTLI_OPERATION_FLUSH,
        }),
      );
    }
    if (name === 'deflate') {
      // "deflate" should be zlib-wrapped, but some servers send raw deflate; browsers accept both.
      return ok(await inflateAsync(raw, limits).catch(() => inflateRawAsync(raw, limits)));
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      return err(fetchFailure('too_large', url.href, { maxBytes: options.maxBytes }));
    }
    return err(fetchFailure('http_error', url.href, { encoding: name, reason: 'corrupt' }));
  }
  return err(fetchFailure('http_error', url.href, { encoding: name, reason: 'unsupported' }));
}

/** Node's socket and TLS errors, sorted into what a user can act on. */
function classifyError(error: unknown, url: URL, options: ExchangeOptions): FetchFailure {
  const host = normaliseHost(url.hostname);
  if (error instanceof BlockedAddressError) {
    return fetchFailure('blocked_address', url.href, { host, address: error.address });
  }
  if (options.signal.aborted) return fetchFailure('timeout', url.href, { timeoutMs: options.timeoutMs });
  const { code = '', message = '' } = error as NodeJS.ErrnoException;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA' || code === 'EAI_FAIL') {
    return fetchFailure('dns_failed', url.href, { host });
  }
  if (code === 'ETIMEDOUT') return fetchFailure('timeout', url.href, { timeoutMs: options.timeoutMs });
  const isTls =
    code.startsWith('ERR_TLS_') ||
    code.startsWith('ERR_SSL_') ||
    code.startsWith('CERT_') ||
    code.includes('CERT') ||
    code === 'EPROTO' ||
    (error as { library?: string }).library === 'SSL routines';
  if (isTls) return fetchFailure('tls_failed', url.href, { host, reason: code || message });
  return fetchFailure('connection_failed', url.href, { host, reason: code || message });
}

function refusal(verdict: Exclude<GuardVerdict, { allowed: true }>, url: URL): FetchFailure {
  const host = normaliseHost(url.hostname);
  switch (verdict.reason) {
    case 'scheme':
      return fetchFailure('unsupported_scheme', url.href, { scheme: verdict.scheme });
    case 'address':
      return fetchFailure('blocked_address', url.href, { host, address: verdict.address });
    case 'port':
      return fetchFailure('blocked_port', url.href, { host, port: verdict.port });
  }
}

/** Resolves undefined when the signal aborts first (a DNS lookup cannot be cancelled). */
function withAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

type Params = Record<string, string | number | undefined>;

/**
 * Builds a failure with its message. Params used by the messages: host, address, port, scheme, status,
 * timeoutMs, maxBytes, maxRedirects, contentType, reason.
 */
export function fetchFailure(code: FetchFailureCode, url: string, params: Params = {}): FetchFailure {
  const base = { code, message: describeFailure(code, url, params), url };
  return code === 'http_error' && typeof params.status === 'number'
    ? { ...base, status: params.status }
    : base;
}

/** Specific messages in both languages: a reviewer should see which host, address or limit it was. */
function describeFailure(code: FetchFailureCode, url: string, params: Params): Localized {
  const seconds = typeof params.timeoutMs === 'number' ? `${params.timeoutMs / 1000}` : '';
  const size = typeof params.maxBytes === 'number' ? formatBytes(params.maxBytes) : '';
  const reason = params.reason === undefined ? '' : ` (${params.reason})`;
  switch (code) {
    case 'invalid_url':
      return {
        en: `"${url}" is not a web address (a host name or http(s) URL without user name or password).`,
        zh: `"${url}" 不是有效的网址（应为不含用户名和密码的域名或 http(s) 网址）。`,
      };
    case 'unsupported_scheme':
      return {
        en: `Only http and https addresses can be checked, not "${params.scheme}:".`,
        zh: `只能检查 http 和 https 网址，不支持 "${params.scheme}:"。`,
      };
    case 'blocked_address':
      return {
        en: `${params.host} resolves to ${params.address}, which is not a public address; only public addresses are fetched unless an administrator allow-lists the host.`,
        zh: `${params.host} 解析到 ${params.address}，不是公网地址；除非管理员将该主机加入允许列表，否则只访问公网地址。`,
      };
    case 'blocked_port':
      return {
        en: `Port ${params.port} of ${params.host} is not fetched; only ports 80 and 443 are, unless an administrator allow-lists the host.`,
        zh: `不访问 ${params.host} 的 ${params.port} 端口；除非管理员将该主机加入允许列表，否则只访问 80 和 443 端口。`,
      };
    case 'dns_failed':
      return {
        en: `The domain name ${params.host} could not be resolved.`,
        zh: `无法解析域名 ${params.host}。`,
      };
    case 'connection_failed':
      return {
        en: `Could not connect to ${params.host ?? url}${reason}.`,
        zh: `无法连接到 ${params.host ?? url}${reason}。`,
      };
    case 'tls_failed':
      return {
        en: `The secure connection (TLS) to ${params.host} failed${reason}.`,
        zh: `与 ${params.host} 的安全连接（TLS）失败${reason}。`,
      };
    case 'timeout':
      return {
        en: `${url} did not answer within ${seconds} s.`,
        zh: `${url} 在 ${seconds} 秒内没有响应。`,
      };
    case 'too_large':
      return {
        en: `The response of ${url} is larger than ${size}.`,
        zh: `${url} 的响应超过 ${size}。`,
      };
    case 'too_many_redirects':
      return {
        en: `${url} redirects more than ${params.maxRedirects} times.`,
        zh: `${url} 重定向超过 ${params.maxRedirects} 次。`,
      };
    case 'http_error':
      return describeHttpError(url, params);
    case 'not_html':
      return {
        en: `${url} returned ${params.contentType}, not an HTML page.`,
        zh: `${url} 返回的是 ${params.contentType}，不是 HTML 页面。`,
      };
  }
}

function describeHttpError(url: string, params: Params): Localized {
  if (params.encoding !== undefined) {
    return params.reason === 'unsupported'
      ? {
          en: `${url} sent its page in an unsupported encoding (${params.encoding}).`,
          zh: `${url} 使用了不支持的内容编码（${params.encoding}）。`,
        }
      : {
          en: `The ${params.encoding}-compressed page of ${url} is corrupt.`,
          zh: `${url} 的 ${params.encoding} 压缩内容已损坏。`,
        };
  }
  const status = params.status;
  if (typeof status === 'number' && status >= 300 && status < 400) {
    return params.location === undefined
      ? {
          en: `${url} answered ${status} (a redirect) without saying where to.`,
          zh: `${url} 返回 ${status}（重定向），但没有给出目标地址。`,
        }
      : {
          en: `${url} redirects to an invalid address: ${params.location}.`,
          zh: `${url} 重定向到无效地址：${params.location}。`,
        };
  }
  return {
    en: `${url} answered with HTTP status ${status}.`,
    zh: `${url} 返回 HTTP 状态码 ${status}。`,
  };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}
