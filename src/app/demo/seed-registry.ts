import type { DemoSeedStep } from './demo-seed-step.ts';

/** "A registry of a few thousand realistic records" (issue 3): enough to page through and to search. */
export const DEMO_REGISTRY_SERVICES = 3_000;
/** Fixed, so every demo database holds the same names and numbers for a given year. */
const DEMO_REGISTRY_SEED = 2_026;

/**
 * The public registry of the demo: sample entities and services from every province, written in
 * one transaction together with the step's audit record.
 */
export const seedRegistryStep: DemoSeedStep = {
  name: 'registry',

  async hasData(deps) {
    for await (const _entry of deps.registry.streamEntries(1)) return true;
    return false;
  },

  async run(deps, complete) {
    // The last full year: approval dates in the sample never lie in the future.
    const lastYear = deps.clock.now().getUTCFullYear() - 1;
    const entries = [
      ...deps.generateRegistrySample({
        services: DEMO_REGISTRY_SERVICES,
        seed: DEMO_REGISTRY_SEED,
        lastYear,
      }),
    ];
    const services = entries.reduce((sum, entry) => sum + entry.services.length, 0);
    const domains = entries.reduce(
      (sum, entry) => sum + entry.services.reduce((count, service) => count + service.domains.length, 0),
      0,
    );
    await deps.transact(async (stores) => {
      await complete(stores, { entities: entries.length, services, domains });
      await stores.registry.bulkInsert(entries);
    });
    await deps.refreshRegistryStatistics();
  },
};
