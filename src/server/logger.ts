import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { type DestinationStream, pino, stdSerializers } from 'pino';
import type { LogLevel } from './config.ts';

/**
 * Field names that hold personal data or credentials anywhere in an object we log. Request and
 * response bodies are never logged; these paths are the safety net for objects a handler, plugin or
 * error passes to the logger (DESIGN.md §6: personal data is redacted in logs).
 */
const SENSITIVE_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'secret',
  'token',
  'apiKey',
  'certificateNumber',
  'idNumber',
  'residentId',
  'passportNumber',
  'permitNumber',
  'mobile',
  'phone',
  'landline',
  'email',
  'value',
  'body',
  'photo',
  'smsCode',
  'code_verifier',
];

/** fast-redact has no recursive wildcard: cover the top level and two levels of nesting. */
function buildRedactPaths(): string[] {
  const paths = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];
  for (const key of SENSITIVE_KEYS) paths.push(key, `*.${key}`, `*.*.${key}`);
  return paths;
}

export const redactPaths: readonly string[] = buildRedactPaths();

/**
 * Requests are logged by method and path only: query strings can carry what users searched for
 * (names, numbers), and client addresses are personal data; rate limiting reads them, logs do not.
 */
function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  const url = request.url ?? '';
  const queryAt = url.indexOf('?');
  return {
    method: request.method,
    path: queryAt === -1 ? url : url.slice(0, queryAt),
    route: request.routeOptions?.url,
  };
}

function serializeReply(reply: FastifyReply): Record<string, unknown> {
  return { statusCode: reply.statusCode };
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where log lines go; stdout when omitted. Tests pass a stream to read them. */
  stream?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): FastifyBaseLogger {
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: [...redactPaths], censor: '[redacted]' },
      serializers: { req: serializeRequest, res: serializeReply, err: stdSerializers.err },
    },
    options.stream ?? process.stdout,
  );
}
