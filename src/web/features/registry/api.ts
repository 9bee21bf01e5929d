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
    enabled: q !== undefined && q.trim() !== '',
  });
}
