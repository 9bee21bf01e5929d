import type { OrderType } from '../catalogue/schema.ts';

/** The canonical MIIT operations an order performs (reference §2, catalogue order-types.json). */
export type OrderTypeId = OrderType['id'];

export const ORDER_TYPE_IDS: readonly OrderTypeId[] = [
  'first_filing',
  'add_service',
  'add_access',
  'change',
  'cancel_service',
  'cancel_entity',
  'cancel_access',
];

/** Who receives the authority's SMS code (reference §3.5). */
export type SmsRecipient = 'entity_leader' | 'service_admin';

export type RegistryOperation = 'add' | 'replace' | 'remove';

/**
 * What an approved order changes in the registry: the entity record with the services the order
 * carries, one service, or one provider's access to a service.
 */
export type RegistryTarget = 'entity' | 'service' | 'access';

export interface RegistryUpdate {
  operation: RegistryOperation;
  target: RegistryTarget;
}

/** First filings get an entity number and service suffixes; added services get suffixes (ref-6-numbers). */
export function issuesNumbers(type: OrderTypeId): boolean {
  switch (type) {
    case 'first_filing':
    case 'add_service':
      return true;
    case 'add_access':
    case 'change':
    case 'cancel_service':
    case 'cancel_entity':
    case 'cancel_access':
      return false;
  }
}

/** Orders that bind this provider's instance to a service, and so use up a service code (reference §3.2). */
export function bindsServiceCodes(type: OrderTypeId): boolean {
  switch (type) {
    case 'first_filing':
    case 'add_service':
    case 'add_access':
      return true;
    case 'change':
    case 'cancel_service':
    case 'cancel_entity':
    case 'cancel_access':
      return false;
  }
}

export function getRegistryUpdate(type: OrderTypeId): RegistryUpdate {
  switch (type) {
    case 'first_filing':
      return { operation: 'add', target: 'entity' };
    case 'add_service':
      return { operation: 'add', target: 'service' };
    case 'add_access':
      return { operation: 'add', target: 'access' };
    case 'change':
      return { operation: 'replace', target: 'entity' };
    case 'cancel_service':
      return { operation: 'remove', target: 'service' };
    case 'cancel_entity':
      return { operation: 'remove', target: 'entity' };
    case 'cancel_access':
      return { operation: 'remove', target: 'access' };
  }
}

/**
 * Who gets the code (reference §3.5): a first filing checks the entity leader and the website admin
 * (one SMS when they share a number); added services and access the website admin. A change checks
 * whoever it touches; the workflow does not see the order's data, so both are listed and the caller,
 * which has the version diff, leaves out the one the change does not touch. Cancelling a service asks
 * its admin, cancelling the entity its leader. Cancel access sends none.
 */
export function getSmsRecipients(type: OrderTypeId): SmsRecipient[] {
  switch (type) {
    case 'first_filing':
    case 'change':
      return ['entity_leader', 'service_admin'];
    case 'add_service':
    case 'add_access':
    case 'cancel_service':
      return ['service_admin'];
    case 'cancel_entity':
      return ['entity_leader'];
    case 'cancel_access':
      return [];
  }
}
