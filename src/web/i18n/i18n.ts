import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { type Language, languages, toLanguage } from './messages.ts';
import { featureTextLoaders, sharedResources } from './resources.ts';

export const LANGUAGE_STORAGE_KEY = 'openbeian.language';

/**
 * First visit: the browser's language (`?lng=zh-CN` wins, for shareable links); after that the
 * choice stored in this browser, and for signed-in users the preference saved on their account.
 */
export const i18n = i18next.createInstance();

/** Reads a feature's namespace from its lazily loaded `locales.ts`. */
const featureTexts: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = featureTextLoaders[namespace];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (module) => callback(null, (language === 'zh-CN' ? module.zh : module.en) as ResourceKey),
      (error: Error) => callback(error, false),
    );
  },
};

void i18n
  .use(featureTexts)
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: sharedResources,
    // The shared namespaces are bundled; feature namespaces come from the backend above.
    partialBundledLanguages: true,
    supportedLngs: [...languages],
    fallbackLng: 'en',
    nonExplicitSupportedLngs: false,
    load: 'currentOnly',
    defaultNS: 'common',
    fallbackNS: 'common',
    ns: Object.keys(sharedResources.en),
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

/** Resolves once the namespaces' texts are loaded: a page's chunk waits for them, so no key flashes. */
export function loadTexts(namespaces: readonly string[]): Promise<void> {
  return i18n.loadNamespaces([...namespaces]);
}
