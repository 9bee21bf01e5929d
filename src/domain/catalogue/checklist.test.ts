import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildChecklist, type ChecklistFlag, type ChecklistInput, checklistFlags } from './checklist.ts';
import documents from './data/documents.json' with { type: 'json' };
import { defaultCatalogue } from './default-catalogue.ts';

const base: ChecklistInput = {
  nature: 'enterprise',
  province: '11',
  orderType: 'first_filing',
  instrument: 'icp_filing',
  flags: [],
};

function documentIds(input: Partial<ChecklistInput>): string[] {
  return buildChecklist(defaultCatalogue, { ...base, ...input }).map((item) => item.document.id);
}

describe('checklist flags', () => {
  it('documents.json documents exactly the flags checklist.ts knows', () => {
    expect(Object.keys(documents.flags).sort()).toEqual([...checklistFlags].sort());
  });

  it('rules use only known flags', () => {
    const known = new Set<string>(checklistFlags);
    for (const rule of defaultCatalogue.checklist) {
      for (const flag of [...(rule.when ?? []), ...(rule.unless ?? [])])
        expect(known.has(flag), rule.id).toBe(true);
    }
  });
});

describe('buildChecklist', () => {
  it('lists the basic set for a Beijing enterprise first filing', () => {
    expect(documentIds({})).toEqual([
      'business_licence_scan',
      'id_card_scans',
      'verification_form',
      'verification_photo',
      'commitment_letter',
    ]);
  });

  it('marks items required and carries sources and rule ids', () => {
    const [licence] = buildChecklist(defaultCatalogue, base);
    expect(licence).toMatchObject({
      document: { id: 'business_licence_scan' },
      required: true,
      ruleIds: ['filing-business-licence'],
    });
    expect(licence?.sources).toContain('ref-4-fields');
  });

  it('merges rules and province extras into one item per document', () => {
    const items = buildChecklist(defaultCatalogue, { ...base, province: '32' });
    const letters = items.filter((item) => item.document.id === 'commitment_letter');
    expect(letters).toHaveLength(1);
    expect(letters[0]?.ruleIds).toEqual([
      'filing-commitment-letter',
      'filing-commitment-letter-jiangsu',
      'province-32-extra',
    ]);
    expect(letters[0]?.notes).toHaveLength(2);
    expect(new Set(letters[0]?.sources).size).toBe(letters[0]?.sources.length);
    expect(items.map((item) => item.document.id)).toContain('responsibility_notice');
  });

  it('accepts any province key findProvince understands', () => {
    expect(documentIds({ province: '苏' })).toEqual(documentIds({ province: '32' }));
  });

  it.each<[string, Partial<ChecklistInput>, string, boolean]>([
    ['authorised leader', { flags: ['leader_not_legal_rep'] }, 'authorisation_letter', true],
    ['website admin not legal rep', { flags: ['admin_not_legal_rep'] }, 'authorisation_letter', true],
    ['foreign legal rep', { flags: ['foreign_person'] }, 'passport_scan', true],
    ['rep office', { flags: ['rep_office'] }, 'rep_office_certificate_scan', true],
    ['pre-approval', { flags: ['needs_pre_approval'] }, 'pre_approval_permit', true],
    ['no pre-approval', { flags: ['no_pre_approval'] }, 'no_pre_approval_commitment', false],
    [
      '.gov.cn domain',
      { nature: 'government', flags: ['government_domain'] },
      'gov_domain_application_form',
      true,
    ],
    ['Jiangxi government', { nature: 'government', province: '36' }, 'staffing_office_approval', true],
    ['Jiangxi non-local leader', { province: '36', flags: ['leader_non_local'] }, 'residence_permit', true],
    ['Hunan existing entity', { province: '43', flags: ['entity_exists'] }, 'site_plan', true],
    ['Shanghai 30 sites', { province: '31', flags: ['sites_30_or_more'] }, 'site_plan', true],
    [
      'Guangdong prefixes',
      { province: '44', flags: ['domain_prefixes_over_31'] },
      'authenticity_guarantee',
      true,
    ],
    ['Xinjiang', { province: '65' }, 'party_building_certificate', true],
    [
      'Jiangsu non-local individual',
      { nature: 'individual', province: '32', flags: ['non_local_individual'] },
      'residence_permit',
      true,
    ],
    [
      'Guangdong non-local individual',
      { nature: 'individual', province: '44', flags: ['non_local_individual'] },
      'lease_or_work_proof',
      false,
    ],
    [
      'Sichuan foreign individual',
      { nature: 'individual', province: '51', flags: ['foreign_person'] },
      'residence_permit',
      true,
    ],
    [
      'Guangdong minor',
      { nature: 'individual', province: '44', flags: ['under_18'] },
      'employment_proof',
      true,
    ],
    [
      'Sichuan name change',
      { province: '51', orderType: 'change', flags: ['entity_name_changed'] },
      'name_change_proof',
      true,
    ],
  ])('%s → %s (required: %s)', (_name, input, documentId, required) => {
    const item = buildChecklist(defaultCatalogue, { ...base, ...input }).find(
      (i) => i.document.id === documentId,
    );
    expect(item?.required).toBe(required);
  });

  it.each<[string, Partial<ChecklistInput>, string]>([
    ['no flag, no letter', {}, 'authorisation_letter'],
    ['residence permit only for non-locals', { nature: 'individual', province: '32' }, 'residence_permit'],
    [
      'no residence permit where only local IDs are accepted',
      { nature: 'individual', province: '36', flags: ['non_local_individual'] },
      'residence_permit',
    ],
    ['Jiangxi enterprises need no staffing-office approval', { province: '36' }, 'staffing_office_approval'],
    ['Hunan site plan only for existing entities', { province: '43' }, 'site_plan'],
    ['no Xinjiang extras elsewhere', { province: '64' }, 'party_building_certificate'],
    [
      'no province extras for a licence',
      { province: '65', instrument: 'icp_licence' },
      'party_building_certificate',
    ],
    [
      'no province extras for a cancellation',
      { province: '65', orderType: 'cancel_entity' },
      'party_building_certificate',
    ],
    [
      'name change only on change orders',
      { province: '51', flags: ['entity_name_changed'] },
      'name_change_proof',
    ],
  ])('%s', (_name, input, documentId) => {
    expect(documentIds(input)).not.toContain(documentId);
  });

  it('gives a foreign individual a passport instead of ID card scans', () => {
    const flags: ChecklistFlag[] = ['foreign_person'];
    const ids = documentIds({ nature: 'individual', flags });
    expect(ids).toContain('passport_scan');
    expect(ids).not.toContain('id_card_scans');
    expect(documentIds({ nature: 'individual' })).toContain('id_card_scans');
  });

  it('applies rules of every order type when the order type is not known yet', () => {
    const { orderType: _orderType, ...withoutOrder } = base;
    expect(buildChecklist(defaultCatalogue, withoutOrder).map((i) => i.document.id)).toEqual(documentIds({}));
  });

  it('asks nothing for a cancel-access order', () => {
    expect(documentIds({ orderType: 'cancel_access' })).toEqual([]);
  });

  it('lists the commercial-licence materials of reference §9', () => {
    expect(documentIds({ instrument: 'icp_licence', flags: ['foreign_investment'] })).toEqual([
      'business_licence_scan',
      'id_card_scans',
      'domain_certificate',
      'articles_of_association',
      'shareholder_structure',
      'key_staff_social_insurance',
      'idc_contract',
      'business_plan',
      'technical_scheme',
      'information_security_systems',
      'licence_commitment_letter',
      'fite_approval_opinion',
    ]);
    expect(documentIds({ instrument: 'edi_licence' })).not.toContain('fite_approval_opinion');
  });

  it('returns nothing province-specific for an unknown province (the caller validates provinces)', () => {
    expect(documentIds({ province: 'Atlantis' })).toEqual(documentIds({ province: '11' }));
  });

  it('lists each document once, in catalogue order, with sources, for any input', () => {
    const order = new Map(defaultCatalogue.documentKinds.map((kind, i) => [kind.id, i]));
    const input = fc.record({
      nature: fc.constantFrom(...defaultCatalogue.entityNatures.map((n) => n.id)),
      province: fc.constantFrom(...defaultCatalogue.provinces.map((p) => p.code)),
      orderType: fc.option(fc.constantFrom(...defaultCatalogue.orderTypes.map((o) => o.id)), {
        nil: undefined,
      }),
      instrument: fc.constantFrom('icp_filing' as const, 'icp_licence' as const, 'edi_licence' as const),
      flags: fc.uniqueArray(fc.constantFrom(...checklistFlags)),
    });
    fc.assert(
      fc.property(input, (value) => {
        const items = buildChecklist(defaultCatalogue, value);
        const positions = items.map((item) => order.get(item.document.id) ?? -1);
        expect(positions).toEqual([...new Set(positions)].sort((a, b) => a - b));
        for (const item of items) expect(item.sources.length).toBeGreaterThan(0);
      }),
    );
  });
});
