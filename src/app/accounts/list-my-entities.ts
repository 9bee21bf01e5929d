import { type Actor, listOrderScopes, type OrderScope } from '../../domain/policy/order-access.ts';
import type { OrderTypeId } from '../../domain/workflow/order-type.ts';
import { DomainError } from '../errors.ts';
import type { WorkflowStores } from '../orders/order-deps.ts';
import { formatOrderReference } from '../orders/order-reference.ts';
import type { OrderRecord } from '../orders/order-store.ts';
import type { RegistryEntity, RegistryService } from '../registry/registry-store.ts';
import type { ClientAuthorisationStore, MembershipStore, OrganisationStore } from './account-stores.ts';
import { findAgencies } from './find-agencies.ts';

/** Approved orders are read this many at a time, up to the cap (far above any one holder's filings). */
const PAGE = 200;
const MAX_ORDERS = 10_000;

export interface ListMyEntitiesDeps {
  /** Read stores of the order workflow: orders, the registry and the providers' access records. */
  workflow: Pick<WorkflowStores, 'orders' | 'registry' | 'filings'>;
  accounts: {
    memberships: MembershipStore;
    clientAuthorisations: ClientAuthorisationStore;
    organisations: OrganisationStore;
  };
}

export interface ListMyEntitiesInput {
  actor: Actor;
  /** Agents: one authorised client's holdings (the client's user id, as GET /api/agent/clients shows). */
  clientUserId?: string;
}

export interface AccessProviderView {
  id: string;
  nameEn: string;
  nameZh: string;
}

export interface HeldServiceView extends RegistryService {
  accessProviders: AccessProviderView[];
}

export interface HeldEntityView {
  entity: RegistryEntity;
  services: HeldServiceView[];
  /** The approved orders through this platform that built the holding, latest first. */
  orders: { id: number; reference: string; type: OrderTypeId; decidedAt?: string }[];
}

function noSuchClient(): DomainError {
  return new DomainError('not_found', {
    en: 'No such client: the client has not authorised your agency.',
    zh: '没有这个客户：该客户未授权贵机构。',
  });
}

async function readScopes(deps: ListMyEntitiesDeps, input: ListMyEntitiesInput): Promise<OrderScope[]> {
  if (input.clientUserId === undefined) {
    // Holdings are the filer's side only; reviewers' scopes are about work, not about what they hold.
    return listOrderScopes(input.actor).filter(
      (scope) => scope.kind === 'owner' || scope.kind === 'client' || scope.kind === 'agency',
    );
  }
  if (!input.actor.roles.includes('agent')) throw noSuchClient();
  const agencies = await findAgencies(deps.accounts.memberships, input.actor.userId);
  for (const agency of agencies) {
    if (await deps.accounts.clientAuthorisations.findActive(agency.id, input.clientUserId)) {
      return [
        { kind: 'owner', userId: input.clientUserId },
        { kind: 'client', userId: input.clientUserId },
      ];
    }
  }
  throw noSuchClient();
}

async function listApprovedOrders(deps: ListMyEntitiesDeps, scopes: OrderScope[]): Promise<OrderRecord[]> {
  if (scopes.length === 0) return [];
  const out: OrderRecord[] = [];
  for (let offset = 0; offset < MAX_ORDERS; offset += PAGE) {
    const page = await deps.workflow.orders.listOrders({
      slices: scopes.map((scope) => ({ scope, statuses: ['approved'] })),
      sort: 'updated',
      limit: PAGE,
      offset,
    });
    out.push(...page);
    if (page.length < PAGE) break;
  }
  return out;
}

/**
 * The entities and services the caller holds (or, for an agent, what an authorised client holds):
 * the entities of their approved orders as the registry shows them now — so cancelled services and
 * entities are gone — with the providers giving each service access. Only registry fields (what MIIT's
 * public lookup shows) and provider names leave here: no certificate, leader or contact data.
 * Errors: not_found (a client who has not authorised the caller's agency, or a caller who is no agent).
 */
export async function listMyEntities(
  deps: ListMyEntitiesDeps,
  input: ListMyEntitiesInput,
): Promise<HeldEntityView[]> {
  const orders = await listApprovedOrders(deps, await readScopes(deps, input));
  const ordersByEntity = new Map<string, OrderRecord[]>();
  for (const order of orders) {
    if (order.entityNumber === undefined) continue;
    const list = ordersByEntity.get(order.entityNumber) ?? [];
    list.push(order);
    ordersByEntity.set(order.entityNumber, list);
  }

  const entries = [];
  for (const [entityNumber, entityOrders] of ordersByEntity) {
    const entry = await deps.workflow.registry.findByNumber(entityNumber);
    if (entry) entries.push({ entry, entityOrders });
  }
  const serviceNumbers = entries.flatMap(({ entry }) => entry.services.map((s) => s.serviceNumber));
  const access = await deps.workflow.filings.listAccessProviders(serviceNumbers);
  const providers = new Map<string, AccessProviderView | undefined>();
  const findProvider = async (id: string) => {
    if (!providers.has(id)) {
      const organisation = await deps.accounts.organisations.findById(id);
      providers.set(
        id,
        organisation ? { id, nameEn: organisation.nameEn, nameZh: organisation.nameZh } : undefined,
      );
    }
    return providers.get(id);
  };

  const held: HeldEntityView[] = [];
  for (const { entry, entityOrders } of entries) {
    const services: HeldServiceView[] = [];
    for (const service of entry.services) {
      const accessProviders: AccessProviderView[] = [];
      for (const id of access.get(service.serviceNumber) ?? []) {
        const provider = await findProvider(id);
        if (provider) accessProviders.push(provider);
      }
      services.push({ ...service, accessProviders });
    }
    held.push({
      entity: entry.entity,
      services,
      orders: entityOrders
        .sort((a, b) => (b.decidedAt?.getTime() ?? 0) - (a.decidedAt?.getTime() ?? 0))
        .map((order) => ({
          id: order.id,
          reference: formatOrderReference(order.id, order.createdAt),
          type: order.type,
          ...(order.decidedAt ? { decidedAt: order.decidedAt.toISOString() } : {}),
        })),
    });
  }
  return held.sort((a, b) => a.entity.entityNumber.localeCompare(b.entity.entityNumber));
}
