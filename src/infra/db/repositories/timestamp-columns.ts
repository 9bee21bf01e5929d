/**
 * Nullable timestamp columns (ISO 8601 UTC text, see schema.ts) to and from optional Dates, for the
 * repositories that map rows.
 */
export function toDate(value: string | null): Date | undefined {
  return value === null ? undefined : new Date(value);
}

export function toIso(value: Date | undefined): string | null {
  return value === undefined ? null : value.toISOString();
}
