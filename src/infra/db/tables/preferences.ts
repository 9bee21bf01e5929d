/** Users' preferences (migration 0007): one row per user who saved any; users are referenced by id. */
export interface UserPreferencesTable {
  user_id: string;
  /** 'en' or 'zh-CN'. */
  locale: string;
  updated_at: string;
}

export interface PreferenceTables {
  user_preferences: UserPreferencesTable;
}
