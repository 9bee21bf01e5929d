import { createHash, randomBytes } from 'node:crypto';

/** Marks OpenBeian API tokens, so secret scanners and people recognise a leaked one. */
export const API_TOKEN_MARKER = 'obt_';

/** 256 random bits, base64url without padding. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^obt_[A-Za-z0-9_-]{43}$/;

/** How many leading characters are kept (and shown) to tell tokens apart: the marker and 8 more. */
const SHOWN_PREFIX_LENGTH = API_TOKEN_MARKER.length + 8;

export interface GeneratedApiToken {
  /** Shown once, never stored. */
  token: string;
  prefix: string;
  hash: string;
}

/** Hex SHA-256: enough for 256-bit random tokens, which no dictionary or brute force reaches. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateApiToken(): GeneratedApiToken {
  const token = `${API_TOKEN_MARKER}${randomBytes(TOKEN_BYTES).toString('base64url')}`;
  return { token, prefix: token.slice(0, SHOWN_PREFIX_LENGTH), hash: hashApiToken(token) };
}

export function isApiTokenShaped(text: string): boolean {
  return TOKEN_SHAPE.test(text);
}
