import { stringify } from 'csv-stringify/sync';
import { formatRegistryRows, REGISTRY_CSV_COLUMNS } from './registry-csv.ts';
import type { RegistryEntry, RegistryStore } from './registry-store.ts';

/** Rows per CSV chunk: small enough to stream, large enough to amortise the stringifier. */
const ROWS_PER_CHUNK = 1_000;

/**
 * Registry entries as CSV text (header first, then one row per service), chunk by chunk, so a
 * national registry streams to a file in constant memory. The format is the one import reads.
 */
export async function* formatRegistryCsv(
  entries: AsyncIterable<RegistryEntry> | Iterable<RegistryEntry>,
): AsyncGenerator<string> {
  yield stringify([[...REGISTRY_CSV_COLUMNS]]);
  let rows: string[][] = [];
  for await (const entry of entries) {
    rows.push(...formatRegistryRows(entry));
    if (rows.length >= ROWS_PER_CHUNK) {
      yield stringify(rows);
      rows = [];
    }
  }
  if (rows.length > 0) yield stringify(rows);
}

/** The whole registry as CSV, in entity order (see formatRegistryCsv). */
export function exportRegistry(deps: { registry: RegistryStore }): AsyncGenerator<string> {
  return formatRegistryCsv(deps.registry.streamEntries());
}
