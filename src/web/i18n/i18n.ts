import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { type Language, languages, toLanguage } from './messages.ts';
import { resources } from './resources.ts';

export const LANGUAGE_STORAGE_KEY = 'openbeian.language';

/**
 * First visit: the browser's language (`?lng=zh-CN` wins, for shareable links); after that the
 * choice stored in this browser, and for signed-in users the preference saved on their account.
 */
export const i18n = i18next.createInstance();

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...languages],
    fallbackLng: 'en',
    nonExplicitSupportedLngs: false,
    load: 'currentOnly',
    defaultNS: 'common',
    fallbackNS: 'common',
    ns: Object.keys(resources.en),
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ['querystring', 'localStorage', 'navigator'],
      lookupQuerystring: 'lng',
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) => toLanguage(lng),
    },
    react: { useSuspense: false },
  });

function applyToDocument(language: string): void {
  document.documentElement.lang = language;
}
applyToDocument(i18n.resolvedLanguage ?? 'en');
i18n.on('languageChanged', applyToDocument);

export function currentLanguage(): Language {
  return toLanguage(i18n.resolvedLanguage ?? i18n.language);
}
