import type { Generated } from 'kysely';

/**
 * A provider's server (instance) that can give a service access (reference §3.2): a mainland region,
 * a public IP and a subscription, which must span at least three months for the instance to carry
 * filings. Users and organisations are referenced by id without foreign keys (their tables belong to
 * the accounts migration).
 */
export interface ProviderInstancesTable {
  id: Generated<number>;
  provider_org_id: string;
  /** The customer account holding the instance; it issues service codes for its own orders. */
  owner_user_id: string;
  name: string;
  /** The provider's own region id, e.g. cn-beijing. */
  region: string;
  /** Two-digit code of the mainland province the data centre is in. */
  province_code: string;
  /** Canonical IPv4/IPv6 text. */
  public_ip: string;
  /** YYYY-MM-DD, first day of the subscription. */
  subscription_start: string;
  /** YYYY-MM-DD, last day of the subscription. */
  subscription_end: string;
  created_at: string;
  created_by: string;
}

export type ServiceCodeKind = 'service' | 'authorization';
export type ServiceCodeStatus = 'available' | 'bound' | 'burnt';

/**
 * Single-use filing service codes, at most five per instance ever (a burnt code is never replaced).
 * `authorization` codes let another account file with the instance, optionally only one named account.
 */
export interface ServiceCodesTable {
  id: Generated<number>;
  instance_id: number;
  code: string;
  kind: ServiceCodeKind;
  grantee_user_id: string | null;
  status: ServiceCodeStatus;
  /** The order the code is bound to from submission until approval (burnt) or withdrawal (released). */
  bound_order_id: number | null;
  issued_at: string;
  issued_by: string;
  /** Authorisation codes lapse; service codes do not. */
  expires_at: string | null;
  burnt_at: string | null;
}

/**
 * Which providers give a filed service access (接入). The public registry does not show it; order-type
 * detection needs it ("add access" versus "already accessed here").
 */
export interface FiledServiceAccessTable {
  id: Generated<number>;
  service_number: string;
  provider_org_id: string;
  instance_id: number | null;
  /** The approved order that granted the access; null for access recorded outside an order. */
  order_id: number | null;
  created_at: string;
}

export interface ProviderTables {
  provider_instances: ProviderInstancesTable;
  service_codes: ServiceCodesTable;
  filed_service_access: FiledServiceAccessTable;
}
