import type { FieldError } from '../../lib/api.ts';
import type { LicenceMaterial, LicenceReason, MaterialMarks } from './api.ts';

/**
 * The materials checklist as the applicant edits it. PUT …/draft replaces every mark at once, so the
 * page always sends the whole checklist, each material with its box and its note.
 */

export interface MaterialEdit {
  provided: boolean;
  note: string;
}
export type MaterialEdits = Record<string, MaterialEdit>;

/** The checklist's marks as saved on the application. */
export function readMaterialEdits(materials: readonly LicenceMaterial[]): MaterialEdits {
  return Object.fromEntries(materials.map((m) => [m.id, { provided: m.provided, note: m.note ?? '' }]));
}

/** The wire form: a note only when there is one. */
export function toMaterialMarks(edits: MaterialEdits): MaterialMarks {
  return Object.fromEntries(
    Object.entries(edits).map(([id, edit]) => {
      const note = edit.note.trim();
      return [id, note === '' ? { provided: edit.provided } : { provided: edit.provided, note }];
    }),
  );
}

/** Whether the edits differ from what the application holds (notes compared as saved: trimmed). */
export function hasMaterialChanges(materials: readonly LicenceMaterial[], edits: MaterialEdits): boolean {
  return materials.some((m) => {
    const edit = edits[m.id];
    if (!edit) return false;
    return edit.provided !== m.provided || edit.note.trim() !== (m.note ?? '');
  });
}

/** The required materials not ticked yet. */
export function listMissingMaterials(
  materials: readonly LicenceMaterial[],
  edits: MaterialEdits,
): LicenceMaterial[] {
  return materials.filter((m) => m.required && !(edits[m.id]?.provided ?? m.provided));
}

/** `materials.business_plan` → `business_plan`; undefined for any other path. */
export function findMaterialId(path: string | undefined): string | undefined {
  const match = /^(?:body\.)?materials\.([^.]+)/u.exec(path ?? '');
  return match?.[1];
}

/** The id of the element a material's row has, for links and focus (`#material-business_plan`). */
export function materialAnchor(id: string): string {
  return `material-${id.replace(/[^A-Za-z0-9_-]/gu, '-')}`;
}

/** The reasons of the last request or rejection about one material. */
export function findReasonsFor(reasons: readonly LicenceReason[], materialId: string): LicenceReason[] {
  return reasons.filter((reason) => findMaterialId(reason.fieldPath) === materialId);
}

/** One problem a refused submission reported: a material to provide, or the facts' failing checks. */
export type SubmitIssue =
  | { target: 'material'; materialId: string; code: string; message: string }
  | { target: 'facts'; message: string }
  | { target: 'other'; message: string };

/** The 400 of POST …/submit as a list to act on (each field error: `facts` or `materials.<id>`). */
export function toSubmitIssues(errors: readonly FieldError[]): SubmitIssue[] {
  return errors.map((error): SubmitIssue => {
    const materialId = findMaterialId(error.path);
    if (materialId) return { target: 'material', materialId, code: error.code, message: error.message };
    if (/^(?:body\.)?facts\b/u.test(error.path)) return { target: 'facts', message: error.message };
    return { target: 'other', message: error.message };
  });
}

/**
 * The edits after the application changed under them (a save, the facts' new checklist): a material
 * the applicant changed and has not saved keeps the change; every other one takes the saved mark.
 * Materials that left the checklist are dropped, new ones come in as saved.
 */
export function rebaseMaterialEdits(
  previous: readonly LicenceMaterial[],
  edits: MaterialEdits,
  next: readonly LicenceMaterial[],
): MaterialEdits {
  const before = new Map(previous.map((m) => [m.id, m]));
  return Object.fromEntries(
    next.map((material) => {
      const base = before.get(material.id);
      const edit = edits[material.id];
      const isChanged =
        base !== undefined &&
        edit !== undefined &&
        (edit.provided !== base.provided || edit.note.trim() !== (base.note ?? ''));
      return [
        material.id,
        isChanged && edit ? edit : { provided: material.provided, note: material.note ?? '' },
      ];
    }),
  );
}
