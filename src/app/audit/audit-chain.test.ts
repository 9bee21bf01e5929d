import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  computeAuditHash,
  findPersonalData,
  GENESIS_HASH,
  type JsonValue,
} from './audit-chain.ts';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null, 'x'], c: -0.5 } })).toBe(
      '{"a":{"c":-0.5,"d":[true,null,"x"]},"b":1}',
    );
    expect(canonicalJson({ 中: '文', Z: 'z', a: 'a' })).toBe('{"Z":"z","a":"a","中":"文"}');
  });

  it('gives equal text for equal values whatever the key order, and parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ noUnicodeString: false }), (value) => {
        const json = value as JsonValue;
        const text = canonicalJson(json);
        expect(canonicalJson(JSON.parse(text) as JsonValue)).toBe(text);
        const shuffled = JSON.parse(
          JSON.stringify(json, (_key, v) =>
            v && typeof v === 'object' && !Array.isArray(v)
              ? Object.fromEntries(Object.entries(v).reverse())
              : v,
          ),
        ) as JsonValue;
        expect(canonicalJson(shuffled)).toBe(text);
      }),
    );
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
  });
});

describe('computeAuditHash', () => {
  const event = {
    sequence: 1,
    occurredAt: '2026-03-01T08:00:00.000Z',
    actor: 'user:1',
    action: 'order.submitted',
    subjectType: 'order',
    subjectId: 'o-1',
    payload: '{}',
    prevHash: GENESIS_HASH,
  };

  it('is SHA-256 hex and changes with every field, prev_hash included', () => {
    const hash = computeAuditHash(event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(computeAuditHash({ ...event })).toBe(hash);
    for (const change of [
      { sequence: 2 },
      { occurredAt: '2026-03-01T08:00:00.001Z' },
      { actor: 'user:2' },
      { action: 'order.withdrawn' },
      { subjectType: 'entity' },
      { subjectId: 'o-2' },
      { payload: '{ }' },
      { prevHash: 'f'.repeat(64) },
    ]) {
      expect(computeAuditHash({ ...event, ...change }), JSON.stringify(change)).not.toBe(hash);
    }
  });
});

describe('findPersonalData', () => {
  it('finds resident ID numbers, mobile numbers and e-mail addresses anywhere in the payload', () => {
    expect(findPersonalData({ a: [{ b: 'ID 11010519491231002X' }] })).toEqual({
      path: '$.a[0].b',
      kind: 'resident identity number',
    });
    expect(findPersonalData({ phone: '+86 13912345678' })?.kind).toBe('mobile number');
    expect(findPersonalData({ to: 'li@example.cn' })?.kind).toBe('e-mail address');
    expect(findPersonalData({ mobile: 13812345678 })?.kind).toBe('mobile number');
  });

  it('lets references, numbers and statuses through', () => {
    expect(
      findPersonalData({
        orderId: '0b9f6c52-2d4e-4a8e-9a57-123456789012',
        entityNumber: '京ICP备2021034286号',
        serviceNumber: '京ICP备2021034286号-1',
        status: 'approved',
        at: 1767225600000,
        count: 3,
      }),
    ).toBeUndefined();
  });
});
