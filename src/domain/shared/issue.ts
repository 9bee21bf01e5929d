import type { Localized } from './localized.ts';

/**
 * One finding of a validator or rule: a stable machine code (clients localise by it), a message in
 * both languages, the id of the catalogue source that states the rule, and values the message refers to.
 */
export interface Issue {
  code: string;
  message: Localized;
  source?: string;
  params?: Record<string, string | number | boolean>;
}

/** The structured answer of every validator: never throws for bad input. */
export interface Validation<T> {
  valid: boolean;
  /** The input after NFKC and the validator's own normalisation. */
  normalized: string;
  /** Parsed parts, present when the input could be parsed (even if a later check failed). */
  value?: T;
  errors: Issue[];
  warnings: Issue[];
}

export function issue(
  code: string,
  en: string,
  zh: string,
  extra: Omit<Issue, 'code' | 'message'> = {},
): Issue {
  return { code, message: { en, zh }, ...extra };
}

export function validation<T>(
  normalized: string,
  errors: Issue[],
  warnings: Issue[],
  value?: T,
): Validation<T> {
  return value === undefined
    ? { valid: errors.length === 0, normalized, errors, warnings }
    : { valid: errors.length === 0, normalized, value, errors, warnings };
}
