import type { AccountsDeps } from '../accounts/account-stores.ts';
import type { JsonObject } from '../audit/audit-chain.ts';
import type { AuditLogStore } from '../audit/audit-log-store.ts';
import type { DocumentDeps } from '../documents/document-deps.ts';
import type { LicenceDeps } from '../licences/licence-deps.ts';
import type { OrderDeps } from '../orders/order-deps.ts';
import type { Clock } from '../ports.ts';
import type { RegistryWriteStores } from '../registry/import-registry.ts';
import type { RegistryEntryInput, RegistryStore } from '../registry/registry-store.ts';
import type { DemoAccount } from './demo-accounts.ts';
import type { RenderSampleDocument } from './sample-documents.ts';

export interface RegistrySampleRequest {
  services: number;
  seed: number;
  /** Latest approval year; no number or date goes past its 31 December. */
  lastYear: number;
}

/** What the demo seed writes with. Bound to the database by the composition root (server.ts). */
export interface DemoSeedDeps {
  /** Bound to the database, for reads outside a transaction. */
  registry: RegistryStore;
  /** Bound to the database: where the seed finds its marker. */
  auditLog: AuditLogStore;
  /** Runs `work` in one transaction with the registry and the audit log bound to it. */
  transact: <T>(work: (stores: RegistryWriteStores) => Promise<T>) => Promise<T>;
  /** Planner statistics after a bulk load (VACUUM ANALYZE on PostgreSQL); outside any transaction. */
  refreshRegistryStatistics(): Promise<void>;
  /** Realistic registry entries, the same for the same request (src/infra/db/seed/registry-sample.ts). */
  generateRegistrySample(request: RegistrySampleRequest): Iterable<RegistryEntryInput>;
  clock: Clock;
  /** The accounts use cases (better-auth behind them): the demo's organisations and sign-ins. */
  accounts: AccountsDeps;
  /**
   * The order workflow as the server runs it (providers, inbox and mail outbox included); the orders
   * step runs its use cases on its own clock, set to plausible recent times. Submission checks the
   * uploaded documents (`documentKinds`), as for every user.
   */
  orders: OrderDeps;
  /** The documents use cases as the server runs them, on the same orders slice. */
  documents: DocumentDeps;
  /** Draws the sample files the orders step uploads (src/infra/demo/sample-documents.ts). */
  renderSampleDocument: RenderSampleDocument;
  /** The licence use cases as the server runs them; the licences step runs them on its own clock. */
  licences: LicenceDeps;
}

/**
 * Records a step as done, with counts for the audit log (never personal data). Call it first inside
 * the transaction that holds the step's writes: the data and its record then commit together, and it
 * takes the audit log's lock, so a seed running at the same time waits, sees the step done and
 * backs off (its transaction is rolled back) instead of writing the same data twice.
 */
export type CompleteDemoStep = (stores: { auditLog: AuditLogStore }, summary: JsonObject) => Promise<void>;

/**
 * One part of the demo (the registry, accounts, orders …). Steps run in order, once per database:
 * the audit log records each completed step, and a start after an interrupted seed runs only the
 * steps not recorded yet. A step whose writes cannot share one transaction with `complete` must
 * therefore tolerate finding its own earlier, partial writes.
 */
export interface DemoSeedStep {
  /** Stable: it is the subject of the step's audit event. */
  readonly name: string;
  /** The sign-ins this step creates, shown in the startup banner. */
  readonly logins?: readonly DemoAccount[];
  /** Whether the database holds data of the kind this step writes; any such data means "not empty". */
  hasData(deps: DemoSeedDeps): Promise<boolean>;
  run(deps: DemoSeedDeps, complete: CompleteDemoStep): Promise<void>;
}
