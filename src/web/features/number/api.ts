import { useQuery } from '@tanstack/react-query';
import type { AnyNumber } from '../../../domain/numbers/detect-number.ts';
import type { Validation } from '../../../domain/shared/issue.ts';
import { api } from '../../lib/api.ts';

/** POST /api/numbers/parse: always 200 for a well-formed request; `valid` says whether it parsed. */
export type NumberValidation = Validation<AnyNumber>;

export function useParsedNumber(value: string | undefined) {
  return useQuery({
    queryKey: ['numbers', 'parse', value],
    queryFn: () => api.post<NumberValidation>('/api/numbers/parse', { value }),
    enabled: value !== undefined && value.trim() !== '',
    staleTime: Number.POSITIVE_INFINITY,
  });
}
