import { describe, expect, it } from 'vitest';
import { validateReturnReasons } from '../workflow/return-reason.ts';
import { defaultCatalogue } from './default-catalogue.ts';
import {
  buildReturnReasonCatalogue,
  defaultReturnReasons,
  fitsTemplate,
  generaliseFieldPath,
} from './return-reasons.ts';

describe('return-reason templates', () => {
  it('load with known sources', () => {
    const sourceIds = new Set(defaultCatalogue.sources.map((s) => s.id));
    const raw = defaultReturnReasons.templates;
    expect(() => buildReturnReasonCatalogue(raw, sourceIds)).not.toThrow();
    expect(() => buildReturnReasonCatalogue([...raw, raw[0]], sourceIds)).toThrow(/duplicate/u);
    expect(() => buildReturnReasonCatalogue([{ ...raw[0], id: 'x', sources: ['nope'] }], sourceIds)).toThrow(
      /Unknown sources/u,
    );
  });

  it.each([
    ['services[2].admin.mobile', 'services[].admin.mobile'],
    ['entity.leader', 'entity.leader'],
  ])('generalise %s to %s', (path, general) => {
    expect(generaliseFieldPath(path)).toBe(general);
  });

  it.each([
    ['id_photo_unclear', 'entity.leader.certificateNumber', true],
    ['id_photo_unclear', 'attachments[3]', true],
    ['domain_owner_mismatch', 'services[1].domain', true],
    ['domain_owner_mismatch', 'services[1].domainName', false],
    ['domain_owner_mismatch', undefined, true],
    ['wrong_order_type', 'entity.name', true],
  ])('%s fits %s: %s', (id, path, fits) => {
    const template = defaultReturnReasons.byId.get(id);
    if (!template) throw new Error(id);
    expect(fitsTemplate(template, path)).toBe(fits);
  });

  it('fill a reason’s text and keep the reviewer’s own words', () => {
    const result = validateReturnReasons([
      {
        templateId: 'phone_unreachable',
        reasonCode: 'phone_unreachable',
        text: {},
        fieldPath: 'entity.leader.mobile',
      },
      { templateId: 'phone_unreachable', reasonCode: 'call_missed', text: { en: 'Called twice.' } },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value[0]?.text).toEqual(defaultReturnReasons.byId.get('phone_unreachable')?.text);
    expect(result.value[1]).toEqual({
      templateId: 'phone_unreachable',
      reasonCode: 'call_missed',
      text: { en: 'Called twice.' },
    });
  });
});
