import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../domain/catalogue/default-catalogue.ts';
import {
  buildEffectiveCatalogue,
  type CatalogueEditRecord,
  normalizeTld,
  tryApplyEdit,
} from './catalogue-edits.ts';

const base = { createdBy: 'user:1', createdAt: new Date('2026-03-01T00:00:00Z'), sourceId: 'order-33' };

describe('catalogue edits', () => {
  it('normalises TLDs to the catalogue form', () => {
    expect(normalizeTld('.DEV')).toBe('dev');
    expect(normalizeTld('xn--fiqs8s')).toBe('中国');
    expect(normalizeTld('a..b')).toBeUndefined();
    expect(normalizeTld('')).toBeUndefined();
  });

  it('never changes the shipped catalogue', () => {
    const before = JSON.stringify(defaultCatalogue.tlds);
    const built = tryApplyEdit(buildEffectiveCatalogue(defaultCatalogue, []).data, {
      change: { kind: 'tld_add', tld: 'dev' },
      sourceId: 'order-33',
    });
    expect(built.ok && built.catalogue.index.fileableTlds.has('dev')).toBe(true);
    expect(JSON.stringify(defaultCatalogue.tlds)).toBe(before);
  });

  it('skips a stored edit that no longer applies and keeps the others', () => {
    const edits: CatalogueEditRecord[] = [
      { ...base, id: 1, change: { kind: 'tld_add', tld: 'com' } },
      { ...base, id: 2, change: { kind: 'tld_add', tld: 'dev' } },
    ];
    const effective = buildEffectiveCatalogue(defaultCatalogue, edits);
    expect(effective.skipped.map((skipped) => skipped.id)).toEqual([1]);
    expect(effective.catalogue.index.fileableTlds.has('dev')).toBe(true);
  });

  it('refuses a province rule the schema refuses', () => {
    const built = tryApplyEdit(buildEffectiveCatalogue(defaultCatalogue, []).data, {
      change: {
        kind: 'province_rule',
        province: '11',
        field: 'authorityReviewDays',
        value: { typical: -1, max: 2 },
      },
      sourceId: 'order-33',
    });
    expect(built.ok).toBe(false);
  });
});
