import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountServices } from '../../src/app/accounts/account-stores.ts';
import type { DemoSeedDeps } from '../../src/app/demo/demo-seed-step.ts';
import type { DocumentDeps } from '../../src/app/documents/document-deps.ts';
import type { LicenceDeps } from '../../src/app/licences/licence-deps.ts';
import { cryptoRandom, type OrderDeps } from '../../src/app/orders/order-deps.ts';
import type { Clock } from '../../src/app/ports.ts';
import { createWorkingDayCalendar } from '../../src/domain/calendar/working-day-calendar.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import { createAccountServices } from '../../src/infra/auth/account-services.ts';
import { createPeopleDirectory } from '../../src/infra/auth/people-directory.ts';
import { createFieldCipher, deriveDataKeys } from '../../src/infra/crypto/envelope.ts';
import type { Database } from '../../src/infra/db/database.ts';
import { createRegistryTransaction } from '../../src/infra/db/registry-transaction.ts';
import { createAuditLogRepository } from '../../src/infra/db/repositories/audit-log-repository.ts';
import {
  createDocumentPersistence,
  createDocumentRepository,
} from '../../src/infra/db/repositories/document-repository.ts';
import { createLicenceDirectory } from '../../src/infra/db/repositories/licence-directory-repository.ts';
import { createLicencePersistence } from '../../src/infra/db/repositories/licence-repository.ts';
import { createWorkflowPersistence } from '../../src/infra/db/repositories/order-repository.ts';
import {
  createRegistryRepository,
  refreshRegistryStatistics,
} from '../../src/infra/db/repositories/registry-repository.ts';
import { generateRegistrySample } from '../../src/infra/db/seed/registry-sample.ts';
import { renderSampleDocument } from '../../src/infra/demo/sample-documents.ts';
import { inspectUpload } from '../../src/infra/documents/inspect-upload.ts';
import { renderVerificationForm } from '../../src/infra/pdf/verification-form.ts';
import { createEncryptedFileStore } from '../../src/infra/storage/encrypted-file-store.ts';

/** 2026-11-30, a Monday: the demo registry then runs to the end of 2025. */
export const demoNow = new Date('2026-11-30T02:00:00Z');

/** The secret key of the tests' demo databases: the seed's encrypted data is readable with it. */
export const demoSecretKey = Buffer.alloc(32, 11);

/** Where sign-in requests come from (better-auth trusts this origin). */
export const demoPublicUrl = 'http://127.0.0.1:3000';

let scratch: string | undefined;
let scratchCount = 0;

/** A new directory for uploaded files, under one temporary directory removed when the process exits. */
function createFilesRoot(): string {
  if (scratch === undefined) {
    const root = mkdtempSync(join(tmpdir(), 'openbeian-demo-'));
    process.once('exit', () => rmSync(root, { recursive: true, force: true }));
    scratch = root;
  }
  scratchCount += 1;
  return join(scratch, `files-${scratchCount}`);
}

export interface DemoSeedTestDeps extends DemoSeedDeps {
  accounts: AccountServices;
}

/**
 * The seed's deps on a test database, as server.ts builds them; `services` shrinks the registry
 * sample, `clock` replaces the fixed demoNow, `filesRoot` is where the uploaded documents go (a new
 * temporary directory by default, removed when the test process exits).
 */
export function buildDemoSeedDeps(
  db: Database,
  options: { services?: number; clock?: Clock; filesRoot?: string } = {},
): DemoSeedTestDeps {
  const clock = options.clock ?? { now: () => demoNow };
  const calendar = createWorkingDayCalendar();
  const dataKeys = deriveDataKeys(demoSecretKey);
  const fieldCipher = createFieldCipher(dataKeys);
  const orders: OrderDeps = {
    persistence: createWorkflowPersistence(db),
    clock,
    calendar: { getCalendar: async () => calendar },
    catalogue: defaultCatalogue,
    fieldCipher,
    random: cryptoRandom,
    directory: createPeopleDirectory(db.kysely),
    authorityMode: 'sandbox',
    documentKinds: createDocumentRepository(db.kysely),
  };
  const accounts = createAccountServices({
    database: db,
    secretKey: demoSecretKey,
    publicUrl: demoPublicUrl,
    clock,
  });
  const documents: DocumentDeps = {
    orders,
    persistence: createDocumentPersistence(db),
    files: createEncryptedFileStore({
      root: options.filesRoot ?? createFilesRoot(),
      key: dataKeys.files,
    }),
    inspectFile: inspectUpload,
    renderVerificationForm,
    organisations: accounts.stores.organisations,
  };
  const registry = createRegistryRepository(db.kysely, db.dialect);
  const licences: LicenceDeps = {
    persistence: createLicencePersistence(db),
    clock,
    calendar: { getCalendar: async () => calendar },
    catalogue: defaultCatalogue,
    fieldCipher,
    directory: createLicenceDirectory(db.kysely),
    registry,
    authorityMode: 'sandbox',
  };
  return {
    registry,
    auditLog: createAuditLogRepository(db.kysely),
    transact: createRegistryTransaction(db),
    refreshRegistryStatistics: () => refreshRegistryStatistics(db.kysely, db.dialect),
    generateRegistrySample: (request) =>
      generateRegistrySample({ ...request, services: options.services ?? request.services }),
    clock,
    accounts,
    orders,
    documents,
    renderSampleDocument,
    licences,
  };
}

/** Signs in through better-auth as a browser would; the response status. */
export async function signIn(accounts: AccountServices, email: string, password: string): Promise<number> {
  const response = await accounts.auth.handle(
    new Request(`${demoPublicUrl}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: demoPublicUrl },
      body: JSON.stringify({ email, password }),
    }),
  );
  return response.status;
}
