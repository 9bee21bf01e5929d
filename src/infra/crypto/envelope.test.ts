import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blindIndex,
  createFieldCipher,
  DecryptionError,
  decrypt,
  decryptField,
  deriveDataKeys,
  ENVELOPE_OVERHEAD_BYTES,
  encrypt,
  encryptField,
} from './envelope.ts';

const keys = deriveDataKeys(Buffer.alloc(32, 7));
const otherKeys = deriveDataKeys(Buffer.alloc(32, 8));

function expectDecryptionError(run: () => unknown, code: DecryptionError['code']): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DecryptionError);
    expect((error as DecryptionError).code).toBe(code);
    return;
  }
  throw new Error('expected a DecryptionError');
}

describe('encrypt / decrypt', () => {
  it('round-trips any bytes, with and without AAD', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.option(fc.string()), (bytes, aad) => {
        const plaintext = Buffer.from(bytes);
        const envelope = encrypt(plaintext, keys.files, aad ?? undefined);
        expect(envelope.length).toBe(plaintext.length + ENVELOPE_OVERHEAD_BYTES);
        expect(decrypt(envelope, keys.files, aad ?? undefined).equals(plaintext)).toBe(true);
      }),
    );
  });

  it('writes the version byte and key id in clear and a fresh IV every time', () => {
    const first = encrypt(Buffer.from('same'), keys.files);
    const second = encrypt(Buffer.from('same'), keys.files);
    expect(first[0]).toBe(1);
    expect(first.subarray(1, 5).equals(keys.files.id)).toBe(true);
    expect(first.equals(second)).toBe(false);
    expect(first.includes(Buffer.from('same'))).toBe(false);
  });

  it('throws a typed error when any byte is flipped', () => {
    const plaintext = Buffer.from('110101199003078515');
    const envelope = encrypt(plaintext, keys.fields, 'entity:1');
    fc.assert(
      fc.property(fc.nat({ max: envelope.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const tampered = Buffer.from(envelope);
        tampered[at] = (tampered[at] ?? 0) ^ mask;
        expect(() => decrypt(tampered, keys.fields, 'entity:1')).toThrow(DecryptionError);
      }),
    );
    const body = Buffer.from(envelope);
    body[body.length - 1] = (body[body.length - 1] ?? 0) ^ 1;
    expectDecryptionError(() => decrypt(body, keys.fields, 'entity:1'), 'authentication_failed');
    const version = Buffer.from(envelope);
    version[0] = 2;
    expectDecryptionError(() => decrypt(version, keys.fields, 'entity:1'), 'unsupported_version');
  });

  it('tells a wrong key apart from tampering', () => {
    const envelope = encrypt(Buffer.from('secret'), keys.files);
    expectDecryptionError(() => decrypt(envelope, otherKeys.files), 'key_mismatch');
  });

  it('fails authentication on an AAD mismatch or a key of another purpose', () => {
    const envelope = encrypt(Buffer.from('secret'), keys.files, 'document:1');
    expectDecryptionError(() => decrypt(envelope, keys.files, 'document:2'), 'authentication_failed');
    expectDecryptionError(() => decrypt(envelope, keys.files), 'authentication_failed');
    expectDecryptionError(() => decrypt(envelope, keys.fields, 'document:1'), 'authentication_failed');
  });

  it('rejects data too short to be an envelope', () => {
    expectDecryptionError(() => decrypt(Buffer.alloc(10), keys.files), 'malformed');
  });

  it('never encrypts with the index key', () => {
    expect(() => encrypt(Buffer.from('x'), keys.index)).toThrow(RangeError);
  });

  it('does not show key material when a key is printed', () => {
    const secret = randomBytes(32);
    const printed = inspect(deriveDataKeys(secret), { depth: 5 }) + JSON.stringify(deriveDataKeys(secret));
    expect(printed).not.toContain(secret.toString('hex'));
    expect(printed).not.toContain(secret.toString('base64'));
  });
});

describe('encryptField / decryptField', () => {
  it('round-trips Unicode text as compact base64url', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const value = encryptField(text, keys.fields, 'entities.certificate_number:42');
        expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(decryptField(value, keys.fields, 'entities.certificate_number:42')).toBe(text);
      }),
    );
    expect(encryptField('110101199003078515', keys.fields)).toHaveLength(68);
  });

  it('rejects text that is not base64url', () => {
    expectDecryptionError(() => decryptField('abc=', keys.fields), 'malformed');
    expectDecryptionError(() => decryptField('', keys.fields), 'malformed');
  });

  it('is bound to its row through the AAD', () => {
    const value = encryptField('91110000802100433B', keys.fields, 'entities:1');
    expectDecryptionError(() => decryptField(value, keys.fields, 'entities:2'), 'authentication_failed');
  });
});

describe('blindIndex', () => {
  it('is stable for one key and distinct per key and per value', () => {
    const first = blindIndex('110101199003078515', keys.index);
    expect(blindIndex('110101199003078515', keys.index)).toBe(first);
    expect(blindIndex('110101199003078515', otherKeys.index)).not.toBe(first);
    expect(blindIndex('110101199003078516', keys.index)).not.toBe(first);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first).not.toContain('110101');
  });

  it('only takes the index key', () => {
    expect(() => blindIndex('x', keys.fields)).toThrow(RangeError);
  });

  it('is bound into a field cipher with the right keys', () => {
    const cipher = createFieldCipher(keys);
    const value = cipher.encryptField('测试单位', 'aad');
    expect(cipher.decryptField(value, 'aad')).toBe('测试单位');
    expect(decryptField(value, keys.fields, 'aad')).toBe('测试单位');
    expect(cipher.blindIndex('测试单位')).toBe(blindIndex('测试单位', keys.index));
  });
});

describe('deriveDataKeys', () => {
  it('derives a distinct key per purpose and refuses a secret key of the wrong size', () => {
    const exported = [keys.files, keys.fields, keys.index].map((key) =>
      key.material.export().toString('hex'),
    );
    expect(new Set(exported).size).toBe(3);
    expect(() => deriveDataKeys(Buffer.alloc(16))).toThrow(RangeError);
  });
});
