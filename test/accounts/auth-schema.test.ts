import { getMigrations } from 'better-auth/db/migration';
import { expect, it } from 'vitest';
import { buildAuthOptions } from '../../src/infra/auth/create-auth.ts';
import { describeEachDatabase } from '../support/databases.ts';

describeEachDatabase('migration 0003 and better-auth', (database) => {
  it('creates every table, column and type better-auth expects (its own migration planner finds nothing to do)', async () => {
    const plan = await getMigrations(
      buildAuthOptions({
        database: database.db,
        secretKey: Buffer.alloc(32, 1),
        publicUrl: 'http://localhost',
      }),
      { throwOnUnsafe: false },
    );
    expect(plan.toBeCreated).toEqual([]);
    expect(plan.toBeAdded).toEqual([]);
    expect(plan.schemaProblems).toEqual([]);
    expect(plan.unsafeChanges).toEqual([]);
    expect(plan.toBeAddedIndexes.map((i) => i.name)).toEqual([]);
  });
});
