import { useQuery } from '@tanstack/react-query';
import { CONTENT_CATEGORIES } from '../../../domain/order-content/content-categories.ts';
import { api } from '../../lib/api.ts';
import { localize } from '../../lib/format.ts';

interface Named {
  nameEn: string;
  nameZh: string;
}

function useCatalogueList<T extends Named>(path: string, idOf: (item: T) => string) {
  const { data } = useQuery({
    queryKey: ['catalogue', path],
    queryFn: () => api.get<{ items: T[] }>(path),
    staleTime: 3_600_000,
  });
  const byId = new Map<string, Named>();
  for (const item of data?.items ?? []) byId.set(idOf(item), item);
  return byId;
}

const categories = new Map<string, Named>(CONTENT_CATEGORIES.map((c) => [c.id, c]));

/** Names of the catalogue ids an order's content carries (nature, certificate type, province …). */
export function useCatalogueNames() {
  const natures = useCatalogueList<Named & { id: string }>('/api/catalogue/natures', (n) => n.id);
  const certificates = useCatalogueList<Named & { id: string }>(
    '/api/catalogue/certificate-types',
    (c) => c.id,
  );
  const provinces = useCatalogueList<Named & { code: string }>('/api/catalogue/provinces', (p) => p.code);
  const preApprovals = useCatalogueList<Named & { id: string }>('/api/catalogue/pre-approvals', (p) => p.id);
  const name = (map: Map<string, Named>, id: string | undefined) => {
    if (!id) return undefined;
    const found = map.get(id);
    return found ? localize({ en: found.nameEn, zh: found.nameZh }) : id;
  };
  return {
    nature: (id?: string) => name(natures, id),
    certificateType: (id?: string) => name(certificates, id),
    province: (code?: string) => name(provinces, code),
    contentCategory: (id?: string) => name(categories, id),
    preApproval: (id?: string) => name(preApprovals, id),
  };
}
