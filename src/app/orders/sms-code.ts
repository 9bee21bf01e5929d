import { timingSafeEqual } from 'node:crypto';
import type { FieldCipherPort, RandomSource } from './order-deps.ts';

/** A 6-digit code, as MIIT's 12381 sends (ref-3-sms). */
export function generateSmsCode(random: RandomSource): string {
  return String(random.nextInt(1_000_000)).padStart(6, '0');
}

export function isSmsCodeFormat(code: string): boolean {
  return /^\d{6}$/u.test(code);
}

/**
 * A keyed hash (HMAC under the blind-index key) of the code, salted with the order and the issue time.
 * A plain hash of six digits is reversed by trying all million codes; without the key it cannot be.
 */
export function hashSmsCode(cipher: FieldCipherPort, orderId: number, issuedAt: Date, code: string): string {
  return cipher.blindIndex(`sms-code:${orderId}:${issuedAt.toISOString()}:${code}`);
}

export function matchesSmsCode(
  cipher: FieldCipherPort,
  challenge: { orderId: number; issuedAt: Date; codeHash: string },
  code: string,
): boolean {
  const expected = Buffer.from(challenge.codeHash, 'utf8');
  const actual = Buffer.from(hashSmsCode(cipher, challenge.orderId, challenge.issuedAt, code), 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
