import { isApiError } from './api.ts';

/**
 * Field errors of a 400, by body field name (`url`, `domain`, `expectedNumber` …), for forms whose
 * fields are the request body's top-level keys (the footer checker, the site monitor).
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!isApiError(error, 'validation_failed')) return {};
  return Object.fromEntries(error.fieldErrors.map((f) => [f.path.replace(/^body\./u, ''), f.message]));
}
