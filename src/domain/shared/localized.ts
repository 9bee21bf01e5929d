/** A user-facing text in both UI languages. Domain code returns both; clients pick one. */
export interface Localized {
  en: string;
  zh: string;
}
