import { expect, it } from 'vitest';
import { appendAuditEvent } from '../../src/app/audit/append-audit-event.ts';
import { verifyAuditLog } from '../../src/app/audit/verify-audit-log.ts';
import { DEMO_ACCOUNTS } from '../../src/app/demo/demo-accounts.ts';
import type { DemoSeedStep } from '../../src/app/demo/demo-seed-step.ts';
import {
  DEMO_STARTED_ACTION,
  DEMO_STEP_COMPLETED_ACTION,
  seedDemoData,
} from '../../src/app/demo/seed-demo.ts';
import { DEMO_REGISTRY_SERVICES, seedRegistryStep } from '../../src/app/demo/seed-registry.ts';
import { searchRegistry } from '../../src/app/registry/search-registry.ts';
import { createRegistryRepository } from '../../src/infra/db/repositories/registry-repository.ts';
import { describeEachDatabase } from '../support/databases.ts';
import { buildRegistryEntry } from '../support/registry-fixtures.ts';
import { buildDemoSeedDeps } from './demo-test-kit.ts';

/** A step that only records itself, standing in for the steps a later version adds. */
function buildRecordingStep(name: string, runs: string[]): DemoSeedStep {
  return {
    name,
    logins: DEMO_ACCOUNTS,
    hasData: async () => false,
    async run(deps, complete) {
      runs.push(name);
      await deps.transact((stores) => complete(stores, { runs: runs.length }));
    },
  };
}

describeEachDatabase('seedDemoData on an empty database', (database) => {
  it('writes a registry of a few thousand realistic records, marked in the audit log', async () => {
    const deps = buildDemoSeedDeps(database.db);
    const report = await seedDemoData(deps, [seedRegistryStep]);
    expect(report.status).toBe('seeded');
    expect(report.steps).toEqual([
      {
        name: 'registry',
        summary: {
          entities: expect.any(Number),
          services: DEMO_REGISTRY_SERVICES,
          domains: expect.any(Number),
        },
      },
    ]);
    const counts = await deps.registry.count();
    expect(counts.services).toBe(DEMO_REGISTRY_SERVICES);
    expect(counts.entities).toBe(report.steps[0]?.summary.entities);
    expect(counts.domains).toBe(report.steps[0]?.summary.domains);

    const events = await deps.auditLog.readEvents(0, 10);
    expect(events.map((event) => [event.action, event.subjectId])).toEqual([
      [DEMO_STARTED_ACTION, 'demo'],
      [DEMO_STEP_COMPLETED_ACTION, 'registry'],
    ]);
    expect(await verifyAuditLog(deps)).toMatchObject({ ok: true, count: 2 });

    // Searchable at once: the common words of company names, 2 and 4 characters long.
    for (const query of ['科技', '网络科技']) {
      const found = await searchRegistry(deps, { query, limit: 5 });
      expect(found.ok && found.value.records.length, query).toBe(5);
    }
    // Every approval lies in the past of the clock (the sample ends with the last full year).
    for await (const entry of deps.registry.streamEntries()) {
      expect(entry.entity.approvedOn < '2026-01-01').toBe(true);
    }
  });

  it('writes nothing on the next start', async () => {
    const deps = buildDemoSeedDeps(database.db);
    const before = await deps.registry.count();
    const report = await seedDemoData(deps, [seedRegistryStep]);
    expect(report).toEqual({ status: 'already_seeded', steps: [], logins: [] });
    expect(await deps.registry.count()).toEqual(before);
    expect((await deps.auditLog.readHead()).sequence).toBe(2);
  });

  it('runs only the steps a later version added, and lists their sign-ins', async () => {
    const runs: string[] = [];
    const steps = [seedRegistryStep, buildRecordingStep('extra', runs)];
    const deps = buildDemoSeedDeps(database.db);
    const report = await seedDemoData(deps, steps);
    expect(report).toEqual({
      status: 'seeded',
      steps: [{ name: 'extra', summary: { runs: 1 } }],
      logins: DEMO_ACCOUNTS,
    });
    expect(await seedDemoData(deps, steps)).toEqual({
      status: 'already_seeded',
      steps: [],
      logins: DEMO_ACCOUNTS,
    });
    expect(runs).toEqual(['extra']);
  });
});

