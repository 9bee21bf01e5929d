import type { LocaleModule } from './messages.ts';

/**
 * Every namespace: `i18n/locales/<ns>.ts` for shared texts (common, errors, statuses) and
 * `features/<ns>/locales.ts` for each feature, the folder name being the namespace.
 */
const modules = {
  ...import.meta.glob<LocaleModule>('./locales/*.ts', { eager: true }),
  ...import.meta.glob<LocaleModule>('../features/*/locales.ts', { eager: true }),
};

export function namespaceOf(path: string): string {
  const feature = /features\/([^/]+)\/locales\.ts$/.exec(path);
  if (feature?.[1]) return feature[1];
  const shared = /locales\/([^/]+)\.ts$/.exec(path);
  if (shared?.[1]) return shared[1];
  throw new Error(`Not a locale file: ${path}`);
}

export const namespaces: Record<string, LocaleModule> = Object.fromEntries(
  Object.entries(modules).map(([path, module]) => [namespaceOf(path), module]),
);

export const resources = {
  en: Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m.en])),
  'zh-CN': Object.fromEntries(Object.entries(namespaces).map(([ns, m]) => [ns, m.zh])),
};
