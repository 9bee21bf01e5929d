import type { Generated } from 'kysely';

/**
 * What platform administrators change at run time: working-day calendar overrides and edits of the
 * rules catalogue. Both sit on top of data shipped with the code (chinese-days, the catalogue JSON), so
 * a release that updates that data keeps the admins' corrections.
 */

/** One day that departs from the seed calendar, as the State Council announced it. */
export interface CalendarOverrideTable {
  /** 'YYYY-MM-DD' in China time; one override per day. */
  date: string;
  kind: 'holiday' | 'workday';
  name_en: string | null;
  name_zh: string | null;
  /** Where the day comes from, e.g. the notice's title (国务院办公厅关于…部分节假日安排的通知). */
  source_text: string;
  source_url: string | null;
  /** "user:<id>". */
  created_by: string;
  created_at: string;
}

/** One change of the catalogue, applied in id order; a revert keeps the row for the record. */
export interface CatalogueEditTable {
  id: Generated<number>;
  /** province_rule, tld_add, tld_remove, lexicon_add, lexicon_remove. */
  kind: string;
  /** The change as JSON (kind included). */
  change: string;
  /** The source id the edit rests on: an existing source or the one `new_source` adds. */
  source_id: string;
  /** JSON of a source the edit adds to sources.json's list, or null. */
  new_source: string | null;
  created_by: string;
  created_at: string;
  reverted_by: string | null;
  reverted_at: string | null;
}

/**
 * A host the live footer check may fetch although it resolves to a private or loopback address (an
 * intranet test site, a staging server): public addresses need no entry.
 */
export interface FetchAllowHostTable {
  /** Lower-case ASCII host name or IP literal (IPv6 without brackets). */
  host: string;
  /** Why it is allowed, for the next administrator. */
  note: string;
  created_by: string;
  created_at: string;
}

export interface AdminTables {
  calendar_override: CalendarOverrideTable;
  catalogue_edit: CatalogueEditTable;
  fetch_allow_host: FetchAllowHostTable;
}
