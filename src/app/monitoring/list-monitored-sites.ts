import type { Actor } from '../../domain/policy/order-access.ts';
import type { MonitorDeps } from './monitor-deps.ts';
import type { MonitoredSiteRecord } from './monitor-store.ts';

/** The actor's sites; platform administrators may ask for everybody's (`all`). Newest first. */
export function listMonitoredSites(
  deps: Pick<MonitorDeps, 'read'>,
  input: { actor: Actor; all?: boolean; limit?: number },
): Promise<MonitoredSiteRecord[]> {
  const isAll = input.all === true && input.actor.roles.includes('platform_admin');
  return deps.read.sites.listSites({
    ...(isAll ? {} : { ownerUserId: input.actor.userId }),
    limit: input.limit ?? 500,
  });
}
