import { describe, expect, it } from 'vitest';
import type { OrderContentDraft } from '../../../../domain/order-content/order-content.ts';
import type { ViewerItem } from './document-viewer.tsx';
import { clampPage } from './pdf-pages.ts';
import { findPersonName, pairIdentityDocuments } from './review-people.ts';

function item(kind: string, id: string, personRef?: string): ViewerItem {
  return {
    key: id,
    kind,
    kindName: kind,
    ...(personRef ? { personRef } : {}),
    document: {
      id,
      kind,
      kindName: { en: kind, zh: kind },
      mime: 'image/png',
      size: 1,
      sha256: '',
      uploadedBy: 'user:1',
      uploadedAt: '2026-03-02T02:00:00.000Z',
    },
  };
}

describe('clampPage', () => {
  it.each([
    [1, -1, 3, 1],
    [1, 1, 3, 2],
    [3, 1, 3, 3],
    [2, -1, 3, 1],
    [1, 1, 0, 1],
  ])('page %i %+i of %i is %i', (page, delta, count, expected) => {
    expect(clampPage(page, delta, count)).toBe(expected);
  });
});

describe('findPersonName', () => {
  const content: OrderContentDraft = {
    entity: { leader: { name: '李建国' } },
    services: [{ admin: { name: '陈静' } }, { adminSameAsLeader: true }],
  };
  it.each([
    ['entity.leader', '李建国'],
    ['services[0].admin', '陈静'],
    ['services[1].admin', '李建国'],
    ['services[5].admin', undefined],
    ['attachments', undefined],
  ])('%s is %s', (ref, name) => {
    expect(findPersonName(content, ref)).toBe(name);
  });
});

describe('pairIdentityDocuments', () => {
  const never = () => false;

  it('puts each photo beside the same person’s scans', () => {
    const pairs = pairIdentityDocuments(
      [
        item('id_card_scans', 'leader-id', 'entity.leader'),
        item('passport_scan', 'admin-passport', 'services[0].admin'),
        item('verification_photo', 'admin-photo', 'services[0].admin'),
        item('commitment_letter', 'letter'),
      ],
      never,
    );
    expect(pairs).toHaveLength(1);
    expect(pairs[0]?.personRef).toBe('services[0].admin');
    expect(pairs[0]?.photos.map((p) => p.key)).toEqual(['admin-photo']);
    expect(pairs[0]?.scans.map((s) => s.key)).toEqual(['admin-passport']);
  });

  it('takes an admin who is the leader as the leader, and a photo naming nobody as the only scanned person', () => {
    const sameAsLeader = (ref: string) => ref === 'services[0].admin';
    const pairs = pairIdentityDocuments(
      [
        item('id_card_scans', 'id', 'entity.leader'),
        item('verification_photo', 'photo', 'services[0].admin'),
      ],
      sameAsLeader,
    );
    expect(pairs[0]).toMatchObject({ personRef: 'entity.leader' });
    expect(pairs[0]?.scans.map((s) => s.key)).toEqual(['id']);
    const unnamed = pairIdentityDocuments(
      [item('id_card_scans', 'id', 'entity.leader'), item('verification_photo', 'photo')],
      never,
    );
    expect(unnamed[0]?.scans.map((s) => s.key)).toEqual(['id']);
  });

  it('leaves out attachments without a stored file', () => {
    const missing: ViewerItem = { key: 'm', kind: 'verification_photo', kindName: 'photo' };
    expect(pairIdentityDocuments([missing], never)).toEqual([]);
  });
});
