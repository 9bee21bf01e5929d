import type { Actor } from '../../domain/policy/order-access.ts';
import { getVisibleSite, type MonitorDeps } from './monitor-deps.ts';
import type { SiteCheckRecord } from './monitor-store.ts';
import { runSiteCheck } from './run-site-check.ts';

/**
 * "Check now": the owner's manual check, kept in the history like a scheduled one.
 * @throws DomainError not_found for a site the actor may not see.
 */
export async function checkMonitoredSite(
  deps: MonitorDeps,
  input: { actor: Actor; id: number },
): Promise<SiteCheckRecord> {
  const site = await getVisibleSite(deps, input.actor, input.id);
  return runSiteCheck(deps, site, 'manual');
}
