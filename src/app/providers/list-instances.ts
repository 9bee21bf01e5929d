import { toChinaDate } from '../../domain/calendar/china-date.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { type InstanceView, presentInstance } from './present-instance.ts';
import type { ProviderDeps } from './provider-deps.ts';
import type { InstanceFilter } from './provider-store.ts';

export interface ListInstancesInput {
  actor: Actor;
}

/**
 * The instances the actor holds, plus, for provider staff, every instance of their provider (all for
 * platform administrators), each with its codes and today's eligibility.
 */
export async function listInstances(deps: ProviderDeps, input: ListInstancesInput): Promise<InstanceView[]> {
  const { actor } = input;
  const filters: InstanceFilter[] = [{ ownerUserId: actor.userId }];
  const isProviderStaff = actor.roles.includes('provider_admin') || actor.roles.includes('provider_reviewer');
  if (isProviderStaff && actor.providerOrgId !== undefined)
    filters.push({ providerOrgId: actor.providerOrgId });
  const stores = deps.persistence.read;
  const instances = await stores.providers.listInstances(
    actor.roles.includes('platform_admin') ? 'all' : filters,
  );
  const codes = await stores.providers.listServiceCodes(instances.map((i) => i.id));
  const today = toChinaDate(deps.clock.now());
  return instances.map((instance) =>
    presentInstance(
      instance,
      codes.filter((c) => c.instanceId === instance.id),
      today,
      deps.catalogue,
    ),
  );
}
