import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LicenceMaterial } from './api.ts';
import {
  findMaterialId,
  findReasonsFor,
  hasMaterialChanges,
  listMissingMaterials,
  materialAnchor,
  readMaterialEdits,
  rebaseMaterialEdits,
  toMaterialMarks,
  toSubmitIssues,
} from './materials.ts';

function material(id: string, overrides: Partial<LicenceMaterial> = {}): LicenceMaterial {
  return {
    id,
    name: { en: id, zh: id },
    detail: { en: '', zh: '' },
    required: true,
    sources: [],
    provided: false,
    ...overrides,
  };
}

const checklist = [
  material('business_licence', { provided: true, note: 'scan in the shared drive' }),
  material('business_plan'),
  material('pre_approval:education', { required: false }),
];

describe('material edits', () => {
  it('send every material, with a note only where there is one', () => {
    const edits = readMaterialEdits(checklist);
    expect(toMaterialMarks({ ...edits, business_plan: { provided: true, note: '  ' } })).toEqual({
      business_licence: { provided: true, note: 'scan in the shared drive' },
      business_plan: { provided: true },
      'pre_approval:education': { provided: false },
    });
  });

  it('round-trip the saved marks unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            provided: fc.boolean(),
            note: fc.option(
              fc.string({ minLength: 1 }).map((s) => `n${s.trim()}`),
              { nil: undefined },
            ),
          }),
          {
            maxLength: 8,
          },
        ),
        (marks) => {
          const materials = marks.map((mark, index) =>
            material(`m${index}`, { provided: mark.provided, ...(mark.note ? { note: mark.note } : {}) }),
          );
          const edits = readMaterialEdits(materials);
          expect(hasMaterialChanges(materials, edits)).toBe(false);
          const saved = toMaterialMarks(edits);
          expect(Object.keys(saved)).toEqual(materials.map((m) => m.id));
        },
      ),
    );
  });

  it('notice a ticked box and a changed note, not blanks around a note', () => {
    const edits = readMaterialEdits(checklist);
    expect(hasMaterialChanges(checklist, { ...edits, business_plan: { provided: true, note: '' } })).toBe(
      true,
    );
    expect(
      hasMaterialChanges(checklist, {
        ...edits,
        business_licence: { provided: true, note: ' scan in the shared drive ' },
      }),
    ).toBe(false);
  });

  it('list the required materials not ticked', () => {
    const edits = readMaterialEdits(checklist);
    expect(listMissingMaterials(checklist, edits).map((m) => m.id)).toEqual(['business_plan']);
    expect(
      listMissingMaterials(checklist, { ...edits, business_plan: { provided: true, note: '' } }),
    ).toEqual([]);
  });

  it('keep unsaved changes when the application changes under them', () => {
    const edits = { ...readMaterialEdits(checklist), business_plan: { provided: true, note: 'v2' } };
    const next = [
      material('business_licence', { provided: false }),
      material('business_plan'),
      material('foreign_investment_opinion'),
    ];
    expect(rebaseMaterialEdits(checklist, edits, next)).toEqual({
      business_licence: { provided: false, note: '' },
      business_plan: { provided: true, note: 'v2' },
      foreign_investment_opinion: { provided: false, note: '' },
    });
  });
});

describe('paths and anchors', () => {
  it.each([
    ['materials.business_plan', 'business_plan'],
    ['body.materials.pre_approval:education', 'pre_approval:education'],
    ['facts', undefined],
    [undefined, undefined],
  ])('%s names the material %s', (path, id) => {
    expect(findMaterialId(path)).toBe(id);
  });

  it('make ids safe for an element id', () => {
    expect(materialAnchor('pre_approval:education')).toBe('material-pre_approval-education');
  });

  it('find the reasons about one material', () => {
    const reasons = [
      { fieldPath: 'materials.business_plan', reasonCode: 'a', text: { en: 'x' } },
      { reasonCode: 'b', text: { en: 'y' } },
    ];
    expect(findReasonsFor(reasons, 'business_plan')).toHaveLength(1);
    expect(findReasonsFor(reasons, 'business_licence')).toEqual([]);
  });
});

describe('toSubmitIssues', () => {
  it('points each refusal at a material or the prerequisites', () => {
    expect(
      toSubmitIssues([
        { in: 'body', path: 'materials.business_plan', code: 'material_missing', message: 'Provide it.' },
        { path: 'facts', code: 'prerequisite_not_met', message: 'Capital too low.' },
        { path: '', code: 'x', message: 'Other.' },
      ]),
    ).toEqual([
      { target: 'material', materialId: 'business_plan', code: 'material_missing', message: 'Provide it.' },
      { target: 'facts', message: 'Capital too low.' },
      { target: 'other', message: 'Other.' },
    ]);
  });
});
