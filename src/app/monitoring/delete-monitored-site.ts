import type { Actor } from '../../domain/policy/order-access.ts';
import { getVisibleSite, type MonitorDeps } from './monitor-deps.ts';

/**
 * Stops watching a site; its check history and sent reminders go with it.
 * @throws DomainError not_found for a site the actor may not see.
 */
export async function deleteMonitoredSite(
  deps: Pick<MonitorDeps, 'read' | 'transact'>,
  input: { actor: Actor; id: number },
): Promise<void> {
  const site = await getVisibleSite(deps, input.actor, input.id);
  await deps.transact((stores) => stores.sites.deleteSite(site.id));
}
