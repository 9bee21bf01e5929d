import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api } from '../../lib/api.ts';
import { type Me, meQuery, settleLanguageOnSignIn } from '../../lib/session.ts';

/** POST /api/auth/sign-in/email answers a session, or this when the account has two-factor on. */
interface TwoFactorChallenge {
  twoFactorRedirect: true;
  twoFactorMethods: string[];
}

export type SignInOutcome = { kind: 'signed_in'; me: Me } | { kind: 'two_factor'; methods: string[] };

function isChallenge(value: unknown): value is TwoFactorChallenge {
  return typeof value === 'object' && value !== null && 'twoFactorRedirect' in value;
}

/**
 * The sign-in of `useSignIn` (lib/session.ts), which also tells a two-factor challenge apart: then
 * no session exists yet, only a short-lived two_factor cookie for the code step.
 */
export function useAuthFlow() {
  const queryClient = useQueryClient();

  const finish = useCallback(async (): Promise<Me> => {
    const fetched = await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
    if (!fetched) throw new ApiError(401, 'unauthenticated', 'Not signed in');
    // A new account (or one that never chose) keeps the language it was created or signed in with.
    const me = await settleLanguageOnSignIn(fetched);
    queryClient.setQueryData(meQuery.queryKey, me);
    return me;
  }, [queryClient]);

  const signIn = useCallback(
    async (input: { email: string; password: string; rememberMe: boolean }): Promise<SignInOutcome> => {
      const answer = await api.post<unknown>('/api/auth/sign-in/email', input);
      if (isChallenge(answer)) return { kind: 'two_factor', methods: answer.twoFactorMethods };
      return { kind: 'signed_in', me: await finish() };
    },
    [finish],
  );

  const verifySecondFactor = useCallback(
    async (input: { code: string; trustDevice: boolean; backup: boolean }): Promise<Me> => {
      const path = input.backup ? 'verify-backup-code' : 'verify-totp';
      await api.post(`/api/auth/two-factor/${path}`, { code: input.code, trustDevice: input.trustDevice });
      return finish();
    },
    [finish],
  );

  const signUp = useCallback(
    async (input: { name: string; email: string; password: string }): Promise<Me> => {
      await api.post('/api/auth/sign-up/email', input);
      // Whatever was cached as "nobody signed in" is stale now.
      await queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
      return finish();
    },
    [finish, queryClient],
  );

  return { signIn, verifySecondFactor, signUp };
}
