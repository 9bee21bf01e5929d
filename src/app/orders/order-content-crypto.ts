import type { OrderContentDraft } from '../../domain/order-content/order-content.ts';
import { normalizeCompact } from '../../domain/shared/normalize.ts';
import type { FieldCipherPort } from './order-deps.ts';

/**
 * Order content holds personal data throughout (names, certificate numbers, mobiles, e-mails,
 * addresses), so drafts and versions are stored as ONE AES-256-GCM envelope of the whole JSON rather
 * than field by field: nothing personal can be left out by a new field, and reviewers' diffs run on
 * the decrypted snapshots. The AAD binds each envelope to its row (order and version), so a snapshot
 * copied onto another order or version fails authentication instead of being read as that one.
 */

export function draftAad(orderId: number): string {
  return `order_drafts:${orderId}`;
}

export function versionAad(orderId: number, version: number): string {
  return `order_versions:${orderId}:${version}`;
}

export function encryptContent(cipher: FieldCipherPort, content: OrderContentDraft, aad: string): string {
  return cipher.encryptField(JSON.stringify(content), aad);
}

export function decryptContent(cipher: FieldCipherPort, value: string, aad: string): OrderContentDraft {
  return JSON.parse(cipher.decryptField(value, aad)) as OrderContentDraft;
}

/** The certificate number as detection compares it: NFKC, no white space, upper case. */
export function normalizeCertificateNumber(certificateNumber: string): string {
  return normalizeCompact(certificateNumber).toUpperCase();
}

/** The blind index that finds an entity (and its order in progress) by certificate number. */
export function computeCertificateIndex(cipher: FieldCipherPort, certificateNumber: string): string {
  return cipher.blindIndex(`entity-certificate:${normalizeCertificateNumber(certificateNumber)}`);
}
