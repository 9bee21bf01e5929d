import { isLanguage, type Language } from '../i18n/messages.ts';

/** What signing in (or up) does with the UI language, given the account's saved one. */
export type LanguageOnSignIn = { kind: 'adopt'; language: Language } | { kind: 'save'; language: Language };

/**
 * The language is remembered per user: a saved choice wins over this browser's; an account without
 * one (new, or from before the choice was saved) keeps the language the user is reading in, and saves it.
 */
export function decideLanguageOnSignIn(saved: unknown, current: Language): LanguageOnSignIn | undefined {
  if (isLanguage(saved)) return saved === current ? undefined : { kind: 'adopt', language: saved };
  if (saved === null || saved === undefined || saved === '') return { kind: 'save', language: current };
  // An unknown value (a language this build does not ship): neither adopt nor overwrite it.
  return undefined;
}
