import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSnapshots, type FieldChange } from './snapshot-diff.ts';

/** JSON with sorted keys, so equal data gives equal text whatever the key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}

const v1 = {
  entity: { name: '北京示例科技有限公司', leader: { name: '张三', mobile: '13800138000' } },
  services: [
    { name: '示例网', domain: 'example.cn' },
    { name: '示例商城', domain: 'example.com' },
  ],
  remarks: 'first',
};

describe('diffSnapshots', () => {
  it('lists field changes by path, keys sorted, arrays by index', () => {
    const v2 = {
      entity: {
        name: '北京示例科技有限公司',
        leader: { name: '张三', mobile: '13900139000', email: 'a@example.cn' },
      },
      services: [{ name: '示例网', domain: 'example.cn' }],
      notes: null,
    };
    expect(diffSnapshots(v1, v2)).toEqual<FieldChange[]>([
      { path: 'entity.leader.email', kind: 'added', after: 'a@example.cn' },
      { path: 'entity.leader.mobile', kind: 'changed', before: '13800138000', after: '13900139000' },
      { path: 'notes', kind: 'added', after: null },
      { path: 'remarks', kind: 'removed', before: 'first' },
      { path: 'services[1]', kind: 'removed', before: { name: '示例商城', domain: 'example.com' } },
    ]);
  });

  it.each<[string, unknown, unknown, FieldChange[]]>([
    ['identical', v1, structuredClone(v1), []],
    ['undefined counts as absent', { a: 1, b: undefined }, { a: 1 }, []],
    ['null is a value', { a: null }, {}, [{ path: 'a', kind: 'removed', before: null }]],
    [
      'object replaced by a string',
      { a: { b: 1 } },
      { a: 'x' },
      [{ path: 'a', kind: 'changed', before: { b: 1 }, after: 'x' }],
    ],
    [
      'array replaced by an object',
      { a: [1] },
      { a: { 0: 1 } },
      [{ path: 'a', kind: 'changed', before: [1], after: { 0: 1 } }],
    ],
    ['added element', { a: [1] }, { a: [1, 2] }, [{ path: 'a[1]', kind: 'added', after: 2 }]],
    [
      'quoted keys',
      { 'id-card': 1 },
      { 'id-card': 2 },
      [{ path: '["id-card"]', kind: 'changed', before: 1, after: 2 }],
    ],
    ['root values', 1, 2, [{ path: '', kind: 'changed', before: 1, after: 2 }]],
    ['root added', undefined, { a: 1 }, [{ path: '', kind: 'added', after: { a: 1 } }]],
    ['dates by instant', { at: new Date(0) }, { at: new Date(0) }, []],
    ['NaN equals NaN', { n: Number.NaN }, { n: Number.NaN }, []],
    [
      'a "__proto__" key is data',
      JSON.parse('{"__proto__": 1}'),
      {},
      [{ path: '__proto__', kind: 'removed', before: 1 }],
    ],
    ['type change of a leaf', { n: 1 }, { n: '1' }, [{ path: 'n', kind: 'changed', before: 1, after: '1' }]],
  ])('%s', (_name, before, after, changes) => {
    expect(diffSnapshots(before, after)).toEqual(changes);
  });

  it('refuses cyclic input instead of recursing forever', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    const b: Record<string, unknown> = {};
    b.self = b;
    expect(() => diffSnapshots(a, b)).toThrow(RangeError);
  });

  it('is deterministic, empty exactly for equal JSON, and symmetric in kinds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const forward = diffSnapshots(a, b);
        expect(diffSnapshots(a, b)).toEqual(forward);
        expect(forward.length === 0).toBe(canonicalJson(a) === canonicalJson(b));
        const flip = { added: 'removed', removed: 'added', changed: 'changed' } as const;
        expect(diffSnapshots(b, a).map((c) => [c.path, flip[c.kind]])).toEqual(
          forward.map((c) => [c.path, c.kind]),
        );
      }),
    );
  });
});
