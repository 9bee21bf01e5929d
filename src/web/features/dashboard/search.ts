import * as z from 'zod/mini';
import { optional, page } from '../provider/queue/queue-search.ts';

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

const dashboardSearchSchema = z.object({
  client: optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER))),
  page,
});

export function parseDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const parsed = dashboardSearchSchema.parse(search);
  return Object.fromEntries(
    Object.entries(parsed).filter(([, value]) => value !== undefined),
  ) as DashboardSearch;
}
