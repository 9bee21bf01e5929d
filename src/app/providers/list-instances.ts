import { toChinaDate } from '../../domain/calendar/china-date.ts';
import type { Actor } from '../../domain/policy/order-access.ts';
import { formatOrderReference } from '../orders/order-reference.ts';
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
  // At most five codes per instance: the bound orders are few, read one by one.
  const orderReferences = new Map<number, string>();
  for (const orderId of new Set(
    codes.flatMap((c) => (c.boundOrderId === undefined ? [] : [c.boundOrderId])),
  )) {
    const order = await stores.orders.findOrder(orderId);
    if (order) orderReferences.set(orderId, formatOrderReference(order.id, order.createdAt));
  }
  return instances.map((instance) =>
    presentInstance(
      instance,
      codes.filter((c) => c.instanceId === instance.id),
      today,
      deps.catalogue,
      orderReferences,
    ),
  );
}
