/** The UI languages: the web app's two locales (BCP 47 tags as i18next uses them). */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export interface StoredPreferences {
  locale: Locale;
  /** ISO 8601 UTC. */
  updatedAt: string;
}

/** Per-user preferences, one row per user who saved any. */
export interface PreferenceStore {
  find(userId: string): Promise<StoredPreferences | undefined>;
  /** Creates or replaces the user's preferences. */
  save(userId: string, preferences: StoredPreferences): Promise<void>;
}
