import { toChinaDate } from '../../domain/calendar/china-date.ts';
import {
  assessDomainExpiry,
  assessInstanceExpiry,
  assessPsbFiling,
  type ExpiryStatus,
  type PsbFilingStatus,
} from '../../domain/compliance/filing-obligations.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { getVisibleSite, type MonitorDeps, toFiledServiceFacts } from './monitor-deps.ts';
import type { MonitoredSiteRecord, SiteCheckRecord } from './monitor-store.ts';

export interface SiteObligations {
  /** China calendar date the states are computed for. */
  today: string;
  psb?: PsbFilingStatus;
  domain?: ExpiryStatus;
  instance?: ExpiryStatus;
}

export interface MonitoredSiteDetails {
  site: MonitoredSiteRecord;
  checks: SiteCheckRecord[];
  obligations: SiteObligations;
}

/** The duties' states today: PSB filing within 30 days of go-live, domain and server validity. */
export function assessSiteObligations(site: MonitoredSiteRecord, now: Date): SiteObligations {
  const today = toChinaDate(now);
  const facts = toFiledServiceFacts(site);
  const [domain] = facts.domains;
  const [instance] = facts.accessInstances;
  return {
    today,
    ...(facts.psb ? { psb: assessPsbFiling(facts.psb, today) } : {}),
    ...(domain ? { domain: assessDomainExpiry(domain, today) } : {}),
    ...(instance ? { instance: assessInstanceExpiry(instance, today) } : {}),
  };
}

/**
 * A site with its latest checks (newest first) and the states of its duties today.
 * @throws DomainError not_found for a site the actor may not see.
 */
export async function getMonitoredSite(
  deps: Pick<MonitorDeps, 'read' | 'clock'>,
  input: { actor: Actor; id: number; historyLimit?: number },
): Promise<MonitoredSiteDetails> {
  const site = await getVisibleSite(deps, input.actor, input.id);
  const checks = await deps.read.sites.listChecks(site.id, input.historyLimit ?? 30);
  return { site, checks, obligations: assessSiteObligations(site, deps.clock.now()) };
}
