import type { Kysely, Selectable } from 'kysely';
import type { CatalogueEditStore } from '../../../app/admin/admin-stores.ts';
import type { CatalogueChange, CatalogueEditRecord } from '../../../app/admin/catalogue-edits.ts';
import type { Source } from '../../../domain/catalogue/schema.ts';
import type { DB } from '../schema.ts';
import type { CatalogueEditTable } from '../tables/admin.ts';

function toRecord(row: Selectable<CatalogueEditTable>): CatalogueEditRecord {
  return {
    id: row.id,
    change: JSON.parse(row.change) as CatalogueChange,
    sourceId: row.source_id,
    ...(row.new_source === null ? {} : { newSource: JSON.parse(row.new_source) as Source }),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    ...(row.reverted_by === null ? {} : { revertedBy: row.reverted_by }),
    ...(row.reverted_at === null ? {} : { revertedAt: new Date(row.reverted_at) }),
  };
}

/** Catalogue edits on SQLite and PostgreSQL. */
export function createCatalogueEditRepository(executor: Kysely<DB>): CatalogueEditStore {
  return {
    async listEdits() {
      const rows = await executor.selectFrom('catalogue_edit').selectAll().orderBy('id').execute();
      return rows.map(toRecord);
    },

    async findEdit(id) {
      const row = await executor
        .selectFrom('catalogue_edit')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toRecord(row);
    },

    async insertEdit(edit) {
      const row = await executor
        .insertInto('catalogue_edit')
        .values({
          kind: edit.change.kind,
          change: JSON.stringify(edit.change),
          source_id: edit.sourceId,
          new_source: edit.newSource === undefined ? null : JSON.stringify(edit.newSource),
          created_by: edit.createdBy,
          created_at: edit.createdAt.toISOString(),
          reverted_by: null,
          reverted_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRecord(row);
    },

    async markReverted(id, by, at) {
      await executor
        .updateTable('catalogue_edit')
        .set({ reverted_by: by, reverted_at: at.toISOString() })
        .where('id', '=', id)
        .where('reverted_at', 'is', null)
        .execute();
    },
  };
}
