import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import { listLicenceMaterials } from '../../domain/licence/licence-materials.ts';
import {
  type LicencePrerequisiteInput,
  toLicenceMaterialInput,
} from '../../domain/licence/licence-prerequisites.ts';
import { type Issue, issue } from '../../domain/shared/issue.ts';
import { normalizeText } from '../../domain/shared/normalize.ts';
import { toLicenceError } from './licence-errors.ts';
import type { MaterialMark, MaterialMarks } from './licence-store.ts';

export const MAX_MATERIAL_NOTE_LENGTH = 500;

/**
 * The applicant's marks on the checklist, checked against the materials this application needs: each
 * id must be on its checklist, a note is plain text of at most 500 characters (it names the file or the
 * page where the material is, not personal data). Returns the marks with notes normalised.
 * @throws DomainError validation_failed with one issue per bad mark (field `materials.<id>`).
 */
export function checkMaterialMarks(
  application: LicencePrerequisiteInput,
  marks: MaterialMarks,
  catalogue: Catalogue,
): MaterialMarks {
  const known = new Set(
    listLicenceMaterials(toLicenceMaterialInput(application), catalogue).map((m) => m.id),
  );
  const issues: Issue[] = [];
  const checked: MaterialMarks = {};
  for (const [id, mark] of Object.entries(marks)) {
    const field = `materials.${id}`;
    if (!known.has(id)) {
      issues.push(
        issue(
          'unknown_material',
          `"${id.slice(0, 64)}" is not a material of this application (GET /api/licences/materials).`,
          `“${id.slice(0, 64)}”不是本申请的材料（见 GET /api/licences/materials）。`,
          { source: 'ref-9-licence', params: { field } },
        ),
      );
      continue;
    }
    const note = typeof mark.note === 'string' ? normalizeText(mark.note) : undefined;
    if (note !== undefined && note.length > MAX_MATERIAL_NOTE_LENGTH) {
      issues.push(
        issue(
          'note_too_long',
          `A note has at most ${MAX_MATERIAL_NOTE_LENGTH} characters.`,
          `备注最多 ${MAX_MATERIAL_NOTE_LENGTH} 个字符。`,
          { params: { field: `${field}.note` } },
        ),
      );
      continue;
    }
    const value: MaterialMark = { provided: mark.provided === true };
    if (note !== undefined && note !== '') value.note = note;
    checked[id] = value;
  }
  if (issues.length > 0) throw toLicenceError(issues);
  return checked;
}
