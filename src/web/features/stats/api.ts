import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { OrderStatus } from '../../../domain/workflow/order-status.ts';
import { api } from '../../lib/api.ts';

import type { StatsStage } from './stage-series.ts';

export type { StatsStage };

export type StatsScope = 'all' | 'provider' | 'authority' | 'own';

export interface SlaStats {
  finished: number;
  withinDeadline: number;
  share: number | null;
  overdueNow: number;
}

/** GET /api/stats/orders (OrderStats): the numbers of the orders the caller may see. */
export interface OrderStats {
  scope: StatsScope[];
  range: { from?: string; to?: string };
  orders: {
    total: number;
    byStatus: Record<OrderStatus, number>;
    byProvince: { provinceCode: string; count: number }[];
  };
  stageTimes: {
    provinceCode: string;
    stage: StatsStage;
    count: number;
    medianWorkingDays: number;
    p90WorkingDays: number;
  }[];
  returnReasons: {
    returns: number;
    reasons: number;
    byTemplate: { templateId: string; count: number }[];
    byReasonCode: { reasonCode: string; count: number }[];
    byField: { fieldPath: string | null; count: number }[];
  };
  sla: { providerReview: SlaStats; authorityReview: SlaStats };
  generatedAt: string;
}

export interface ReturnReasonTemplate {
  id: string;
  fieldPaths: string[];
  text: { en: string; zh: string };
}

export interface Province {
  code: string;
  nameEn: string;
  nameZh: string;
}

export function useOrderStats(range: { from?: string; to?: string }) {
  return useQuery({
    queryKey: ['stats', 'orders', range.from ?? '', range.to ?? ''],
    queryFn: () => api.get<OrderStats>('/api/stats/orders', { from: range.from, to: range.to }),
    placeholderData: keepPreviousData,
  });
}

export function useReturnReasonTemplates() {
  return useQuery({
    queryKey: ['catalogue', 'return-reasons'],
    queryFn: () => api.get<{ items: ReturnReasonTemplate[] }>('/api/catalogue/return-reasons'),
    staleTime: 5 * 60_000,
  });
}

export function useProvinces() {
  return useQuery({
    queryKey: ['catalogue', 'provinces'],
    queryFn: () => api.get<{ items: Province[] }>('/api/catalogue/provinces'),
    staleTime: 5 * 60_000,
  });
}
