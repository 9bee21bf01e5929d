import { useQuery } from '@tanstack/react-query';
import type { Province } from '../../../domain/catalogue/schema.ts';
import type { EligibilityAssessment } from '../../../domain/eligibility/assessment.ts';
import type { ApplicantProfileInput } from '../../../domain/eligibility/profile.ts';
import { api } from '../../lib/api.ts';

export type EligibilityRequest = ApplicantProfileInput & { startDate?: string };
export type { EligibilityAssessment };

/**
 * POST /api/eligibility is a pure function of its body, so it is cached as a query: going back from
 * the result to change an answer and forward again does not ask twice.
 */
export function useAssessment(request: EligibilityRequest | undefined) {
  return useQuery({
    queryKey: ['eligibility', request],
    queryFn: () => api.post<EligibilityAssessment>('/api/eligibility', request),
    enabled: request !== undefined,
    staleTime: 10 * 60_000,
  });
}

/** The 31 filing provinces, for the province pickers. */
export function useProvinces() {
  return useQuery({
    queryKey: ['catalogue', 'provinces'],
    queryFn: async () => (await api.get<{ items: Province[] }>('/api/catalogue/provinces')).items,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
