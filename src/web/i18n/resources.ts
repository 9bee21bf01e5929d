import type { LocaleModule } from './messages.ts';

/**
 * Texts shared by every page (`i18n/locales/<ns>.ts`: common, errors …) ship with the app; each
 * feature's texts (`features/<ns>/locales.ts`, the folder name being the namespace) load with its
 * page, so the first page a visitor opens does not carry every console's texts.
 */
const sharedModules = import.meta.glob<LocaleModule>('./locales/*.ts', { eager: true });
const featureModules = import.meta.glob<LocaleModule>('../features/*/locales.ts');

export function namespaceOf(path: string): string {
  const feature = /features\/([^/]+)\/locales\.ts$/.exec(path);
  if (feature?.[1]) return feature[1];
  const shared = /locales\/([^/]+)\.ts$/.exec(path);
  if (shared?.[1]) return shared[1];
  throw new Error(`Not a locale file: ${path}`);
}

const shared: Record<string, LocaleModule> = Object.fromEntries(
  Object.entries(sharedModules).map(([path, module]) => [namespaceOf(path), module]),
);

export const sharedResources = {
  en: Object.fromEntries(Object.entries(shared).map(([ns, m]) => [ns, m.en])),
  'zh-CN': Object.fromEntries(Object.entries(shared).map(([ns, m]) => [ns, m.zh])),
};

/** Loads a feature namespace's texts (both languages are in one small module). */
export const featureTextLoaders: Record<string, () => Promise<LocaleModule>> = Object.fromEntries(
  Object.entries(featureModules).map(([path, load]) => [namespaceOf(path), load]),
);
