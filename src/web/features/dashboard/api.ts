import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import type { OrderSummary } from '../order/api.ts';

/** GET /api/me/entities (openapi: HeldEntities): what the caller (or an agent's client) holds. */
export interface HeldEntity {
  entity: {
    entityNumber: string;
    unitName: string;
    nature: string;
    provinceCode: string;
    approvedOn: string;
  };
  services: {
    serviceNumber: string;
    serviceType: 'website' | 'app' | 'mini_program' | 'quick_app';
    serviceName: string;
    contentType: string | null;
    domains: { ascii: string; unicode: string }[];
    approvedOn: string;
    isAccessLimited: boolean;
    accessProviders: { id: string; nameEn: string; nameZh: string }[];
  }[];
  orders: { id: number; reference: string; type: string; decidedAt?: string }[];
}

/** GET /api/agent/clients (openapi: ClientAuthorisation). */
export interface ClientAuthorisation {
  id: string;
  agencyId: string;
  client: { id: string; name: string; email: string };
  letterDocumentId: string | null;
  recordedAt: string;
}

export function useMyOrders() {
  return useQuery({
    queryKey: ['orders', 'mine'],
    queryFn: () => api.get<{ items: OrderSummary[]; hasMore: boolean }>('/api/orders', { limit: 100 }),
  });
}

export function useMyEntities(client: string | undefined) {
  return useQuery({
    queryKey: ['me', 'entities', client ?? null],
    queryFn: () => api.get<{ items: HeldEntity[] }>('/api/me/entities', { client }),
  });
}

export function useAgentClients(enabled: boolean) {
  return useQuery({
    queryKey: ['agent', 'clients'],
    queryFn: () => api.get<{ items: ClientAuthorisation[] }>('/api/agent/clients'),
    enabled,
  });
}
