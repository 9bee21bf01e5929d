import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';

/**
 * Authenticated encryption of personal data at rest (DESIGN.md §6): AES-256-GCM from node:crypto
 * with a random 96-bit IV per message. Every envelope is
 *
 *   version (1 byte) | key id (4 bytes) | IV (12 bytes) | tag (16 bytes) | ciphertext
 *
 * The version and key id are authenticated together with the caller's AAD, so neither can be
 * altered, and the key id lets a wrong key be told apart from tampering (and lets a later key
 * rotation find what each envelope needs).
 */

export const ENVELOPE_VERSION = 1;
const KEY_ID_BYTES = 4;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX_BYTES = 1 + KEY_ID_BYTES;
export const ENVELOPE_OVERHEAD_BYTES = PREFIX_BYTES + IV_BYTES + TAG_BYTES;

/** What each derived key is for; a key never serves two purposes. */
export type KeyPurpose = 'files' | 'fields' | 'index';

/**
 * A key derived from the secret key for one purpose. The material is a KeyObject, so printing or
 * logging a DataKey never shows it.
 */
export interface DataKey {
  readonly purpose: KeyPurpose;
  /** Identifies the secret key it came from (not secret: derived one-way). */
  readonly id: Buffer;
  readonly material: KeyObject;
}

export interface DataKeys {
  /** Encrypts stored documents (scans, photos, signed forms). */
  readonly files: DataKey;
  /** Encrypts short values in database columns (certificate numbers …). */
  readonly fields: DataKey;
  /** Keys the blind index so encrypted values can still be found by exact value. */
  readonly index: DataKey;
}

export class DecryptionError extends Error {
  /**
   * `malformed`: not an envelope (too short, bad encoding); `unsupported_version`: written by a newer
   * format; `key_mismatch`: encrypted under another secret key; `authentication_failed`: the data,
   * the AAD or the purpose do not match (tampering or a mix-up).
   */
  readonly code: 'malformed' | 'unsupported_version' | 'key_mismatch' | 'authentication_failed';

  constructor(code: DecryptionError['code'], message: string) {
    super(message);
    this.name = 'DecryptionError';
    this.code = code;
  }
}

const HKDF_SALT = 'openbeian/data-keys/v1';

/** Derives the per-purpose keys (HKDF-SHA256 with a label per purpose) from the 32-byte secret key. */
export function deriveDataKeys(secretKey: Buffer): DataKeys {
  if (secretKey.length !== 32) throw new RangeError('The secret key must be 32 bytes.');
  const id = Buffer.from(hkdfSync('sha256', secretKey, HKDF_SALT, 'openbeian/key-id/v1', KEY_ID_BYTES));
  const derive = (purpose: KeyPurpose): DataKey => ({
    purpose,
    id,
    material: createSecretKey(
      Buffer.from(hkdfSync('sha256', secretKey, HKDF_SALT, `openbeian/${purpose}/v1`, 32)),
    ),
  });
  return { files: derive('files'), fields: derive('fields'), index: derive('index') };
}

/** Additional authenticated data: bound to the envelope without being stored in it. */
export type Aad = Buffer | string;

export function encrypt(plaintext: Buffer, key: DataKey, aad?: Aad): Buffer {
  assertCipherKey(key);
  const prefix = Buffer.alloc(PREFIX_BYTES);
  prefix.writeUInt8(ENVELOPE_VERSION, 0);
  key.id.copy(prefix, 1);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.material, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(buildAad(prefix, aad));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([prefix, iv, cipher.getAuthTag(), ciphertext]);
}

export function decrypt(envelope: Buffer, key: DataKey, aad?: Aad): Buffer {
  assertCipherKey(key);
  if (envelope.length < ENVELOPE_OVERHEAD_BYTES) {
    throw new DecryptionError('malformed', 'The encrypted data is too short to be an envelope.');
  }
  const version = envelope.readUInt8(0);
  if (version !== ENVELOPE_VERSION) {
    throw new DecryptionError('unsupported_version', `Unsupported envelope version ${version}.`);
  }
  const prefix = envelope.subarray(0, PREFIX_BYTES);
  if (!prefix.subarray(1).equals(key.id)) {
    throw new DecryptionError(
      'key_mismatch',
      `The data was encrypted under another secret key (key id ${prefix.subarray(1).toString('hex')}, current ${key.id.toString('hex')}).`,
    );
  }
  const iv = envelope.subarray(PREFIX_BYTES, PREFIX_BYTES + IV_BYTES);
  const tag = envelope.subarray(PREFIX_BYTES + IV_BYTES, ENVELOPE_OVERHEAD_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key.material, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(buildAad(prefix, aad));
  decipher.setAuthTag(tag);
  const plaintext = decipher.update(envelope.subarray(ENVELOPE_OVERHEAD_BYTES));
  try {
    decipher.final();
  } catch {
    // Nothing of the unauthenticated plaintext may escape.
    plaintext.fill(0);
    throw new DecryptionError(
      'authentication_failed',
      'The encrypted data failed authentication: it was altered, or the context (AAD) does not match.',
    );
  }
  return plaintext;
}

/**
 * Encrypts a short text for a database column: the envelope as base64url without padding (a
 * 18-character certificate number becomes 68 characters). Binding `aad` to the table, column and
 * row id stops a value from being copied to another row unnoticed.
 */
export function encryptField(text: string, key: DataKey, aad?: Aad): string {
  return encrypt(Buffer.from(text, 'utf8'), key, aad).toString('base64url');
}

export function decryptField(value: string, key: DataKey, aad?: Aad): string {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) {
    throw new DecryptionError('malformed', 'The encrypted field is not base64url text.');
  }
  return decrypt(Buffer.from(value, 'base64url'), key, aad).toString('utf8');
}

/**
 * A keyed, deterministic digest (HMAC-SHA256, base64url) of a value, stored beside its encrypted
 * column so it can be looked up by exact value without decrypting every row. It hashes the exact
 * text given: normalise first (e.g. the certificate number as the domain validator normalises it).
 */
export function blindIndex(text: string, key: DataKey): string {
  if (key.purpose !== 'index')
    throw new RangeError(`A blind index needs the index key, not the ${key.purpose} key.`);
  return createHmac('sha256', key.material).update(text, 'utf8').digest('base64url');
}

/** The field operations bound to one set of keys, as repositories want them. */
export interface FieldCipher {
  encryptField(text: string, aad?: Aad): string;
  decryptField(value: string, aad?: Aad): string;
  blindIndex(text: string): string;
}

export function createFieldCipher(keys: DataKeys): FieldCipher {
  return {
    encryptField: (text, aad) => encryptField(text, keys.fields, aad),
    decryptField: (value, aad) => decryptField(value, keys.fields, aad),
    blindIndex: (text) => blindIndex(text, keys.index),
  };
}

function buildAad(prefix: Buffer, aad: Aad | undefined): Buffer {
  if (aad === undefined) return prefix;
  return Buffer.concat([prefix, typeof aad === 'string' ? Buffer.from(aad, 'utf8') : aad]);
}

function assertCipherKey(key: DataKey): void {
  if (key.purpose === 'index')
    throw new RangeError('The index key only keys the blind index; it never encrypts.');
}
