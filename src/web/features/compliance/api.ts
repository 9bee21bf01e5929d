import { useInfiniteQuery } from '@tanstack/react-query';
import type { Localized } from '../../../domain/shared/localized.ts';
import { api } from '../../lib/api.ts';

/** A shell entity (空壳主体) as GET /api/compliance/shell-entities presents it (ShellEntityPage). */
export interface ShellEntity {
  entityNumber: string;
  unitName: string;
  provinceCode: string;
  services: { serviceNumber: string; serviceName: string; hasAccess: boolean }[];
  reason: 'no_active_service' | 'no_service_with_access';
  message: Localized;
  source: string;
}

interface ShellEntityPage {
  items: ShellEntity[];
  next?: string;
}

/** Pages of shell entities, of one province or (for administrators) all; `fetchNextPage` scans on. */
export function useShellEntities(province: string | undefined) {
  return useInfiniteQuery({
    queryKey: ['compliance', 'shell-entities', province ?? 'all'],
    queryFn: ({ pageParam }) =>
      api.get<ShellEntityPage>('/api/compliance/shell-entities', {
        ...(province ? { province } : {}),
        ...(pageParam ? { after: pageParam } : {}),
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next,
  });
}
