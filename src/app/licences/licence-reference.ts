import { toChinaDate } from '../../domain/calendar/china-date.ts';

/**
 * The reference people quote for a licence application (LA-2026-000123): the China year it was created
 * and its id, like an order's OB-2026-000123. Derived, never stored, so it is unique whenever the id is.
 */
export function formatLicenceReference(id: number, createdAt: Date): string {
  return `LA-${toChinaDate(createdAt).slice(0, 4)}-${String(id).padStart(6, '0')}`;
}

/** The id and year of a reference, or undefined when the text is not one. The year is checked by the caller. */
export function parseLicenceReference(text: string): { id: number; year: number } | undefined {
  const match = /^LA-(\d{4})-(\d{6,15})$/u.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  const id = Number(match[2]);
  if (!Number.isSafeInteger(id) || id < 1) return undefined;
  return { id, year: Number(match[1]) };
}
