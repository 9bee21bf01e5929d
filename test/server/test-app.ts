import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { createWorkingDayCalendar } from '../../src/domain/calendar/working-day-calendar.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import { buildApp } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { AppDeps } from '../../src/server/deps.ts';

const seedCalendar = createWorkingDayCalendar();

/** A fixed "now" (2026-11-30 10:00 in China) so answers that depend on today are stable. */
export const testNow = new Date('2026-11-30T02:00:00Z');

export function buildTestConfig() {
  const config = loadConfig({ SECRET: 'test-secret-test-secret-test-secret', LOG_LEVEL: 'silent' });
  if (!config.ok) throw new Error(config.error.join('; '));
  return config.value;
}

export interface TestApp {
  app: FastifyInstance;
  /** Every log line the app wrote so far (level trace and above), as raw text. */
  readLogs(): string;
}

/** buildApp with the shipped catalogue, the seed calendar, a fixed clock and captured logs. */
export async function buildTestApp(overrides: Partial<AppDeps> = {}): Promise<TestApp> {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  const app = await buildApp({
    config: buildTestConfig(),
    logger: { level: 'trace', stream },
    health: [{ name: 'database', ping: async () => {} }],
    catalogue: defaultCatalogue,
    calendar: { getCalendar: async () => seedCalendar },
    clock: { now: () => testNow },
    ...overrides,
  });
  return { app, readLogs: () => chunks.join('') };
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId: string };
}

export interface FieldErrorBody {
  in: string;
  path: string;
  code: string;
  message: string;
}

export function readFieldErrors(body: ErrorBody): FieldErrorBody[] {
  return body.error.details as FieldErrorBody[];
}
