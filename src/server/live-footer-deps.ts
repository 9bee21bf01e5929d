import type { LiveFooterDeps } from '../app/footer/check-live-footer.ts';
import type { PageSource } from '../app/footer/page-source.ts';
import { type AppDeps, getCatalogueInForce } from './deps.ts';

/**
 * The live footer check's deps from the app's: the catalogue in force, the registry, the page source,
 * and the hosts it may fetch although private — the server's FETCH_ALLOW_HOSTS and the
 * administrators' list, read at each check so a change applies at once.
 */
export async function buildLiveFooterDeps(
  deps: Pick<AppDeps, 'catalogue' | 'catalogueProvider' | 'registry' | 'config' | 'admin'>,
  pages: PageSource,
): Promise<LiveFooterDeps> {
  return {
    catalogue: await getCatalogueInForce(deps),
    registry: deps.registry,
    pages,
    listAllowHosts: async () => {
      const listed = deps.admin ? await deps.admin.read.fetchAllowHosts.listHosts() : [];
      return [...deps.config.fetchAllowHosts, ...listed.map((record) => record.host)];
    },
  };
}
