import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExpiryState, PsbFilingState } from '../../../domain/compliance/filing-obligations.ts';
import type { SiteVerdict } from '../../../domain/compliance/site-monitoring.ts';
import type { Localized } from '../../../domain/shared/localized.ts';
import { api } from '../../lib/api.ts';
import type { FetchFailureCode } from '../footer-check/api.ts';

export type { SiteVerdict };

/** The body of POST /api/monitor/sites and PUT /api/monitor/sites/:id (MonitoredSiteSettings). */
export interface SiteSettings {
  label?: string;
  url: string;
  filedDomain?: string;
  expectedNumber?: string;
  isPsbRequired: boolean;
  psbNumber?: string;
  licenceNumber?: string;
  goLiveOn?: string;
  domainExpiresOn?: string;
  instanceId?: string;
  instanceExpiresOn?: string;
  intervalHours: number;
  isPaused: boolean;
}

/** A watched site as the API presents it (MonitoredSite, src/server/schemas/monitoring.ts). */
export interface MonitoredSite extends SiteSettings {
  id: number;
  ownerUserId: string;
  nextCheckAt: string;
  lastCheckedAt?: string;
  lastVerdict?: SiteVerdict;
  createdAt: string;
  updatedAt: string;
}

/** One check in a site's history (SiteCheck): the rules that failed or warned, or why it was unreachable. */
export interface SiteCheck {
  id: number;
  checkedAt: string;
  trigger: 'schedule' | 'manual';
  verdict: SiteVerdict;
  result: {
    outcome: 'checked' | 'unreachable';
    verdict: SiteVerdict;
    finalUrl?: string;
    status?: number;
    charset?: string;
    rendered?: boolean;
    expected?: { number: string; source: 'registry' | 'request' };
    found?: string[];
    problems?: { rule: string; verdict: 'fail' | 'warn'; message: Localized }[];
    failure?: { code: FetchFailureCode | (string & {}); message: Localized };
  };
}

export interface ExpiryStatus {
  state: ExpiryState;
  expiresOn: string;
  daysLeft: number;
}

/** The duties' states on `today` (a China date): PSB filing, domain and server subscription. */
export interface SiteObligations {
  today: string;
  psb?: { state: PsbFilingState; dueOn: string; daysLeft: number };
  domain?: ExpiryStatus;
  instance?: ExpiryStatus;
}

/** GET /api/monitor/sites/:id (MonitoredSiteDetails): the latest 30 checks, newest first. */
export interface SiteDetails {
  site: MonitoredSite;
  checks: SiteCheck[];
  obligations: SiteObligations;
}

const sitesKey = ['monitor', 'sites'] as const;
const siteKey = (id: number) => ['monitor', 'site', id] as const;

export function useMonitoredSites() {
  return useQuery({
    queryKey: sitesKey,
    queryFn: () => api.get<{ items: MonitoredSite[] }>('/api/monitor/sites'),
  });
}

export function useMonitoredSite(id: number) {
  return useQuery({
    queryKey: siteKey(id),
    queryFn: () => api.get<SiteDetails>(`/api/monitor/sites/${id}`),
  });
}

export function useAddSite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: SiteSettings) => api.post<MonitoredSite>('/api/monitor/sites', settings),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sitesKey }),
  });
}

export function useUpdateSite(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: SiteSettings) => api.put<MonitoredSite>(`/api/monitor/sites/${id}`, settings),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['monitor'] }),
  });
}

export function useDeleteSite(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(`/api/monitor/sites/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sitesKey }),
  });
}

/** Drops a deleted site's details, once its page is gone (an open page would fetch them again: 404). */
export function forgetSite(queryClient: ReturnType<typeof useQueryClient>, id: number): void {
  queryClient.removeQueries({ queryKey: siteKey(id) });
}

/** Checks the site now; the server answers 429 beyond 20 live checks a minute per address. */
export function useCheckNow(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<SiteCheck>(`/api/monitor/sites/${id}/checks`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['monitor'] }),
  });
}
