import type { Catalogue } from '../../domain/catalogue/catalogue.ts';
import type { AuditEvent } from '../audit/audit-chain.ts';
import type { AuditLogStore } from '../audit/audit-log-store.ts';
import type { CalendarProvider, Clock } from '../ports.ts';
import type { CatalogueEditRecord, EffectiveCatalogue } from './catalogue-edits.ts';

/** One stored calendar override (tables/admin.ts). */
export interface CalendarOverrideRecord {
  date: string;
  kind: 'holiday' | 'workday';
  nameEn?: string;
  nameZh?: string;
  sourceText: string;
  sourceUrl?: string;
  createdBy: string;
  createdAt: Date;
}

export interface CalendarOverrideStore {
  /** Every override, or one year's, by date. */
  listOverrides(year?: number): Promise<CalendarOverrideRecord[]>;
  findOverride(date: string): Promise<CalendarOverrideRecord | undefined>;
  /** Inserts or replaces the override of the record's date. */
  saveOverride(record: CalendarOverrideRecord): Promise<void>;
  /** False when the day had no override. */
  deleteOverride(date: string): Promise<boolean>;
}

export interface CatalogueEditStore {
  /** Every edit, reverted ones included, in id (= application) order. */
  listEdits(): Promise<CatalogueEditRecord[]>;
  findEdit(id: number): Promise<CatalogueEditRecord | undefined>;
  insertEdit(
    edit: Omit<CatalogueEditRecord, 'id' | 'revertedBy' | 'revertedAt'>,
  ): Promise<CatalogueEditRecord>;
  markReverted(id: number, by: string, at: Date): Promise<void>;
}

/** A host the live footer check may fetch although it resolves to a non-public address. */
export interface FetchAllowHostRecord {
  /** Lower-case ASCII host name or IP literal (IPv6 without brackets). */
  host: string;
  note: string;
  createdBy: string;
  createdAt: Date;
}

export interface FetchAllowHostStore {
  /** By host name. */
  listHosts(): Promise<FetchAllowHostRecord[]>;
  /** Inserts the host or replaces its note; true when it was new. */
  saveHost(record: FetchAllowHostRecord): Promise<boolean>;
  /** False when the host was not listed. */
  deleteHost(host: string): Promise<boolean>;
}

/** The audit log read newest first, for the viewer. */
/** Which events the audit viewer asks for; every field narrows the answer (exact matches). */
export interface AuditEventFilter {
  actor?: string | undefined;
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** First instant, inclusive (ISO 8601, as events store it). */
  from?: string | undefined;
  /** Last instant, inclusive. */
  to?: string | undefined;
}

export interface AuditEventReader {
  /**
   * Up to `limit` events matching `filter` with a sequence below `before` (all when absent), newest
   * first.
   */
  listEventsBefore(
    before: number | undefined,
    limit: number,
    filter?: AuditEventFilter,
  ): Promise<AuditEvent[]>;
  /** One event with its payload; undefined when there is none with that sequence number. */
  findEvent(sequence: number): Promise<AuditEvent | undefined>;
}

/** Stores bound to one transaction: the change and its audit event commit together. */
export interface AdminWriteStores {
  calendarOverrides: CalendarOverrideStore;
  catalogueEdits: CatalogueEditStore;
  fetchAllowHosts: FetchAllowHostStore;
  auditLog: AuditLogStore;
}

/** A provider whose cache the write use cases drop after they commit. */
export interface CachedCalendarProvider extends CalendarProvider {
  invalidate(): void;
}

export interface CachedCatalogueProvider {
  getCatalogue(): Promise<EffectiveCatalogue['catalogue']>;
  /** The catalogue with the data it was built from and the edits that no longer apply. */
  getEffective(): Promise<EffectiveCatalogue>;
  invalidate(): void;
}

/** What the admin use cases need. */
export interface AdminDeps {
  read: {
    calendarOverrides: CalendarOverrideStore;
    catalogueEdits: CatalogueEditStore;
    fetchAllowHosts: FetchAllowHostStore;
    auditEvents: AuditEventReader;
    auditLog: AuditLogStore;
  };
  transact<T>(work: (stores: AdminWriteStores) => Promise<T>): Promise<T>;
  calendar: CachedCalendarProvider;
  catalogue: CachedCatalogueProvider;
  /** The catalogue shipped with the code, which the edits apply to. */
  shippedCatalogue: Catalogue;
  clock: Clock;
}
