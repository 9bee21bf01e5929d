import type { LocaleModule } from './messages.ts';
import { namespaceOf } from './resources.ts';

/** Every namespace loaded at once, for the translation tests (the app loads feature texts lazily). */
const modules = {
  ...import.meta.glob<LocaleModule>('./locales/*.ts', { eager: true }),
  ...import.meta.glob<LocaleModule>('../features/*/locales.ts', { eager: true }),
};

export const namespaces: Record<string, LocaleModule> = Object.fromEntries(
  Object.entries(modules).map(([path, module]) => [namespaceOf(path), module]),
);
