import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';
import { meQuery } from '../../lib/session.ts';

/** openapi: ApiToken, CreatedApiToken, TwoFactorSetup. */
export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface TwoFactorSetup {
  totpURI: string;
  backupCodes: string[];
}

const tokensKey = ['me', 'api-tokens'] as const;

export function useApiTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: () => api.get<{ items: ApiToken[] }>('/api/me/api-tokens'),
  });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; expiresInDays?: number }) =>
      api.post<{ token: string; apiToken: ApiToken }>('/api/me/api-tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/me/api-tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });
}

/** Two-factor changes show in GET /api/me (user.twoFactorEnabled). */
function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
}

export function useEnableTwoFactor() {
  return useMutation({
    mutationFn: (password: string) => api.post<TwoFactorSetup>('/api/auth/two-factor/enable', { password }),
  });
}

export function useConfirmTwoFactor() {
  const refresh = useRefreshMe();
  return useMutation({
    mutationFn: (code: string) => api.post('/api/auth/two-factor/verify-totp', { code }),
    onSuccess: refresh,
  });
}

export function useDisableTwoFactor() {
  const refresh = useRefreshMe();
  return useMutation({
    mutationFn: (password: string) => api.post('/api/auth/two-factor/disable', { password }),
    onSuccess: refresh,
  });
}
