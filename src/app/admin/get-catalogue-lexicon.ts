import type { Lexicon } from '../../domain/catalogue/schema.ts';
import type { AdminDeps } from './admin-stores.ts';

/**
 * The site-name word lists in force (the shipped lists with the admins' edits applied), so the
 * people who edit them can see them. Not public: the lists name what the name checks look for.
 */
export async function getCatalogueLexicon(deps: Pick<AdminDeps, 'catalogue'>): Promise<Lexicon> {
  return (await deps.catalogue.getCatalogue()).lexicon;
}
