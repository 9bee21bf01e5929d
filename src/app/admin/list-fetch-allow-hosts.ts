import type { AdminDeps, FetchAllowHostRecord } from './admin-stores.ts';

/** The hosts administrators allowed the live footer check to fetch, by name. */
export function listFetchAllowHosts(deps: Pick<AdminDeps, 'read'>): Promise<FetchAllowHostRecord[]> {
  return deps.read.fetchAllowHosts.listHosts();
}
