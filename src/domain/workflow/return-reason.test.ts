import { describe, expect, it } from 'vitest';
import { formatFieldPath, isFieldPath } from './field-path.ts';
import { type ReturnReason, validateReturnReasons } from './return-reason.ts';

describe('field paths', () => {
  it.each<[(string | number)[], string]>([
    [['entity', 'leader', 'mobile'], 'entity.leader.mobile'],
    [['services', 0, 'domain'], 'services[0].domain'],
    [['documents', 'id-card', 0], 'documents["id-card"][0]'],
    [[0, 'a'], '[0].a'],
    [['主体', 'name'], '["主体"].name'],
    [[], ''],
  ])('%j → %s', (segments, path) => {
    expect(formatFieldPath(segments)).toBe(path);
    if (path !== '') expect(isFieldPath(path)).toBe(true);
  });

  it.each(['', '.entity', 'entity.', 'entity..name', 'services[x]', 'a b', 'entity.1name', 'x'.repeat(301)])(
    'rejects %j',
    (path) => {
      expect(isFieldPath(path)).toBe(false);
    },
  );
});

describe('validateReturnReasons', () => {
  it('normalises the text and keeps the languages given', () => {
    const result = validateReturnReasons([
      {
        fieldPath: 'entity.leader.mobile',
        reasonCode: 'phone_unreachable',
        text: { zh: '  电话　无法接通 ' },
      },
      { reasonCode: 'other', text: { en: 'Upload\nthe letter', zh: '' } },
    ]);
    expect(result).toEqual({
      ok: true,
      value: [
        { fieldPath: 'entity.leader.mobile', reasonCode: 'phone_unreachable', text: { zh: '电话 无法接通' } },
        { reasonCode: 'other', text: { en: 'Upload the letter' } },
      ],
    });
  });

  it.each<[unknown[], string, string | undefined]>([
    [[], 'return_reasons_required', undefined],
    [
      Array.from({ length: 51 }, () => ({ reasonCode: 'x', text: { en: 'x' } })),
      'too_many_return_reasons',
      undefined,
    ],
    [[null], 'invalid_return_reason', 'reason'],
    [
      [{ fieldPath: 'entity..name', reasonCode: 'x', text: { en: 'x' } }],
      'invalid_return_reason',
      'fieldPath',
    ],
    [[{ reasonCode: 'Bad Code', text: { en: 'x' } }], 'invalid_return_reason', 'reasonCode'],
    [[{ reasonCode: 'x'.repeat(65), text: { en: 'x' } }], 'invalid_return_reason', 'reasonCode'],
    [[{ reasonCode: 'x', text: { en: '   ', zh: '' } }], 'invalid_return_reason', 'text'],
    [[{ reasonCode: 'x', text: {} }], 'invalid_return_reason', 'text'],
    [[{ reasonCode: 'x', text: { en: 'x'.repeat(2001) } }], 'invalid_return_reason', 'text'],
  ])('%# → %s (%s)', (reasons, code, field) => {
    const result = validateReturnReasons(reasons as ReturnReason[]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.en).not.toBe('');
    expect(result.error.message.zh).toMatch(/\p{Script=Han}/u);
    if (field !== undefined) expect(result.error.params).toMatchObject({ index: 0, field });
  });
});
