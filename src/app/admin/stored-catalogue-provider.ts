import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { CachedCatalogueProvider, CatalogueEditStore } from './admin-stores.ts';
import { buildEffectiveCatalogue, type EffectiveCatalogue } from './catalogue-edits.ts';

/**
 * The catalogue in force: the shipped catalogue plus the stored edits that are not reverted, built
 * once and kept until a write invalidates it. A failed load is not cached.
 */
export function createStoredCatalogueProvider(
  base: Catalogue,
  store: Pick<CatalogueEditStore, 'listEdits'>,
): CachedCatalogueProvider {
  let cached: Promise<EffectiveCatalogue> | undefined;
  const load = async () => {
    const edits = (await store.listEdits()).filter((edit) => edit.revertedAt === undefined);
    return buildEffectiveCatalogue(base, edits);
  };
  const getEffective = () => {
    if (!cached) {
      const loading = load();
      cached = loading;
      loading.catch(() => {
        if (cached === loading) cached = undefined;
      });
    }
    return cached;
  };
  return {
    getEffective,
    getCatalogue: async () => (await getEffective()).catalogue,
    invalidate() {
      cached = undefined;
    },
  };
}
