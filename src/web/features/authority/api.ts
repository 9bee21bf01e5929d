import { useQuery } from '@tanstack/react-query';
import type { ServiceType } from '../../../domain/order-content/order-content.ts';
import type { OrderTypeId } from '../../../domain/workflow/order-type.ts';
import { api } from '../../lib/api.ts';

/** GET /api/orders/:ref/number-preview (src/server/schemas/number-preview.ts). */
export interface NumberPreview {
  reference: string;
  orderType: OrderTypeId;
  issuesNumbers: boolean;
  isProvisional: boolean;
  approvalYear?: number;
  entityNumber?: string;
  isNewEntityNumber: boolean;
  services: { index: number; type: ServiceType; name?: string; domain?: string; number: string }[];
  computedAt: string;
}

/**
 * The numbers approving the order would issue now, computed by the server as the approval allocates
 * them. Read fresh each time the dialog opens (another approval in the province may have taken the
 * serial meanwhile), never retried on a refusal.
 */
export function useNumberPreview(ref: string) {
  return useQuery({
    // Outside the order's keys: the approval refreshes those, and this one would then answer 409.
    queryKey: ['authority', 'number-preview', ref],
    queryFn: ({ signal }) =>
      api.get<NumberPreview>(`/api/orders/${encodeURIComponent(ref)}/number-preview`, undefined, signal),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
