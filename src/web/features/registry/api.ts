import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** Wire forms of GET /api/registry/search (src/server/schemas/registry.ts). */
export interface RegistryNature {
  id: string;
  nameEn: string;
  nameZh: string;
}

export interface RegistryEntity {
  entityNumber: string;
  unitName: string;
  nature: RegistryNature;
  approvedOn: string;
}

export type RegistryServiceType = 'website' | 'app' | 'mini_program' | 'quick_app';

export interface RegistryService {
  serviceNumber: string;
  serviceType: RegistryServiceType;
  serviceName: string;
  domains: { ascii: string; unicode: string }[];
  approvedOn: string;
  isAccessLimited: boolean;
}

export interface RegistryRecord {
  entity: RegistryEntity;
  service: RegistryService;
}

export interface RegistrySearchResult {
  kind: 'number' | 'domain' | 'name';
  items: RegistryRecord[];
  nextCursor?: string;
}

export const REGISTRY_PAGE_SIZE = 20;

/**
 * Whether a query can be sent: every kind of query (a number, a domain, a name) has at least two
 * characters, so a shorter one is answered on the page instead of by a 400 from the server.
 */
export function isSearchable(q: string | undefined): q is string {
  return q !== undefined && [...q.trim()].length >= 2;
}

/** One query box for numbers, domains and names; pages by cursor ("Show more"). */
export function useRegistrySearch(q: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['registry', 'search', q],
    queryFn: ({ pageParam, signal }) =>
      api.get<RegistrySearchResult>(
        '/api/registry/search',
        { q, limit: REGISTRY_PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
    enabled: isSearchable(q),
  });
}
