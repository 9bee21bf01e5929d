import { describe, expect, it } from 'vitest';
import { buildEnterpriseOrderContent, buildIndividualOrderContent } from './fixtures.ts';
import { buildOrderDocumentChecklist, type StoredDocumentRef } from './order-document-checklist.ts';

const today = '2026-06-01';

function keysOf(checklist: ReturnType<typeof buildOrderDocumentChecklist>): string[] {
  return checklist.entries.map((entry) => entry.key);
}

describe('buildOrderDocumentChecklist', () => {
  it('asks a foreign individual for the passport instead of the ID card', () => {
    const content = buildIndividualOrderContent({
      entity: {
        certificateType: 'passport',
        certificateNumber: 'E12345678',
        leader: { certificateType: 'passport', certificateNumber: 'E12345678' },
      },
    });
    const checklist = buildOrderDocumentChecklist(content, {
      orderType: 'first_filing',
      today,
      documents: [],
    });
    expect(checklist.flags).toContain('foreign_person');
    const keys = keysOf(checklist);
    expect(keys).toContain('passport_scan:entity.leader');
    expect(keys.some((key) => key.startsWith('id_card_scans'))).toBe(false);
    const passport = checklist.entries.find((entry) => entry.document.id === 'passport_scan');
    expect(passport).toMatchObject({ required: true, isPresent: false, ruleIds: ['filing-passport'] });
    expect(passport?.sources.length).toBeGreaterThan(0);
  });

  it('splits personal documents per person and matches the files each attachment names', () => {
    const content = buildEnterpriseOrderContent();
    const documents: StoredDocumentRef[] = [
      { id: 'doc-leader-id', kind: 'id_card_scans' },
      { id: 'doc-photo', kind: 'verification_photo' },
      { id: 'doc-letter', kind: 'authorisation_letter' },
    ];
    content.attachments = [
      { kind: 'id_card_scans', documentId: 'doc-leader-id', personRef: 'entity.leader' },
      { kind: 'verification_photo', documentId: 'doc-photo' },
    ];
    const checklist = buildOrderDocumentChecklist(content, {
      orderType: 'first_filing',
      today,
      documents,
    });
    const byKey = new Map(checklist.entries.map((entry) => [entry.key, entry]));
    expect(byKey.get('id_card_scans:entity.leader')).toMatchObject({
      personRef: 'entity.leader',
      isPresent: true,
      documentIds: ['doc-leader-id'],
    });
    expect(byKey.get('id_card_scans:services[0].admin')).toMatchObject({ isPresent: false, documentIds: [] });
    // The photo is of the website admin, the only one: any stored photo fulfils it.
    expect(byKey.get('verification_photo:services[0].admin')).toMatchObject({ isPresent: true });
    // The admin is not the legal representative: the letter authorises them.
    expect(byKey.get('authorisation_letter')).toMatchObject({
      people: ['services[0].admin'],
      isPresent: true,
      documentIds: ['doc-letter'],
    });
    expect(byKey.get('business_licence_scan')).toMatchObject({ isPresent: false });
    expect(byKey.get('no_pre_approval_commitment')).toMatchObject({ services: [0], required: false });
  });

  it('leaves the authorisation letter out when the admin is the legal representative', () => {
    const content = buildEnterpriseOrderContent({
      services: [{ admin: { isLegalRepresentative: true } }],
    });
    const checklist = buildOrderDocumentChecklist(content, {
      orderType: 'first_filing',
      today,
      documents: [],
    });
    expect(keysOf(checklist)).not.toContain('authorisation_letter');
  });

  it('is empty before nature and province are known', () => {
    expect(
      buildOrderDocumentChecklist({}, { orderType: 'first_filing', today, documents: [] }).entries,
    ).toEqual([]);
  });
});
