import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { OrderContentDraft, ServiceDraft } from '../../domain/order-content/order-content.ts';
import { type Actor, listOrderScopes } from '../../domain/policy/order-access.ts';
import type { OrderTypeId } from '../../domain/workflow/order-type.ts';
import { decryptContent, versionAad } from './order-content-crypto.ts';
import type { FieldCipherPort, WorkflowStores } from './order-deps.ts';
import { readServiceDomain } from './update-registry-for-order.ts';

/** How many of the entity's approved orders are searched for its last filed data. */
const SEARCHED_ORDERS = 20;

/** Order types whose content carries the existing service the order is about. */
const NAMES_EXISTING_SERVICE: ReadonlySet<OrderTypeId> = new Set([
  'add_access',
  'change',
  'cancel_service',
  'cancel_access',
]);

export interface PrefillTarget {
  type: OrderTypeId;
  entityNumber: string;
  /** The registrable domain the order is about, if any. */
  domain?: string;
}

export interface FiledContent {
  /** True when the actor may see an approved order of the entity: the filing is theirs (or their client's). */
  isHeldByActor: boolean;
  /** The entity's (and the named service's) data as last approved; undefined when none is visible. */
  content?: OrderContentDraft;
}

/**
 * What the actor's own approved orders hold about a filed entity, so a change or a cancellation starts
 * from what is on file instead of a blank form. Only orders the actor may see are read: knowing a
 * certificate number never reveals someone else's filing. Access details and documents are left out
 * (they belong to the earlier order).
 */
export async function findFiledContent(
  stores: Pick<WorkflowStores, 'orders'>,
  cipher: FieldCipherPort,
  catalogue: Catalogue,
  actor: Actor,
  target: PrefillTarget,
): Promise<FiledContent> {
  const approved = await stores.orders.listOrders({
    slices: listOrderScopes(actor).map((scope) => ({ scope })),
    statuses: ['approved'],
    entityNumber: target.entityNumber,
    sort: 'updated',
    limit: SEARCHED_ORDERS,
    offset: 0,
  });
  let entity: OrderContentDraft['entity'];
  let service: ServiceDraft | undefined;
  const wantsService = NAMES_EXISTING_SERVICE.has(target.type) && target.domain !== undefined;
  for (const order of approved) {
    if (order.submittedVersion === undefined) continue;
    const stored = await stores.orders.readVersion(order.id, order.submittedVersion);
    if (!stored) continue;
    const content = decryptContent(cipher, stored.content, versionAad(order.id, order.submittedVersion));
    entity ??= content.entity;
    if (wantsService && service === undefined) {
      const found = (content.services ?? []).find((s) => readServiceDomain(s, catalogue) === target.domain);
      if (found) {
        const { access: _access, ...rest } = found;
        service = rest;
      }
    }
    if (entity !== undefined && (!wantsService || service !== undefined)) break;
  }
  const isHeldByActor = approved.length > 0;
  if (entity === undefined) return { isHeldByActor };
  const services: ServiceDraft[] = service
    ? [service]
    : target.type === 'add_service' && target.domain !== undefined
      ? [{ domain: target.domain }]
      : [];
  return { isHeldByActor, content: { entity, services, attachments: [] } };
}
