import type { Actor } from '../../domain/policy/order-access.ts';
import { getVisibleSite, type MonitorDeps } from './monitor-deps.ts';
import type { MonitoredSiteRecord, SiteSettings } from './monitor-store.ts';

/**
 * Replaces a site's settings. A changed address, expected number or PSB/licence facts makes the next
 * check due at once, so the owner sees the effect without waiting a day; resuming a paused site too.
 * @throws DomainError not_found for a site the actor may not see.
 */
export async function updateMonitoredSite(
  deps: Pick<MonitorDeps, 'read' | 'transact' | 'clock'>,
  input: { actor: Actor; id: number; settings: SiteSettings },
): Promise<MonitoredSiteRecord> {
  const site = await getVisibleSite(deps, input.actor, input.id);
  const now = deps.clock.now();
  const { settings } = input;
  const isRecheckNeeded =
    settings.url !== site.url ||
    settings.filedDomain !== site.filedDomain ||
    settings.expectedNumber !== site.expectedNumber ||
    settings.isPsbRequired !== site.isPsbRequired ||
    settings.licenceNumber !== site.licenceNumber ||
    (site.isPaused && !settings.isPaused);
  await deps.transact((stores) =>
    stores.sites.updateSite(site.id, settings, now, isRecheckNeeded ? now : undefined),
  );
  return getVisibleSite(deps, input.actor, input.id);
}
