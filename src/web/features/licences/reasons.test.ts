import { describe, expect, it } from 'vitest';
import {
  findReasonCode,
  isReasonComplete,
  newReasonDraft,
  readReasonText,
  toReasonInputs,
} from './reasons.ts';

describe('reasons', () => {
  it('are complete once they have words', () => {
    expect(isReasonComplete(newReasonDraft())).toBe(false);
    expect(isReasonComplete({ ...newReasonDraft(), note: '  ' })).toBe(false);
    expect(isReasonComplete({ ...newReasonDraft('business_plan'), note: 'No forecast.' })).toBe(true);
  });

  it('get distinct keys', () => {
    expect(newReasonDraft().key).not.toBe(newReasonDraft().key);
  });

  it('go out on their material, in the language they were written in', () => {
    const drafts = [
      { key: 'a', materialId: 'business_plan', note: ' 缺少收入预测。 ' },
      { key: 'b', materialId: '', note: '请补充。' },
    ];
    expect(toReasonInputs(drafts, 'request_materials', 'zh-CN')).toEqual([
      {
        fieldPath: 'materials.business_plan',
        reasonCode: 'licence_material_incomplete',
        text: { zh: '缺少收入预测。' },
      },
      { reasonCode: 'licence_materials_requested', text: { zh: '请补充。' } },
    ]);
    expect(toReasonInputs(drafts.slice(1), 'reject', 'en')).toEqual([
      { reasonCode: 'licence_rejected', text: { en: '请补充。' } },
    ]);
  });

  it.each([
    ['request_materials', 'business_plan'],
    ['request_materials', ''],
    ['reject', 'business_plan'],
    ['reject', ''],
  ] as const)('have a code the API accepts (%s, %s)', (command, material) => {
    expect(findReasonCode(command, material)).toMatch(/^[a-z0-9_]{1,64}$/u);
  });

  it('read in the UI language, or in the only one written', () => {
    const both = { reasonCode: 'x', text: { en: 'Missing.', zh: '缺失。' } };
    expect(readReasonText(both, 'zh-CN')).toBe('缺失。');
    expect(readReasonText(both, 'en')).toBe('Missing.');
    expect(readReasonText({ reasonCode: 'x', text: { zh: '缺失。' } }, 'en')).toBe('缺失。');
    expect(readReasonText({ reasonCode: 'x', text: {} }, 'en')).toBe('x');
  });
});
