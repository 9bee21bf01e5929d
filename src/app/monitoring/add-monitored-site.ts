import type { Actor } from '../../domain/policy/order-access.ts';
import { DomainError } from '../errors.ts';
import type { MonitorDeps } from './monitor-deps.ts';
import type { MonitoredSiteRecord, SiteSettings } from './monitor-store.ts';

/** At most this many sites per owner: each is fetched on a schedule. */
export const MAX_SITES_PER_OWNER = 200;

/**
 * Starts watching a site for its owner (the actor): the first check is due at once, the next ones
 * every `intervalHours`. The route validates the settings (URL, domain, numbers, dates).
 * @throws DomainError conflict when the owner already watches MAX_SITES_PER_OWNER sites.
 */
export async function addMonitoredSite(
  deps: Pick<MonitorDeps, 'read' | 'transact' | 'clock'>,
  input: { actor: Actor; settings: SiteSettings },
): Promise<MonitoredSiteRecord> {
  const now = deps.clock.now();
  const existing = await deps.read.sites.listSites({
    ownerUserId: input.actor.userId,
    limit: MAX_SITES_PER_OWNER,
  });
  if (existing.length >= MAX_SITES_PER_OWNER) {
    throw new DomainError('conflict', {
      en: `You already monitor ${MAX_SITES_PER_OWNER} sites; remove one first.`,
      zh: `您已监测 ${MAX_SITES_PER_OWNER} 个网站，请先删除一个。`,
    });
  }
  return deps.transact((stores) =>
    stores.sites.insertSite({
      ...input.settings,
      ownerUserId: input.actor.userId,
      nextCheckAt: now,
      at: now,
    }),
  );
}
