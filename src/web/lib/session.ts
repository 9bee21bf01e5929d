import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { currentLanguage, i18n } from '../i18n/i18n.ts';
import { isLanguage, type Language } from '../i18n/messages.ts';
import { ApiError, api } from './api.ts';
import { decideLanguageOnSignIn } from './saved-language.ts';

export type Role =
  | 'applicant'
  | 'agent'
  | 'provider_reviewer'
  | 'provider_admin'
  | 'authority_reviewer'
  | 'platform_admin';

export interface Organisation {
  id: string;
  kind: string;
  nameEn: string;
  nameZh: string;
  provinceCode: string | null;
}

/** GET /api/me: the caller, their roles as the access policy sees them, and their organisations. */
export interface Me {
  user: { id: string; name: string; email: string; twoFactorEnabled: boolean; createdAt: string };
  actor: {
    userId: string;
    roles: Role[];
    organisationIds: string[];
    providerOrgId?: string;
    authorityProvinceCode?: string;
  };
  authMethod: 'session' | 'api_token';
  memberships: { id: string; organisationId: string; role: Role; organisation: Organisation }[];
  preferences?: { locale?: string | null };
}

/** The caller, or null when nobody is signed in (401 is an answer here, not an error). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me | null> => {
    // Ask whether there is a session first: an anonymous visit then makes no failing (401) request.
    const session = await api.get<unknown>('/api/auth/get-session');
    if (!session) return null;
    try {
      return await api.get<Me>('/api/me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export function useMe() {
  return useQuery(meQuery);
}

export function hasAnyRole(me: Me | null | undefined, roles: readonly Role[]): boolean {
  return !!me && me.actor.roles.some((role) => roles.includes(role));
}

/** Where a user lands after signing in: the console of their main role. */
export function homePathFor(me: Me): string {
  const roles = me.actor.roles;
  if (roles.includes('platform_admin')) return '/admin';
  if (roles.includes('authority_reviewer')) return '/authority';
  if (roles.includes('provider_reviewer') || roles.includes('provider_admin')) return '/provider';
  return '/app';
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useCallback(
    async (email: string, password: string): Promise<Me> => {
      await api.post('/api/auth/sign-in/email', { email, password });
      const fetched = await queryClient.fetchQuery({ ...meQuery, staleTime: 0 });
      if (!fetched) throw new ApiError(401, 'unauthenticated', 'Not signed in');
      const me = await settleLanguageOnSignIn(fetched);
      queryClient.setQueryData(meQuery.queryKey, me);
      return me;
    },
    [queryClient],
  );
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    await api.post('/api/auth/sign-out', {});
    // The caller becomes nobody (the header follows at once); everything else read as them is dropped.
    queryClient.setQueryData(meQuery.queryKey, null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQuery.queryKey[0] });
  }, [queryClient]);
}

/** A signed-in user's saved language wins over the browser's (the choice is remembered per user). */
export async function adoptSavedLanguage(me: Me | null): Promise<void> {
  const saved = me?.preferences?.locale;
  if (isLanguage(saved) && saved !== i18n.resolvedLanguage) await i18n.changeLanguage(saved);
}

/** Saves the UI language on the signed-in account; best effort (the switch already happened here). */
async function saveLanguage(language: Language): Promise<boolean> {
  try {
    await api.put('/api/me/preferences', { locale: language });
    return true;
  } catch {
    return false;
  }
}

/**
 * Right after signing in or up: the account's saved language is adopted, or, when it has none yet
 * (every new account), the language the user was reading in is saved. Returns `me` as it now stands.
 */
export async function settleLanguageOnSignIn(me: Me): Promise<Me> {
  const decision = decideLanguageOnSignIn(me.preferences?.locale, currentLanguage());
  if (decision?.kind === 'adopt') await i18n.changeLanguage(decision.language);
  if (decision?.kind === 'save' && (await saveLanguage(decision.language)))
    return { ...me, preferences: { ...me.preferences, locale: decision.language } };
  return me;
}

/** Switches the UI language, and saves it on the account when someone is signed in. */
export async function chooseLanguage(language: Language, signedIn: boolean): Promise<void> {
  await i18n.changeLanguage(language);
  if (signedIn) await saveLanguage(language);
}
