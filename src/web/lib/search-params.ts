/**
 * Readers for the URL query values TanStack Router hands a route's validateSearch (JSON-parsed: `44`
 * arrives as a number, `abc` as text). A value a page cannot use reads as absent instead of failing
 * the route. Hand-written rather than zod: the router, and so these, are in every page's first chunk.
 */

/** An integer within [min, max], given as a number or as its decimal text. */
export function readInteger(value: unknown, min: number, max: number): number | undefined {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : Number.NaN;
  return Number.isInteger(number) && number >= min && number <= max ? number : undefined;
}

/** A page number: 1 and up. */
export function readPage(value: unknown): number | undefined {
  return readInteger(value, 1, 40_000);
}

/** One of `allowed`, exactly. */
export function readOneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** Text, trimmed, not empty and at most `maxLength` long (a number searched as text counts as text). */
export function readText(value: unknown, maxLength: number): string | undefined {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  return text !== '' && text.length <= maxLength ? text : undefined;
}

/** The values read, without the absent ones: defaults stay out of the URL. */
export function presentOnly<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as T;
}
