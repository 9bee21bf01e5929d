/**
 * The shape every translation must have: the same keys as the English original, each a string.
 * A locale file declares `export const zh: Messages<typeof en> = { … }`, so a key missing (or extra) in
 * Chinese fails the type check; `locales.test.ts` checks the same at run time for every namespace.
 */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** One namespace's texts in both languages, as each locale file exports them. */
export interface LocaleModule {
  en: Record<string, unknown>;
  zh: Record<string, unknown>;
}

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** Any Chinese variant maps to Simplified Chinese (the only Chinese we ship), anything else to English. */
export function toLanguage(value: string | undefined | null): Language {
  return value?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
