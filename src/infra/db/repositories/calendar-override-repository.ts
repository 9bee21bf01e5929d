import type { Kysely, Selectable } from 'kysely';
import type { CalendarOverrideRecord, CalendarOverrideStore } from '../../../app/admin/admin-stores.ts';
import type { DB } from '../schema.ts';
import type { CalendarOverrideTable } from '../tables/admin.ts';

function toRecord(row: Selectable<CalendarOverrideTable>): CalendarOverrideRecord {
  return {
    date: row.date,
    kind: row.kind,
    ...(row.name_en === null ? {} : { nameEn: row.name_en }),
    ...(row.name_zh === null ? {} : { nameZh: row.name_zh }),
    sourceText: row.source_text,
    ...(row.source_url === null ? {} : { sourceUrl: row.source_url }),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
  };
}

/** Working-day calendar overrides on SQLite and PostgreSQL. */
export function createCalendarOverrideRepository(executor: Kysely<DB>): CalendarOverrideStore {
  return {
    async listOverrides(year) {
      let query = executor.selectFrom('calendar_override').selectAll();
      if (year !== undefined) {
        // Dates are fixed-width text, so a year is a text range.
        const prefix = String(year).padStart(4, '0');
        query = query.where('date', '>=', `${prefix}-01-01`).where('date', '<=', `${prefix}-12-31`);
      }
      const rows = await query.orderBy('date').execute();
      return rows.map(toRecord);
    },

    async findOverride(date) {
      const row = await executor
        .selectFrom('calendar_override')
        .selectAll()
        .where('date', '=', date)
        .executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async saveOverride(record) {
      const values = {
        kind: record.kind,
        name_en: record.nameEn ?? null,
        name_zh: record.nameZh ?? null,
        source_text: record.sourceText,
        source_url: record.sourceUrl ?? null,
        created_by: record.createdBy,
        created_at: record.createdAt.toISOString(),
      };
      await executor
        .insertInto('calendar_override')
        .values({ date: record.date, ...values })
        .onConflict((conflict) => conflict.column('date').doUpdateSet(values))
        .execute();
    },

    async deleteOverride(date) {
      const result = await executor
        .deleteFrom('calendar_override')
        .where('date', '=', date)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
