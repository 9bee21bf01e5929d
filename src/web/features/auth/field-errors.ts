import { isApiError } from '../../lib/api.ts';

/** The API's message for one field of a failed request (`email` matches `email` and `body.email`). */
export function fieldErrorOf(error: unknown, field: string): string | undefined {
  if (!isApiError(error)) return undefined;
  return error.fieldErrors.find((f) => f.path === field || f.path.endsWith(`.${field}`))?.message;
}

/** better-auth's own code of an error (`INVALID_EMAIL_OR_PASSWORD` …), kept in `details.authCode`. */
export function authCodeOf(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  const details = error.details as { authCode?: unknown } | undefined;
  return typeof details?.authCode === 'string' ? details.authCode : undefined;
}

/** A same-site path to return to after signing in; anything else (other sites, `//host`) is ignored. */
export function safeRedirect(value: string | undefined): string | undefined {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  if (value.startsWith('/sign-in') || value.startsWith('/sign-up')) return undefined;
  return value;
}
