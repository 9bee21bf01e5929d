import { keepPreviousData, useQuery } from '@tanstack/react-query';
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

/** GET /api/orders (openapi: OrderList). */
export interface OrderPage {
  items: OrderSummary[];
  hasMore: boolean;
  total: number;
}

/** Rows per page of the dashboard's orders. */
export const DASHBOARD_PAGE_SIZE = 20;

/** The caller's orders, latest change first, one page; agents: one client's with `client`. */
export function useMyOrders(client: string | undefined, page: number, enabled = true) {
  return useQuery({
    queryKey: ['orders', 'mine', client ?? null, page],
    queryFn: ({ signal }) =>
      api.get<OrderPage>(
        '/api/orders',
        { client, limit: DASHBOARD_PAGE_SIZE, offset: (page - 1) * DASHBOARD_PAGE_SIZE },
        signal,
      ),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The orders waiting for the applicant's (or agent's) move: the API's queue view, nearest deadline first. */
export function useMyQueue(client: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['orders', 'mine', 'queue', client ?? null],
    queryFn: ({ signal }) => api.get<OrderPage>('/api/orders', { view: 'queue', client, limit: 50 }, signal),
    enabled,
  });
}

export function useMyEntities(client: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['me', 'entities', client ?? null],
    queryFn: () => api.get<{ items: HeldEntity[] }>('/api/me/entities', { client }),
    enabled,
  });
}

export function useAgentClients(enabled: boolean) {
  return useQuery({
    queryKey: ['agent', 'clients'],
    queryFn: () => api.get<{ items: ClientAuthorisation[] }>('/api/agent/clients'),
    enabled,
  });
}
