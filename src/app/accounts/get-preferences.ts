import type { Locale, PreferenceStore } from './preference-store.ts';

export interface Preferences {
  /** Null until the user picks one: clients then follow the browser's language. */
  locale: Locale | null;
}

/** The user's preferences; defaults (nothing chosen) without a store or a saved row. */
export async function getPreferences(
  deps: { preferences?: PreferenceStore | undefined },
  userId: string,
): Promise<Preferences> {
  const stored = await deps.preferences?.find(userId);
  return { locale: stored?.locale ?? null };
}
