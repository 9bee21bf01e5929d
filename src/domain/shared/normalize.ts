/**
 * Text pasted from Chinese documents often carries full-width digits, letters, hyphens, brackets and
 * ideographic spaces. NFKC folds them to their ASCII forms; we then collapse white space.
 */
export function normalizeText(input: string): string {
  return input.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** NFKC and remove every white-space character (for codes and numbers that never contain spaces). */
export function normalizeCompact(input: string): string {
  return input.normalize('NFKC').replace(/\s+/gu, '');
}
