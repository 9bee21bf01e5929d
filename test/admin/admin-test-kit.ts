import { randomBytes } from 'node:crypto';
import type { AdminDeps } from '../../src/app/admin/admin-stores.ts';
import { createStoredCalendarProvider } from '../../src/app/admin/stored-calendar-provider.ts';
import { createStoredCatalogueProvider } from '../../src/app/admin/stored-catalogue-provider.ts';
import type { MonitorDeps } from '../../src/app/monitoring/monitor-deps.ts';
import { cryptoRandom, type OrderDeps } from '../../src/app/orders/order-deps.ts';
import { systemClock } from '../../src/app/ports.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import { createAccountServices } from '../../src/infra/auth/account-services.ts';
import { createPeopleDirectory } from '../../src/infra/auth/people-directory.ts';
import { createFieldCipher, deriveDataKeys } from '../../src/infra/crypto/envelope.ts';
import type { Database } from '../../src/infra/db/database.ts';
import { createAdminPersistence } from '../../src/infra/db/repositories/admin-persistence.ts';
import { createMonitorPersistence } from '../../src/infra/db/repositories/monitor-repository.ts';
import { createWorkflowPersistence } from '../../src/infra/db/repositories/order-repository.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { createPageSource } from '../../src/infra/fetch/page-source.ts';
import { buildLiveFooterDeps } from '../../src/server/live-footer-deps.ts';
import { HTTP_START, type HttpTestApp } from '../http/http-test-kit.ts';
import { TestClock } from '../orders/order-test-kit.ts';
import { buildTestApp, buildTestConfig } from '../server/test-app.ts';

/**
 * The platform over HTTP with the admin slice wired as server.ts wires it: the calendar and the
 * catalogue come from the stored providers, for the public routes and the order workflow alike; the
 * registry, the live footer check (with `fetchAllowHosts`) and the compliance monitor too.
 */
export async function buildAdminTestApp(
  database: Database,
  options: { fetchAllowHosts?: string[] } = {},
): Promise<HttpTestApp & { admin: AdminDeps; monitoring: MonitorDeps }> {
  const config = { ...buildTestConfig(), fetchAllowHosts: options.fetchAllowHosts ?? [] };
  // One key for both, as server.ts has: the outbox view decrypts the accounts' password-link mail.
  const secretKey = randomBytes(32);
  const accounts = createAccountServices({
    database,
    secretKey,
    publicUrl: buildTestConfig().publicUrl,
    clock: systemClock,
  });
  const clock = new TestClock(new Date(HTTP_START));
  const persistence = createAdminPersistence(database);
  const admin: AdminDeps = {
    ...persistence,
    calendar: createStoredCalendarProvider(persistence.read.calendarOverrides),
    catalogue: createStoredCatalogueProvider(defaultCatalogue, persistence.read.catalogueEdits),
    shippedCatalogue: defaultCatalogue,
    clock,
  };
  const orders: OrderDeps = {
    persistence: createWorkflowPersistence(database),
    clock,
    calendar: admin.calendar,
    catalogue: defaultCatalogue,
    fieldCipher: createFieldCipher(deriveDataKeys(secretKey)),
    random: cryptoRandom,
    directory: createPeopleDirectory(database.kysely),
    authorityMode: 'sandbox',
  };
  const registry = createRegistryRepository(database.kysely, database.dialect);
  const pages = createPageSource();
  const monitoring: MonitorDeps = {
    ...createMonitorPersistence(database),
    clock,
    fieldCipher: orders.fieldCipher,
    directory: orders.directory,
    getLiveFooterDeps: () =>
      buildLiveFooterDeps(
        { config, catalogue: defaultCatalogue, catalogueProvider: admin.catalogue, registry, admin },
        pages,
      ),
  };
  const { app, readLogs } = await buildTestApp({
    config,
    registry,
    monitoring,
    accounts,
    orders,
    admin,
    calendar: admin.calendar,
    catalogueProvider: admin.catalogue,
    clock,
    pages,
    rateLimits: {
      publicApi: { max: 100_000, timeWindowMs: 60_000 },
      signIn: { max: 100_000, timeWindowMs: 60_000 },
      liveCheck: { max: 100_000, timeWindowMs: 60_000 },
    },
  });
  return { app, accounts, orders, clock, readLogs, admin, monitoring, close: () => app.close() };
}
