import { presentOnly, readInteger, readPage } from '../../lib/search-params.ts';

/**
 * The dashboard's query (/app?client=12&page=2): an agent's chosen client (a user id, as GET
 * /api/agent/clients names them) and the page of orders, so reload and shared links keep them. Read
 * by the router (first chunk): no React, no API.
 */
export interface DashboardSearch {
  /** A number, as the router reads `client=12` (its query values are JSON); user ids are decimal text. */
  client?: number;
  page?: number;
}

export function parseDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  return presentOnly({
    client: readInteger(search.client, 1, Number.MAX_SAFE_INTEGER),
    page: readPage(search.page),
  });
}
