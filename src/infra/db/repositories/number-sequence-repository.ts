import type { Kysely } from 'kysely';
import type { NumberStore } from '../../../app/orders/number-store.ts';
import type { DatabaseDialect } from '../database.ts';
import type { DB } from '../schema.ts';

/**
 * Entity serials per province and approval year, and every number ever issued (unique). Allocation
 * runs inside the approval transaction: `lockSequence` holds the sequence row (PostgreSQL FOR UPDATE;
 * SQLite's BEGIN IMMEDIATE serialises writers), so concurrent approvals in one province take
 * consecutive serials one after the other, and the unique constraint on issued_numbers makes a
 * duplicate impossible even if that reasoning were ever wrong.
 */
export function createNumberSequenceRepository(executor: Kysely<DB>, dialect: DatabaseDialect): NumberStore {
  return {
    async lockSequence(provinceCode, year) {
      await executor
        .insertInto('number_sequences')
        .values({ province_code: provinceCode, year, last_serial: 0 })
        .onConflict((oc) => oc.columns(['province_code', 'year']).doNothing())
        .execute();
      const query = executor
        .selectFrom('number_sequences')
        .select('last_serial')
        .where('province_code', '=', provinceCode)
        .where('year', '=', year);
      const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirstOrThrow();
      return row.last_serial;
    },

    async saveSequence(provinceCode, year, lastSerial) {
      await executor
        .updateTable('number_sequences')
        .set({ last_serial: lastSerial })
        .where('province_code', '=', provinceCode)
        .where('year', '=', year)
        .execute();
    },

    async findLastSerial(provinceCode, year) {
      const row = await executor
        .selectFrom('number_sequences')
        .select('last_serial')
        .where('province_code', '=', provinceCode)
        .where('year', '=', year)
        .executeTakeFirst();
      return row?.last_serial ?? 0;
    },

    async findHighestEntityNumber(from, to) {
      // Both lookups walk the unique indexes on the number columns backwards from `to`.
      const issued = await executor
        .selectFrom('issued_numbers')
        .select('number')
        .where('number', '>=', from)
        .where('number', '<=', to)
        .orderBy('number', 'desc')
        .limit(1)
        .executeTakeFirst();
      const registered = await executor
        .selectFrom('registry_entities')
        .select('entity_number')
        .where('entity_number', '>=', from)
        .where('entity_number', '<=', to)
        .orderBy('entity_number', 'desc')
        .limit(1)
        .executeTakeFirst();
      const candidates = [issued?.number, registered?.entity_number].filter(
        (n): n is string => n !== undefined,
      );
      return candidates.sort().at(-1);
    },

    async listServiceNumbers(entityNumber) {
      const issued = await executor
        .selectFrom('issued_numbers')
        .select('number')
        .where('entity_number', '=', entityNumber)
        .where('kind', '=', 'service')
        .execute();
      const registered = await executor
        .selectFrom('registry_services as s')
        .innerJoin('registry_entities as e', 'e.id', 's.entity_id')
        .select('s.service_number')
        .where('e.entity_number', '=', entityNumber)
        .execute();
      return [...new Set([...issued.map((r) => r.number), ...registered.map((r) => r.service_number)])];
    },

    async isIssued(number) {
      const row = await executor
        .selectFrom('issued_numbers')
        .select('id')
        .where('number', '=', number)
        .executeTakeFirst();
      return row !== undefined;
    },

    async recordIssued(numbers) {
      if (numbers.length === 0) return;
      await executor
        .insertInto('issued_numbers')
        .values(
          numbers.map((n) => ({
            number: n.number,
            kind: n.kind,
            entity_number: n.entityNumber,
            order_id: n.orderId,
            issued_at: n.issuedAt.toISOString(),
          })),
        )
        .execute();
    },
  };
}
