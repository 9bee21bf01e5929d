import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue.ts';
import { LICENCE_KINDS, LICENCE_SCOPES } from './licence-kind.ts';
import { type LicenceMaterialInput, listLicenceMaterials } from './licence-materials.ts';

const base: LicenceMaterialInput = {
  kind: 'icp',
  scope: 'provincial',
  isForeignInvested: false,
  preApprovals: [],
};

const ids = (input: Partial<LicenceMaterialInput>) =>
  listLicenceMaterials({ ...base, ...input }).map((m) => m.id);

const COMMON = [
  'application_form',
  'business_licence',
  'articles_of_association',
  'shareholder_chain',
  'legal_representative_id',
  'key_staff',
  'filing_and_domain',
  'idc_contract',
  'business_plan',
  'technical_scheme',
  'information_security',
];

describe('listLicenceMaterials', () => {
  it.each([
    [{}, [...COMMON, 'commitment_letter']],
    [{ scope: 'cross_regional' }, [...COMMON, 'commitment_letter']],
    [{ kind: 'edi' }, [...COMMON, 'platform_rules', 'commitment_letter']],
    [{ isForeignInvested: true }, [...COMMON, 'commitment_letter', 'foreign_investment_opinion']],
    [
      { kind: 'edi', isForeignInvested: true, preApprovals: ['news', 'finance'] },
      [
        ...COMMON,
        'pre_approval:news',
        'pre_approval:finance',
        'platform_rules',
        'commitment_letter',
        'foreign_investment_opinion',
      ],
    ],
    // Each pre-approval once, in the order given.
    [
      { preApprovals: ['drugs', 'news', 'drugs'] },
      [...COMMON, 'pre_approval:drugs', 'pre_approval:news', 'commitment_letter'],
    ],
  ] as const)('%j → %j', (input, expected) => {
    expect(ids(input)).toEqual(expected);
  });

  it('emphasises the ownership chain for a foreign-invested applicant', () => {
    const find = (isForeignInvested: boolean) =>
      listLicenceMaterials({ ...base, isForeignInvested }).find((m) => m.id === 'shareholder_chain');
    expect(find(false)?.detail.en).toContain('natural persons');
    expect(find(true)?.detail.en).toContain('Foreign-invested');
    expect(find(true)?.detail.zh).toContain('外商投资');
    expect(find(true)?.required).toBe(true);
  });

  it('says in the detail that platform rules are for EDI', () => {
    const rules = listLicenceMaterials({ ...base, kind: 'edi' }).find((m) => m.id === 'platform_rules');
    expect(rules?.detail.en).toContain('EDI');
    expect(rules?.detail.zh).toContain('EDI');
  });

  it('names where a cross-regional application goes', () => {
    const form = listLicenceMaterials({ ...base, scope: 'cross_regional' })[0];
    expect(form?.detail.zh).toContain('跨地区');
  });

  it('describes a catalogue pre-approval by its permit, and an unknown one by its id', () => {
    const [news, unknown] = listLicenceMaterials({ ...base, preApprovals: ['news', 'space_travel'] }).filter(
      (m) => m.id.startsWith('pre_approval:'),
    );
    expect(news?.name.zh).toBe('前置审批：新闻');
    expect(news?.detail.zh).toContain('互联网新闻信息服务许可证');
    expect(news?.sources[0]).toBe('ref-9-licence');
    expect(unknown?.name.en).toContain('space_travel');
    expect(unknown?.documentKind).toBe('pre_approval_permit');
  });

  it('has unique ids, texts in both languages, known sources and document kinds for every input', () => {
    const documentKinds = new Set(defaultCatalogue.documentKinds.map((d) => d.id));
    const preApprovalIds = defaultCatalogue.preApprovals.map((p) => p.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...LICENCE_KINDS),
        fc.constantFrom(...LICENCE_SCOPES),
        fc.boolean(),
        fc.array(fc.constantFrom(...preApprovalIds), { maxLength: 4 }),
        (kind, scope, isForeignInvested, preApprovals) => {
          const materials = listLicenceMaterials({ kind, scope, isForeignInvested, preApprovals });
          expect(new Set(materials.map((m) => m.id)).size).toBe(materials.length);
          expect(materials).toHaveLength(
            COMMON.length +
              1 +
              new Set(preApprovals).size +
              (kind === 'edi' ? 1 : 0) +
              (isForeignInvested ? 1 : 0),
          );
          for (const material of materials) {
            expect(material.required).toBe(true);
            for (const text of [material.name, material.detail]) {
              expect(text.en).not.toBe('');
              expect(text.zh).not.toBe('');
            }
            expect(material.sources.length).toBeGreaterThan(0);
            for (const source of material.sources)
              expect(defaultCatalogue.index.sourceById.has(source)).toBe(true);
            if (material.documentKind !== undefined)
              expect(documentKinds.has(material.documentKind)).toBe(true);
          }
        },
      ),
    );
  });
});
