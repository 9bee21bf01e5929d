import { describe, expect, it } from 'vitest';
import { en, zh } from './locales.ts';
import { describeReasonCode, UNTEMPLATED_REASON_CODES } from './reason-labels.ts';

const translate =
  (messages: typeof en) =>
  (key: string, options: Record<string, unknown> = {}) => {
    const text = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);
    if (typeof text !== 'string') throw new Error(`missing ${key}`);
    return text.replace(/\{\{(\w+)\}\}/gu, (_, name: string) => String(options[name]));
  };

describe('describeReasonCode', () => {
  it('names a templated code by its template’s first clause', () => {
    expect(
      describeReasonCode('id_photo_unclear', 'The ID photo is unclear: take it again.', translate(en)),
    ).toBe('The ID photo is unclear');
    expect(describeReasonCode('id_photo_unclear', '证件照片不清晰：请重新拍摄。', translate(zh))).toBe(
      '证件照片不清晰',
    );
  });

  it('keeps a dot inside a word (a domain) and cuts at a sentence’s full stop', () => {
    expect(
      describeReasonCode(
        'previous_site_noncompliant',
        'The site on beian.example.cn does not comply. Fix it.',
        translate(en),
      ),
    ).toBe('The site on beian.example.cn does not comply');
  });

  it.each(UNTEMPLATED_REASON_CODES)('has a label for %s in both languages', (code) => {
    for (const messages of [en, zh]) {
      const label = describeReasonCode(code, undefined, translate(messages));
      expect(label).not.toContain(code);
      expect(label.length).toBeGreaterThan(1);
    }
  });

  it('words an unknown code as another reason, in the reader’s language', () => {
    expect(describeReasonCode('brand_new_code', undefined, translate(zh))).toBe('其他原因（brand_new_code）');
    expect(describeReasonCode('brand_new_code', undefined, translate(en))).toBe(
      'Other reason (brand_new_code)',
    );
  });
});
