import type { MonitoredSite, SiteVerdict } from './api.ts';

/** The verdicts in the order a summary lists them: what needs work first. */
export const VERDICT_ORDER: readonly SiteVerdict[] = [
  'non_compliant',
  'warnings',
  'unreachable',
  'compliant',
];

export type VerdictCounts = Record<SiteVerdict | 'unchecked', number>;

/** How many sites have each last verdict; `unchecked` counts those not checked yet. */
export function countByVerdict(sites: readonly Pick<MonitoredSite, 'lastVerdict'>[]): VerdictCounts {
  const counts: VerdictCounts = { compliant: 0, warnings: 0, non_compliant: 0, unreachable: 0, unchecked: 0 };
  for (const site of sites) counts[site.lastVerdict ?? 'unchecked'] += 1;
  return counts;
}

/** A site's name in lists: its label, or its address without the scheme and a lone trailing slash. */
export function siteName(site: Pick<MonitoredSite, 'label' | 'url'>): string {
  return site.label ?? site.url.replace(/^https?:\/\//iu, '').replace(/^([^/]+)\/$/u, '$1');
}
