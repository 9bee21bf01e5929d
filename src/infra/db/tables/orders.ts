import type { Generated } from 'kysely';
import type { NotificationTables } from './notifications.ts';
import type { ProviderTables } from './providers.ts';

/**
 * Filing orders and what hangs off them. Order content (entity, services, people) holds personal data,
 * so drafts and versions store it as one AES-256-GCM envelope (see src/app/orders/order-content-crypto.ts);
 * the columns of `orders` hold only what queues, policy and detection need. The public reference
 * (OB-2026-000123) is derived from the id and the creation year, never stored.
 */
export interface OrdersTable {
  id: Generated<number>;
  /** first_filing, add_service, add_access, change, cancel_service, cancel_entity, cancel_access. */
  type: string;
  /** What the applicant asked for (file_service, change, cancel_…), from which the type was detected. */
  intent: string;
  status: string;
  province_code: string;
  owner_user_id: string;
  agent_org_id: string | null;
  /** The client the agency files for, once its letter of authorisation is on record. */
  client_user_id: string | null;
  provider_org_id: string;
  authority_mode: 'sandbox' | 'recorded';
  /** Blind index (HMAC) of the entity's normalised certificate number. */
  entity_certificate_index: string;
  /** 1 while the order occupies its entity; a partial unique index allows one such order per entity. */
  is_in_progress: number;
  /** The existing entity the order acts on, or the number issued to a first filing. */
  entity_number: string | null;
  /** The existing service the order acts on (add access, cancellations, a change of one service). */
  service_number: string | null;
  /** Registrable domain in lower-case ASCII, as detection read it. */
  domain: string | null;
  is_entity_at_this_provider: number;
  /** An organisation's name, lower case, for list search; null for an individual (see the index). */
  entity_name_search: string | null;
  /** Blind index of an individual's normalised name: searchable by the whole name, never stored in clear. */
  entity_name_index: string | null;
  /** The content revision being edited. */
  version: number;
  /** The revision last submitted (its snapshot is in order_versions). */
  submitted_version: number | null;
  provider_review_due: string | null;
  sms_expires_at: string | null;
  authority_review_due: string | null;
  /** JSON array of the latest return or rejection reasons. */
  return_reasons: string;
  /** JSON array of the service numbers issued or recorded at approval. */
  issued_service_numbers: string;
  has_been_submitted: number;
  has_reached_authority: number;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  /** When the order reached approved, rejected_by_authority or withdrawn (latest). */
  decided_at: string | null;
}

/** The editable content of an order: one row per order, overwritten by every save. */
export interface OrderDraftsTable {
  order_id: number;
  version: number;
  /** Encrypted JSON of the content (base64url envelope). */
  content: string;
  updated_at: string;
  updated_by: string;
}

/** One immutable snapshot per submission (database triggers refuse updates and deletes). */
export interface OrderVersionsTable {
  id: Generated<number>;
  order_id: number;
  version: number;
  content: string;
  submitted_at: string;
  submitted_by: string;
}

export interface OrderEventsTable {
  id: Generated<number>;
  order_id: number;
  type: string;
  from_status: string;
  to_status: string;
  occurred_at: string;
  /** "user:<id>" or "system". */
  actor: string;
  /** JSON details of the workflow event (return reasons, deadlines, attempts …). */
  details: string;
}

export type SmsChallengeStatus = 'open' | 'passed' | 'failed' | 'expired' | 'cancelled';

/** The sandbox MIIT SMS check: only a keyed hash of the code is kept. */
export interface SmsChallengesTable {
  id: Generated<number>;
  order_id: number;
  code_hash: string;
  issued_at: string;
  expires_at: string;
  attempts: number;
  max_attempts: number;
  status: SmsChallengeStatus;
  closed_at: string | null;
}

/** The last entity serial issued per province and approval year (ref-6-numbers). */
export interface NumberSequencesTable {
  province_code: string;
  year: number;
  last_serial: number;
}

/** Every entity and service number ever issued or recorded here; unique, so none is issued twice. */
export interface IssuedNumbersTable {
  id: Generated<number>;
  number: string;
  kind: 'entity' | 'service';
  entity_number: string;
  order_id: number;
  issued_at: string;
}

/**
 * The private side of the registry for entities filed through the platform: which certificate an
 * entity number belongs to (as a blind index), so detection finds the entity from the certificate.
 */
export interface FiledEntitiesTable {
  id: Generated<number>;
  entity_number: string;
  certificate_index: string;
  province_code: string;
  /** The order that last filed or changed the entity; null when recorded outside an order (seed). */
  order_id: number | null;
  updated_at: string;
}

export interface OrderTables {
  orders: OrdersTable;
  order_drafts: OrderDraftsTable;
  order_versions: OrderVersionsTable;
  order_events: OrderEventsTable;
  sms_challenges: SmsChallengesTable;
  number_sequences: NumberSequencesTable;
  issued_numbers: IssuedNumbersTable;
  filed_entities: FiledEntitiesTable;
}

/** Every table of migration 0004, composed into the DB type in schema.ts. */
export interface OrderWorkflowTables extends OrderTables, ProviderTables, NotificationTables {}
