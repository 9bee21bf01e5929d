import { hkdfSync } from 'node:crypto';

const AUTH_HKDF_SALT = 'openbeian/auth/v1';
const AUTH_HKDF_INFO = 'openbeian/auth/better-auth-secret/v1';

/**
 * better-auth's secret (it signs session cookies and encrypts TOTP secrets) derived from the server's
 * 32-byte secret key (src/infra/crypto/key-file.ts) with its own HKDF label, so it never sits in
 * configuration and never equals a key used for anything else.
 */
export function deriveAuthSecret(secretKey: Buffer): string {
  if (secretKey.length !== 32) throw new RangeError('The secret key must be 32 bytes.');
  return Buffer.from(hkdfSync('sha256', secretKey, AUTH_HKDF_SALT, AUTH_HKDF_INFO, 32)).toString('hex');
}
