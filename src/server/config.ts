import { isIP } from 'node:net';
import { join } from 'node:path';
import { z } from 'zod';
import { err, ok, type Result } from '../domain/shared/result.ts';
import { MIN_SECRET_LENGTH, SECRET_KEY_FILE_NAME } from '../infra/crypto/key-file.ts';

/**
 * Configuration from environment variables, validated at start. Pure: reading or creating the key
 * file is done by the caller (server.ts), this only says where it is.
 */
export interface Config {
  port: number;
  host: string;
  /** postgres://… when set; otherwise SQLite under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  /** From SECRET; when absent, the secret lives in `secretKeyFile` (created on first start). */
  secret?: string;
  secretKeyFile: string;
  /** smtp(s)://…; when absent, mail is stored under `dataDir` for admins to read. */
  smtpUrl?: string;
  /** Where users reach the server, for links in mail; no trailing slash. */
  publicUrl: string;
  /** Seed the demo data on an empty database. */
  demo: boolean;
  logLevel: LogLevel;
  /** From MAX_UPLOAD_MB; when absent, documents take up to DEFAULT_MAX_UPLOAD_BYTES (10 MB). */
  maxUploadBytes?: number;
  /**
   * From FETCH_ALLOW_HOSTS (comma-separated): hosts the live footer check may fetch although they
   * resolve to private or loopback addresses, on top of the ones administrators list. Empty by default.
   */
  fetchAllowHosts: string[];
}

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

const treatEmptyAsUnset = (value: unknown) => (value === '' ? undefined : value);

function parseOptional<T extends z.ZodType>(schema: T) {
  return z.preprocess(treatEmptyAsUnset, schema.optional());
}

const envSchema = z.object({
  PORT: z.preprocess(
    treatEmptyAsUnset,
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().int().min(0, 'must be 0–65535').max(65535, 'must be 0–65535'))
      .default(3000),
  ),
  HOST: z.preprocess(treatEmptyAsUnset, z.string().min(1).default('127.0.0.1')),
  DATABASE_URL: parseOptional(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/, {
        message: 'must be a PostgreSQL URL postgres://user@host:port/database',
        abort: true,
      })
      .refine((value) => URL.canParse(value), 'is not a valid URL'),
  ),
  DATA_DIR: z.preprocess(treatEmptyAsUnset, z.string().min(1).default('./data')),
  SECRET: parseOptional(
    z
      .string()
      .min(
        MIN_SECRET_LENGTH,
        `must be at least ${MIN_SECRET_LENGTH} characters (or unset it to use a key file)`,
      ),
  ),
  SMTP_URL: parseOptional(
    z
      .string()
      .regex(/^smtps?:\/\/\S+$/, {
        message: 'must be an SMTP URL smtp://user:password@host:port or smtps://…',
        abort: true,
      })
      .refine((value) => URL.canParse(value), 'is not a valid URL'),
  ),
  PUBLIC_URL: parseOptional(
    z
      .string()
      .regex(/^https?:\/\/\S+$/, { message: 'must be an http:// or https:// URL', abort: true })
      .refine((value) => URL.canParse(value), 'is not a valid URL'),
  ),
  DEMO: z.preprocess(
    treatEmptyAsUnset,
    z.enum(['0', '1', 'false', 'true'], { message: "must be 1 or 0 ('0' seeds no demo data)" }).default('1'),
  ),
  LOG_LEVEL: z.preprocess(
    treatEmptyAsUnset,
    z.enum(logLevels, { message: `must be one of ${logLevels.join(', ')}` }).default('info'),
  ),
  FETCH_ALLOW_HOSTS: z.preprocess(
    treatEmptyAsUnset,
    z
      .string()
      .transform((value) =>
        value
          .split(',')
          .map((host) => host.trim())
          .filter((host) => host !== ''),
      )
      .pipe(
        z.array(
          z
            .string()
            .refine(
              (host) => isIP(host.replace(/^\[(.*)\]$/, '$1')) !== 0 || /^[^\s/@?#:[\]]+$/.test(host),
              'must be host names or IP addresses, without ports or paths',
            ),
        ),
      )
      .default([]),
  ),
  MAX_UPLOAD_MB: parseOptional(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number of megabytes')
      .transform(Number)
      .pipe(z.number().int().min(1, 'must be 1–100').max(100, 'must be 1–100')),
  ),
});

/** Wildcard addresses are where the server listens, not where a browser can reach it. */
function formatReachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Reads the configuration. Every problem is listed with its variable name, e.g.
 * "SECRET: must be at least 32 characters …", so one start shows them all.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Result<Config, string[]> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    return err(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    secretKeyFile: join(e.DATA_DIR, SECRET_KEY_FILE_NAME),
    publicUrl: (e.PUBLIC_URL ?? `http://${formatReachableHost(e.HOST)}:${e.PORT}`).replace(/\/+$/, ''),
    demo: e.DEMO === '1' || e.DEMO === 'true',
    logLevel: e.LOG_LEVEL,
    fetchAllowHosts: e.FETCH_ALLOW_HOSTS,
  };
  if (e.DATABASE_URL !== undefined) config.databaseUrl = e.DATABASE_URL;
  if (e.SECRET !== undefined) config.secret = e.SECRET;
  if (e.SMTP_URL !== undefined) config.smtpUrl = e.SMTP_URL;
  if (e.MAX_UPLOAD_MB !== undefined) config.maxUploadBytes = e.MAX_UPLOAD_MB * 1024 * 1024;
  return ok(config);
}
