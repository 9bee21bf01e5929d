import type { LicenceReason, ReasonInput } from './api.ts';

/**
 * The reviewer's reasons for a materials request or a rejection, as the dialog holds them: each about
 * one material of the checklist (or the whole application) in the reviewer's own words. The API keeps
 * the words in the language they were written in; the applicant sees them as written.
 */

export interface ReasonDraft {
  key: string;
  /** A material id of the application, or '' for the application as a whole. */
  materialId: string;
  note: string;
}

let nextKey = 0;
export function newReasonDraft(materialId = ''): ReasonDraft {
  nextKey += 1;
  return { key: `reason-${nextKey}`, materialId, note: '' };
}

export function isReasonComplete(draft: ReasonDraft): boolean {
  return draft.note.trim() !== '';
}

export type ReasonCommand = 'request_materials' | 'reject';

/**
 * Stable reason codes (lower-case, digits and underscores) that say what kind of reason it is; the
 * words carry the rest.
 */
export function findReasonCode(command: ReasonCommand, materialId: string): string {
  if (command === 'reject') return materialId ? 'licence_material_rejected' : 'licence_rejected';
  return materialId ? 'licence_material_incomplete' : 'licence_materials_requested';
}

export function toReasonInputs(
  drafts: readonly ReasonDraft[],
  command: ReasonCommand,
  language: 'en' | 'zh-CN',
): ReasonInput[] {
  return drafts.map((draft) => {
    const note = draft.note.trim();
    return {
      ...(draft.materialId ? { fieldPath: `materials.${draft.materialId}` } : {}),
      reasonCode: findReasonCode(command, draft.materialId),
      text: language === 'zh-CN' ? { zh: note } : { en: note },
    };
  });
}

/** A reason in the UI language, or in the one language the reviewer wrote it in. */
export function readReasonText(reason: LicenceReason, language: 'en' | 'zh-CN'): string {
  const { en, zh } = reason.text;
  return (language === 'zh-CN' ? (zh ?? en) : (en ?? zh)) ?? reason.reasonCode;
}
