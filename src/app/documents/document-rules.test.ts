import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../domain/catalogue/default-catalogue.ts';
import { listUploadableKinds } from './document-kinds.ts';
import { buildDownloadFileName, cleanOriginalName } from './document-names.ts';

describe('listUploadableKinds', () => {
  const ids = (type: Parameters<typeof listUploadableKinds>[1]['type'], provinceCode: string) =>
    listUploadableKinds(defaultCatalogue, { type, provinceCode }).map((kind) => kind.id);

  it('takes the filing checklist’s kinds of the order type and province, not the licences’', () => {
    const beijing = ids('first_filing', '11');
    expect(beijing).toEqual(
      expect.arrayContaining([
        'id_card_scans',
        'business_licence_scan',
        'verification_form',
        'verification_photo',
      ]),
    );
    expect(beijing).not.toContain('articles_of_association');
    expect(beijing).not.toContain('site_plan');
    expect(ids('first_filing', '31')).toContain('site_plan');
  });

  it('takes nothing for a cancellation', () => {
    expect(ids('cancel_entity', '11')).toEqual([]);
  });
});

describe('file names', () => {
  it('keeps the last path segment of an uploaded name, without controls and bidi overrides', () => {
    expect(cleanOriginalName('C:\\Users\\王小明\\身份证.jpg')).toBe('身份证.jpg');
    expect(cleanOriginalName('../../etc/passwd')).toBe('passwd');
    expect(cleanOriginalName('scan\u202Egpj.exe')).toBe('scangpj.exe');
    expect(cleanOriginalName('line\r\nbreak.png')).toBe('linebreak.png');
    expect(cleanOriginalName(' \u0000 ')).toBeUndefined();
    expect(cleanOriginalName(undefined)).toBeUndefined();
    expect([...(cleanOriginalName('名'.repeat(300)) ?? '')]).toHaveLength(200);
  });

  it('names downloads by kind and id only', () => {
    expect(
      buildDownloadFileName({
        id: '3f2a9c1e-0000-4000-8000-000000000000',
        kind: 'id_card_scans',
        mime: 'image/png',
      }),
    ).toBe('id_card_scans-3f2a9c1e.png');
  });
});
