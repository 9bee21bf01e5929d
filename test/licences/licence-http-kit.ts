import { randomBytes } from 'node:crypto';
import { ensureSandboxAuthorities } from '../../src/app/accounts/ensure-sandbox-authorities.ts';
import type { LicenceDeps } from '../../src/app/licences/licence-deps.ts';
import { cryptoRandom, type OrderDeps } from '../../src/app/orders/order-deps.ts';
import { systemClock } from '../../src/app/ports.ts';
import { createWorkingDayCalendar } from '../../src/domain/calendar/working-day-calendar.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/default-catalogue.ts';
import { createAccountServices } from '../../src/infra/auth/account-services.ts';
import { createPeopleDirectory } from '../../src/infra/auth/people-directory.ts';
import { createFieldCipher, deriveDataKeys } from '../../src/infra/crypto/envelope.ts';
import type { Database } from '../../src/infra/db/database.ts';
import { createLicenceDirectory } from '../../src/infra/db/repositories/licence-directory-repository.ts';
import { createLicencePersistence } from '../../src/infra/db/repositories/licence-repository.ts';
import { createWorkflowPersistence } from '../../src/infra/db/repositories/order-repository.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { HTTP_START, type HttpTestApp } from '../http/http-test-kit.ts';
import { TestClock } from '../orders/order-test-kit.ts';
import { buildTestApp, buildTestConfig } from '../server/test-app.ts';

/**
 * The platform over HTTP with licence applications: accounts with the sandbox authorities, the real
 * people directory (platform administrators decide for MIIT), the registry, and a clock the test moves.
 * It is an HttpTestApp, so http-test-kit's createPerson, call, fail and send work on it.
 */
export interface LicenceHttpApp extends HttpTestApp {
  licences: LicenceDeps;
}

export async function buildLicenceHttpApp(database: Database): Promise<LicenceHttpApp> {
  const accounts = createAccountServices({
    database,
    secretKey: Buffer.alloc(32, 9),
    publicUrl: buildTestConfig().publicUrl,
    clock: systemClock,
  });
  await ensureSandboxAuthorities({
    stores: accounts.stores,
    catalogue: defaultCatalogue,
    clock: systemClock,
  });
  const clock = new TestClock(new Date(HTTP_START));
  const calendar = createWorkingDayCalendar();
  const fieldCipher = createFieldCipher(deriveDataKeys(randomBytes(32)));
  const registry = createRegistryRepository(database.kysely, database.dialect);
  const orders: OrderDeps = {
    persistence: createWorkflowPersistence(database),
    clock,
    calendar: { getCalendar: async () => calendar },
    catalogue: defaultCatalogue,
    fieldCipher,
    random: cryptoRandom,
    directory: createPeopleDirectory(database.kysely),
    authorityMode: 'sandbox',
  };
  const licences: LicenceDeps = {
    persistence: createLicencePersistence(database),
    clock,
    calendar: { getCalendar: async () => calendar },
    catalogue: defaultCatalogue,
    fieldCipher,
    directory: createLicenceDirectory(database.kysely),
    registry,
    authorityMode: 'sandbox',
  };
  const { app, readLogs } = await buildTestApp({
    accounts,
    orders,
    licences,
    registry,
    clock,
    rateLimits: {
      publicApi: { max: 100_000, timeWindowMs: 60_000 },
      signIn: { max: 100_000, timeWindowMs: 60_000 },
      liveCheck: { max: 100_000, timeWindowMs: 60_000 },
    },
  });
  return { app, accounts, orders, licences, clock, readLogs, close: () => app.close() };
}
