import type { RegistryWriteStores } from '../../app/registry/import-registry.ts';
import type { Database } from './database.ts';
import { createAuditLogRepository } from './repositories/audit-log-repository.ts';
import { createRegistryRepository } from './repositories/registry-repository.ts';

/** Runs `work` in one transaction with the registry and audit-log stores bound to it. */
export function createRegistryTransaction(
  db: Database,
): <T>(work: (stores: RegistryWriteStores) => Promise<T>) => Promise<T> {
  return (work) =>
    db.transaction((trx) =>
      work({ registry: createRegistryRepository(trx, db.dialect), auditLog: createAuditLogRepository(trx) }),
    );
}