describeEachDatabase('seedDemoData after an interrupted seed', (database) => {
  it('finishes the steps that did not complete, and nothing else', async () => {
    const deps = buildDemoSeedDeps(database.db, { services: 200 });
    const failing: DemoSeedStep = {
      name: 'orders',
      hasData: async () => false,
      run: async () => {
        throw new Error('power cut');
      },
    };
    await expect(seedDemoData(deps, [seedRegistryStep, failing])).rejects.toThrow('power cut');
    expect((await deps.registry.count()).services).toBe(200);

    const runs: string[] = [];
    const report = await seedDemoData(deps, [seedRegistryStep, buildRecordingStep('orders', runs)]);
    expect(report.status).toBe('seeded');
    expect(report.steps.map((step) => step.name)).toEqual(['orders']);
    expect((await deps.registry.count()).services).toBe(200);
  });

  it('refuses a step that does not record its completion', async () => {
    const deps = buildDemoSeedDeps(database.db, { services: 200 });
    const silent: DemoSeedStep = { name: 'silent', hasData: async () => false, run: async () => {} };
    await expect(seedDemoData(deps, [seedRegistryStep, silent])).rejects.toThrow(/without recording/);
  });
});

describeEachDatabase('seedDemoData started twice at once', (database) => {
  it('seeds once', async () => {
    const deps = buildDemoSeedDeps(database.db, { services: 200 });
    const reports = await Promise.all([
      seedDemoData(deps, [seedRegistryStep]),
      seedDemoData(deps, [seedRegistryStep]),
    ]);
    expect(reports.map((report) => report.status).sort()).toEqual(['already_seeded', 'seeded']);
    expect((await deps.registry.count()).services).toBe(200);
    expect(await verifyAuditLog(deps)).toMatchObject({ ok: true, count: 2 });
  });
});

describeEachDatabase('seedDemoData on a registry loaded without the audit log', (database) => {
  it('leaves the database alone', async () => {
    await database.db.transaction((trx) =>
      createRegistryRepository(trx, database.db.dialect).bulkInsert([buildRegistryEntry()]),
    );
    const deps = buildDemoSeedDeps(database.db, { services: 200 });
    expect(await seedDemoData(deps)).toEqual({ status: 'not_empty', steps: [], logins: [] });
    expect(await deps.registry.count()).toMatchObject({ entities: 1, services: 1 });
    expect((await deps.auditLog.readHead()).sequence).toBe(0);
  });
});

describeEachDatabase('seedDemoData on a database in use', (database) => {
  it('leaves the database alone', async () => {
    const deps = buildDemoSeedDeps(database.db, { services: 200 });
    await deps.transact((stores) =>
      appendAuditEvent(stores, {
        occurredAt: new Date(),
        actor: 'cli',
        action: 'organisation.created',
        subjectType: 'organisation',
        subjectId: '1',
      }),
    );
    expect(await seedDemoData(deps)).toEqual({ status: 'not_empty', steps: [], logins: [] });
    expect((await deps.registry.count()).entities).toBe(0);
  });
});

describeEachDatabase('seedDemoData racing another seed through a step', (database) => {
  it('backs off from the step the other seed completed first', async () => {
    const deps = buildDemoSeedDeps(database.db, { services: 200 });
    const runs: string[] = [];
    const accounts = buildRecordingStep('accounts', runs);
    const racing: DemoSeedStep = {
      ...accounts,
      async run(stepDeps, complete) {
        // Another server finishes the same step while this one is still preparing it.
        await seedDemoData(stepDeps, [seedRegistryStep, accounts]);
        await accounts.run(stepDeps, complete);
      },
    };
    const report = await seedDemoData(deps, [seedRegistryStep, racing]);
    expect(report.steps.map((step) => step.name)).toEqual(['registry']);
    expect(runs).toEqual(['accounts', 'accounts']);
    const events = await deps.auditLog.readEvents(0, 10);
    expect(events.map((event) => event.subjectId)).toEqual(['demo', 'registry', 'accounts']);
    expect(await verifyAuditLog(deps)).toMatchObject({ ok: true, count: 3 });
  });
});
